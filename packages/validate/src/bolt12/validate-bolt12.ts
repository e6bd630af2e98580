// validateBolt12: the payer's checklist over a BOLT 12 offer, invoice request or invoice. Never
// throws on a bad message: every finding is returned.
import {
  type Bolt12,
  Bolt12Error,
  CHAINS,
  checkInvoiceForRequest,
  decodeBolt12,
  decodeInvoiceRequest,
  encodeBolt12,
  type Invoice,
  type InvoiceRequest,
  type Offer,
  type OfferFields,
} from '@lninvoice/bolt12';
import { describeValue, showText, toHex } from '@lninvoice/core/text';
import { amountIssues } from '../checks/amount.js';
import { displayIssues } from '../checks/display.js';
import { lifetimeIssues } from '../checks/expiry.js';
import { fallbackIssues } from '../checks/fallback.js';
import { routeCostIssues } from '../checks/route-hints.js';
import type { Found } from '../checks/types.js';
import type { ValidationIssue } from '../issues.js';
import { type CheckedPolicy, checkPolicy, type ValidationPolicy } from '../policy.js';
import { decodeIssue12 } from './decode-rules.js';
import { issue12 } from './rules.js';

/**
 * What {@link validateBolt12} finds: `ok` when no finding is an error, with every finding and the
 * message.
 */
export type Bolt12ValidationResult =
  | {
      /** No error: the offer may be answered, the invoice paid (show the warnings). */
      readonly ok: true;
      /** Warnings only: show them to the payer. */
      readonly issues: readonly ValidationIssue[];
      /** The message, its signature verified (an invoice request without offer may have none). */
      readonly message: Bolt12;
    }
  | {
      /** At least one finding is an error: do not answer or pay. */
      readonly ok: false;
      /** Every finding, errors and warnings, in the order the checks run. */
      readonly issues: readonly ValidationIssue[];
      /** The message as far as it could be read: undefined when it does not decode. */
      readonly message: Bolt12 | undefined;
    };

/** A BOLT 12 finding about `field`. */
const at =
  (field: string): Found =>
  (code, message) =>
    issue12(code, field, message);

/** The string to check: the input itself, or the records a decoded message was read from. */
const messageText = (input: unknown): string => {
  if (typeof input === 'string') return input;
  // Re-read the object from its records, so its typed values cannot differ from what was signed.
  try {
    return encodeBolt12(input as Bolt12);
  } catch (error) {
    if (!(error instanceof TypeError || error instanceof RangeError)) throw error;
    throw new TypeError(
      `validateBolt12 takes a BOLT 12 string or a message from @lninvoice/bolt12 decodeBolt12: ${error.message}`,
      { cause: error },
    );
  }
};

/** The BOLT 12 chains of the payer's network (`testnet` is testnet3 and testnet4). */
const chainsOf = (network: string): string[] =>
  CHAINS.filter((c) => c.network?.name === network).map((c) => c.name);

const chainIssues = (
  chains: readonly string[],
  policy: CheckedPolicy,
  what: string,
  field: string,
): ValidationIssue[] => {
  if (policy.network === undefined) return [];
  const accepted = chainsOf(policy.network);
  return chains.some((c) => accepted.includes(c))
    ? []
    : [
        issue12(
          'network-mismatch',
          field,
          `the ${what} is for ${chains.join(', ')}, the payer is on ${policy.network} (${accepted.length === 0 ? 'no BOLT 12 chain' : `chain ${accepted.join(' or ')}`})`,
        ),
      ];
};

/** An offer's expiry (offers and the offer an invoice request answers). */
const offerLifetime = (offer: OfferFields, policy: CheckedPolicy): ValidationIssue[] =>
  offer.absoluteExpiry === undefined
    ? []
    : lifetimeIssues(
        { expiresAt: Number(offer.absoluteExpiry) },
        policy,
        'offer',
        at('offer_absolute_expiry'),
      );

/**
 * The price of `quantity` items of `offer` in millisatoshis: converted by `policy.convert` when
 * it is in a currency (undefined, with a finding, without it); undefined for an amountless offer.
 */
