// secp256k1's efficiently computable endomorphism (Gallant–Lambert–Vanstone): for a cube root of
// unity λ mod n and β mod p, λ·(x, y) = (β·x, y). A 256-bit scalar k then splits into two halves of
// about 128 bits, k ≡ k1 + k2·λ (mod n), and k·P = k1·P + k2·φ(P) needs half the doublings.
import { etc, Point } from '@noble/secp256k1';
import { CURVE_ORDER as N } from '../secp256k1.js';

export const LAMBDA = 0x5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72n;
export const BETA = 0x7ae96a2b657c07106e64479eac3434e99cf0497512f58995c1396c28719501een;

// A short basis of the lattice {(a, b) : a + b·λ ≡ 0 (mod n)}: (A1, B1) and (A2, B2).
const A1 = 0x3086d221a7d46bcde86c90e49284eb15n;
const B1 = -0xe4437ed6010e88286f547fa90abfe4c3n;
const A2 = 0x114ca50f7a8e2f3f657c1108d9d44cfd8n;
const B2 = A1;

/** a / b rounded to the nearest integer, for a ≥ 0 and b > 0. */
const divRound = (a: bigint, b: bigint): bigint => (a + b / 2n) / b;

/** k1, k2 with k ≡ k1 + k2·λ (mod n) and |k1|, |k2| < 2^129, for 0 ≤ k < n. */
export const splitScalar = (k: bigint): { k1: bigint; k2: bigint } => {
  // Babai rounding: subtract the lattice vector closest to (k, 0).
  const c1 = divRound(B2 * k, N);
  const c2 = divRound(-B1 * k, N);
  return { k1: k - c1 * A1 - c2 * A2, k2: -c1 * B1 - c2 * B2 };
};

/** φ(P) = λ·P = (β·X : Y : Z): one multiplication instead of a scalar multiplication. */
export const endomorphism = (point: Point): Point =>
  new Point(etc.mod(BETA * point.X), point.Y, point.Z);
