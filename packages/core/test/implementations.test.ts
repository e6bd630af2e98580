// The cases drawn from LDK, lnd and Core Lightning behave as the current BOLT 11 text expects
// (`expected_strict_current_spec`). Cases without an invoice string are covered by the unit tests
// named in COVERED_ELSEWHERE.
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { Bolt11Error, decode } from '../src/index.js';
import { SIMNET } from './helpers/craft.js';
import cases from './vectors/implementations.json' with { type: 'json' };

/** Our code for each case the current spec rejects: the first defect in decoding order. */
const EXPECTED_CODE: Record<string, string> = {
  'lnd-empty-fallback-field': 'empty-field',
  'lnd-route-hint-not-multiple-of-51': 'bad-route-hint-length',
  'lnd-no-payment-hash': 'missing-payment-hash',
  // These legacy invoices lack `s`; every field before that check parses, which shows the
  // field-level handling (unknown types skipped, v2 fallback, 20 route hints…) is accepted.
  'lnd-both-d-and-h': 'no-payment-secret',
  'lnd-neither-d-nor-h': 'no-payment-secret',
  'lnd-unknown-fields': 'no-payment-secret',
  'lnd-unknown-witness-version-fallback': 'no-payment-secret',
  'lnd-no-amount-legacy': 'no-payment-secret',
  'lnd-n-field-24btc': 'no-payment-secret',
  'lnd-c-field-144-with-n': 'no-payment-secret',
  'lnd-mainnet-on-testnet': 'no-payment-secret',
  'lnd-p2tr-fallback-legacy': 'no-payment-secret',
  'lnd-regtest': 'no-payment-secret',
  'lnd-blinded-paths-type-20': 'no-payment-secret',
  'lnd-max-length-ok': 'no-payment-secret',
  'lnd-wrong-length-p-h-n-skipped': 'bad-fixed-field-length',
  'lnd-features-9-15-99-100': 'mandatory-unknown-feature',
  'lnd-simnet': 'unknown-prefix',
  'lnd-too-long': 'too-long',
  'cln-feature-100-spec-order': 'mandatory-unknown-feature',
  'cln-no-separator-2': 'no-separator',
  'cln-invalid-route-pubkey': 'bad-route-hint-pubkey',
};
for (const at of [909, 913, 917, 921, 925, 929, 933, 937, 945])
  EXPECTED_CODE[`cln-invalid-utf8-${at}`] = 'invalid-utf8';

const COVERED_ELSEWHERE: Record<string, string> = {
  'lnd-short-garbage': 'hrp.test.ts / input.test.ts',
  'lnd-checksum-malleability': 'input.test.ts',
  'lnd-pico-below-10': 'hrp.test.ts',
  'ldk-missing-features': 'fields.test.ts',
  'ldk-multiple-payment-secrets': 'field-set.test.ts',
  'ldk-n-field-bad-recovery-id': 'signature.test.ts',
  'ldk-fallback-field-units': 'fields.test.ts',
  'ldk-field-units': 'fields.test.ts',
};

const codeOf = (invoice: string, options = {}): string | undefined => {
  try {
    decode(invoice, options);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(Bolt11Error);
    return (e as Bolt11Error).code;
  }
};

describe('implementation cases', () => {
  for (const c of cases) {
    if (c.invoice === null) continue;
    const invoice = c.invoice;
    if (c.expected_strict_current_spec.startsWith('valid')) {
      it(`${c.name} decodes`, () => {
        const inv = decode(invoice);
        const r = c.research_decoder as NonNullable<typeof c.research_decoder>;
        expect(inv.amountMsat?.toString() ?? null).toBe(r.amount_msat);
        expect(inv.timestamp).toBe(r.timestamp);
        expect(inv.fields.map((f) => f.tag).join('')).toBe(r.tag_order);
        expect(inv.features.map((f) => f.bit)).toEqual(r.features);
        expect(hex(inv.payeeNodeKey)).toBe(r.payee);
      });
    } else {
      it(`${c.name} fails with ${EXPECTED_CODE[c.name]}`, () => {
        expect(EXPECTED_CODE[c.name]).toBeDefined();
        expect(codeOf(invoice)).toBe(EXPECTED_CODE[c.name]);
      });
    }
  }

  it('every case without an invoice string is covered by a named unit test', () => {
    const withoutInvoice = cases.filter((c) => c.invoice === null).map((c) => c.name);
    expect(withoutInvoice.sort()).toEqual(Object.keys(COVERED_ELSEWHERE).sort());
  });

  it('lnd-wrong-length-p-h-n-skipped: legacy skips the wrong-length fields (then lacks s)', () => {
    const c = cases.find((x) => x.name === 'lnd-wrong-length-p-h-n-skipped');
    expect(codeOf(c?.invoice ?? '', { legacy: true })).toBe('no-payment-secret');
  });

  it('lnd-simnet: a custom network makes the lnsb prefix known', () => {
    const c = cases.find((x) => x.name === 'lnd-simnet');
    expect(codeOf(c?.invoice ?? '', { networks: [SIMNET] })).toBe('no-payment-secret');
  });

  it('ldk-lexe-long-lnbc10000000: amounts above 2^53 msat are exact', () => {
    const c = cases.find((x) => x.name === 'ldk-lexe-long-lnbc10000000');
    const inv = decode(c?.invoice ?? '');
    expect(inv.amountMsat).toBe(1000000000000000001n);
    expect(inv.expiry).toBe(2 ** 30);
    expect(inv.minFinalCltvExpiryDelta).toBe(1024);
  });
});
