// Properties of the checklist under any policy (issue 9): a well-formed policy gives exactly the
// findings a plain model of the README predicts (amounts compared as exact bigints, time to the
// second, features by their bit); a malformed one is a TypeError or RangeError naming the
// setting, never another exception, never accepted with a wrong type, never polluting.
import {
  featureBitOf,
  featureDependencies,
  NETWORKS,
  type UnverifiedInvoice,
} from '@lninvoice/core';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { expectNoPollution } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { type ValidationPolicy, type ValidationResult, validate } from '../src/index.js';
import {
  ALLOWED_BOLT12,
  contradictory,
  decoded,
  hostilePolicy,
  INVOICES,
  policyFor,
  SETTINGS,
} from './helpers/arbitraries.js';
import { expectPolicyRefusal, expectWellFormed } from './helpers/outcome.js';

/** The findings the README's rules give, for the checks a model can restate in a few lines. */
const MODELLED = new Set([
  'network-mismatch',
  'expired',
  'expires-too-soon',
  'expiry-unchecked',
  'timestamp-in-future',
  'expiry-too-long',
  'long-expiry',
  'amount-mismatch',
  'amount-below-minimum',
  'amount-above-maximum',
  'missing-amount',
  'amount-unspecified',
  'unsupported-feature',
  'missing-feature-dependency',
  'payee-mismatch',
  'cltv-delta-too-large',
  'large-cltv-delta',
]);

const model = (inv: UnverifiedInvoice, p: ValidationPolicy): string[] => {
  const found: string[] = [];
  if (p.network !== undefined && p.network !== inv.network) found.push('network-mismatch');
  if (p.maxExpiry !== undefined) {
    if (inv.expiry > p.maxExpiry) found.push('expiry-too-long');
  } else if (inv.expiry > 30 * 86_400) found.push('long-expiry');
  if (p.now === undefined) found.push('expiry-unchecked');
  else {
    if (p.now > inv.expiresAt) found.push('expired');
    else if (p.minExpiryLeft !== undefined && inv.expiresAt - p.now < p.minExpiryLeft)
      found.push('expires-too-soon');
    if (inv.timestamp > p.now + (p.clockSkew ?? 600)) found.push('timestamp-in-future');
  }
  // Amounts: bigint against bigint, nothing converted.
  const asked = inv.amountMsat;
  if (asked === undefined) {
    if (p.allowAmountless === false) found.push('missing-amount');
    else if (p.amountMsat === undefined) found.push('amount-unspecified');
  } else if (p.amountMsat !== undefined && asked !== p.amountMsat) found.push('amount-mismatch');
  const paid = asked ?? p.amountMsat;
  if (paid !== undefined && p.minAmountMsat !== undefined && paid < p.minAmountMsat)
    found.push('amount-below-minimum');
  if (paid !== undefined && p.maxAmountMsat !== undefined && paid > p.maxAmountMsat)
    found.push('amount-above-maximum');
  // Features: a number stands for its pair (n - n % 2), whatever its size; a name for its bit.
  const supported =
    p.supportedFeatures &&
    new Set(
      p.supportedFeatures.map((f) => (typeof f === 'number' ? f - (f % 2) : featureBitOf(f))),
    );
  const set = new Set(inv.features.map((f) => f.bit - (f.bit % 2)));
  for (const f of inv.features) {
    for (const dependency of featureDependencies(f.bit))
      if (!set.has(featureBitOf(dependency) as number)) found.push('missing-feature-dependency');
    if (f.required && supported && !supported.has(f.bit)) found.push('unsupported-feature');
  }
  if (p.payee !== undefined) {
    const expected = typeof p.payee === 'string' ? p.payee : bytesToHex(p.payee);
    if (bytesToHex(inv.payeeNodeKey as Uint8Array) !== expected) found.push('payee-mismatch');
  }
  const delta = inv.minFinalCltvExpiryDelta;
  if (p.maxCltvExpiryDelta !== undefined) {
    if (delta > p.maxCltvExpiryDelta) found.push('cltv-delta-too-large');
  } else if (delta > 2016) found.push('large-cltv-delta');
  return found.sort();
};