export const priceOf = (
  offer: OfferFields,
  quantity: bigint,
  policy: CheckedPolicy,
  issues: ValidationIssue[],
): bigint | undefined => {
  const { amount, currency } = offer;
  if (amount === undefined) return undefined;
  if (currency === undefined) return amount * quantity;
  if (policy.convert === undefined) {
    issues.push(
      issue12(
        'currency-conversion-needed',
        'offer_currency',
        `the offer asks ${amount} in ${showText(currency)} minor units${offer.currencyExponent === undefined ? '' : ` (exponent ${offer.currencyExponent})`}: pass policy.convert to check the amount in millisatoshis`,
      ),
    );
    return undefined;
  }
  const msat: unknown = policy.convert(amount, currency);
  if (typeof msat !== 'bigint' || msat < 0n)
    throw new TypeError(
      `policy.convert must return a bigint of millisatoshis, got ${describeValue(msat)}`,
    );
  return msat * quantity;
};

const payeeIssues = (
  key: Uint8Array | undefined,
  policy: CheckedPolicy,
  field: string,
  what: string,
): ValidationIssue[] => {
  const expected = policy.payee;
  if (expected === undefined || key === undefined || toHex(key) === toHex(expected)) return [];
  return [
    issue12(
      'payee-mismatch',
      field,
      `the ${what} is from ${toHex(key)}, the payer expects ${toHex(expected)}`,
    ),
  ];
};

/** What the offer says to the payer: the description it expects, text that can disguise. */
const offerTextIssues = (offer: OfferFields, policy: CheckedPolicy): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const { description, issuer } = offer;
  if (policy.description !== undefined && description !== policy.description)
    issues.push(
      issue12(
        'description-mismatch',
        'offer_description',
        `the offer ${description === undefined ? 'has no description' : `says ${showText(description)}`}, the payer expects ${showText(policy.description)}`,
      ),
    );
  issues.push(
    ...displayIssues(description, 'offer_description', at('offer_description')),
    ...displayIssues(issuer, 'offer_issuer', at('offer_issuer')),
  );
  return issues;
};

const checkOffer = (offer: Offer, policy: CheckedPolicy): ValidationIssue[] => {
  const issues = [
    ...chainIssues(offer.chains, policy, 'offer', 'offer_chains'),
    ...offerLifetime(offer, policy),
  ];
  const quantity = policy.quantity ?? 1n;
  const price = priceOf(offer, quantity, policy, issues);
  if (price !== undefined || offer.amount === undefined)
    issues.push(...amountIssues(price, policy, 'offer', at('amount'), true));
  const max = offer.quantityMax;
  if (
    policy.quantity !== undefined &&
    (max === undefined ? quantity !== 1n : max !== 0n && quantity > max)
  )
    issues.push(
      issue12(
        'invalid-quantity',
        'invreq_quantity',
        max === undefined
          ? `the offer sells one item (it has no offer_quantity_max); the payer means to buy ${quantity}`
          : `the payer means to buy ${quantity} items; the offer sells at most ${max}`,
      ),
    );
  issues.push(
    ...payeeIssues(offer.issuerId, policy, 'offer_issuer_id', 'offer'),
    ...offerTextIssues(offer, policy),
  );
  return issues;
};

const checkRequest = (request: InvoiceRequest, policy: CheckedPolicy): ValidationIssue[] => {
  const { offer } = request;
  const issues = [
    ...chainIssues([request.chain], policy, 'invoice request', 'invreq_chain'),
    ...offerLifetime(offer, policy),
  ];
  const asked = request.amountMsat ?? priceOf(offer, request.quantity ?? 1n, policy, issues);
  if (asked !== undefined || offer.currency === undefined)
    issues.push(...amountIssues(asked, policy, 'invoice request', at('amount')));
  issues.push(
    ...payeeIssues(offer.issuerId, policy, 'offer_issuer_id', 'offer'),
    ...offerTextIssues(offer, policy),
  );
  return issues;
};

/**
 * The payer's own invoice request, from the policy: a string decoded, a decoded request re-read
 * from its records (signature checked), as the message itself is.
 */
const payersRequest = (request: InvoiceRequest | string): InvoiceRequest => {
  let text = request as string;
  try {
    if (typeof request !== 'string') text = encodeBolt12(request);
    return decodeInvoiceRequest(text);
  } catch (error) {
    if (error instanceof Bolt12Error) throw new RangeError(`policy.request: ${error.message}`);
    if (error instanceof TypeError || error instanceof RangeError)
      throw new TypeError(`policy.request must be an invoice request: ${error.message}`);
    throw error;
  }
};

