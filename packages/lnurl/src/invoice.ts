// LUD-06 steps 5-6: the invoice a service returns for a payment, checked against what was asked.
// "LN WALLET Verifies that `h` tag in provided invoice is a hash of `metadata` string converted to
// byte array in UTF-8 encoding" and "that amount in provided invoice equals the amount previously
// specified by user".
import { Bolt11Error, type DecodeOptions, decode, type Invoice } from '@lninvoice/core';
import { checkedWhereUsed, isString, type OptionCheck, readOptions } from '@lninvoice/core/options';
import { describeValue, toHex } from '@lninvoice/core/text';
import { LnurlError } from './errors.js';
import { asObject, booleanField, fieldValue, optionalField, stringField } from './json.js';
import { metadataHash } from './metadata.js';
import { isMsat, required } from './options.js';
import { checkStatus } from './responses.js';
import { parseSuccessAction, type SuccessAction } from './success-action.js';

/** How to treat an invoice whose `h` is not the hash of the metadata. */
export type DescriptionHashCheck = 'strict' | 'warn' | 'off';

/** `descriptionHash`: one of the modes, so that a misspelt one (`'Strict'`) is no silent `warn`. */
export const isDescriptionHashCheck: OptionCheck = (value, name) => {
  isString(value, name);
  if (value !== 'strict' && value !== 'warn' && value !== 'off')
    throw new RangeError(`${name} must be "strict", "warn" or "off", got ${describeValue(value)}`);
};

export interface InvoiceCheck {
  /** The exact millisatoshis asked for. */
  readonly amountMsat: bigint;
  /** The metadata string as received. */
  readonly metadata: string;
  /** The payer data JSON sent (LUD-18), appended to the metadata before hashing. */
  readonly payerData?: string;
  /** `strict` (default) fails, `warn` reports in `warnings`, `off` skips. */
  readonly descriptionHash?: DescriptionHashCheck;
  /** Passed to `decode`: custom networks, a secp256k1 backend (legacy invoices are not payable). */
  readonly decode?: Pick<DecodeOptions, 'networks' | 'secp256k1'>;
}

export interface CheckedInvoice {
  readonly pr: string;
  readonly invoice: Invoice;
  /** Findings that `descriptionHash: 'warn'` let through. */
  readonly warnings: readonly string[];
}

/** Decodes `pr`, verifies its signature, and checks its amount and description hash. */
export const checkPayInvoice = (pr: string, check: InvoiceCheck): CheckedInvoice => {
  const options = readOptions<InvoiceCheck>('check', check, {
    amountMsat: isMsat,
    metadata: isString,
    payerData: isString,
    descriptionHash: isDescriptionHashCheck,
    // Only these: `verify: false` or `legacy: true` would let an unpayable invoice through.
    decode: (value, name) =>
      void readOptions(name, value, { networks: checkedWhereUsed, secp256k1: checkedWhereUsed }),
  });
  const amountMsat = required(options.amountMsat, 'check.amountMsat', isMsat);
  const metadata = required(options.metadata, 'check.metadata', isString);
  let invoice: Invoice;
  try {
    invoice = decode(pr, options.decode ?? {});
  } catch (error) {
    if (!(error instanceof Bolt11Error)) throw error;
    throw new LnurlError(
      'invalid-invoice',
      `the service's invoice is invalid: ${error.code}: ${error.message}`,
      { cause: error },
    );
  }
  if (invoice.amountMsat !== amountMsat) {
    const asked = invoice.amountMsat === undefined ? 'no amount' : `${invoice.amountMsat} msat`;
    throw new LnurlError(
      'amount-mismatch',
      `the invoice asks ${asked}; ${amountMsat} msat were requested`,
    );
  }
  const warnings: string[] = [];
  const mode = options.descriptionHash ?? 'strict';
  if (mode !== 'off') {
    const expected = metadataHash(metadata, options.payerData);
    const actual = invoice.descriptionHash && toHex(invoice.descriptionHash);
    if (actual !== expected) {
      const message =
        actual === undefined
          ? `the invoice has no description hash; expected ${expected} (SHA-256 of the metadata)`
          : `the invoice's description hash ${actual} is not ${expected}, the SHA-256 of the metadata as received`;
      if (mode === 'strict') throw new LnurlError('description-hash-mismatch', message);
      warnings.push(message);
    }
  }
  return { pr, invoice, warnings };
};

/** LUD-06 step 5, with LUD-09/10 `successAction` and LUD-11 `disposable`. */
export interface InvoiceResponse {
  readonly pr: string;
  readonly successAction: SuccessAction | undefined;
  /** LUD-11: "If `disposable` is `null`, it should be interpreted as `true`". */
  readonly disposable: boolean;
}

export const parseInvoiceResponse = (value: unknown, callback: string): InvoiceResponse => {
  const json = asObject(value, 'the invoice response');
  checkStatus(json);
  const pr = stringField(json, 'pr', 'the invoice response');
  const action = fieldValue(json, 'successAction');
  return {
    pr,
    successAction:
      action === undefined || action === null ? undefined : parseSuccessAction(action, callback),
    disposable: optionalField(json, 'disposable', 'the invoice response', booleanField) ?? true,
  };
};
