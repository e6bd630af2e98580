// What the builders of signed messages return: the records to sign, and what signing needs.

import { readBack } from './create-offer.js';
import { decodeBytes } from './decode.js';
import { readContext } from './options.js';
import { type TlvRecord, writeTlvStream } from './tlv.js';
import { sortedRecords } from './write.js';

/** An invoice request or invoice, built and checked, waiting for its signature. */
export interface UnsignedBolt12 {
  /** The kind of message. */
  readonly kind: 'invoice_request' | 'invoice';
  /** Its records, in order, without a signature. */
  readonly records: readonly TlvRecord[];
  /** The Merkle root of the records. */
  readonly merkleRoot: Uint8Array;
  /** The hash to sign: H("lightning" || kind || "signature", merkleRoot). */
  readonly signatureHash: Uint8Array;
  /** The key that must sign: `invreq_payer_id` or `invoice_node_id`. */
  readonly signingKey: Uint8Array;
}

const UNSIGNED = { ...readContext({ verify: false }), unsigned: true };

/** `records` as a message of `kind`, read back with every rule but the signature's. */
export const unsigned = (
  kind: UnsignedBolt12['kind'],
  records: readonly TlvRecord[],
): UnsignedBolt12 => {
  const sorted = sortedRecords(records);
  const message = readBack(() => decodeBytes(kind, writeTlvStream(sorted), UNSIGNED));
  return Object.freeze({
    kind,
    records: sorted,
    merkleRoot: message.merkleRoot,
    signatureHash: message.signatureHash,
    signingKey: message.kind === 'invoice' ? message.nodeId : message.payerId,
  });
};
