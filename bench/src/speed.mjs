// Throughput of decoding and signing, ours beside the peers, in interleaved rounds.
import { createInvoice, decode, nobleSecp256k1, signInvoice } from '@lninvoice/core';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import * as noble from '@noble/secp256k1';
import bolt11 from 'bolt11';
import { decode as lightDecode } from 'light-bolt11-decoder';
import { interleavedRounds } from './rounds.mjs';

noble.hashes.hmacSha256 = (key, message) => hmac(sha256, key, message);

/**
 * A contender doing `f` on every item. What a library refuses is caught and counted, so every
 * contender does the same work and the report can say what each one rejected.
 */
const contender = (name, items, f) => {
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
  return { name, ops: items.length, run };
};

const measure = (contenders, options) =>
  interleavedRounds(contenders, options).map((result, k) => ({
    ...result,
    refused: contenders[k].run.refused,
  }));

/** Parse-only: no elliptic-curve work (light-bolt11-decoder never checks signatures). */
export const parseSpeed = (invoices, options) =>
  measure(
    [
      contender('lninvoice decode, verify: false', invoices, (i) => decode(i, { verify: false })),
      contender('light-bolt11-decoder decode', invoices, (i) => lightDecode(i)),
    ],
    options,
  );

/** Verified decode: the payee recovered (or `n` verified), beside bolt11 and noble's own recovery. */
export const verifiedSpeed = (invoices, nativeSecp256k1, options) => {
  const recoveries = invoices.map((invoice) => {
    const { signature, signingHash } = decode(invoice, { verify: false });
    return {
      signature: Uint8Array.of(signature.recoveryId, ...signature.compact),
      hash: signingHash,
    };
  });
  return measure(
    [
      contender('lninvoice decode', invoices, (i) => decode(i)),
      contender('noble recoverPublicKey (same hashes)', recoveries, ({ signature, hash }) =>
        noble.recoverPublicKey(signature, hash, { prehash: false }),
      ),
      contender('lninvoice decode, noble backend', invoices, (i) =>
        decode(i, { secp256k1: nobleSecp256k1 }),
      ),
      contender('lninvoice decode, native backend', invoices, (i) =>
        decode(i, { secp256k1: nativeSecp256k1 }),
      ),
      contender('bolt11 decode (native libsecp256k1)', invoices, (i) => bolt11.decode(i)),
    ],
    options,
  );
};

const BOLT11_NETWORKS = {
  bitcoin: { bech32: 'bc', pubKeyHash: 0x00, scriptHash: 0x05, validWitnessVersions: [0, 1] },
  testnet: { bech32: 'tb', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0, 1] },
  regtest: { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0, 1] },
};
const hex = (bytes) => Buffer.from(bytes).toString('hex');

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
      // What core writes by default: var_onion_optin and payment_secret, both required.
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

/** Create + sign from the same parameters, beside bolt11's encode + sign and noble's bare `sign`. */
export const signSpeed = (entries, options) => {
  const ours = entries.map(commonParams);
  const theirs = ours.map(bolt11Data);
  const hashes = ours.map(({ params, privateKey }) => ({
    privateKey,
    hash: decode(signInvoice(createInvoice(params), privateKey), { verify: false }).signingHash,
  }));
  return measure(
    [
      contender('lninvoice createInvoice + signInvoice', ours, ({ params, privateKey }) =>
        signInvoice(createInvoice(params), privateKey),
      ),
      contender('noble sign (same hashes)', hashes, ({ hash, privateKey }) =>
        noble.sign(hash, privateKey, { prehash: false, format: 'recovered' }),
      ),
      contender('bolt11 encode + sign (native)', theirs, ({ data, key }) =>
        bolt11.sign(bolt11.encode(data, false), key),
      ),
    ],
    options,
  );
};
