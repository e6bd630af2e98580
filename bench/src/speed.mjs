// Throughput of decoding and signing, ours beside the peers, in interleaved rounds.
import { createInvoice, decode, signInvoice } from '@lninvoice/core';
import { nobleSecp256k1 } from '@lninvoice/core/noble';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import * as noble from '@noble/secp256k1';
import bolt11 from 'bolt11';
import { decode as lightDecode } from 'light-bolt11-decoder';
import { interleavedRounds } from './rounds.mjs';

noble.hashes.hmacSha256 = (key, message) => hmac(sha256, key, message);

/**
 * A contender doing `f` on every item. What a library refuses is caught and counted, so every
 * contender does the same work and the report can say what each one rejected. `view` turns what
 * `f` gave for an item into a string that must be the same for every contender of a table: the
 * smoke run checks it, so that a faster contender is never one doing other work.
 */
export const contender = (name, items, f, view) => {
  const run = () => {
    let refused = 0;
    for (const item of items) {
      try {
        f(item);
      } catch {
        refused++;
      }
    }
    run.refused = refused;
  };
  const answers = () =>
    items.map((item) => {
      try {
        return view(f(item), item);
      } catch (error) {
        return `refused: ${error?.code ?? error?.message ?? error}`;
      }
    });
  return { name, ops: items.length, run, answers };
};

/** Throughput of each contender, with what it refused. */
export const measure = (contenders, options) =>
  interleavedRounds(contenders, options).map((result, k) => ({
    ...result,
    refused: contenders[k].run.refused,
  }));

/**
 * Where the contenders disagree: `{ item, answers }` for each item on which their views differ
 * (empty when they all agree). Each contender also runs once, as a round of the benchmark would.
 */
export const disagreements = (contenders) => {
  for (const c of contenders) c.run();
  const answers = contenders.map((c) => c.answers());
  const found = [];
  for (let item = 0; item < contenders[0].ops; item++) {
    const views = answers.map((a) => a[item]);
    if (views.some((v) => v !== views[0]))
      found.push({
        item,
        answers: Object.fromEntries(contenders.map((c, k) => [c.name, views[k]])),
      });
  }
  return found;
};

export const hex = (bytes) => Buffer.from(bytes).toString('hex');

/** What both parsers read: amount, payment hash, timestamp, description or its hash, expiry. */
const ourFields = (invoice) =>
  [
    invoice.amountMsat ?? '',
    hex(invoice.paymentHash),
    invoice.timestamp,
    invoice.description ?? hex(invoice.descriptionHash),
    invoice.expiry,
  ].join('|');
const lightFields = ({ sections }) => {
  const value = (name) => sections.find((s) => s.name === name)?.value;
  return [
    value('amount') ?? '',
    value('payment_hash'),
    value('timestamp'),
    value('description') ?? value('description_hash'),
    value('expiry') ?? 3600,
  ].join('|');
};

/** Parse-only: no elliptic-curve work (light-bolt11-decoder never checks signatures). */
export const parseContenders = (invoices) => [
  contender(
    'lninvoice decode, verify: false',
    invoices,
    (i) => decode(i, { verify: false }),
    ourFields,
  ),
  contender('light-bolt11-decoder decode', invoices, (i) => lightDecode(i), lightFields),
];

/**
 * Verified decode: the payee recovered (or `n` verified), beside bolt11 and noble's own recovery;
 * every contender must find the same payee.
 */
export const verifiedContenders = (invoices, nativeSecp256k1) => {
  const recoveries = invoices.map((invoice) => {
    const { signature, signingHash } = decode(invoice, { verify: false });
    return {
      signature: Uint8Array.of(signature.recoveryId, ...signature.compact),
      hash: signingHash,
    };
  });
  const payee = (invoice) => hex(invoice.payeeNodeKey);
  return [
    contender('lninvoice decode', invoices, (i) => decode(i), payee),
    contender(
      'noble recoverPublicKey (same hashes)',
      recoveries,
      ({ signature, hash }) => noble.recoverPublicKey(signature, hash, { prehash: false }),
      hex,
    ),
    contender(
      'lninvoice decode, noble backend',
      invoices,
      (i) => decode(i, { secp256k1: nobleSecp256k1 }),
      payee,
    ),
    contender(
      'lninvoice decode, native backend',
      invoices,
      (i) => decode(i, { secp256k1: nativeSecp256k1 }),
      payee,
    ),
    contender(
      'bolt11 decode (native libsecp256k1)',
      invoices,
      (i) => bolt11.decode(i),
      (d) => d.payeeNodeKey,
    ),
  ];
};

