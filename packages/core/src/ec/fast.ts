// The default Secp256k1 backend of @lninvoice/core: recovery and verification by GLV split and
// Straus interleaving over @noble/secp256k1's Point (about twice noble's own speed), keys
// decompressed by an addition-chain square root, curve-point checks by the Jacobi symbol
// (@lninvoice/core/point), and noble's RFC 6979 signing.
import { etc, Point } from '@noble/secp256k1';
import { isValidPublicKey } from '../point.js';
import {
  CURVE_ORDER as N,
  nobleSign,
  type Secp256k1,
  type Secp256k1Verifier,
} from '../secp256k1.js';
import { endomorphism, splitScalar } from './glv.js';
import { sqrtModP } from './sqrt.js';
import { mapMultiples, multiScalarMultiply, type OddMultiples, oddMultiples } from './straus.js';

const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;
/**
 * Window widths. G's odd multiples are computed once per process: a one-off decode builds a small
 * table (64 points, a fraction of a millisecond); a process that keeps verifying switches to a wide
 * one (2048 points: ~10 ms once, ~1.6 MB), which saves a few additions on every later signature.
 * Each other point gets a narrow table of its own.
 */
const SMALL_G_WIDTH = 6;
const WIDE_G_WIDTH = 13;
const WIDE_AFTER = 128;
const POINT_WIDTH = 5;

let baseTables: [OddMultiples, OddMultiples] | undefined;
let multiplications = 0;
/** Odd multiples of G and of φ(G). */
const tablesOfG = (): [OddMultiples, OddMultiples] => {
  multiplications++;
  if (!baseTables || multiplications === WIDE_AFTER) {
    const g = oddMultiples(Point.BASE, baseTables ? WIDE_G_WIDTH : SMALL_G_WIDTH);
    baseTables = [g, mapMultiples(g, endomorphism)];
  }
  return baseTables;
};

const toBigInt = (bytes: Uint8Array): bigint => BigInt(`0x${etc.bytesToHex(bytes)}`);

/** The odd multiples of a point and of its image under φ: what one scalar of `combine` needs. */
type PointTables = readonly [OddMultiples, OddMultiples];

const tablesOf = (point: Point): PointTables => {
  const table = oddMultiples(point, POINT_WIDTH);
  return [table, mapMultiples(table, endomorphism)];
};

/** k·G + m·P, both scalars split by the endomorphism: four half-length streams, one chain. */
const combine = (k: bigint, m: bigint, [table, phiTable]: PointTables): Point => {
  const [g, phiG] = tablesOfG();
  const a = splitScalar(k);
  const b = splitScalar(m);
  return multiScalarMultiply([
    { scalar: a.k1, multiples: g },
    { scalar: a.k2, multiples: phiG },
    { scalar: b.k1, multiples: table },
    { scalar: b.k2, multiples: phiTable },
  ]);
};

const compressed = (point: Point): Uint8Array => {
  const { x, y } = point.toAffine();
  const out = new Uint8Array(33);
  out[0] = y & 1n ? 3 : 2;
  out.set(etc.numberToBytesBE(x), 1);
  return out;
};

/** The point of a 33-byte compressed encoding, or undefined when there is none. */
const decompress = (bytes: Uint8Array): Point | undefined => {
  const prefix = bytes[0];
  if (bytes.length !== 33 || (prefix !== 2 && prefix !== 3)) return undefined;
  const x = toBigInt(bytes.subarray(1));
  if (x >= P) return undefined;
  const root = sqrtModP((((x * x) % P) * x + 7n) % P);
  if (root === undefined) return undefined;
  // The prefix gives the parity of y: 2 for even, 3 for odd.
  const y = (root & 1n) === BigInt(prefix & 1) ? root : P - root;
  return Point.fromAffine({ x, y });
};

/**
 * Tables of the node keys verified lately. A payer sees the same payees again and again, and the
 * square root and the eight additions of a key's table are the same every time.
 */
const keyTables = new Map<string, PointTables>();
const KEY_TABLES_KEPT = 64;

const tablesOfKey = (publicKey: Uint8Array): PointTables | undefined => {
  const hex = etc.bytesToHex(publicKey);
  const known = keyTables.get(hex);
  if (known) return known;
  const point = decompress(publicKey);
  if (!point) return undefined;
  const tables = tablesOf(point);
  if (keyTables.size >= KEY_TABLES_KEPT) keyTables.delete(keyTables.keys().next().value as string);
  keyTables.set(hex, tables);
  return tables;
};

const scalars = (signature: Uint8Array): [bigint, bigint] | undefined => {
  if (signature.length !== 64) return undefined;
  const r = toBigInt(signature.subarray(0, 32));
  const s = toBigInt(signature.subarray(32));
  return r > 0n && r < N && s > 0n && s < N ? [r, s] : undefined;
};

const recoverPublicKey: Secp256k1Verifier['recoverPublicKey'] = (signature, recoveryId, hash) => {
  const rs = scalars(signature);
  if (
    !rs ||
    hash.length !== 32 ||
    !Number.isInteger(recoveryId) ||
    recoveryId < 0 ||
    recoveryId > 3
  )
    return undefined;
  const [r, s] = rs;
  // SEC 1 4.1.6: R has x = r (+ n for recovery ids 2 and 3) and the y parity of the id.
  const x = recoveryId >= 2 ? r + N : r;
  if (x >= P) return undefined;
  const rBytes = new Uint8Array(33);
  rBytes[0] = 2 + (recoveryId & 1);
  rBytes.set(etc.numberToBytesBE(x), 1);
  const R = decompress(rBytes);
  if (!R) return undefined;
  // Q = r⁻¹·(s·R - e·G)
  const rInverse = etc.invert(r, N);
  const e = toBigInt(hash) % N;
  const q = combine(etc.mod(-e * rInverse, N), etc.mod(s * rInverse, N), tablesOf(R));
  return q.Z === 0n ? undefined : compressed(q);
};

const verify: Secp256k1Verifier['verify'] = (signature, hash, publicKey) => {
  const rs = scalars(signature);
  if (!rs || hash.length !== 32) return false;
  const tables = tablesOfKey(publicKey);
  if (!tables) return false;
  const [r, s] = rs;
  // R = e·s⁻¹·G + r·s⁻¹·Q must have x ≡ r (mod n).
  const sInverse = etc.invert(s, N);
  const e = toBigInt(hash) % N;
  const point = combine(etc.mod(e * sInverse, N), etc.mod(r * sInverse, N), tables);
  return point.Z !== 0n && etc.mod(point.toAffine().x, N) === r;
};

/** Recovery, verification and curve checks without signing: what decoding needs, and all it bundles. */
export const fastVerifier: Secp256k1Verifier = { recoverPublicKey, verify, isValidPublicKey };

/** `fastVerifier` plus noble's RFC 6979 signing. */
export const fastSecp256k1: Secp256k1 = {
  recoverPublicKey,
  verify,
  isValidPublicKey,
  sign: nobleSign,
};
