// @lninvoice/bolt12 on the BOLT 12 vectors (test-support/vectors/bolt12), the way its
// vectors.test.ts reads them: valid offers decode to their records and re-encode to themselves,
// invalid ones fail with their code, the signed invoice request verifies and is rebuilt byte for
// byte by the builders. `got` is what each call returned or the error it threw.
import * as bolt12 from '@lninvoice/bolt12';
import { attempt, codeOf, type Plain, type Result } from '../view.js';

export interface Bolt12Vectors {
  readonly valid: readonly {
    description: string;
    bolt12: string;
    fields: { type: number; hex: string }[];
  }[];
  readonly invalid: readonly { description: string; bolt12: string; code: string }[];
  readonly signed: {
    bolt12: string;
    offer: Record<string, unknown>;
    payerId: string;
    payerKey: string;
    metadata: string;
  };
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export const check = async (vectors: Bolt12Vectors): Promise<Result[]> => {
  const results: Result[] = [];
  for (const v of vectors.valid) {
    const got = attempt(() => {
      const offer = bolt12.decodeOffer(v.bolt12);
      return {
        records: offer.records.map((r) => ({ type: Number(r.type), hex: hex(r.value) })),
        again: bolt12.encodeBolt12(offer),
      };
    });
    const value = (got as { value?: { records: Plain; again: Plain } }).value;
    const pass =
      value !== undefined &&
      value.again === v.bolt12 &&
      JSON.stringify(value.records) ===
        JSON.stringify(v.fields.map((f) => ({ type: f.type, hex: f.hex })));
    results.push({ id: `valid: ${v.description}`, pass, got });
  }
  for (const v of vectors.invalid) {
    const got = attempt(() => bolt12.decodeBolt12(v.bolt12));
    results.push({ id: `invalid: ${v.description}`, pass: codeOf(got) === v.code, got });
  }
  const { signed } = vectors;
  const request = attempt(() => bolt12.decodeInvoiceRequest(signed.bolt12));
  results.push({
    id: 'signed invoice request verifies',
    pass: (request as { value?: { verified?: Plain } }).value?.verified === true,
    got: request,
  });
  const rebuilt = attempt(() =>
    bolt12.signBolt12(
      bolt12.createInvoiceRequest({
        offer: bolt12.encodeBolt12(bolt12.createOffer(signed.offer as bolt12.CreateOfferParams)),
        payerId: signed.payerId,
        invreqMetadata: signed.metadata,
      }),
      signed.payerKey,
    ),
  );
  results.push({
    id: 'signed invoice request rebuilt',
    pass: (rebuilt as { value?: Plain }).value === signed.bolt12,
    got: rebuilt,
  });
  return results;
};
