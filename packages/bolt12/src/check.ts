// The checks that need two messages: an invoice against the request it answers (the payer's side),
// and a request against the offer it answers (the issuer's side). Coded findings, not a boolean.
import { bytesParam, checkedWhereUsed, isFunction, readOptions } from '@lninvoice/core/options';
import { describeValue, equalBytes, toHex } from '@lninvoice/core/text';
import { decodeInvoice, decodeInvoiceRequest, decodeOffer } from './decode.js';
import { fieldName } from './fields.js';
import { isTime } from './options.js';
import { isOfferType, isRequestType } from './read.js';
import type { TlvRecord } from './tlv.js';
import type { Invoice, InvoiceRequest, Offer } from './types.js';

/**
 * Every finding of {@link checkInvoiceForRequest} and {@link checkRequestForOffer}. The codes are
 * the API: they never change meaning; the package README explains each.
 */
export const BOLT12_CHECK_CODES = [
  'field-mismatch',
  'node-id-mismatch',
  'amount-mismatch',
  'amount-too-small',
  'chain-mismatch',
  'expired',
  'currency-conversion-needed',
  'unconfirmed-node-id',
] as const;

/** One of {@link BOLT12_CHECK_CODES}. */
export type Bolt12CheckCode = (typeof BOLT12_CHECK_CODES)[number];

/** One finding of a check. */
export interface Bolt12Finding {
  /** What was found. */
  readonly code: Bolt12CheckCode;
  /** `error`: reject. `warning`: the spec leaves it to the caller (confirm, convert). */
  readonly severity: 'error' | 'warning';
  /** What was found, with the values. */
  readonly message: string;
  /** The field it is about, by its spec name. */
  readonly field: string;
  /** The BOLT 12 sentence the check enforces. */
  readonly rule: string;
}

/** What a two-message check finds: `ok` when no finding is an error, and every finding. */
export interface Bolt12CheckResult {
  /** True when no finding is an error. */
  readonly ok: boolean;
  /** Every finding, errors and warnings, in the order the checks run. */
  readonly issues: readonly Bolt12Finding[];
}

const result = (issues: Bolt12Finding[]): Bolt12CheckResult => ({
  ok: !issues.some((i) => i.severity === 'error'),
  issues,
});

/** Each record of `inRange` types that differs between `mine` and `theirs`, as findings. */
const mismatches = (
  mine: readonly TlvRecord[],
  theirs: readonly TlvRecord[],
  inRange: (type: bigint) => boolean,
  what: string,
  rule: string,
): Bolt12Finding[] => {
  const a = mine.filter((r) => inRange(r.type));
  const b = new Map(theirs.filter((r) => inRange(r.type)).map((r) => [r.type, r.value]));
  const issues: Bolt12Finding[] = [];
  const report = (type: bigint, how: string) =>
    issues.push({
      code: 'field-mismatch',
      severity: 'error',
      message: `${fieldName(type)} ${how}`,
      field: fieldName(type),
      rule,
    });
  for (const { type, value } of a) {
    const other = b.get(type);
    if (other === undefined) report(type, `is not in the ${what}`);
    else if (!equalBytes(value, other)) report(type, `differs from the ${what}'s`);
    b.delete(type);
  }
  for (const type of b.keys()) report(type, `of the ${what} is missing`);
  return issues;
};

const message = <T>(value: unknown, name: string, kind: string, decode: (s: string) => T): T => {
  if (typeof value === 'string') return decode(value);
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== kind)
    throw new TypeError(
      `${name} must be a decoded ${kind} or its string, got ${describeValue(value)}`,
    );
  return value as T;
};

/** The options of {@link checkInvoiceForRequest}. */
export interface CheckInvoiceOptions {
  /** For a request that answered no offer: the node id the payer confirmed out of band. */
  readonly nodeId?: Uint8Array | string;
}

/**
 * The payer's checks of an invoice against the invoice request it sent: "MUST reject the invoice
 * if all fields in ranges 0 to 159 and 1000000000 to 2999999999 (inclusive) do not exactly match
 * the invoice request", the signing key against the offer's issuer id or paths, and the amount.
 * Strings are decoded (signatures verified); decoded messages are taken as they are.
 */
