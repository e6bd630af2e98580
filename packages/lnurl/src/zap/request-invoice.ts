// NIP-57 steps 4-6: asking the pay request's callback for the invoice of a zap request.
import type { Invoice } from '@lninvoice/core';
import { sha256 } from '@lninvoice/core/hash';
import { readOptions } from '@lninvoice/core/options';
import { describeValue, encodeUtf8, previewValue, toHex } from '@lninvoice/core/text';
import { LnurlError, type LnurlWarning } from '../errors.js';
import { fetchPayInvoice, PAY, payCallbackUrl, type RequestedInvoice } from '../flows.js';
import { HTTP_OPTIONS, type HttpOptions } from '../http.js';
import { type DescriptionHashCheck, isDescriptionHashCheck, WALLET_CHECKS } from '../invoice.js';
import { isProblem, type NostrEvent, readEvent } from '../nostr.js';
import { isMsat, required } from '../options.js';
import type { PayRequest } from '../responses.js';
import { appendQuery, parseServiceUrl } from '../url.js';
import { isLnurl } from './params.js';
import { lower } from './read.js';
import { validateZapRequest } from './validate-request.js';

export interface ZapInvoiceOptions extends HttpOptions {
  /** The amount, millisatoshis: the `amount` parameter, and the zap request's `amount` tag if it has one. */
  readonly amountMsat: bigint;
  /** The recipient's bech32 LNURL, sent as `lnurl=`. Default: the zap request's `lnurl` tag. */
  readonly lnurl?: string;
  /**
   * When the invoice's `h` is not SHA-256 of the zap request as sent: `strict` (default: fail
   * with `description-hash-mismatch`, NIP-57 step 6), `warn` (report it in `warnings`) or `off`.
   */
  readonly descriptionHash?: DescriptionHashCheck;
  /** The wallet's network: `'bitcoin'` (default), `'testnet'`, `'signet'` or `'regtest'`. */
  readonly network?: string;
  /** The current time, seconds since 1970: an invoice already expired is refused (`expired`). */
  readonly now?: number;
}

export interface ZapInvoice extends RequestedInvoice {
  /** The zap request exactly as sent (`nostr=`): the text the invoice's `h` commits to. */
  readonly zapRequest: string;
}

const ZAP_INVOICE_OPTIONS = {
  amountMsat: PAY.amountMsat,
  lnurl: isLnurl,
  ...HTTP_OPTIONS,
  ...WALLET_CHECKS,
  descriptionHash: isDescriptionHashCheck,
} as const;

/** The zap request as the JSON text to send: a string as given, an event in NIP-01's field order. */
const zapRequestText = (zapRequest: unknown): string => {
  if (typeof zapRequest === 'string') return zapRequest;
  const read = readEvent(zapRequest);
  if (isProblem(read))
    throw new TypeError(
      `zapRequest must be a signed event or its JSON text: its ${read.field} must be ${read.expected}, got ${previewValue(read.value)}`,
    );
  const { id, pubkey, created_at, kind, tags, content, sig } = read;
  return JSON.stringify({ id, pubkey, created_at, kind, tags, content, sig });
};

/**
 * What is wrong with the `h` of the invoice a zap request `text` got (NIP-57 step 6), or
 * undefined when it is SHA-256 of `text` exactly. Exported (not by the subpath) so that this
 * file's declarations import `Invoice`, and the API names it as it did before the split.
 */
export const zapHashProblem = (
  invoice: Invoice,
  text: string,
  metadataHash: string,
): string | undefined => {
  const expected = toHex(sha256(encodeUtf8(text) as Uint8Array));
  const actual = invoice.descriptionHash && toHex(invoice.descriptionHash);
  if (actual === expected) return undefined;
  return actual === undefined
    ? `the invoice has no description hash; expected ${expected} (SHA-256 of the zap request)`
    : actual === metadataHash
      ? `the invoice's description hash ${actual} is the SHA-256 of the metadata, not of the zap request (${expected}): the service ignored the zap`
      : `the invoice's description hash ${actual} is not ${expected}, the SHA-256 of the zap request as sent`;
};

