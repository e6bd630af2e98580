// Throughput of BOLT 12 decoding, ours beside the peers, and of our invoice signature check beside
// noble's bare BIP 340 verification. The contenders of a table read the same fields of the same
// messages (see `contender` in speed.mjs).
import { decodeInvoice, decodeOffer } from '@lninvoice/bolt12';
import { sha256 } from '@noble/hashes/sha2.js';
import * as noble from '@noble/secp256k1';
// What decodeInvoice runs to check a signature, from the built package's own modules (they are
// not exports): the string read to bytes, the records read, then the check itself.
import { merkleRoot, signatureHash } from '../../packages/bolt12/dist/merkle.js';
import { readMessage } from '../../packages/bolt12/dist/read.js';
import { checkSignature } from '../../packages/bolt12/dist/signature.js';
import { readBolt12Text } from '../../packages/bolt12/dist/string.js';
import { countBoltzPaths, decoderDecode, readBoltz } from './bolt12-peers.mjs';
import { contender, hex } from './speed.mjs';

// noble's synchronous BIP 340 needs a SHA-256; our verifier lends it core's, the same function.
noble.hashes.sha256 ??= sha256;

/** What every offer reader gives: description, amount, issuer id, paths, expiry, issuer. */
const offerView = (o) =>
  [
    o.description ?? '',
    o.amountMsat ?? '',
    o.issuerId ?? '',
    o.paths,
    o.absoluteExpiry ?? '',
    o.issuer ?? '',
  ].join('|');

/** Offers: bolt12-decoder and boltz check less (see the report), but read the same fields. */
export const offerContenders = (offers, boltz) => [
  contender('lninvoice decodeOffer', offers, decodeOffer, (o) =>
    offerView({ ...o, issuerId: o.issuerId && hex(o.issuerId), paths: o.paths.length }),
  ),
  contender(
    'bolt12-decoder decode',
    offers,
    decoderDecode,
    // Its amount is a string, its expiry a number, its paths absent when there are none.
    (o) => offerView({ ...o, amountMsat: o.amount, paths: o.paths?.length ?? 0 }),
  ),
  contender(
    'boltz-bolt12 new Offer (wasm), fields read',
    offers,
    (text) =>
      readBoltz(new boltz.Offer(text), (o) =>
        offerView({
          description: o.description,
          amountMsat: o.amount,
          issuerId: o.signing_pubkey && hex(o.signing_pubkey),
          paths: countBoltzPaths(o.paths),
          absoluteExpiry: o.expiry,
          issuer: o.issuer,
        }),
      ),
    (view) => view,
  ),
];

/** What every invoice reader gives: payment hash, amount, node id, paths, description. */
const invoiceView = (i) =>
  [i.paymentHash, i.amountMsat, i.nodeId, i.paths, i.description ?? ''].join('|');
const ourInvoiceView = (i) =>
  invoiceView({
    paymentHash: hex(i.paymentHash),
    amountMsat: i.amountMsat,
    nodeId: hex(i.nodeId),
    paths: i.paths.length,
    description: i.offer.description,
  });

/**
 * Signed invoices: ours and boltz check the signature (ours by default), bolt12-decoder does not;
 * ours with `verify: false` is the row to set beside it.
 */
export const invoiceContenders = (invoices, boltz) => [
  contender('lninvoice decodeInvoice (verifies)', invoices, decodeInvoice, ourInvoiceView),
  contender(
    'boltz-bolt12 new Invoice (wasm, verifies), fields read',
    invoices,
    (text) =>
      readBoltz(new boltz.Invoice(text), (i) =>
        invoiceView({
          paymentHash: hex(i.payment_hash),
          amountMsat: i.amount_msat,
          nodeId: hex(i.signing_pubkey),
          paths: countBoltzPaths(i.payment_paths),
          description: i.description,
        }),
      ),
    (view) => view,
  ),
  contender(
    'lninvoice decodeInvoice, verify: false',
    invoices,
    (text) => decodeInvoice(text, { verify: false }),
    ourInvoiceView,
  ),
  contender('bolt12-decoder decode (no signature check)', invoices, decoderDecode, (i) =>
    invoiceView({ ...i, amountMsat: i.amount, paths: i.paths.length }),
  ),
];

/**
 * An invoice's signature check as decodeInvoice does it (Merkle root of the records, the tagged
 * signature hash, BIP 340 verification under invoice_node_id), beside noble's `schnorr.verify`
 * alone on the same hash, signature and key, and the hashing alone. Each finds the same hash.
 */
export const signatureContenders = (invoices) => {
  const messages = invoices.map((text) => {
    const { prefix, bytes, spanOf } = readBolt12Text(text, 'the invoice');
    if (prefix !== 'lni') throw new Error(`not an invoice: ${text}`);
    return readMessage('invoice', bytes, spanOf, []);
  });
  const checks = messages.map((message) => {
    const { signatureHash: hash } = checkSignature(
      message,
      message.fields.invoiceNodeId,
      'invoiceNodeId',
      false,
    );
    return {
      signature: message.fields.signature,
      hash,
      xOnlyKey: message.fields.invoiceNodeId.subarray(1),
    };
  });
  return [
    contender(
      'lninvoice Merkle root + signature hash + BIP 340 verify',
      messages,
      (message) => checkSignature(message, message.fields.invoiceNodeId, 'invoiceNodeId', true),
      (check) => hex(check.signatureHash),
    ),
    contender(
      'noble schnorr.verify (same hash, signature, key)',
      checks,
      ({ signature, hash, xOnlyKey }) => noble.schnorr.verify(signature, hash, xOnlyKey),
      (valid, { hash }) => (valid ? hex(hash) : 'invalid'),
    ),
    contender(
      'lninvoice Merkle root + signature hash alone',
      messages,
      (message) =>
        signatureHash('invoice', 'signature', merkleRoot(message.bytes, message.records)),
      hex,
    ),
  ];
};
