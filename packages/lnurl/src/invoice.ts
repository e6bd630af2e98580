// LUD-06 steps 5-6: the invoice a service returns for a payment, checked against what was asked:
// its signature, "that amount in provided invoice equals the amount previously specified by user",
// the wallet's network, its expiry (given a clock), and its description hash.
//
// The description hash follows LUD-06 as amended by luds PR #234 (merged; followed by Alby,
// Blixt, Breez, BlueWallet, LNbits), which the text in ../spec/luds (0318227, 2024-01-14) does
// not have yet. The text on disk says "`LN WALLET` Verifies that `h` tag in provided invoice is a
// hash of `metadata` string converted to byte array in UTF-8 encoding"; the PR removes "the
// `description_hash` requirement in LUD06 and LUD18 [...] starting with removing the check
// `WALLET` performs on the invoice received in the second LNURL-p response", since services on
// Core Lightning and other nodes cannot commit to the metadata. So a wrong or missing `h` is a
// warning on the result by default, and a failure only with `descriptionHash: 'strict'`.
import {
  Bolt11Error,
  type DecodeOptions,
  decode,
  findNetwork,
  type Invoice,
  withNetworks,
} from '@lninvoice/core';
import {
  checkedWhereUsed,
  integerParam,
  isString,
  type OptionCheck,
  readOptions,
} from '@lninvoice/core/options';
import { describeValue, showText, toHex } from '@lninvoice/core/text';
import { LnurlError, type LnurlWarning } from './errors.js';
import { asObject, booleanField, fieldValue, optionalField, stringField } from './json.js';
import { metadataHash } from './metadata.js';
import { isMsat, required } from './options.js';
import { checkStatus } from './responses.js';
import { parseSuccessAction, type SuccessAction } from './success-action.js';
import { parseServiceUrl } from './url.js';

/**
 * How to treat an invoice whose `h` is not the hash of the metadata: `warn` (the default, LUD-06
 * after luds PR #234) reports it in `warnings`, `strict` fails, `off` does not look.
 */
export type DescriptionHashCheck = 'strict' | 'warn' | 'off';

/** `descriptionHash`: one of the modes, so that a misspelt one (`'Strict'`) is no silent `warn`. */
export const isDescriptionHashCheck: OptionCheck = (value, name) => {
  isString(value, name);
  if (value !== 'strict' && value !== 'warn' && value !== 'off')
    throw new RangeError(`${name} must be "strict", "warn" or "off", got ${describeValue(value)}`);
};

/**
 * What {@link checkPayInvoice} checks an LNURL-pay invoice against: the amount asked, the metadata,
 * the network and time.
 */
export interface InvoiceCheck {
  /** The exact millisatoshis asked for. */
  readonly amountMsat: bigint;
  /** The metadata string as received. */
  readonly metadata: string;
  /** The payer data JSON sent (LUD-18), appended to the metadata before hashing. */
  readonly payerData?: string;
  /** `warn` (default) reports in `warnings`, `strict` fails, `off` skips. */
  readonly descriptionHash?: DescriptionHashCheck;
  /**
   * The network the wallet pays on: `'bitcoin'` (default), `'testnet'`, `'signet'`, `'regtest'`
   * or one of `decode.networks`. An invoice for another is `network-mismatch`.
   */
  readonly network?: string;
  /** The current time, seconds since 1970: an invoice expired by then is `expired`. Unchecked without it. */
  readonly now?: number;
  /** Passed to `decode`: custom networks, a secp256k1 backend (legacy invoices are not payable). */
  readonly decode?: Pick<DecodeOptions, 'networks' | 'secp256k1'>;
}

/** An invoice of an LNURL-pay service that passed {@link checkPayInvoice}. */
export interface CheckedInvoice {
  /** The invoice as the service sent it. */
  readonly pr: string;
  /** The invoice decoded, its signature verified. */
  readonly invoice: Invoice;
  /** What was let through, each with its code: `description-hash-mismatch` unless `strict`. */
  readonly warnings: readonly LnurlWarning[];
}

const INVOICE_CHECK = {
  amountMsat: isMsat,
  metadata: isString,
  payerData: isString,
  descriptionHash: isDescriptionHashCheck,
  network: isString,
  now: (value: unknown, name: string) => void integerParam(name, value, 0, Number.MAX_SAFE_INTEGER),
  // Only these: `verify: false` or `legacy: true` would let an unpayable invoice through.
  decode: (value: unknown, name: string) =>
    void readOptions(name, value, { networks: checkedWhereUsed, secp256k1: checkedWhereUsed }),
} as const satisfies { readonly [K in keyof InvoiceCheck]-?: OptionCheck };

/** The checks of the wallet's own settings, for the functions that pass them on (requestInvoice). */
export const WALLET_CHECKS = {
  descriptionHash: INVOICE_CHECK.descriptionHash,
  network: INVOICE_CHECK.network,
  now: INVOICE_CHECK.now,
} as const;

