// Messages for the tests: built with the package's builders from fixed keys, and edited record by
// record (re-signed or not) to reach one rule at a time.
import { nodeKeyOf } from '@lninvoice/core';
import { sha256 } from '@noble/hashes/sha2.js';
import { hashes, schnorr } from '@noble/secp256k1';
import { bolt12String } from 'test-support/bolt12-vectors';
import {
  createInvoice,
  createInvoiceRequest,
  createOffer,
  decodeBolt12,
  encodeBolt12,
  signBolt12,
  type TlvRecord,
} from '../src/index.js';
import { merkleRoot, signatureHash } from '../src/merkle.js';
import { readTlvStream, writeTlvStream } from '../src/tlv.js';

hashes.sha256 ??= sha256;

export const ALICE = '41'.repeat(32); // the issuer
export const BOB = '42'.repeat(32); // the payer
export const ALICE_ID = nodeKeyOf(ALICE);
export const BOB_ID = nodeKeyOf(BOB);
/** secp256k1's generator: a valid key for paths. */
export const G = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';
export const NOT_A_KEY = `02${'ff'.repeat(32)}`;

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
export const unhex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));

export const PATH = {
  firstNodeId: { nodeId: G },
  firstPathKey: G,
  hops: [{ blindedNodeId: G, encryptedRecipientData: 'aabb' }],
};
export const PAY_INFO = {
  feeBaseMsat: 1000,
  feeProportionalMillionths: 100,
  cltvExpiryDelta: 144,
  htlcMinimumMsat: 1n,
  htlcMaximumMsat: 10n ** 10n,
};

export const offer = (params: Record<string, unknown> = {}) =>
  encodeBolt12(
    createOffer({ description: 'coffee', amountMsat: 5000n, issuerId: ALICE_ID, ...params }),
  );

export const request = (
  params: Record<string, unknown> = {},
  offerParams: Record<string, unknown> = {},
) =>
  signBolt12(
    createInvoiceRequest({
      offer: offer(offerParams),
      payerId: BOB_ID,
      invreqMetadata: '0102',
      ...params,
    }),
    BOB,
  );

export const invoice = (
  params: Record<string, unknown> = {},
  requestParams: Record<string, unknown> = {},
  offerParams: Record<string, unknown> = {},
  key = ALICE,
) =>
  signBolt12(
    createInvoice({
      request: request(requestParams, offerParams),
      paymentHash: '11'.repeat(32),
      createdAt: 1700000000,
      paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
      ...params,
    }),
    key,
  );

/** Records of a (valid) message string. */
export const recordsOf = (text: string): TlvRecord[] => [
  ...decodeBolt12(text, { verify: false }).records,
];

const PREFIX = { lno: 'lno', lnr: 'lnr', lni: 'lni' } as const;
const KIND = { lno: 'offer', lnr: 'invoice_request', lni: 'invoice' } as const;

/** Signs `records` (without their signature) for `kind` with `key`, as BOLT 12 does. */
export const resign = (
  kind: 'invoice_request' | 'invoice',
  records: readonly TlvRecord[],
  key: string,
): TlvRecord[] => {
  const unsigned = records.filter((r) => r.type < 240n || r.type > 1000n);
  const bytes = writeTlvStream(unsigned);
  const root = merkleRoot(
    bytes,
    readTlvStream(bytes, (s, e) => [s, e]),
  );
  const signature = schnorr.sign(
    signatureHash(kind, 'signature', root),
    unhex(key),
    new Uint8Array(32),
  );
  return [...unsigned, { type: 240n, value: signature }].sort((a, b) => (a.type < b.type ? -1 : 1));
};

/**
 * `text` with its records changed by `change`, written back (no checks), re-signed with `key`
 * when given — so that the edit, not the signature, is what a reader meets.
 */
export const edited = (
  text: string,
  change: (records: TlvRecord[]) => TlvRecord[],
  key?: string,
): string => {
  const prefix = text.slice(0, 3) as keyof typeof PREFIX;
  let records = change(recordsOf(text));
  if (key !== undefined)
    records = resign(KIND[prefix] as 'invoice_request' | 'invoice', records, key);
  return bolt12String(PREFIX[prefix], hex(writeTlvStream(records)));
};

/** Records with the record of `type` removed. */
export const without = (type: number) => (records: TlvRecord[]) =>
  records.filter((r) => r.type !== BigInt(type));

/** Records with the record of `type` set to `value` (added in order when absent). */
export const withRecord =
  (type: number | bigint, value: Uint8Array | string) => (records: TlvRecord[]) =>
    [
      ...records.filter((r) => r.type !== BigInt(type)),
      { type: BigInt(type), value: typeof value === 'string' ? unhex(value) : value },
    ].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));

/** `text` with the character at `at` (negative: from the end) changed to another bech32 character. */
export const flip = (text: string, at: number): string => {
  const i = at < 0 ? text.length + at : at;
  const c = text[i] === 'q' ? 'p' : 'q';
  return text.slice(0, i) + c + text.slice(i + 1);
};
