// Square roots mod p for decompressing keys. p ≡ 3 (mod 4), so √a = a^((p+1)/4) when a is a
// square. The exponent is 223 one-bits, a zero, 22 ones, four zeros, two ones and two zeros: an
// addition chain of runs of ones takes 253 squarings and 13 multiplications, about half the
// ~500 of square-and-multiply.

const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;

/** a^(2^count) mod p. */
const squareTimes = (a: bigint, count: number): bigint => {
  let x = a;
  for (let i = 0; i < count; i++) x = (x * x) % P;
  return x;
};

/** y with y² ≡ a (mod p), for 0 ≤ a < p, or undefined when a is not a square. */
export const sqrtModP = (a: bigint): bigint | undefined => {
  // xN = a^(2^N - 1): a run of N one-bits.
  const x2 = (((a * a) % P) * a) % P;
  const x3 = (((x2 * x2) % P) * a) % P;
  const x6 = (squareTimes(x3, 3) * x3) % P;
  const x9 = (squareTimes(x6, 3) * x3) % P;
  const x11 = (squareTimes(x9, 2) * x2) % P;
  const x22 = (squareTimes(x11, 11) * x11) % P;
  const x44 = (squareTimes(x22, 22) * x22) % P;
  const x88 = (squareTimes(x44, 44) * x44) % P;
  const x176 = (squareTimes(x88, 88) * x88) % P;
  const x220 = (squareTimes(x176, 44) * x44) % P;
  const x223 = (squareTimes(x220, 3) * x3) % P;
  const tail = (squareTimes((squareTimes(x223, 23) * x22) % P, 6) * x2) % P;
  const root = squareTimes(tail, 2);
  return (root * root) % P === a ? root : undefined;
};
