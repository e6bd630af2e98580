// validate / assertValid / formatIssues as a payer uses them.

import { readFileSync } from 'node:fs';
import {
  BITCOIN,
  BOLT11_ERROR_CODES,
  type Bolt11ErrorCode,
  decode,
  defineNetwork,
  encode,
  type Invoice,
  LninvoiceError,
  REGTEST,
} from '@lninvoice/core';
import fc from 'fast-check';
import { BOLT11_INVALID as invalid, BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { expectSafeText } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import {
  assertValid,
  decodeIssue,
  formatIssues,
  ISSUES,
  VALIDATION_ISSUE_CODES,
  ValidationError,
  validate,
} from '../src/index.js';
import { codes, make, T0 } from './helpers/index.js';

describe('spec examples', () => {
  it('reports every invalid example with the code of the rule it breaks, legacy or not', () => {
    for (const v of invalid) {
      for (const legacy of [false, true]) {
        const r = validate(v.invoice, { legacy });
        expect(r.ok).toBe(false);
        expect(codes(r).filter((c) => BOLT11_ERROR_CODES.includes(c as Bolt11ErrorCode))).toEqual([
          v.code,
        ]);
        expect(r.issues[0]).toMatchObject({ code: v.code, severity: 'error' });
        expect(r.issues[0]?.rule.length).toBeGreaterThan(10);
      }
    }
  });

  it('passes every valid example at its own time (the disputed one only with legacy)', () => {
    for (const v of valid) {
      const now = v.timestamp + 1;
      const disputed = 'conformance_status' in v;
      const r = validate(v.invoice, { now, network: v.network });
      expect(r.ok, v.name).toBe(!disputed);
      if (disputed) {
        expect(codes(r)).toEqual(['invalid-field-length']);
        expect(r.issues[0]?.span).toBeDefined();
        // Read with legacy, the rules it breaks are still errors for a payer.
        const legacy = validate(v.invoice, { now, legacy: true });
        expect(legacy.invoice?.description).toBe(v.description);
        expect(legacy.ok).toBe(false);
        expect(legacy.issues.map((i) => `${i.severity} ${i.code} ${i.field}`)).toEqual(
          (v.ignored_fields ?? [])
            .filter((f) => f.char !== 'f') // an unknown fallback version is skipped, by every rule
            .map((f) => `error invalid-field-length ${f.char}`),
        );
      }
    }
  });

  it('finds the spec examples expired today', () => {
    const r = validate(valid[1]?.invoice as string, { now: Date.UTC(2026, 10, 21) / 1000 });
    expect(codes(r)).toEqual(['expired']);
  });
});

describe('what validate takes and gives', () => {
  it('returns the verified invoice when ok, the parsed one when not', () => {
    const good = validate(make(), { now: T0 });
    expect(good.ok && good.invoice.payeeSource).toBe('recovered');
    const bad = validate(make(), { now: T0, network: 'testnet' });
    expect(bad.ok).toBe(false);
    expect(bad.invoice?.amountMsat).toBe(1_000_000n);
    expect(validate('lnbc1', {}).invoice).toBeUndefined();
  });

  it('keeps checking after a bad signature, so every finding is listed', () => {
    const v = invalid.find((x) => x.code === 'invalid-signature');
    const r = validate(v?.invoice as string, { now: 0, network: 'testnet' });
    expect(codes(r)).toEqual(['invalid-signature', 'network-mismatch', 'timestamp-in-future']);
    expect(r.issues[0]?.field).toBe('signature');
  });

  it('takes a decoded invoice, and trusts only the words it was signed over', () => {
    const inv = decode(make());
    expect(validate(inv, { now: T0 }).ok).toBe(true);
    expect(validate(structuredClone(inv), { now: T0 }).ok).toBe(true);
    const tampered: Invoice = { ...inv, amountMsat: 1n };
    const r = validate(tampered, { now: T0, amountMsat: 1n });
    expect(codes(r)).toEqual(['amount-mismatch']);
    expect(r.invoice?.amountMsat).toBe(1_000_000n);
    expect(encode(r.invoice as Invoice)).toBe(make());
  });

  it('throws only for a malformed argument or policy', () => {
    expect(() => validate(42 as unknown as string)).toThrow(TypeError);
    expect(() => validate({} as Invoice)).toThrow(TypeError);
    expect(() => validate(make(), { now: 1.5 })).toThrow(/^policy\.now must be an integer/);
    expect(() => validate(make(), { amountMsat: 1000 as unknown as bigint })).toThrow(/bigint/);
    expect(() => validate(make(), { minAmountMsat: 2n, maxAmountMsat: 1n })).toThrow(RangeError);
    expect(() => validate(make(), { payee: 'abcd' })).toThrow(/^policy\.payee must be 33 bytes/);
    expect(() => validate(make(), { payee: 'zz' })).toThrow(/^policy\.payee must be hex/);
    expect(() => validate(make(), { supportedFeatures: ['warp_drive'] })).toThrow(RangeError);
    expect(() => validate(make(), [] as never)).toThrow(/^policy must be an object/);
  });

  it('refuses a misspelt or unknown setting, naming it and listing the settings', () => {
    for (const key of ['netwrok', 'amount', 'maxAmountSat', '__proto__']) {
      const policy = Object.defineProperty({ now: T0 }, key, { value: 1, enumerable: true });
      let error: unknown;
      try {
        validate(make(), policy);
      } catch (e) {
        error = e;
      }
      expect(error, key).toBeInstanceOf(TypeError);
      const { message } = error as TypeError;
      expect(message).toContain(`policy has no option ${JSON.stringify(key)}; the options are`);
      expect(message).toContain('network, now, clockSkew');
      expectSafeText(message);
    }
  });

  it('refuses a network name that no network has, listing the names (not a mismatch)', () => {
    // 'mainnet' used to fail every invoice with network-mismatch, the policy's mistake hidden.
    let error: unknown;
    try {
      validate(make(), { network: 'mainnet' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RangeError);
    expect((error as RangeError).message).toBe(
      'policy.network: "mainnet" is not a network; the networks are bitcoin, testnet, signet, regtest',
    );
    expect(() => validate(make(), { network: 'Bitcoin' })).toThrow(RangeError);
    expect(() => validate(make(), { network: 'signet\u202e' })).toThrow(/"signet\\u202e"/);
  });

  it('takes the name of a custom network of policy.networks, made by defineNetwork only', () => {
    const simnet = defineNetwork({ ...REGTEST, name: 'simnet', prefix: 'lnsb', bech32: 'sb' });
    const invoice = make({ network: simnet });
    expect(validate(invoice, { now: T0, network: 'simnet', networks: [simnet] }).ok).toBe(true);
    expect(codes(validate(invoice, { now: T0, network: 'bitcoin', networks: [simnet] }))).toEqual([
      'network-mismatch',
    ]);
    expect(() => validate(invoice, { network: 'simnet' })).toThrow(
      /^policy\.network: "simnet" is not a network; the networks are bitcoin, testnet, signet, regtest$/,
    );
    expect(() => validate(invoice, { networks: [{ ...simnet }] })).toThrow(
      /^policy\.networks\[0\] must be a network from defineNetwork\(\)/,
    );
  });

  it('refuses what it used to accept, or crash on (found by the property tests)', () => {
    const misuse: [unknown, RegExp][] = [
      // A string is no flag: "false" used to mean true.
      [{ allowAmountless: 'false' }, /^policy\.allowAmountless must be true or false/],
      [{ legacy: 1 }, /^policy\.legacy must be true or false/],
      // No `String(value)` in messages: these threw "Cannot convert object to primitive value".
      [{ network: Object.create(null) }, /^policy\.network must be a network name, got an object$/],
      [{ now: { toString: 1 } }, /^policy\.now must be a number/],
      // networks and secp256k1 failed inside core ("secp.recoverPublicKey is not a function").
      [{ networks: [{}] }, /^policy\.networks\[0\] must be a network from defineNetwork/],
      [{ networks: [{ ...BITCOIN, name: 'b2' }] }, /^policy\.networks\[0\] must be a network/],
      [{ networks: [BITCOIN] }, /^policy\.networks\[0\]: .*defined twice/],
      [{ secp256k1: {} }, /^policy\.secp256k1 must be a Secp256k1Verifier/],
    ];
    for (const [policy, message] of misuse)
      expect(() => validate(make(), policy as never), message.source).toThrow(message);
    // A bound on the prototype was checked, then silently not applied: now it applies.
    const inherited = Object.create({ maxAmountMsat: 1n, now: T0 });
    expect(codes(validate(make(), inherited))).toEqual(['amount-above-maximum']);
    // The pair of a bit by arithmetic: 2^32 + 16 used to pass for 16 (basic_mpp).
    const mpp = make({
      features: { var_onion_optin: 'required', payment_secret: 'required', basic_mpp: 'required' },
    });
    const huge = validate(mpp, { now: T0, supportedFeatures: [8, 14, 2 ** 32 + 16] });
    expect(codes(huge)).toContain('unsupported-feature');
    // An invoice object whose words encode cannot write: "offset is out of bounds" before.
    const object = decode(make(), { verify: false });
    for (const broken of [
      { ...object, signature: { compact: new Uint8Array(70), recoveryId: 1 } },
      { ...object, fields: [1, 2] },
      { ...object, signature: null },
      { ...object, timestamp: 5n },
    ]) {
      expect(() => validate(broken as never)).toThrow(/^validate takes an invoice string/);
    }
  });

  it('never throws on whatever string it is given', () => {
    checkProperty(
      'random-strings',
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const r = validate(s, { now: T0 });
        expect(r.ok).toBe(false);
        expect(r.issues.length).toBeGreaterThan(0);
      }),
      { seed: 41, numRuns: 1000 },
    );
  });
});

describe('assertValid', () => {
  it('returns the verified invoice, warnings or not', () => {
    expect(assertValid(make({ amountMsat: undefined }), { now: T0 }).payeeSource).toBe('recovered');
  });

  it('throws one ValidationError carrying every finding', () => {
    let error: unknown;
    try {
      assertValid(make({ expiry: 60 }), { now: T0 + 61, network: 'signet', amountMsat: 5n });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const e = error as ValidationError;
    expect(e.code).toBe('network-mismatch');
    expect(e.issues.map((i) => i.code)).toEqual(['network-mismatch', 'expired', 'amount-mismatch']);
    expect(e.message).toMatch(/^invalid invoice: 3 errors, first: /);
    expect(e.span).toBeUndefined();
  });

  it('is an LninvoiceError, with the code and span of a decoding failure', () => {
    const v = invalid.find((x) => x.code === 'invalid-multiplier');
    let error: unknown;
    try {
      assertValid(v?.invoice as string);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LninvoiceError);
    expect(error).toBeInstanceOf(ValidationError);
    const e = error as ValidationError;
    expect([e.name, e.code, e.span]).toEqual(['ValidationError', 'invalid-multiplier', [8, 9]]);
    expect(e.message).toBe(`invalid invoice: ${e.issues[0]?.message}`);
    // Built as every package's error is.
    const own = new ValidationError('missing-amount', 'no amount', { issues: [] });
    expect([own.code, own.message, own.issues, own.span]).toEqual([
      'missing-amount',
      'no amount',
      [],
      undefined,
    ]);
  });
});

describe('formatIssues', () => {
  it('writes one line per finding: severity, code, message, rule', () => {
    const r = validate(make({ amountMsat: undefined, expiry: 60 }), { now: T0 + 61 });
    expect(formatIssues(r.issues).split('\n')).toEqual([
      expect.stringMatching(
        /^error {3}expired: the invoice expired at 2023-11-14T22:14:20Z \(1700000060\), 1 s before now, 2023-11-14T22:14:21Z \(1700000061\) — BOLT 11: "A payer: after the `timestamp` plus `expiry` has passed: SHOULD NOT attempt a payment"$/,
      ),
      expect.stringMatching(
        /^warning amount-unspecified: the invoice names no amount: the payer chooses how much to pay — BOLT 11: /,
      ),
    ]);
  });

  it('escapes every unsafe character of core, whatever the findings passed in hold', () => {
    const hostile = '\u007f\u001b[2J\u2028\u2029\u202e\u2060\u00ad\u180e\u3164\u{E0041}\n';
    const shown = formatIssues([
      { code: 'expired', severity: 'error', message: `a${hostile}b`, field: 'x', rule: hostile },
    ]);
    expect(shown).toBe(
      'error   expired: a\\u007f\\u001b[2J\\u2028\\u2029\\u202e\\u2060\\u00ad\\u180e\\u3164\\udb40\\udc41\\u000ab — \\u007f\\u001b[2J\\u2028\\u2029\\u202e\\u2060\\u00ad\\u180e\\u3164\\udb40\\udc41\\u000a',
    );
    expectSafeText(shown, 'formatIssues');
  });

  it('decode failures keep their span, for underlining', () => {
    const v = invalid.find((x) => x.code === 'invalid-multiplier');
    const issue = validate(v?.invoice as string).issues[0];
    expect(issue?.span).toEqual([8, 9]);
    expect(decodeIssue).toBeTypeOf('function');
  });
});

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  it('lists every code of the package, with an example, in table order', () => {
    const table = readme.slice(
      readme.indexOf('## Findings'),
      readme.indexOf('## BOLT 12 findings'),
    );
    const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` *\|(.*)\|(.*)\|(.*)\|$/gm)];
    expect(rows.map((m) => m[1])).toEqual(VALIDATION_ISSUE_CODES);
    for (const [, code, severity, meaning, example] of rows) {
      expect(severity?.trim(), code).toBe(ISSUES[code as keyof typeof ISSUES].severity);
      expect(meaning?.trim().length, code).toBeGreaterThan(10);
      expect(example?.trim().length, `${code} has an example`).toBeGreaterThan(3);
    }
  });
});
