// Whether x is the x-coordinate of a point, without the square root that decompressing costs:
// x³ + 7 must be a quadratic residue mod p (secp256k1 has no point with y = 0). The Jacobi symbol
// by the binary algorithm takes a fraction of the ~256 multiplications of Euler's criterion.

/** The Jacobi symbol (a / n) for odd n > 0: 1, -1, or 0 when they share a factor. */
export const jacobi = (value: bigint, modulus: bigint): number => {
  let a = value % modulus;
  let n = modulus;
  let t = 1;
  while (a !== 0n) {
    while ((a & 1n) === 0n) {
      a >>= 1n;
      const r = n & 7n;
      if (r === 3n || r === 5n) t = -t;
    }
    [a, n] = [n, a];
    if ((a & 3n) === 3n && (n & 3n) === 3n) t = -t;
    a %= n;
  }
  return n === 1n ? t : 0;
};
