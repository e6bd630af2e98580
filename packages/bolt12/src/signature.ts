// Checking a message's signature: BIP 340 over "the Merkle-root" of the ORIGINAL records, tagged
// "lightning" || messagename || "signature", under the key the spec names for the message.

import { sha256 } from '@lninvoice/core/hash';
import { hashes, schnorr } from '@noble/secp256k1';
import type { FieldKey } from './fields.js';
import { merkleRoot, signatureHash } from './merkle.js';
import type { ReadMessage } from './read.js';

/** The Merkle root and signature hash of `message`, and whether its signature was checked. */
export interface SignatureCheck {
  readonly merkleRoot: Uint8Array;
  readonly signatureHash: Uint8Array;
  readonly verified: boolean;
}

/** BIP 340 verification of a 64-byte signature under the x coordinate of a 33-byte key. */
export const verifySchnorr = (
  signature: Uint8Array,
  hash: Uint8Array,
  key: Uint8Array,
): boolean => {
  hashes.sha256 ??= sha256;
  return schnorr.verify(signature, hash, key.subarray(1));
};

/**
 * The signature check of an invoice request (key `invreq_payer_id`) or an invoice (key
 * `invoice_node_id`): "MUST reject … if `signature` is not correct as detailed in Signature
 * Calculation". A message without a signature has none to check.
 */
export const checkSignature = (
  message: ReadMessage,
  key: Uint8Array,
  keyField: FieldKey,
  verify: boolean,
): SignatureCheck => {
  const root = merkleRoot(message.bytes, message.records);
  const hash = signatureHash(message.kind, 'signature', root);
  const signature = message.fields.signature;
  if (!verify || signature === undefined)
    return { merkleRoot: root, signatureHash: hash, verified: false };
  if (!verifySchnorr(signature, hash, key)) {
    message.fail(
      'invalid-signature',
      `the signature does not match the message and its ${keyField === 'invoiceNodeId' ? 'invoice_node_id' : 'invreq_payer_id'}: a field was changed, or another key signed`,
      'signature',
    );
  }
  return { merkleRoot: root, signatureHash: hash, verified: true };
};
