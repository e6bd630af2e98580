// Feature bitmaps of offers, invoice requests, invoices and blinded pay info (BOLT 9 names).
// "if `…_features` contains unknown _odd_ bits that are non-zero: MUST ignore the bit";
// "if `…_features` contains unknown _even_ bits that are non-zero: MUST NOT respond" / "MUST
// reject". A bit is unknown unless BOLT 12 defines it for the field or the caller says it knows it.
import { describeFeatureBit, type Feature } from '@lninvoice/core';

export type { Feature };

/** Where a bitmap stands: each defines its own bits. */
export type FeatureContext = 'offer' | 'invoice_request' | 'invoice' | 'blinded_payinfo';

/**
 * The even bits BOLT 12 defines per context: invoices have "MPP/compulsory" 16 and
 * "MPP/optional" 17; offers, invoice requests and pay info define none yet.
 */
const DEFINED: Readonly<Record<FeatureContext, readonly number[]>> = {
  offer: [],
  invoice_request: [],
  invoice: [16],
  blinded_payinfo: [],
};

/** The set bits of `bitmap` ("Flags are numbered from the least-significant bit, at bit 0"). */
export const featureBits = (bitmap: Uint8Array): number[] => {
  const bits: number[] = [];
  for (let i = bitmap.length - 1; i >= 0; i--) {
    const byte = bitmap[i] as number;
    if (byte === 0) continue;
    for (let b = 0; b < 8; b++) if ((byte >> b) & 1) bits.push((bitmap.length - 1 - i) * 8 + b);
  }
  return bits;
};

/** The bitmap of `bits`, as short as it can be. */
export const featureBitmap = (bits: readonly number[]): Uint8Array => {
  const top = bits.length === 0 ? -1 : Math.max(...bits);
  const out = new Uint8Array(Math.floor(top / 8) + 1);
  for (const bit of bits) {
    const at = out.length - 1 - Math.floor(bit / 8);
    out[at] = (out[at] as number) | (1 << (bit % 8));
  }
  return out;
};

/** Each set bit of `bitmap` in `context`, with its name and whether the reader knows it. */
export const readFeatures = (
  bitmap: Uint8Array,
  context: FeatureContext,
  known: readonly number[],
): Feature[] =>
  featureBits(bitmap).map((bit) => {
    const even = bit - (bit % 2);
    return {
      ...describeFeatureBit(bit),
      known: DEFINED[context].includes(even) || known.includes(even),
    };
  });

/** The first unknown even (required) bit among `features`, if any. */
export const unknownRequired = (features: readonly Feature[]): Feature | undefined =>
  features.find((f) => f.required && !f.known);
