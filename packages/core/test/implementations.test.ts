// The cases drawn from LDK, lnd and Core Lightning behave as the current BOLT 11 text expects
// (`expected_strict_current_spec`). Cases without an invoice string are covered by the unit tests
// named in COVERED_ELSEWHERE.

import { bytesToHex as hex } from '@noble/hashes/utils.js';
import { BOLT11_IMPLEMENTATIONS as cases } from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { Bolt11Error, decode, encode, invoiceToJSON } from '../src/index.js';
import { SIMNET } from './helpers/craft.js';

/** Our code for each case the current spec rejects: the first defect in decoding order. */
const EXPECTED_CODE: Record<string, string> = {
  'lnd-empty-fallback-field': 'invalid-fallback',
  'lnd-route-hint-not-multiple-of-51': 'invalid-route-hint',
  'lnd-no-payment-hash': 'missing-payment-hash',
  // These legacy invoices lack `s`; every field before that check parses, which shows the
  // field-level handling (unknown types skipped, v2 fallback, 20 route hints…) is accepted.
  'lnd-both-d-and-h': 'missing-payment-secret',
  'lnd-neither-d-nor-h': 'missing-payment-secret',
  'lnd-unknown-fields': 'missing-payment-secret',
  'lnd-unknown-witness-version-fallback': 'missing-payment-secret',
  'lnd-no-amount-legacy': 'missing-payment-secret',
  'lnd-n-field-24btc': 'missing-payment-secret',
  'lnd-c-field-144-with-n': 'missing-payment-secret',
  'lnd-mainnet-on-testnet': 'missing-payment-secret',
  'lnd-p2tr-fallback-legacy': 'missing-payment-secret',
  'lnd-regtest': 'missing-payment-secret',
  'lnd-blinded-paths-type-20': 'missing-payment-secret',
  'lnd-max-length-ok': 'missing-payment-secret',
  'lnd-wrong-length-p-h-n-skipped': 'invalid-field-length',
  'lnd-features-9-15-99-100': 'unknown-required-feature',
  'lnd-simnet': 'unknown-prefix',
  'lnd-too-long': 'too-long',
  'cln-feature-100-spec-order': 'unknown-required-feature',
  'cln-no-separator-2': 'missing-separator',
  'cln-invalid-route-pubkey': 'invalid-route-hint-key',
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

  it('lnd-wrong-length-p-h-n-skipped: legacy skips the wrong-length fields and says so', () => {
    const c = cases.find((x) => x.name === 'lnd-wrong-length-p-h-n-skipped');
    const inv = decode(c?.invoice ?? '', { legacy: true });
    expect(inv.relaxed.map((r) => `${r.code} ${r.field}`)).toEqual([
      ...inv.ignoredFields.map((f) => `invalid-field-length ${f.tag}`),
      'missing-payment-secret undefined',
    ]);
    expect(inv.ignoredFields.length).toBeGreaterThan(0);
  });

  it('lnd-simnet: a custom network makes the lnsb prefix known', () => {
    const c = cases.find((x) => x.name === 'lnd-simnet');
    expect(codeOf(c?.invoice ?? '', { networks: [SIMNET] })).toBe('missing-payment-secret');
    expect(decode(c?.invoice ?? '', { networks: [SIMNET], legacy: true }).network).toBe('simnet');
  });
});

describe('invoices written before payment secrets were required', () => {
  /** What legacy still refuses in some of them: a rule older than payment secrets. */
  const LEGACY_CODE: Record<string, string> = {
    'lnd-both-d-and-h': 'duplicate-description',
    'lnd-neither-d-nor-h': 'missing-description',
  };
  const withoutS = Object.keys(EXPECTED_CODE).filter(
    (name) => EXPECTED_CODE[name] === 'missing-payment-secret' && name !== 'lnd-simnet',
  );
  for (const name of withoutS) {
    const invoice = cases.find((c) => c.name === name)?.invoice as string;
    if (LEGACY_CODE[name]) {
      it(`${name}: legacy reads past the missing s, then fails with ${LEGACY_CODE[name]}`, () => {
        expect(codeOf(invoice, { legacy: true })).toBe(LEGACY_CODE[name]);
      });
      continue;
    }
    it(`${name}: decodes with legacy, verified, and says it has no payment secret`, () => {
      const inv = decode(invoice, { legacy: true });
      expect(inv.paymentSecret).toBeUndefined();
      expect(inv.relaxed).toContainEqual(
        expect.objectContaining({ code: 'missing-payment-secret', field: undefined }),
      );
      expect(inv.payeeNodeKey).toHaveLength(33);
      expect(encode(inv)).toBe(invoice.toLowerCase().replace(/^lightning:/, ''));
      expect(invoiceToJSON(inv).payment_addr).toBe('');
    });
  }

  it('ldk-lexe-long-lnbc10000000: amounts above 2^53 msat are exact', () => {
    const c = cases.find((x) => x.name === 'ldk-lexe-long-lnbc10000000');
    const inv = decode(c?.invoice ?? '');
    expect(inv.amountMsat).toBe(1000000000000000001n);
    expect(inv.expiry).toBe(2 ** 30);
    expect(inv.minFinalCltvExpiryDelta).toBe(1024);
  });
});
