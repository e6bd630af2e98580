// validate: the payer's checklist over a string or a decoded invoice. Never throws on a bad
// invoice: every finding is returned.
import {
  type AnyInvoice,
  Bolt11Error,
  decode,
  encode,
  type Invoice,
  type Legacy,
  LninvoiceError,
  verifyInvoice,
} from '@lninvoice/core';
import type { ErrorDetails } from '@lninvoice/core/errors';
import { checkAmount } from './checks/amount.js';
import { checkCltv } from './checks/cltv.js';
import { checkDescription } from './checks/description.js';
import { checkDisplay } from './checks/display.js';
import { checkExpiry } from './checks/expiry.js';
import { checkFallbacks } from './checks/fallback.js';
import { checkFeatures } from './checks/features.js';
import { checkNetwork } from './checks/network.js';
import { checkPayee } from './checks/payee.js';
import { checkRouteHints } from './checks/route-hints.js';
import type { Check } from './checks/types.js';
import { decodeIssue } from './decode-rules.js';
import type { ValidationCode, ValidationIssue } from './issues.js';
import { type CheckedPolicy, checkPolicy, type ValidationPolicy } from './policy.js';

/**
 * What {@link validate} finds: `ok` when no finding is an error, with every finding and the
 * invoice.
 */
export type ValidationResult =
  | {
      /** No error: the invoice may be paid (show the warnings). */
      readonly ok: true;
      /** Warnings only: show them to the payer. */
      readonly issues: readonly ValidationIssue[];
      /** The invoice, its signature verified. */
      readonly invoice: Invoice;
    }
  | {
      /** At least one finding is an error: do not pay. */
      readonly ok: false;
      /** Every finding, errors and warnings, in the order the checks run. */
      readonly issues: readonly ValidationIssue[];
      /** The invoice as far as it could be read: undefined when it does not decode. */
      readonly invoice: AnyInvoice | undefined;
    };

const CHECKS: readonly Check[] = [
  checkNetwork,
  checkExpiry,
  checkAmount,
  checkFeatures,
  checkPayee,
  checkDescription,
  checkCltv,
  checkRouteHints,
  checkFallbacks,
  checkDisplay,
];

/** An invoice that breaks no rule of the current BOLT 11 text has a payment secret. */
const isCurrent = (invoice: Legacy<Invoice>): invoice is Invoice =>
  invoice.paymentSecret !== undefined;

/** The string to check: the input itself, or the words an invoice object was signed over. */
const invoiceText = (input: string | AnyInvoice): string => {
  if (typeof input === 'string') return input;
  // Re-read the object from its own words, so its typed values cannot differ from what was signed.
  // encode checks the object's shape (fields, words, timestamp, signature) as any argument.
  try {
    return encode(input);
  } catch (error) {
    if (!(error instanceof TypeError || error instanceof RangeError)) throw error;
    throw new TypeError(
      `validate takes an invoice string or an invoice from @lninvoice/core decode: ${error.message}`,
      { cause: error },
    );
  }
};

/** A BOLT 12 string (an offer, invoice request or invoice): its prefix, and where it ends. */
const BOLT12_PREFIX = /^(\s*(?:lightning:)?)(ln[oir])1/i;
const BOLT12_KINDS: Readonly<Record<string, string>> = {
  lno: 'offer',
  lnr: 'invoice request',
  lni: 'invoice',
};

/** The validation of `input` under a checked policy (check() calls it with its own amount). */
export const validateWith = (
  input: string | AnyInvoice,
  checked: CheckedPolicy,
): ValidationResult => {
  const text = invoiceText(input);
  const options = {
    ...(checked.legacy === undefined ? {} : { legacy: checked.legacy }),
    ...(checked.networks === undefined ? {} : { networks: checked.networks }),
  };
  let parsed: AnyInvoice;
  try {
    parsed = decode(text, { ...options, verify: false });
  } catch (error) {
    if (!(error instanceof Bolt11Error)) throw error;
    // A BOLT 12 string fails BOLT 11's checksum: say what it is, and what reads it.
    const bolt12 = BOLT12_PREFIX.exec(text);
    const found = bolt12
      ? decodeIssue({
          code: 'unknown-prefix',
          message: `this is a BOLT 12 ${BOLT12_KINDS[(bolt12[2] as string).toLowerCase()]} (${bolt12[2]}1…), not a BOLT 11 invoice: check it with validateBolt12, or any input with check`,
          field: undefined,
          span: [(bolt12[1] as string).length, (bolt12[0] as string).length - 1],
        })
      : decodeIssue(error);
    return { ok: false, issues: [found], invoice: undefined };
  }
  // What `legacy` let the invoice break: read, so that the rest can be checked, but not payable.
  const issues: ValidationIssue[] = parsed.relaxed.map(decodeIssue);
  let verified: Legacy<Invoice> | undefined;
  try {
    verified = verifyInvoice(
      parsed,
      checked.secp256k1 === undefined ? {} : { secp256k1: checked.secp256k1 },
    );
  } catch (error) {
    if (!(error instanceof Bolt11Error)) throw error;
    issues.push(decodeIssue(error));
  }
  const subject = verified ?? parsed;
  for (const check of CHECKS) issues.push(...check(subject, checked));
  if (verified && isCurrent(verified) && issues.every((i) => i.severity !== 'error'))
    return { ok: true, issues, invoice: verified };
  return { ok: false, issues, invoice: subject };
};

/** Every finding about the BOLT 11 invoice `input` under `policy`. Throws only on a malformed argument. */
export const validate = (
  input: string | AnyInvoice,
  policy: ValidationPolicy = {},
): ValidationResult => validateWith(input, checkPolicy(policy));

/**
 * The error `assertValid` throws: the code (and span) of the first error, and every finding.
 * Constructed as every package's error is: `new ValidationError(code, message, { issues })`.
 */
export class ValidationError extends LninvoiceError<ValidationCode> {
  /** Always `'ValidationError'`: what logs and stack traces show. */
  override readonly name = 'ValidationError';
  /** Every finding, errors and warnings, in the order `validate` lists them. */
  readonly issues: readonly ValidationIssue[];

  constructor(
    code: ValidationCode,
    message: string,
    details: ErrorDetails & { readonly issues?: readonly ValidationIssue[] } = {},
  ) {
    super(code, message, details);
    this.issues = details.issues ?? [];
  }
}

/** The verified invoice when `validate` finds no error; otherwise throws one `ValidationError`. */
export const assertValid = (input: string | AnyInvoice, policy: ValidationPolicy = {}): Invoice => {
  const result = validate(input, policy);
  if (result.ok) return result.invoice;
  // Not ok: at least one finding is an error.
  const errors = result.issues.filter((i) => i.severity === 'error');
  const first = errors[0] as ValidationIssue;
  throw new ValidationError(
    first.code,
    errors.length === 1
      ? `invalid invoice: ${first.message}`
      : `invalid invoice: ${errors.length} errors, first: ${first.message}`,
    { issues: result.issues, span: first.span },
  );
};
