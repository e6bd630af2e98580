// @lninvoice/validate on a few BOLT 11 examples, each with a payer's policy and the findings it
// must give (codes, in order; warnings included); then BOLT 12 and check(), which bring
// @lninvoice/bolt12 and @lninvoice/uri along. `got` is every finding with its message.
import { createOffer, encodeBolt12 } from '@lninvoice/bolt12';
import {
  check as checkText,
  type ValidationPolicy,
  validate,
  validateBolt12,
} from '@lninvoice/validate';
import { attempt, type Result } from '../view.js';
import type { CoreVectors } from './core.js';

/** The description whose SHA-256 is the `h` of the example "hashed-description-20m". */
const WATERMELON =
  'One piece of chocolate cake, one icecream cone, one pickle, one slice of swiss cheese, one slice of salami, one lollypop, one piece of cherry pie, one sausage, one cupcake, and one slice of watermelon';
const PAYEE = '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad';
const CREATED = 1496314658;

interface Case {
  readonly id: string;
  /** A vector of spec-valid.json, or of spec-invalid.json when `invalid`. */
  readonly vector: string;
  readonly invalid?: boolean;
  readonly policy: ValidationPolicy;
  readonly codes: readonly string[];
}

const CASES: readonly Case[] = [
  {
    id: 'coffee, as the payer expects it',
    vector: 'coffee-2500u-expiry-60',
    policy: {
      network: 'bitcoin',
      now: CREATED + 60,
      amountMsat: 250_000_000n,
      payee: PAYEE,
      description: '1 cup coffee',
      supportedFeatures: ['var_onion_optin', 'payment_secret'],
    },
    codes: [],
  },
  {
    id: 'coffee on signet, a second too late, for 1 sat',
    vector: 'coffee-2500u-expiry-60',
    policy: { network: 'signet', now: CREATED + 61, amountMsat: 1000n },
    codes: ['network-mismatch', 'expired', 'amount-mismatch'],
  },
  {
    id: 'a donation where the payer needs an amount',
    vector: 'donation-any-amount',
    policy: { now: CREATED, allowAmountless: false },
    codes: ['missing-amount'],
  },
  {
    id: 'a description hash checked against its text',
    vector: 'hashed-description-20m',
    policy: { now: CREATED, description: WATERMELON, maxAmountMsat: 2_000_000_000n },
    codes: [],
  },
  {
    id: 'a description hash against another text, unchecked expiry',
    vector: 'hashed-description-20m',
    policy: { description: `${WATERMELON}.` },
    codes: ['expiry-unchecked', 'description-hash-mismatch'],
  },
  {
    id: 'payment metadata (bit 48) the payer does not support, from another node',
    vector: 'payment-metadata',
    policy: { now: CREATED, supportedFeatures: [8, 14], payee: `02${PAYEE.slice(2)}` },
    codes: ['unsupported-feature', 'payee-mismatch'],
  },
  {
    id: 'an invoice with a broken checksum',
    vector: 'bad-checksum',
    invalid: true,
    policy: { now: CREATED },
    codes: ['invalid-checksum'],
  },
];

/** BOLT 12 and pasted text: what is checked, and the codes (or the decision) it must give. */
const bolt12Cases = (coffee: string): { id: string; run: () => unknown; want: string }[] => {
  const offer = encodeBolt12(
    createOffer({ description: 'coffee', amountMsat: 5000n, issuerId: PAYEE }),
  );
  const codes = (r: { issues: readonly { code: string }[] }) =>
    r.issues.map((i) => i.code).join(' ');
  return [
    {
      id: 'validateBolt12: an offer as the payer expects it',
      run: () =>
        codes(validateBolt12(offer, { network: 'bitcoin', maxAmountMsat: 5000n, payee: PAYEE })),
      want: '',
    },
    {
      id: 'validateBolt12: an offer on another chain, above the maximum',
      run: () => codes(validateBolt12(offer, { network: 'testnet', maxAmountMsat: 4999n })),
      want: 'network-mismatch amount-above-maximum',
    },
    {
      id: 'check: a bitcoin: URI prefers its offer',
      run: () =>
        checkText(`bitcoin:?lightning=${coffee}&lno=${offer}`, { now: CREATED })
          .options.map((o) => `${o.from}:${o.decision}`)
          .join(' '),
      want: 'lno:pay lightning:pay',
    },
    {
      id: 'check: a Lightning Address names the calls to make',
      run: () =>
        checkText('alice@example.com')
          .next.map((n) => n.package)
          .join(' '),
      want: '@lninvoice/bip353 @lninvoice/lnurl',
    },
    {
      id: 'check: unrecognised text is a finding',
      run: () => codes(checkText('hello')),
      want: 'unknown-input',
    },
  ];
};

export const check = async ({ valid, invalid }: CoreVectors): Promise<Result[]> => {
  const results: Result[] = [];
  const coffee = valid.find((v) => v.name === 'coffee-2500u-expiry-60')?.invoice ?? '';
  for (const c of bolt12Cases(coffee)) {
    const got = attempt(c.run);
    results.push({ id: c.id, pass: 'value' in got && got.value === c.want, got });
  }
  for (const c of CASES) {
    const invoice = (c.invalid ? invalid : valid).find((v) => v.name === c.vector)?.invoice ?? '';
    const outcome = attempt(() => validate(invoice, c.policy).issues);
    const codes = 'value' in outcome && Array.isArray(outcome.value) ? outcome.value : [];
    const got = codes.map((issue) => (issue as { code: string }).code);
    results.push({
      id: c.id,
      pass: got.length === c.codes.length && got.every((code, i) => code === c.codes[i]),
      got: outcome,
    });
  }
  return results;
};
