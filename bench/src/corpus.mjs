// The benchmark corpus: realistic invoices made by a seeded generator with @lninvoice/core, plus
// the BOLT 11 spec vectors. Networks are those every peer knows (bolt11 has no signet).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInvoice, nodeKeyOf, signInvoice } from '@lninvoice/core';
import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { prng } from './prng.mjs';

const NETWORKS = [
  { name: 'bitcoin', bech32: 'bc', p2pkh: 0x00, p2sh: 0x05 },
  { name: 'testnet', bech32: 'tb', p2pkh: 0x6f, p2sh: 0xc4 },
  { name: 'regtest', bech32: 'bcrt', p2pkh: 0x6f, p2sh: 0xc4 },
];
const DESCRIPTIONS = [
  'coffee',
  'Invoice #4821 — 2 × espresso, 1 × croissant',
  'Zahlung für Bestellung 2024-117 (Größe M)',
  '注文番号 58213: ライトニング決済',
  'Оплата заказа №1138',
  'tip ⚡️🙏 thanks for the stream!',
  'Donation to the project. Every sat helps keep the servers running — merci!',
  'Subscription renewal: Pro plan, monthly, account 8f3a-22c1',
];
const base58check = createBase58check(sha256);

/** A fallback address of every kind: P2PKH, P2SH, P2WPKH, P2WSH, P2TR. */
const fallbackAddress = (random, network) => {
  const kind = random.int(0, 4);
  if (kind === 0) return base58check.encode(Uint8Array.of(network.p2pkh, ...random.bytes(20)));
  if (kind === 1) return base58check.encode(Uint8Array.of(network.p2sh, ...random.bytes(20)));
  if (kind === 4) return bech32m.encode(network.bech32, [1, ...bech32m.toWords(random.bytes(32))]);
  return bech32.encode(network.bech32, [0, ...bech32.toWords(random.bytes(kind === 2 ? 20 : 32))]);
};

/** An amount in millisatoshis written with every multiplier, pico (sub-satoshi) included. */
const amount = (random) => {
  const roll = random.int(0, 9);
  if (roll === 0) return undefined;
  if (roll === 1) return BigInt(random.int(1, 999_999)) * 1000n + BigInt(random.int(1, 9)) * 100n;
  if (roll <= 6) return BigInt(random.int(1, 5_000_000)) * 1000n;
  return BigInt(random.int(1, 200)) * 100_000_000_000n;
};

/**
 * `count` invoices from `seed`, signed by keys of a small pool of nodes (as a merchant's invoices
 * are), each with its private key.
 */
export const generateInvoices = (count, seed = 1) => {
  const random = prng(seed);
  const nodes = Array.from({ length: 16 }, () => random.bytes(32));
  const payees = new Map(nodes.map((key) => [key, nodeKeyOf(key)]));
  // Route hints name the few public nodes the payee has channels with.
  const peers = Array.from({ length: 24 }, () => nodeKeyOf(random.bytes(32)));
  const invoices = [];
  while (invoices.length < count) {
    const network = random.pick(NETWORKS);
    const privateKey = random.pick(nodes);
    const params = {
      network: network.name,
      amountMsat: amount(random),
      paymentHash: random.bytes(32),
      paymentSecret: random.bytes(32),
      timestamp: 1_700_000_000 + random.int(0, 50_000_000),
      ...(random.chance(0.25)
        ? { descriptionHash: random.bytes(32) }
        : {
            description: random
              .pick(DESCRIPTIONS)
              .repeat(random.chance(0.2) ? random.int(2, 4) : 1),
          }),
      ...(random.chance(0.5) ? { expiry: random.pick([60, 600, 3600, 86_400, 604_800]) } : {}),
      ...(random.chance(0.5) ? { minFinalCltvExpiryDelta: random.pick([18, 40, 80, 144]) } : {}),
      ...(random.chance(0.25)
        ? {
            fallbackAddresses: Array.from({ length: random.int(1, 2) }, () =>
              fallbackAddress(random, network),
            ),
          }
        : {}),
      ...(random.chance(0.4)
        ? {
            routeHints: Array.from({ length: random.int(1, 2) }, () =>
              Array.from({ length: random.int(1, 3) }, () => ({
                pubkey: random.pick(peers),
                shortChannelId: `${random.int(500_000, 900_000)}x${random.int(0, 3000)}x${random.int(0, 3)}`,
                feeBaseMsat: random.int(0, 2000),
                feeProportionalMillionths: random.int(0, 5000),
                cltvExpiryDelta: random.pick([40, 80, 144]),
              })),
            ),
          }
        : {}),
      ...(random.chance(0.3) ? { metadata: random.bytes(random.int(8, 64)) } : {}),
      ...(random.chance(0.2) ? { payeeNodeKey: payees.get(privateKey) } : {}),
      ...(random.chance(0.3)
        ? {
            features: {
              var_onion_optin: 'required',
              payment_secret: 'required',
              basic_mpp: 'optional',
            },
          }
        : {}),
    };
    const invoice = signInvoice(createInvoice(params), privateKey);
    // The range: realistic invoices of 250 to 1500 characters.
    if (invoice.length >= 250 && invoice.length <= 1500)
      invoices.push({ invoice, privateKey, params });
  }
  return invoices;
};

const VECTORS = join(dirname(fileURLToPath(import.meta.url)), '../../test-support/vectors/bolt11');
const vectors = (file) =>
  JSON.parse(readFileSync(join(VECTORS, file), 'utf8')).map((v) => v.invoice);

/** The valid invoices of the BOLT 11 text (test-support's copy of the shared vectors). */
export const specInvoices = () => vectors('spec-valid.json');

/** The invoices the BOLT 11 text says a reader must reject. */
export const specInvalidInvoices = () => vectors('spec-invalid.json');
