// The BOLT 12 corpus: offers and signed invoices built with @lninvoice/bolt12 by a seeded
// generator, every key a fresh one (a blinded path's keys are new in every offer), so that no
// reader's memory of keys it has seen does the work.
import { readFileSync } from 'node:fs';
import {
  createInvoice,
  createInvoiceRequest,
  createOffer,
  encodeBolt12,
  signBolt12,
} from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';
import { prng } from './prng.mjs';

const DESCRIPTIONS = [
  'coffee',
  'Invoice #4821 — 2 × espresso, 1 × croissant',
  'Zahlung für Bestellung 2024-117 (Größe M)',
  '注文番号 58213: ライトニング決済',
  'Donation to the project. Every sat helps keep the servers running — merci!',
];

/** A private key and its compressed public key. */
const keyPair = (random) => {
  const privateKey = random.bytes(32);
  return { privateKey, publicKey: nodeKeyOf(privateKey) };
};

/**
 * A blinded path of `hops` hops, introduced by a node id: the path BOLT 12 offers and invoices
 * carry (first_node_id, first_path_key, then each hop's blinded id and encrypted data).
 */
const blindedPath = (random, hops) => ({
  firstNodeId: { nodeId: keyPair(random).publicKey },
  firstPathKey: keyPair(random).publicKey,
  hops: Array.from({ length: hops }, () => ({
    blindedNodeId: keyPair(random).publicKey,
    encryptedRecipientData: random.bytes(random.int(40, 90)),
  })),
});

/** `count` minimal offers: `offer_issuer_id` alone, as the spec's "Minimal bolt12 offer". */
export const minimalOffers = (count, seed = 1) => {
  const random = prng(seed);
  return Array.from({ length: count }, () =>
    encodeBolt12(createOffer({ issuerId: keyPair(random).publicKey })),
  );
};

/**
 * `count` offers with every offer field: two chains, metadata, an amount, a description, a
 * feature, an expiry, a two-hop blinded path, an issuer, a quantity and the issuer id.
 */
export const fullOffers = (count, seed = 1) => {
  const random = prng(seed);
  return Array.from({ length: count }, () =>
    encodeBolt12(
      createOffer({
        chains: ['bitcoin', 'testnet'],
        metadata: random.bytes(16),
        amountMsat: BigInt(random.int(1, 5_000_000)) * 1000n,
        description: random.pick(DESCRIPTIONS),
        features: [random.pick([99, 101, 121])],
        absoluteExpiry: 1_800_000_000 + random.int(0, 100_000_000),
        paths: [blindedPath(random, 2)],
        issuer: 'https://bolt12.org BOLT12 industries',
        quantityMax: random.int(2, 20),
        issuerId: keyPair(random).publicKey,
      }),
    ),
  );
};

/**
 * `count` signed invoices, each answering its own offer (an amount, a description, a two-hop
 * path and the issuer id) through its own signed invoice request, paid through a two-hop
 * path: what a payer reads back. Keys are fixed by the seed.
 */
export const signedInvoices = (count, seed = 1) => {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const issuer = keyPair(random);
    const payer = keyPair(random);
    const offer = encodeBolt12(
      createOffer({
        amountMsat: BigInt(random.int(1, 5_000_000)) * 1000n,
        description: random.pick(DESCRIPTIONS),
        paths: [blindedPath(random, 2)],
        issuerId: issuer.publicKey,
      }),
    );
    const request = signBolt12(
      createInvoiceRequest({
        offer,
        payerId: payer.publicKey,
        invreqMetadata: random.bytes(32),
        payerNote: 'thanks!',
      }),
      payer.privateKey,
    );
    const invoice = createInvoice({
      request,
      paths: [
        {
          ...blindedPath(random, 2),
          blindedPayInfo: {
            feeBaseMsat: random.int(0, 2000),
            feeProportionalMillionths: random.int(0, 5000),
            cltvExpiryDelta: random.pick([40, 80, 144]),
            htlcMinimumMsat: 1000n,
            htlcMaximumMsat: 1_000_000_000n,
          },
        },
      ],
      paymentHash: random.bytes(32),
      createdAt: 1_700_000_000 + random.int(0, 50_000_000),
      features: [17],
    });
    return signBolt12(invoice, issuer.privateKey);
  });
};

/** The offers of the spec's vectors (test-support's copy) that a reader must reject. */
export const specInvalidOffers = () =>
  JSON.parse(
    readFileSync(
      new URL('../../test-support/vectors/bolt12/offers-test.json', import.meta.url),
      'utf8',
    ),
  )
    .filter((v) => !v.valid)
    .map((v) => v.bolt12);