const checkInvoice = (invoice: Invoice, policy: CheckedPolicy): ValidationIssue[] => {
  const { offer } = invoice;
  const issues = [
    ...chainIssues([invoice.chain], policy, 'invoice', 'invreq_chain'),
    ...lifetimeIssues(
      {
        createdAt: Number(invoice.createdAt),
        expiry: invoice.relativeExpiry,
        expiresAt: Number(invoice.expiresAt),
      },
      policy,
      'invoice',
      (code, message) =>
        issue12(
          code,
          code === 'timestamp-in-future' ? 'invoice_created_at' : 'invoice_relative_expiry',
          message,
        ),
    ),
    ...amountIssues(invoice.amountMsat, policy, 'invoice', at('amount')),
  ];
  const supported = policy.supportedFeatures;
  for (const { bit, name, required } of invoice.features)
    if (required && supported && !supported.has(bit))
      issues.push(
        issue12(
          'unsupported-feature',
          'invoice_features',
          `the invoice requires ${name ? `${name} (bit ${bit})` : `bit ${bit}`}, which the payer does not support`,
        ),
      );
  // The node id is the payee's own key when the offer names its issuer, or when the request
  // answered no offer; for an offer reached by blinded paths only, it is a blinded key.
  const noOffer = offer.issuerId === undefined && offer.paths.length === 0;
  const request = policy.request;
  // Without an offer, the payee is the node id the payer confirmed: with the request, bolt12
  // checks it (node-id-mismatch), or says it is unconfirmed.
  if (offer.issuerId !== undefined || (noOffer && request === undefined))
    issues.push(...payeeIssues(invoice.nodeId, policy, 'invoice_node_id', 'invoice'));
  if (request === undefined)
    issues.push(
      issue12(
        'request-unchecked',
        'invoice',
        "no invoice request was given: nothing shows that the invoice answers the payer's own request",
      ),
    );
  else {
    const found = checkInvoiceForRequest(
      invoice,
      payersRequest(request),
      noOffer && policy.payee !== undefined ? { nodeId: policy.payee } : {},
    );
    for (const { code, severity, message, field, rule } of found.issues)
      issues.push({ code, severity, message, field, rule });
  }
  issues.push(
    ...routeCostIssues(
      invoice.paths.map((path) => path.blindedPayInfo),
      policy,
      (i) => `invoice path ${i}`,
      at('invoice_blindedpay'),
    ),
    ...offerTextIssues(offer, policy),
    ...fallbackIssues(invoice.fallbacks, 'invoice_fallbacks', at('invoice_fallbacks')),
  );
  return issues;
};

const CHECKS: {
  readonly [K in Bolt12['kind']]: (
    message: Extract<Bolt12, { kind: K }>,
    policy: CheckedPolicy,
  ) => ValidationIssue[];
} = { offer: checkOffer, invoice_request: checkRequest, invoice: checkInvoice };

/** The payer's checklist over a checked policy (check() calls it with its own amount). */
export const validateBolt12With = (
  input: unknown,
  policy: CheckedPolicy,
): Bolt12ValidationResult => {
  const text = messageText(input);
  // The payer knows the features it supports: the decoder refuses the other even bits.
  const features =
    policy.supportedFeatures && [...policy.supportedFeatures].filter((b) => b < 65536);
  const options = features === undefined ? {} : { features };
  const issues: ValidationIssue[] = [];
  let message: Bolt12;
  try {
    message = decodeBolt12(text, options);
  } catch (error) {
    if (!(error instanceof Bolt12Error)) throw error;
    issues.push(decodeIssue12(error));
    // A bad signature leaves the rest readable: check it all, so that every finding is listed.
    if (error.code !== 'invalid-signature') return { ok: false, issues, message: undefined };
    message = decodeBolt12(text, { ...options, verify: false });
  }
  issues.push(
    ...(CHECKS[message.kind] as (m: Bolt12, p: CheckedPolicy) => ValidationIssue[])(
      message,
      policy,
    ),
  );
  return issues.some((i) => i.severity === 'error')
    ? { ok: false, issues, message }
    : { ok: true, issues, message };
};

/**
 * Every finding about the BOLT 12 offer, invoice request or invoice `input` (a string, or a
 * message decoded by @lninvoice/bolt12) under `policy`. Throws only on a malformed argument.
 */
export const validateBolt12 = (
  input: string | Bolt12,
  policy: ValidationPolicy = {},
): Bolt12ValidationResult => validateBolt12With(input, checkPolicy(policy));
