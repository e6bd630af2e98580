// The default Secp256k1 backend of @lninvoice/core: recovery and verification by GLV split and
// Straus interleaving over @noble/secp256k1's Point (about twice noble's own speed), curve-point
// checks by the Jacobi symbol, and noble's RFC 6979 signing.
import { etc, Point } from '@noble/secp256k1';
import { CURVE_ORDER as N, nobleSecp256k1, type Secp256k1 } from '../secp256k1.js';
import { endomorphism, splitScalar } from './glv.js';
import { jacobi } from './legendre.js';
import {
  mapMultiples,
  multiScalarMultiply,
  type OddMultiples,
  oddMultiples,
  type Term,
} from './straus.js';

const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;
/** Window widths: a wider one for G, whose multiples are computed once; a narrower one per point. */
const G_WIDTH = 8;
const POINT_WIDTH = 5;

let baseTables: [OddMultiples, OddMultiples] | undefined;
/**
 * Odd multiples of G and φ(G), built on first use. Stored with Z = 1: noble's addition is cheaper
 * with such an operand, and φ keeps Z = 1, so only G's own multiples are normalised.
 */
const tablesOfG = (): [OddMultiples, OddMultiples] => {
  if (!baseTables) {
    const g = oddMultiples(Point.BASE, G_WIDTH);
    const positive = g.positive.map((p) => Point.fromAffine(p.toAffine()));
    const affine = { width: G_WIDTH, positive, negative: positive.map((p) => p.negate()) };
    baseTables = [affine, mapMultiples(affine, endomorphism)];
  }
  return baseTables;
};

const toBigInt = (bytes: Uint8Array): bigint => BigInt(`0x${etc.bytesToHex(bytes)}`);

/**
 * Keys found to be curve points, most recent last. Route hints name the same few peers again and
 * again; whether a key is a point never changes, so a bounded memory of valid keys is safe.
 */
const validKeys = new Set<string>();
const VALID_KEYS_KEPT = 256;
const remember = (hex: string): void => {
  if (validKeys.size >= VALID_KEYS_KEPT)
    validKeys.delete(validKeys.values().next().value as string);
  validKeys.add(hex);
};

/** k·G + m·P, both scalars split by the endomorphism: four half-length streams, one chain. */
const combine = (k: bigint, m: bigint, point: Point): Point => {
  const [g, phiG] = tablesOfG();
  const table = oddMultiples(point, POINT_WIDTH);
  const a = splitScalar(k);
  const b = splitScalar(m);
  const terms: Term[] = [
    { scalar: a.k1, multiples: g },
    { scalar: a.k2, multiples: phiG },
    { scalar: b.k1, multiples: table },
    { scalar: b.k2, multiples: mapMultiples(table, endomorphism) },
  ];
  return multiScalarMultiply(terms);
};

const compressed = (point: Point): Uint8Array => {
  const { x, y } = point.toAffine();
  const out = new Uint8Array(33);
  out[0] = y & 1n ? 3 : 2;
  out.set(etc.numberToBytesBE(x), 1);
  return out;
};

const decompress = (bytes: Uint8Array): Point | undefined => {
  try {
    return Point.fromBytes(bytes);
  } catch {
    return undefined;
  }
};

const scalars = (signature: Uint8Array): [bigint, bigint] | undefined => {
  if (signature.length !== 64) return undefined;
  const r = toBigInt(signature.subarray(0, 32));
  const s = toBigInt(signature.subarray(32));
  return r > 0n && r < N && s > 0n && s < N ? [r, s] : undefined;
};

export const fastSecp256k1: Secp256k1 = {
  recoverPublicKey(signature, recoveryId, hash) {
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
    const q = combine(etc.mod(-e * rInverse, N), etc.mod(s * rInverse, N), R);
    return q.Z === 0n ? undefined : compressed(q);
  },

  verify(signature, hash, publicKey) {
    const rs = scalars(signature);
    const q = publicKey.length === 33 ? decompress(publicKey) : undefined;
    if (!rs || !q || hash.length !== 32) return false;
    const [r, s] = rs;
    // R = e·s⁻¹·G + r·s⁻¹·Q must have x ≡ r (mod n).
    const sInverse = etc.invert(s, N);
    const e = toBigInt(hash) % N;
    const point = combine(etc.mod(e * sInverse, N), etc.mod(r * sInverse, N), q);
    return point.Z !== 0n && etc.mod(point.toAffine().x, N) === r;
  },

  isValidPublicKey(publicKey) {
    if (publicKey.length !== 33 || (publicKey[0] !== 2 && publicKey[0] !== 3)) return false;
    const hex = etc.bytesToHex(publicKey);
    if (validKeys.has(hex)) return true;
    const x = toBigInt(publicKey.subarray(1));
    const valid = x < P && jacobi(etc.mod(x * x * x + 7n, P), P) === 1;
    if (valid) remember(hex);
    return valid;
  },

  sign: nobleSecp256k1.sign,
};
