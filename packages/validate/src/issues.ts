// Every finding of the checklist: its stable code, severity, the field it is about, and the rule
// it enforces. The package README lists them; a test keeps the two in step.
import type { Bolt12CheckCode, Bolt12ErrorCode } from '@lninvoice/bolt12';
import type { Bolt11ErrorCode, Span } from '@lninvoice/core';
import type { UriErrorCode } from '@lninvoice/uri';

/** `error`: do not pay. `warning`: legal, but show it to the user or think twice. */
export type Severity = 'error' | 'warning';

/** A finding of the checklist: a stable code, its severity, the field and rule it is about. */
export interface ValidationIssue {
  /**
   * Stable code: one of VALIDATION_ISSUE_CODES; or, when decoding failed, the code of the
   * `Bolt11Error`, `Bolt12Error` or (`check`) `UriError`; or a code of `checkInvoiceForRequest`.
   */
  readonly code: ValidationCode;
  /** `error`: do not pay. `warning`: legal, but show it to the user or think twice. */
  readonly severity: Severity;
  /** What was found, with the values. */
  readonly message: string;
  /**
   * What the finding is about: a BOLT 11 tagged field (`'x'`, `'c'`, `'9'`, `'d'`, `'h'`, `'n'`,
   * `'f'`, …), a BOLT 12 field by its spec name (`'offer_absolute_expiry'`, `'invoice_node_id'`,
   * …), or `'amount'`, `'network'`, `'timestamp'`, `'signature'`, `'invoice'`, `'message'`,
   * `'input'`.
   */
  readonly field: string;
  /** The rule enforced, quoted from BOLT 11, BOLT 12, BOLT 9, BIP 321 or the LUD it comes from. */
  readonly rule: string;
  /** Where in the invoice string the problem is, when decoding located it. */
  readonly span?: Span;
}

const BOLT11 = 'BOLT 11';
const BOLT12 = 'BOLT 12';

