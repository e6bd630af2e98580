// Properties of the BOLT 12 checklist under any policy, as policy.property.test.ts does for BOLT 11:
// a well-formed policy gives exactly the findings a plain model of the README predicts (chains by
// network, time to the second, amounts as exact bigints times the quantity); a malformed one is a
// TypeError or RangeError naming the setting, never another exception, never polluting.
import { type Bolt12, decodeBolt12, type Invoice, type OfferFields } from '@lninvoice/bolt12';
import fc from 'fast-check';
import { expectNoPollution } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { type ValidationPolicy, validateBolt12 } from '../src/index.js';
import { ALLOWED_BOLT12, contradictory, junk } from './helpers/arbitraries.js';
import { ISSUER, ISSUER_HEX, invoice, offer, request, T0 } from './helpers/bolt12.js';
import { expectPolicyRefusal, expectWellFormed } from './helpers/outcome.js';

const OTHER = `02${'11'.repeat(32)}`;
/** A cent is 10 sat. */
const convert = (amount: bigint) => amount * 10_000n;

/** Offers, invoice requests and invoices of every shape the checklist looks at. */
const MESSAGES: readonly string[] = [
  offer(),
  offer({ amountMsat: undefined }),
  offer({ amountMsat: 1n, quantityMax: 5 }),
  offer({ amountMsat: undefined, amount: 250, currency: 'USD', quantityMax: 0 }),
  offer({ absoluteExpiry: T0 + 600, chains: ['testnet4', 'signet'] }),
  offer({
    issuerId: undefined,
    paths: [
      {
        firstNodeId: { nodeId: ISSUER },
        firstPathKey: ISSUER,
        hops: [{ blindedNodeId: ISSUER, encryptedRecipientData: '00' }],
      },
    ],
  }),
  request(),
  request({ quantity: 3 }, { quantityMax: 5, absoluteExpiry: T0 }),
  request({ amountMsat: 7000n }, { amountMsat: undefined }),
  invoice(),
  invoice({ relativeExpiry: 600, features: [16] }),
  invoice({ relativeExpiry: 31 * 86_400, features: [17] }),
  invoice({ createdAt: T0 + 1000 }, request({ chain: 'regtest' }, { chains: ['regtest'] })),
];
const DECODED = new Map(MESSAGES.map((m) => [m, decodeBolt12(m)]));

const NETWORK_OF: Readonly<Record<string, string>> = {
  bitcoin: 'bitcoin',
  testnet: 'testnet',
  testnet4: 'testnet',
  signet: 'signet',
  regtest: 'regtest',
};

/** Numbers near `values`. */
const near = (...values: number[]): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(...values.flatMap((v) => [v - 1, v, v + 1]).filter((v) => v >= 0)),
    fc.nat(),
  );
const msatNear = (...values: bigint[]): fc.Arbitrary<bigint> =>
  fc.oneof(
    fc.constantFrom(...values.flatMap((v) => [v - 1n, v, v + 1n]).filter((v) => v >= 0n)),
    fc.bigInt({ min: 0n, max: 10n ** 10n }),
  );

const offerOf = (m: Bolt12): OfferFields => (m.kind === 'offer' ? m : m.offer);