export const checkInvoiceForRequest = (
  invoice: Invoice | string,
  request: InvoiceRequest | string,
  options?: CheckInvoiceOptions,
): Bolt12CheckResult => {
  const inv = message<Invoice>(invoice, 'invoice', 'invoice', (s) => decodeInvoice(s));
  const req = message<InvoiceRequest>(request, 'request', 'invoice_request', (s) =>
    decodeInvoiceRequest(s),
  );
  const o = readOptions<CheckInvoiceOptions>('options', options, { nodeId: checkedWhereUsed });
  const issues = mismatches(
    inv.records,
    req.records,
    isRequestType,
    'invoice request',
    'BOLT 12: "MUST reject the invoice if all fields in ranges 0 to 159 and 1000000000 to 2999999999 (inclusive) do not exactly match the invoice request"',
  );
  const offer = req.offer;
  const nodeIssue = (message: string, rule: string, severity: 'error' | 'warning' = 'error') =>
    issues.push({
      code: severity === 'error' ? 'node-id-mismatch' : 'unconfirmed-node-id',
      severity,
      message,
      field: 'invoice_node_id',
      rule,
    });
  if (offer.issuerId !== undefined) {
    if (!equalBytes(inv.nodeId, offer.issuerId))
      nodeIssue(
        'invoice_node_id is not the offer_issuer_id',
        'BOLT 12: "MUST reject the invoice if `invoice_node_id` is not equal to `offer_issuer_id`"',
      );
  } else if (offer.paths.length > 0) {
    const finals = offer.paths.map((p) => p.hops[p.hops.length - 1]?.blindedNodeId);
    if (!finals.some((key) => key !== undefined && equalBytes(key, inv.nodeId)))
      nodeIssue(
        'invoice_node_id is not the final blinded node of any offer path',
        'BOLT 12: "MUST reject the invoice if `invoice_node_id` is not equal to the final `blinded_node_id` it sent the invoice request to"',
      );
  } else if (o.nodeId !== undefined) {
    if (!equalBytes(inv.nodeId, bytesParam('options.nodeId', o.nodeId, 33)))
      nodeIssue(
        'invoice_node_id is not the node id confirmed out of band (options.nodeId)',
        'BOLT 12: "MAY reject the invoice if it cannot confirm that `invoice_node_id` is correct, out-of-band"',
      );
  } else {
    nodeIssue(
      `the request answered no offer: confirm invoice_node_id ${toHex(inv.nodeId)} out of band (options.nodeId)`,
      'BOLT 12: "MAY reject the invoice if it cannot confirm that `invoice_node_id` is correct, out-of-band"',
      'warning',
    );
  }
  const expected =
    req.amountMsat ??
    (offer.amountMsat === undefined ? undefined : offer.amountMsat * (req.quantity ?? 1n));
  if (expected !== undefined && inv.amountMsat !== expected)
    issues.push({
      code: 'amount-mismatch',
      severity: 'error',
      message: `invoice_amount is ${inv.amountMsat} msat; the request ${req.amountMsat === undefined ? 'expects' : 'asked'} ${expected} msat`,
      field: 'invoice_amount',
      rule:
        req.amountMsat === undefined
          ? 'BOLT 12: "otherwise: MUST set `invoice_amount` to the *expected amount*" (the offer\'s amount times the quantity)'
          : 'BOLT 12: "MUST reject the invoice if `invoice_amount` is not equal to `invreq_amount`"',
    });
  if (expected === undefined)
    issues.push({
      code: 'currency-conversion-needed',
      severity: 'warning',
      message: `the offer asks ${offer.amount} in ${offer.currency}; the invoice asks ${inv.amountMsat} msat: confirm the conversion`,
      field: 'invoice_amount',
      rule: 'BOLT 12: "SHOULD confirm authorization if `invoice_amount`.`msat` is not within the amount range authorized"',
    });
  return result(issues);
};

/**
 * The options of {@link checkRequestForOffer}: the time, and a currency converter for offers priced
 * in one.
 */
export interface CheckRequestOptions {
  /** The current time, seconds since 1970: an expired offer's requests are refused. */
  readonly now?: number | bigint;
  /** Converts an amount in minor units of an ISO 4217 currency to millisatoshis, for currency offers. */
  readonly convert?: (amount: bigint, currency: string) => bigint;
}

/**
 * The issuer's checks of an invoice request against its offer: "MUST reject the invoice request
 * if the offer fields do not exactly match a valid, unexpired offer", the chain, and the amount
 * against the offer's (converted by `options.convert` when the offer is in a currency).
 */
export const checkRequestForOffer = (
  request: InvoiceRequest | string,
  offer: Offer | string,
  options?: CheckRequestOptions,
): Bolt12CheckResult => {
  const req = message<InvoiceRequest>(request, 'request', 'invoice_request', (s) =>
    decodeInvoiceRequest(s),
  );
  const off = message<Offer>(offer, 'offer', 'offer', (s) => decodeOffer(s));
  const o = readOptions<CheckRequestOptions>('options', options, {
    now: isTime,
    convert: isFunction,
  });
  const issues = mismatches(
    req.records,
    off.records,
    isOfferType,
    'offer',
    'BOLT 12: "MUST reject the invoice request if the offer fields do not exactly match a valid, unexpired offer"',
  );
  if (o.now !== undefined && off.absoluteExpiry !== undefined && BigInt(o.now) > off.absoluteExpiry)
    issues.push({
      code: 'expired',
      severity: 'error',
      message: `the offer expired at ${off.absoluteExpiry}`,
      field: 'offer_absolute_expiry',
      rule: 'BOLT 12: "MUST reject the invoice request if the offer fields do not exactly match a valid, unexpired offer"',
    });
  if (!off.chains.includes(req.chain))
    issues.push({
      code: 'chain-mismatch',
      severity: 'error',
      message: `the request is for ${req.chain}; the offer is for ${off.chains.join(', ')}`,
      field: 'invreq_chain',
      rule: 'BOLT 12: "MUST set `invreq_chain` to one of `offer_chains` unless that chain is bitcoin"',
    });
  if (off.amount !== undefined && req.amountMsat !== undefined) {
    const unit = off.currency === undefined ? off.amount : o.convert?.(off.amount, off.currency);
    if (unit === undefined)
      issues.push({
        code: 'currency-conversion-needed',
        severity: 'warning',
        message: `the offer's amount is ${off.amount} in ${off.currency}: pass options.convert to check invreq_amount`,
        field: 'invreq_amount',
        rule: 'BOLT 12: "if `offer_currency` is not the `invreq_chain` currency, convert to the `invreq_chain` currency"',
      });
    else {
      if (typeof unit !== 'bigint')
        throw new TypeError(
          `options.convert must return a bigint of millisatoshis, got ${describeValue(unit)}`,
        );
      const expected = unit * (req.quantity ?? 1n);
      if (req.amountMsat < expected)
        issues.push({
          code: 'amount-too-small',
          severity: 'error',
          message: `invreq_amount ${req.amountMsat} msat is less than the expected ${expected} msat`,
          field: 'invreq_amount',
          rule: 'BOLT 12: "MUST reject the invoice request if `invreq_amount`.`msat` is less than the *expected amount*"',
        });
    }
  }
  return result(issues);
};