/** Severity, field and rule of each code of this package. */
export const ISSUES = {
  'network-mismatch': {
    severity: 'error',
    field: 'network',
    rule: `${BOLT11}: "A writer MUST encode \`prefix\` using the currency required for successful payment" — the invoice asks for a payment on another chain`,
  },
  expired: {
    severity: 'error',
    field: 'x',
    rule: `${BOLT11}: "A payer: after the \`timestamp\` plus \`expiry\` has passed: SHOULD NOT attempt a payment"`,
  },
  'expires-too-soon': {
    severity: 'error',
    field: 'x',
    rule: 'payer policy (minExpiryLeft): a payment needs time to reach the payee before the invoice expires',
  },
  'expiry-unchecked': {
    severity: 'warning',
    field: 'x',
    rule: `${BOLT11}: "after the \`timestamp\` plus \`expiry\` has passed: SHOULD NOT attempt a payment" — pass \`now\` to check it`,
  },
  'timestamp-in-future': {
    severity: 'warning',
    field: 'timestamp',
    rule: `${BOLT11}: "MUST set \`timestamp\` to the number of seconds since Midnight 1 January 1970" — beyond the clock skew allowed, a clock is wrong`,
  },
  'expiry-too-long': {
    severity: 'error',
    field: 'x',
    rule: 'payer policy (maxExpiry): the invoice stays valid longer than accepted',
  },
  'long-expiry': {
    severity: 'warning',
    field: 'x',
    rule: 'legal but unusual: an invoice valid for more than 30 days pins a price and a payment hash for long',
  },
  'amount-mismatch': {
    severity: 'error',
    field: 'amount',
    rule: 'payer policy (amountMsat); for LNURL-pay, LUD-06: "LN WALLET Verifies that amount in provided invoice equals the amount previously specified by user"',
  },
  'amount-below-minimum': {
    severity: 'error',
    field: 'amount',
    rule: 'payer policy (minAmountMsat)',
  },
  'amount-above-maximum': {
    severity: 'error',
    field: 'amount',
    rule: 'payer policy (maxAmountMsat)',
  },
  'missing-amount': {
    severity: 'error',
    field: 'amount',
    rule: 'payer policy (allowAmountless: false): the invoice or offer names no amount',
  },
  'amount-unspecified': {
    severity: 'warning',
    field: 'amount',
    rule: `${BOLT11}: "if the \`amount\` is empty: SHOULD indicate to the payer that amount is unspecified"`,
  },
  'amount-too-small': {
    severity: 'error',
    field: 'amount',
    rule: `${BOLT12}: "MUST specify \`invreq_amount\`.\`msat\` as greater or equal to amount expected by \`offer_amount\` (and, if present, \`offer_currency\` and \`invreq_quantity\`)" — the payer's amountMsat is below the offer's price`,
  },
  'currency-conversion-needed': {
    severity: 'warning',
    field: 'offer_currency',
    rule: `${BOLT12}: "if it uses \`offer_amount\` to provide the user with a cost estimate: MUST take into account the currency units for \`offer_amount\`: \`offer_currency\` field if set" — pass \`convert\` to check the amount`,
  },
  'invalid-quantity': {
    severity: 'error',
    field: 'invreq_quantity',
    rule: `${BOLT12}: "if \`offer_quantity_max\` is non-zero: MUST set \`invreq_quantity\` less than or equal to \`offer_quantity_max\`"; without \`offer_quantity_max\`: "MUST NOT set \`invreq_quantity\`"`,
  },
  'unsupported-feature': {
    severity: 'error',
    field: '9',
    rule: 'BOLT 9: an even bit means the payee requires the feature ("it\'s ok to be odd"); a payer without it cannot pay',
  },
  'missing-feature-dependency': {
    severity: 'error',
    field: '9',
    rule: `${BOLT11}: "if the feature vector does not set all known, transitive feature dependencies: MUST NOT attempt the payment"`,
  },
  'payee-mismatch': {
    severity: 'error',
    field: 'n',
    rule: 'payer policy (payee): the invoice is signed by another node than the one expected',
  },
  'request-unchecked': {
    severity: 'warning',
    field: 'invoice',
    rule: `${BOLT12}: "if the invoice is a response to an \`invoice_request\`: MUST reject the invoice if all fields in ranges 0 to 159 and 1000000000 to 2999999999 (inclusive) do not exactly match the invoice request" — pass \`request\` to check it`,
  },
  'description-mismatch': {
    severity: 'error',
    field: 'd',
    rule: 'payer policy (description): the invoice describes another purchase than the one expected',
  },
  'description-hash-mismatch': {
    severity: 'error',
    field: 'h',
    rule: `${BOLT11}: "MUST check that the SHA2 256-bit hash in the \`h\` field exactly matches the hashed description"`,
  },
  'metadata-hash-mismatch': {
    severity: 'error',
    field: 'h',
    rule: 'LUD-06: "LN WALLET Verifies that `h` tag in provided invoice is a hash of `metadata` string converted to byte array in UTF-8 encoding"',
  },
  'description-hash-unchecked': {
    severity: 'warning',
    field: 'h',
    rule: `${BOLT11}: "MUST check that the SHA2 256-bit hash in the \`h\` field exactly matches the hashed description" — pass \`description\` or \`metadata\` to check it`,
  },
  'description-control-characters': {
    severity: 'warning',
    field: 'd',
    rule: `${BOLT11}: "Payment descriptions should always be sanitized before being displayed" — control characters can rewrite a terminal or hide text`,
  },
  'description-bidi-characters': {
    severity: 'warning',
    field: 'd',
    rule: `${BOLT11}: "Payment descriptions should always be sanitized before being displayed" — bidirectional overrides can show text in another order than it is written`,
  },
  'description-invisible-characters': {
    severity: 'warning',
    field: 'd',
    rule: `${BOLT11}: "Payment descriptions should always be sanitized before being displayed" — invisible characters make different texts look the same`,
  },
  'cltv-delta-too-large': {
    severity: 'error',
    field: 'c',
    rule: 'payer policy (maxCltvExpiryDelta): funds would stay locked too long if the payment got stuck',
  },
  'large-cltv-delta': {
    severity: 'warning',
    field: 'c',
    rule: 'legal but risky: above 2016 blocks (two weeks), funds stay locked long if the payment gets stuck, and many nodes refuse such routes',
  },
  'route-hint-fee-too-large': {
    severity: 'error',
    field: 'r',
    rule: 'payer policy (maxRouteHintFeeBaseMsat, maxRouteHintFeePpm; by default 50 000 msat and 10 000 ppm): the payee writes the fees of its route hints, and the payer pays them',
  },
  'route-hint-cltv-delta-too-large': {
    severity: 'error',
    field: 'r',
    rule: "payer policy (maxRouteHintCltvDelta; by default 2016 blocks): the CLTV delta a route hint adds locks the payer's funds that much longer if the payment gets stuck",
  },
  'fallback-future-witness-version': {
    severity: 'warning',
    field: 'f',
    rule: 'BIP 141 / BIP 341: outputs of witness versions without consensus rules (v1 other than 32 bytes, v2-v16) can be spent by anyone: never pay to them',
  },
  'non-standard-form': {
    severity: 'warning',
    field: 'input',
    rule: 'BIP 321 and BOLT 11 define `bitcoin:` and `lightning:` URIs; wallets also meet forms no spec defines (`lightning:lno1…`, `lightning://`): read, but the sender may not be paid by every wallet',
  },
  'unsupported-input': {
    severity: 'error',
    field: 'input',
    rule: 'check: the text is valid but names no payment this package can check (a node, an invoice request, silent payments only)',
  },
} as const satisfies Record<string, { severity: Severity; field: string; rule: string }>;

/** One of {@link VALIDATION_ISSUE_CODES}: a finding of this package's own. */
export type ValidationIssueCode = keyof typeof ISSUES;

/**
 * Every code a finding (and `ValidationError`) may carry: this package's; core's, bolt12's or
 * uri's for decoding; the codes of bolt12's `checkInvoiceForRequest`.
 */
export type ValidationCode =
  | ValidationIssueCode
  | Bolt11ErrorCode
  | Bolt12ErrorCode
  | Bolt12CheckCode
  | UriErrorCode;

/** The codes of this package's own findings (decoding failures carry the decoder's codes). */
export const VALIDATION_ISSUE_CODES = Object.keys(ISSUES) as ValidationIssueCode[];

/**
 * A finding of `code`, with its severity, field and rule from the table; a BOLT 12 check names
 * its own field and rule.
 */
export const issue = (
  code: ValidationIssueCode,
  message: string,
  field: string = ISSUES[code].field,
  rule: string = ISSUES[code].rule,
): ValidationIssue => ({ code, severity: ISSUES[code].severity, message, field, rule });