/** A well-formed policy (or one naming no network), its values near the message's own. */
const policyFor = (text: string): fc.Arbitrary<ValidationPolicy> => {
  const m = DECODED.get(text) as Bolt12;
  const o = offerOf(m);
  const times = [T0, T0 + 600, T0 + 7200, Number(o.absoluteExpiry ?? T0)];
  if (m.kind === 'invoice') times.push(Number(m.createdAt), Number(m.expiresAt));
  const amounts = [5000n, 7000n, 15000n, 2_500_000n, 5_000_000n];
  return fc.record(
    {
      network: fc.constantFrom('bitcoin', 'testnet', 'signet', 'regtest', 'mainnet'),
      now: near(...times),
      clockSkew: near(0, 600),
      amountMsat: msatNear(...amounts),
      minAmountMsat: msatNear(...amounts),
      maxAmountMsat: msatNear(...amounts),
      allowAmountless: fc.boolean(),
      supportedFeatures: fc.array(fc.constantFrom(8, 16, 17, 'basic_mpp', 2 ** 32 + 16), {
        maxLength: 3,
      }),
      payee: fc.constantFrom(ISSUER, ISSUER_HEX, OTHER),
      quantity: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.bigInt({ min: 1n, max: 7n })),
      convert: fc.constant(convert),
      maxExpiry: near(600, 7200),
      minExpiryLeft: near(60, 600),
    },
    { requiredKeys: [] },
  );
};

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
  'amount-too-small',
  'amount-below-minimum',
  'amount-above-maximum',
  'missing-amount',
  'amount-unspecified',
  'currency-conversion-needed',
  'invalid-quantity',
  'unsupported-feature',
  'payee-mismatch',
  'request-unchecked',
]);

const model = (m: Bolt12, p: ValidationPolicy): string[] => {
  const found: string[] = [];
  const o = offerOf(m);
  const chains = m.kind === 'offer' ? m.chains : [m.chain];
  if (p.network !== undefined && !chains.some((c) => NETWORK_OF[c] === p.network))
    found.push('network-mismatch');
  // Time: an invoice's own lifetime; an offer's (or the offer a request answers) absolute expiry.
  const life =
    m.kind === 'invoice'
      ? { createdAt: Number(m.createdAt), expiry: m.relativeExpiry, end: Number(m.expiresAt) }
      : o.absoluteExpiry === undefined
        ? undefined
        : { end: Number(o.absoluteExpiry) };
  if (life !== undefined) {
    if (life.expiry !== undefined) {
      if (p.maxExpiry !== undefined) {
        if (life.expiry > p.maxExpiry) found.push('expiry-too-long');
      } else if (life.expiry > 30 * 86_400) found.push('long-expiry');
    }
    if (p.now === undefined) found.push('expiry-unchecked');
    else {
      if (p.now > life.end) found.push('expired');
      else if (p.minExpiryLeft !== undefined && life.end - p.now < p.minExpiryLeft)
        found.push('expires-too-soon');
      if (life.createdAt !== undefined && life.createdAt > p.now + (p.clockSkew ?? 600))
        found.push('timestamp-in-future');
    }
  }
  // Amounts: the offer's price (times the quantity, converted), at least; an invoice's, exactly.
  const price = (quantity: bigint): bigint | undefined => {
    if (o.amount === undefined) return undefined;
    if (o.currency === undefined) return o.amount * quantity;
    if (p.convert === undefined) {
      found.push('currency-conversion-needed');
      return undefined;
    }
    return convert(o.amount) * quantity;
  };
  const quantity = BigInt(p.quantity ?? 1);
  const asked =
    m.kind === 'offer'
      ? price(quantity)
      : m.kind === 'invoice'
        ? m.amountMsat
        : (m.amountMsat ?? price(m.quantity ?? 1n));
  const atLeast = m.kind === 'offer';
  if (asked !== undefined || o.amount === undefined) {
    if (asked === undefined) {
      if (p.allowAmountless === false) found.push('missing-amount');
      else if (p.amountMsat === undefined) found.push('amount-unspecified');
    } else if (p.amountMsat !== undefined) {
      if (atLeast ? p.amountMsat < asked : p.amountMsat !== asked)
        found.push(atLeast ? 'amount-too-small' : 'amount-mismatch');
    }
    const paid =
      atLeast && asked !== undefined && p.amountMsat !== undefined && p.amountMsat > asked
        ? p.amountMsat
        : (asked ?? p.amountMsat);
    if (paid !== undefined && p.minAmountMsat !== undefined && paid < p.minAmountMsat)
      found.push('amount-below-minimum');
    if (paid !== undefined && p.maxAmountMsat !== undefined && paid > p.maxAmountMsat)
      found.push('amount-above-maximum');
  }
  if (m.kind === 'offer' && p.quantity !== undefined) {
    const max = m.quantityMax;
    if (max === undefined ? quantity !== 1n : max !== 0n && quantity > max)
      found.push('invalid-quantity');
  }
  if (m.kind === 'invoice' && p.supportedFeatures !== undefined) {
    const supported = new Set(
      p.supportedFeatures.map((f) => (typeof f === 'number' ? f - (f % 2) : 16)),
    );
    for (const f of m.features)
      if (f.required && !supported.has(f.bit)) found.push('unsupported-feature');
  }
  // The payee: the offer's issuer id, or the node id of an invoice for an offer that names it.
  const key =
    m.kind === 'invoice'
      ? o.issuerId !== undefined || o.paths.length === 0
        ? m.nodeId
        : undefined
      : o.issuerId;
  const expected =
    p.payee === undefined
      ? undefined
      : typeof p.payee === 'string'
        ? p.payee
        : Buffer.from(p.payee).toString('hex');
  if (key !== undefined && expected !== undefined && Buffer.from(key).toString('hex') !== expected)
    found.push('payee-mismatch');
  if (m.kind === 'invoice') found.push('request-unchecked');
  return found.sort();
};

