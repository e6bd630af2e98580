// Signature calculation: "H(`tag`,`msg`) as SHA256(SHA256(`tag`) || SHA256(`tag`) || `msg`)", and
// the Merkle tree over a message's TLV records whose root each signature signs.
import { sha256 } from '@lninvoice/core/hash';
import { concatBytes, encodeUtf8 } from '@lninvoice/core/text';
import type { ReadRecord } from './tlv.js';

/** H(tag, msg), BIP 340's tagged hash. */
export const taggedHash = (tag: string | Uint8Array, msg: Uint8Array): Uint8Array => {
  const tagHash = sha256(typeof tag === 'string' ? (encodeUtf8(tag) as Uint8Array) : tag);
  return sha256(concatBytes(tagHash, tagHash, msg));
};

/** A tagged hash with its tag hashed once, for the many leaves of one tree. */
const hasher = (tag: Uint8Array) => {
  const prefix = sha256(tag);
  const buffer = new Uint8Array(64 + 64);
  buffer.set(prefix, 0);
  buffer.set(prefix, 32);
  return (msg: Uint8Array): Uint8Array => {
    if (64 + msg.length > buffer.length) return sha256(concatBytes(prefix, prefix, msg));
    buffer.set(msg, 64);
    return sha256(buffer.subarray(0, 64 + msg.length));
  };
};

const LEAF = hasher(encodeUtf8('LnLeaf') as Uint8Array);
const BRANCH = hasher(encodeUtf8('LnBranch') as Uint8Array);
const LN_NONCE = encodeUtf8('LnNonce') as Uint8Array;

/** Lexicographic comparison of two hashes. */
const less = (a: Uint8Array, b: Uint8Array): boolean => {
  for (let i = 0; i < 32; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
};

/** "inner nodes are H("LnBranch", lesser-SHA256||greater-SHA256)". */
const branch = (a: Uint8Array, b: Uint8Array): Uint8Array =>
  less(a, b) ? BRANCH(concatBytes(a, b)) : BRANCH(concatBytes(b, a));

/** Signature TLV elements: "TLV types 240 through 1000 (inclusive)". */
export const isSignatureType = (type: bigint | number): boolean => type >= 240 && type <= 1000;

/**
 * The Merkle root of `bytes`' records, signature records left out. "The Merkle tree's leaves
 * are, in TLV-ascending order for each tlv: 1. The H("LnLeaf",tlv). 2. The
 * H("LnNonce"||first-tlv,tlv-type)"; "If there is not exactly a power of 2 leaves, then the tree
 * depth will be uneven, with the deepest tree on the lowest-order leaves."
 */
export const merkleRoot = (bytes: Uint8Array, records: readonly ReadRecord[]): Uint8Array => {
  const signed = records.filter((r) => !isSignatureType(r.type));
  const first = signed[0];
  if (first === undefined) throw new RangeError('a message without records has no Merkle root');
  const nonce = hasher(concatBytes(LN_NONCE, bytes.subarray(first.start, first.end)));
  const nodes = signed.map((r) => {
    const typeEnd = r.end - r.value.length - lengthSize(r.value.length);
    return branch(LEAF(bytes.subarray(r.start, r.end)), nonce(bytes.subarray(r.start, typeEnd)));
  });
  for (let step = 1; step < nodes.length; step *= 2)
    for (let i = 0; i + step < nodes.length; i += step * 2)
      nodes[i] = branch(nodes[i] as Uint8Array, nodes[i + step] as Uint8Array);
  return nodes[0] as Uint8Array;
};

/** Bytes of the BigSize length of a value `length` bytes long. */
const lengthSize = (length: number): number =>
  length < 0xfd ? 1 : length < 0x10000 ? 3 : length < 0x100000000 ? 5 : 9;

/**
 * The hash a signature signs: H("lightning" || messagename || fieldname, root), e.g. the tag
 * "lightninginvoice_requestsignature".
 */
export const signatureHash = (
  messageName: string,
  fieldName: string,
  root: Uint8Array,
): Uint8Array => taggedHash(`lightning${messageName}${fieldName}`, root);
