// Σ kᵢ·Pᵢ for public scalars, on @noble/secp256k1's own Point: width-w NAF digits of every scalar,
// one shared chain of doublings (Straus–Shamir), additions of precomputed odd multiples.
// Not constant time: only for verification, where every input is public.
import { Point } from '@noble/secp256k1';

/** ±P, ±3P, ±5P, … ±(2^(w-1) - 1)P. */
export interface OddMultiples {
  readonly width: number;
  readonly positive: readonly Point[];
  readonly negative: readonly Point[];
}

export const oddMultiples = (point: Point, width: number): OddMultiples => {
  const positive = [point];
  const twice = point.double();
  for (let i = 1; i < 1 << (width - 2); i++) positive.push((positive[i - 1] as Point).add(twice));
  return { width, positive, negative: positive.map((p) => p.negate()) };
};

/** The same multiples of φ(P), given those of P and the map φ. */
export const mapMultiples = (table: OddMultiples, map: (p: Point) => Point): OddMultiples => ({
  width: table.width,
  positive: table.positive.map(map),
  negative: table.negative.map(map),
});

/**
 * Width-w NAF of k ≥ 0, least significant digit first: odd digits below 2^(w-1) in size, or 0.
 * Worked on an array of bits, not on the bigint: a few microseconds less per scalar. Widths up to
 * 16 fit the digits' type.
 */
export const wnaf = (k: bigint, width: number): Int16Array => {
  const text = k.toString(2);
  const length = text.length;
  const bits = new Uint8Array(length + width + 1);
  for (let i = 0; i < length; i++) bits[i] = text.charCodeAt(length - 1 - i) - 48;
  const digits = new Int16Array(length + 1);
  const half = 1 << (width - 1);
  for (let i = 0; i <= length; ) {
    if (bits[i] === 0) {
      i++;
      continue;
    }
    let value = 0;
    for (let j = width - 1; j >= 0; j--) value = value * 2 + (bits[i + j] as number);
    // Subtracting the digit clears these w bits; a negative digit also carries 1 into bit i + w.
    const digit = value >= half ? value - 2 * half : value;
    digits[i] = digit;
    bits.fill(0, i, i + width);
    if (digit < 0) {
      let at = i + width;
      while (bits[at] === 1) bits[at++] = 0;
      bits[at] = 1;
    }
    i += width;
  }
  return digits;
};

export interface Term {
  /** Any sign; |scalar| well below 2^255. */
  readonly scalar: bigint;
  readonly multiples: OddMultiples;
}

/** Σ scalarᵢ·Pᵢ, the point at infinity included. */
export const multiScalarMultiply = (terms: readonly Term[]): Point => {
  const streams = terms.map(({ scalar, multiples }) => {
    const digits = wnaf(scalar < 0n ? -scalar : scalar, multiples.width);
    // -k·P = k·(-P): swap the tables rather than negate each digit.
    const [positive, negative] =
      scalar < 0n
        ? [multiples.negative, multiples.positive]
        : [multiples.positive, multiples.negative];
    return { digits, positive, negative };
  });
  let acc = Point.ZERO;
  let started = false;
  for (let i = Math.max(...streams.map((s) => s.digits.length)) - 1; i >= 0; i--) {
    if (started) acc = acc.double();
    for (const { digits, positive, negative } of streams) {
      const d = digits[i] ?? 0;
      if (d === 0) continue;
      acc = acc.add((d > 0 ? positive[(d - 1) >> 1] : negative[(-d - 1) >> 1]) as Point);
      started = true;
    }
  }
  return acc;
};