describe('well-formed policies', () => {
  it('give exactly the findings of the rules, amounts compared exactly', () => {
    const invoiceAndPolicy = fc
      .constantFrom(...INVOICES)
      .chain((text) => fc.tuple(fc.constant(text), policyFor(text)));
    checkProperty(
      'policy-model',
      fc.property(invoiceAndPolicy, ([text, policy]) => {
        if (contradictory(policy)) {
          expect(() => validate(text, policy)).toThrow(RangeError);
          return;
        }
        if (policy.network === 'mainnet') {
          expect(() => validate(text, policy)).toThrow(
            /^policy\.network: "mainnet" is not a network; the networks are bitcoin, testnet, signet, regtest$/,
          );
          return;
        }
        const result = validate(text, policy);
        expectWellFormed(result, text);
        // The signature was verified: the payee is known, the checks all ran.
        const invoice = result.invoice as UnverifiedInvoice;
        expect(invoice.payeeNodeKey).toBeDefined();
        const modelled = result.issues.map((i) => i.code).filter((c) => MODELLED.has(c));
        expect(modelled.sort()).toEqual(model({ ...decoded(text), ...invoice }, policy));
        // The same settings on the policy's prototype count the same (as every package reads
        // options): never silently dropped (a maxAmountMsat that is not applied).
        expect(validate(text, Object.create(policy)).issues).toEqual(result.issues);
      }),
      { seed: 11, numRuns: 800 },
    );
  });
});

/** What the README allows for each setting: anything else must be refused. */
const isSeconds = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isMsat = (v: unknown) => typeof v === 'bigint' && v >= 0n;
const ALLOWED: Record<(typeof SETTINGS)[number], (v: unknown) => boolean> = {
  network: (v) => NETWORKS.some((n) => n.name === v),
  now: isSeconds,
  clockSkew: isSeconds,
  amountMsat: isMsat,
  minAmountMsat: isMsat,
  maxAmountMsat: isMsat,
  allowAmountless: (v) => typeof v === 'boolean',
  supportedFeatures: (v) =>
    Array.isArray(v) &&
    v.every(
      (f) =>
        (typeof f === 'number' && Number.isSafeInteger(f) && f >= 0) ||
        (typeof f === 'string' && featureBitOf(f) !== undefined),
    ),
  payee: (v) =>
    (typeof v === 'string' && /^[0-9a-fA-F]{66}$/.test(v)) ||
    (v instanceof Uint8Array && v.length === 33),
  description: (v) => typeof v === 'string',
  metadata: (v) => typeof v === 'string',
  maxExpiry: isSeconds,
  minExpiryLeft: isSeconds,
  maxCltvExpiryDelta: isSeconds,
  legacy: (v) => typeof v === 'boolean',
  networks: (v) => Array.isArray(v) && v.length === 0,
  secp256k1: (v) =>
    typeof v === 'object' &&
    v !== null &&
    ['recoverPublicKey', 'verify', 'isValidPublicKey'].every(
      (m) => typeof (v as Record<string, unknown>)[m] === 'function',
    ),
  ...ALLOWED_BOLT12,
};

describe('malformed policies', () => {
  it('are a TypeError or RangeError naming the setting; what is accepted is well-typed', () => {
    checkProperty(
      'policy-hostile',
      fc.property(
        fc.constantFrom(...INVOICES),
        hostilePolicy,
        fc.boolean(),
        (text, policy, inherited) => {
          // Settings on the policy's prototype count as much as its own.
          const given =
            inherited && typeof policy === 'object' && policy !== null
              ? Object.create(policy)
              : policy;
          let result: ValidationResult;
          try {
            result = validate(text, given as ValidationPolicy);
          } catch (error) {
            expectPolicyRefusal(error);
            return;
          }
          expectWellFormed(result);
          // `undefined` is the default policy; anything else accepted must be well-typed.
          const settings = (given ?? {}) as Record<string, unknown>;
          for (const key of SETTINGS) {
            const value = settings[key];
            if (value !== undefined) expect(ALLOWED[key](value), key).toBe(true);
          }
          for (const key of Object.keys(settings))
            expect(SETTINGS as readonly string[], `unknown key ${key}`).toContain(key);
          expectNoPollution();
        },
      ),
      { seed: 12, numRuns: 800 },
    );
  });
});