/**
 * Decodes `pr`, verifies its signature, and checks its network, amount, expiry (given `now`) and
 * description hash.
 */
export const checkPayInvoice = (pr: string, check: InvoiceCheck): CheckedInvoice => {
  const options = readOptions<InvoiceCheck>('check', check, INVOICE_CHECK);
  const amountMsat = required(options.amountMsat, 'check.amountMsat', isMsat);
  const metadata = required(options.metadata, 'check.metadata', isString);
  // Before anything is decoded: a misspelt network is the caller's mistake, not the service's.
  const network = findNetwork(
    options.network ?? 'bitcoin',
    withNetworks(options.decode?.networks, 'check.decode.networks'),
    'check.network',
  );
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
  // A mainnet Lightning Address that answers lntb… or lnbcrt… is no payment the wallet can make.
  if (invoice.network !== network.name) {
    throw new LnurlError(
      'network-mismatch',
      `the service's invoice is for ${showText(invoice.network)} (${showText(invoice.prefix)}…); the wallet pays on ${network.name}`,
    );
  }
  if (invoice.amountMsat !== amountMsat) {
    const asked = invoice.amountMsat === undefined ? 'no amount' : `${invoice.amountMsat} msat`;
    throw new LnurlError(
      'amount-mismatch',
      `the invoice asks ${asked}; ${amountMsat} msat were requested`,
    );
  }
  // BOLT 11: a payer, "after the `timestamp` plus `expiry` has passed: SHOULD NOT attempt a
  // payment". LUD-06 pays the invoice at once ("no additional user confirmation is required at
  // this point"): one that is expired on arrival cannot be paid, so it fails rather than warns.
  if (options.now !== undefined && options.now > invoice.expiresAt) {
    throw new LnurlError(
      'expired',
      `the service's invoice expired at ${invoice.expiresAt}, ${options.now - invoice.expiresAt} s before now (${options.now}, seconds since 1970)`,
    );
  }
  const warnings: LnurlWarning[] = [];
  const mode = options.descriptionHash ?? 'warn';
  if (mode !== 'off') {
    const expected = metadataHash(metadata, options.payerData);
    const actual = invoice.descriptionHash && toHex(invoice.descriptionHash);
    if (actual !== expected) {
      const message =
        actual === undefined
          ? `the invoice has no description hash; expected ${expected} (SHA-256 of the metadata)`
          : `the invoice's description hash ${actual} is not ${expected}, the SHA-256 of the metadata as received`;
      if (mode === 'strict') throw new LnurlError('description-hash-mismatch', message);
      warnings.push({ code: 'description-hash-mismatch', message });
    }
  }
  return { pr, invoice, warnings };
};

/** LUD-06 step 5, with LUD-09/10 `successAction`, LUD-11 `disposable` and LUD-21 `verify`. */
export interface InvoiceResponse {
  /** The invoice as the service sent it, not yet checked: see {@link checkPayInvoice}. */
  readonly pr: string;
  /** LUD-09: what to show once paid; undefined when the service sent none. */
  readonly successAction: SuccessAction | undefined;
  /** LUD-11: "If `disposable` is `null`, it should be interpreted as `true`". */
  readonly disposable: boolean;
  /**
   * LUD-21: "The field `verify` provides an URL to a `SERVICE` to check if the invoice has been
   * settled" (https, or http to an onion host, as every URL a service gives); for `verifyPayment`.
   */
  readonly verify: string | undefined;
}

/**
 * LUD-06 step 5: the service's answer to the pay callback, its fields typed; `callback` is the URL
 * it was requested from (a LUD-09 `url` action must be on its domain). The invoice is not checked
 * here: see {@link checkPayInvoice}. Throws a `LnurlError`: `service-error` for `status: ERROR`,
 * `invalid-response` for a missing or mistyped field, `invalid-verify-url`, or a success action's
 * code (`invalid-success-action`, `unsupported-success-action`, `success-action-domain-mismatch`,
 * `invalid-iv`).
 */
export const parseInvoiceResponse = (value: unknown, callback: string): InvoiceResponse => {
  const json = asObject(value, 'the invoice response');
  checkStatus(json);
  const pr = stringField(json, 'pr', 'the invoice response');
  const action = fieldValue(json, 'successAction');
  const verify = optionalField(json, 'verify', 'the invoice response', stringField);
  let verifyUrl: string | undefined;
  try {
    verifyUrl = verify === undefined ? undefined : parseServiceUrl(verify, 'verify').href;
  } catch (error) {
    throw new LnurlError('invalid-verify-url', (error as Error).message, { cause: error });
  }
  return {
    pr,
    successAction:
      action === undefined || action === null ? undefined : parseSuccessAction(action, callback),
    disposable: optionalField(json, 'disposable', 'the invoice response', booleanField) ?? true,
    verify: verifyUrl,
  };
};