/**
 * NIP-57 steps 4-6 (Appendix B): sends the zap request to the pay request's callback
 * (`amount=`, `nostr=` the zap request's JSON, `lnurl=`) and checks the invoice as
 * `requestInvoice` does — signature, network, exact amount, expiry — and that its `h` is SHA-256
 * of the zap request exactly as sent (not of the metadata). Refused before any request: a pay
 * request that does not allow zaps (`unsupported-zap`, or `invalid-nostr-pubkey` when its key was
 * dropped), and a zap request that is not valid (RangeError).
 */
export const requestZapInvoice = async (
  payRequest: PayRequest,
  zapRequest: NostrEvent | string,
  options: ZapInvoiceOptions,
): Promise<ZapInvoice> => {
  const {
    amountMsat: amount,
    lnurl: lnurlOption,
    descriptionHash = 'strict',
    network,
    now,
    ...http
  } = readOptions<ZapInvoiceOptions>('options', options, ZAP_INVOICE_OPTIONS);
  const amountMsat = required(amount, 'options.amountMsat', isMsat);
  if (typeof payRequest !== 'object' || payRequest === null || payRequest.tag !== 'payRequest')
    throw new TypeError(
      `payRequest must be a parsed pay request, got ${describeValue(payRequest)}`,
    );
  // NIP-57 step 1: zaps only with "`allowsNostr` [...] `true`" and a valid `nostrPubkey`.
  if (payRequest.allowsNostr !== true || payRequest.nostrPubkey === undefined) {
    const dropped = payRequest.warnings?.some((w) => w.code === 'invalid-nostr-pubkey');
    throw new LnurlError(
      dropped && payRequest.allowsNostr === true ? 'invalid-nostr-pubkey' : 'unsupported-zap',
      payRequest.allowsNostr !== true
        ? `${payRequest.domain} does not take zap requests (no allowsNostr: true): pay it with requestInvoice`
        : `${payRequest.domain} gives no valid nostrPubkey to sign zap receipts with: its receipts could not be checked`,
    );
  }
  const text = zapRequestText(zapRequest);
  const lnurl = lower(lnurlOption);
  const checked = validateZapRequest(text, {
    amountMsat,
    ...(lnurl === undefined ? {} : { lnurl }),
  });
  const fault = checked.issues.find(
    (issue) => issue.severity === 'error' || issue.code === 'lnurl-mismatch',
  );
  if (fault !== undefined)
    throw new RangeError(`zapRequest is not a valid zap request: ${fault.code}: ${fault.message}`);
  const sentLnurl = lnurl ?? checked.request?.lnurl;
  const { url } = payCallbackUrl(payRequest, { amountMsat });
  const zapUrl = appendQuery(parseServiceUrl(url, 'callback'), [
    ['nostr', text],
    ...(sentLnurl === undefined ? [] : [['lnurl', sentLnurl] as const]),
  ]);
  const result = await fetchPayInvoice(
    payRequest,
    zapUrl,
    {
      amountMsat,
      metadata: text,
      descriptionHash: 'off',
      ...(network === undefined ? {} : { network }),
      ...(now === undefined ? {} : { now }),
    },
    http,
  );
  const warnings: LnurlWarning[] = [...result.warnings];
  if (descriptionHash !== 'off') {
    // Step 6: "the server should fetch a description hash invoice where the description is this
    // `zap request` note and this note only. No additional lnurl metadata is included".
    const message = zapHashProblem(result.invoice, text, payRequest.metadataHash);
    if (message !== undefined) {
      if (descriptionHash === 'strict') throw new LnurlError('description-hash-mismatch', message);
      warnings.push({ code: 'description-hash-mismatch', message });
    }
  }
  return { ...result, warnings, zapRequest: text };
};