describe('well-formed policies', () => {
  it('give exactly the findings of the rules, for offers, requests and invoices', () => {
    checkProperty(
      'bolt12-policy-model',
      fc.property(
        fc.constantFrom(...MESSAGES).chain((text) => fc.tuple(fc.constant(text), policyFor(text))),
        ([text, policy]) => {
          if (contradictory(policy) || policy.network === 'mainnet') {
            expect(() => validateBolt12(text, policy)).toThrow(RangeError);
            return;
          }
          const result = validateBolt12(text, policy);
          expectWellFormed(result, text, 'bolt12');
          const modelled = result.issues.map((i) => i.code).filter((c) => MODELLED.has(c));
          expect(modelled.sort()).toEqual(model(DECODED.get(text) as Bolt12, policy));
          // The decoded message gives the same findings as its string.
          expect(validateBolt12(result.message as Bolt12, policy).issues).toEqual(result.issues);
        },
      ),
      { seed: 71, numRuns: 300 },
    );
  });
});

const ALLOWED: Readonly<Record<string, (v: unknown) => boolean>> = ALLOWED_BOLT12;

describe('malformed policies', () => {
  it('are a TypeError or RangeError naming the setting; what is accepted is well-typed', () => {
    const settings = fc.constantFrom(...Object.keys(ALLOWED), 'quantityMax', 'chains', 'verify');
    const values = fc.oneof(
      junk,
      fc.constantFrom<unknown>(
        () => 1000n,
        () => 1,
        0,
        1,
        2n ** 64n,
        -1n,
        { kind: 'invoice_request' },
        { kind: 'invoice_request', records: [] },
        'lnr1qqqq',
        request(),
      ),
    );
    checkProperty(
      'bolt12-policy-hostile',
      fc.property(
        fc.constantFrom(...MESSAGES),
        fc.array(fc.tuple(settings, values), { minLength: 1, maxLength: 3 }),
        (text, changes) => {
          const policy: Record<string, unknown> = { now: T0 };
          for (const [key, value] of changes) policy[key] = value;
          let result: ReturnType<typeof validateBolt12>;
          try {
            result = validateBolt12(text, policy as ValidationPolicy);
          } catch (error) {
            expectPolicyRefusal(error);
            return;
          }
          expectWellFormed(result, text, 'bolt12');
          for (const [key, value] of Object.entries(policy))
            if (key !== 'now' && value !== undefined) {
              expect(Object.keys(ALLOWED), `unknown key ${key}`).toContain(key);
              expect(ALLOWED[key]?.(value), key).toBe(true);
            }
          expectNoPollution();
        },
      ),
      { seed: 72, numRuns: 300 },
    );
  });
});

it('the invoices of MESSAGES are signed by the issuer', () => {
  for (const text of MESSAGES)
    if (text.startsWith('lni')) expect((DECODED.get(text) as Invoice).verified).toBe(true);
});