const BOLT11_NETWORKS = {
  bitcoin: { bech32: 'bc', pubKeyHash: 0x00, scriptHash: 0x05, validWitnessVersions: [0, 1] },
  testnet: { bech32: 'tb', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0, 1] },
  regtest: { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0, 1] },
};
/** The fields both libraries write: amount, hashes, description, expiry, CLTV delta, features. */
const commonParams = ({ params, privateKey }) => ({
  privateKey,
  params: {
    network: params.network,
    amountMsat: params.amountMsat,
    paymentHash: params.paymentHash,
    paymentSecret: params.paymentSecret,
    timestamp: params.timestamp,
    ...(params.description
      ? { description: params.description }
      : { descriptionHash: params.descriptionHash }),
    expiry: params.expiry ?? 3600,
    minFinalCltvExpiryDelta: params.minFinalCltvExpiryDelta ?? 18,
  },
});

/** The same invoice as bitcoinjs bolt11's `encode` takes it. */
const bolt11Data = ({ params, privateKey }) => ({
  key: hex(privateKey),
  data: {
    network: BOLT11_NETWORKS[params.network],
    ...(params.amountMsat === undefined ? {} : { millisatoshis: String(params.amountMsat) }),
    timestamp: params.timestamp,
    tags: [
      { tagName: 'payment_hash', data: hex(params.paymentHash) },
      { tagName: 'payment_secret', data: hex(params.paymentSecret) },
      params.description
        ? { tagName: 'description', data: params.description }
        : { tagName: 'purpose_commit_hash', data: hex(params.descriptionHash) },
      { tagName: 'expire_time', data: params.expiry },
      { tagName: 'min_final_cltv_expiry', data: params.minFinalCltvExpiryDelta },
      // What core writes by default: var_onion_optin and payment_secret, both required. bolt11
      // cannot write core's form (bits 8 and 14 in 3 words): it writes bits 8, 9, 14 and 15 in
      // 4, the same features required, one word longer.
      {
        tagName: 'feature_bits',
        data: {
          word_length: 4,
          var_onion_optin: { required: true, supported: true },
          payment_secret: { required: true, supported: true },
        },
      },
    ],
  },
});

/**
 * Create + sign from the same parameters, beside bolt11's encode + sign and noble's bare `sign`
 * (of our invoice's hash): every contender must sign an invoice with the same fields, with the key
 * of the same payee.
 */
export const signContenders = (entries) => {
  const ours = entries.map(commonParams);
  const theirs = ours.map(bolt11Data);
  /** The fields of an invoice (features as the names required), read back with our decoder. */
  const signedFields = (invoice) => {
    const required = invoice.features.filter((f) => f.required).map((f) => f.name);
    return `${ourFields(invoice)}|${invoice.minFinalCltvExpiryDelta}|${required}`;
  };
  const signed = (text) => {
    const invoice = decode(text);
    return `${hex(invoice.payeeNodeKey)}|${signedFields(invoice)}`;
  };
  const hashes = ours.map(({ params, privateKey }) => {
    const invoice = decode(signInvoice(createInvoice(params), privateKey), { verify: false });
    return { privateKey, hash: invoice.signingHash, fields: signedFields(invoice) };
  });
  return [
    contender(
      'lninvoice createInvoice + signInvoice',
      ours,
      ({ params, privateKey }) => signInvoice(createInvoice(params), privateKey),
      signed,
    ),
    contender(
      'noble sign (same hashes)',
      hashes,
      ({ hash, privateKey }) =>
        noble.sign(hash, privateKey, { prehash: false, format: 'recovered' }),
      (signature, { hash, fields }) =>
        `${hex(noble.recoverPublicKey(signature, hash, { prehash: false }))}|${fields}`,
    ),
    contender(
      'bolt11 encode + sign (native)',
      theirs,
      ({ data, key }) => bolt11.sign(bolt11.encode(data, false), key),
      (result) => signed(result.paymentRequest),
    ),
  ];
};
