// The pieces of the fast elliptic-curve path, each against its definition.
import { etc, Point } from '@noble/secp256k1';
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { BETA, endomorphism, LAMBDA, splitScalar } from '../src/ec/glv.js';
import { jacobi } from '../src/ec/legendre.js';
import { sqrtModP } from '../src/ec/sqrt.js';
import { multiScalarMultiply, oddMultiples, wnaf } from '../src/ec/straus.js';
import { CURVE_ORDER as N } from '../src/secp256k1.js';

const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;
const scalar = fc.bigInt(1n, N - 1n);

describe('GLV endomorphism', () => {
  it('λ and β are cube roots of unity, and φ(P) = λ·P', () => {
    expect(etc.mod(LAMBDA ** 3n, N)).toBe(1n);
    expect(etc.mod(BETA ** 3n, P)).toBe(1n);
    checkProperty(
      'ec-and-are-cube-roots-of-unity',
      fc.property(scalar, (k) => {
        const point = Point.BASE.multiply(k);
        expect(endomorphism(point).equals(point.multiply(LAMBDA))).toBe(true);
      }),
      { seed: 61, numRuns: 20 },
    );
  });

  it('splits any scalar into two halves below 2^129 with k ≡ k1 + k2·λ (mod n)', () => {
    checkProperty(
      'ec-splits-any-scalar-into-two-halves',
      fc.property(fc.oneof(scalar, fc.constantFrom(1n, N - 1n, N / 2n, LAMBDA)), (k) => {
        const { k1, k2 } = splitScalar(k);
        expect(etc.mod(k1 + k2 * LAMBDA, N)).toBe(k);
        expect(k1 < 1n << 129n && -k1 < 1n << 129n && k2 < 1n << 129n && -k2 < 1n << 129n).toBe(
          true,
        );
      }),
      { seed: 62, numRuns: 5000 },
    );
  });
});

describe('width-w NAF', () => {
  it('rebuilds k from digits that are odd, small and spaced (widths 2 to 10)', () => {
    checkProperty(
      'ec-rebuilds-k-from-digits-that-are',
      fc.property(fc.bigInt(0n, (1n << 256n) - 1n), fc.integer({ min: 2, max: 10 }), (k, width) => {
        const digits = wnaf(k, width);
        let sum = 0n;
        let last = -width;
        digits.forEach((d, i) => {
          if (d === 0) return;
          expect(Math.abs(d) % 2).toBe(1);
          expect(Math.abs(d)).toBeLessThan(1 << (width - 1));
          expect(i - last).toBeGreaterThanOrEqual(width);
          last = i;
          sum += BigInt(d) << BigInt(i);
        });
        expect(sum).toBe(k);
      }),
      { seed: 63, numRuns: 3000 },
    );
  });
});

describe('Straus multi-scalar multiplication', () => {
  it('equals the sum of noble’s own multiplications, for scalars of any sign', () => {
    const points = [Point.BASE, Point.BASE.multiply(7n), Point.BASE.multiply(123456789n)];
    checkProperty(
      'ec-equals-the-sum-of-noble-s',
      fc.property(
        fc.array(fc.bigInt(-(1n << 130n), 1n << 130n), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 3, max: 9 }),
        (ks, width) => {
          const terms = ks.map((k, i) => ({
            scalar: k,
            multiples: oddMultiples(points[i] as Point, width),
          }));
          const expected = ks.reduce(
            (acc, k, i) => (k === 0n ? acc : acc.add((points[i] as Point).multiply(etc.mod(k, N)))),
            Point.ZERO,
          );
          expect(multiScalarMultiply(terms).equals(expected)).toBe(true);
        },
      ),
      { seed: 64, numRuns: 60 },
    );
    expect(
      multiScalarMultiply([{ scalar: 0n, multiples: oddMultiples(Point.BASE, 4) }]).equals(
        Point.ZERO,
      ),
    ).toBe(true);
  });
});

describe('Jacobi symbol', () => {
  it('agrees with Euler’s criterion mod p', () => {
    const euler = (a: bigint): number => {
      let r = 1n;
      let b = etc.mod(a, P);
      for (let e = (P - 1n) / 2n; e > 0n; e >>= 1n) {
        if (e & 1n) r = etc.mod(r * b, P);
        b = etc.mod(b * b, P);
      }
      return r === 1n ? 1 : r === 0n ? 0 : -1;
    };
    checkProperty(
      'ec-agrees-with-euler-s-criterion-mod',
      fc.property(fc.bigInt(0n, P - 1n), (a) => {
        expect(jacobi(a, P)).toBe(euler(a));
      }),
      { seed: 65, numRuns: 300 },
    );
  });
});

describe('square root mod p', () => {
  it('uses the exponent (p+1)/4 its addition chain spells out', () => {
    expect(((P + 1n) / 4n).toString(2)).toBe(`${'1'.repeat(223)}0${'1'.repeat(22)}0000${'11'}00`);
  });

  it('finds a root of every square and none for a non-square, as noble decompression does', () => {
    checkProperty(
      'ec-finds-a-root-of-every-square',
      fc.property(fc.bigInt(0n, P - 1n), (x) => {
        const rhs = etc.mod(x * x * x + 7n, P);
        const root = sqrtModP(rhs);
        let noble: Point | undefined;
        try {
          noble = Point.fromBytes(Uint8Array.of(2, ...etc.numberToBytesBE(x)));
        } catch {
          noble = undefined;
        }
        expect(root === undefined).toBe(noble === undefined);
        if (root !== undefined) {
          expect(etc.mod(root * root, P)).toBe(rhs);
          expect([root, P - root]).toContain(noble?.toAffine().y);
        }
      }),
      { seed: 66, numRuns: 500 },
    );
    expect(sqrtModP(0n)).toBe(0n);
    expect(sqrtModP(1n)).toBe(1n);
  });
});
