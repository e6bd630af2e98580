// The JSON a service answers, checked field by field into typed requests.
// LUD-01: "Neither status codes or any HTTP Header has any meaning [...] just parse the response
// body as JSON, then interpret it accordingly."
import { bytesParam } from '@lninvoice/core/options';
import { isValidPublicKey } from '@lninvoice/core/point';
import { previewValue, showText } from '@lninvoice/core/text';
import { LnurlError, type LnurlWarning } from './errors.js';
import {
  asObject,
  booleanField,
  countField,
  fieldValue,
  type JsonObject,
  msatField,
  optionalField,
  queryField,
  stringField,
} from './json.js';
import { metadataHash, type PayMetadata, parseMetadata } from './metadata.js';
import { type PayerDataRequest, parsePayerDataRequest } from './payer-data.js';
import { parseServiceUrl } from './url.js';

/**
 * An LNURL-pay request (LUD-06), checked: what may be paid, between which amounts, and where to ask
 * for the invoice.
 */
export interface PayRequest {
  /** Always `'payRequest'`: tells the kinds of {@link ServiceRequest} apart. */
  readonly tag: 'payRequest';
  /** Where the invoice is requested (https, or http for an onion host). */
  readonly callback: string;
  /** Millisatoshis, at least 1. */
  readonly minSendable: bigint;
  /** Millisatoshis, at least `minSendable`. */
  readonly maxSendable: bigint;
  /** The metadata, read: its description, image and identifiers. */
  readonly metadata: PayMetadata;
  /** SHA-256 of the raw metadata, hex: the `h` an invoice without payer data must carry. */
  readonly metadataHash: string;
  /** LUD-12: characters of comment accepted, 0 when none ("Should be interpreted as 0 if not provided"). */
  readonly commentAllowed: number;
  /** LUD-18: the payer identities the service asks for. */
  readonly payerData: PayerDataRequest | undefined;
  /** The host the request came from (the LNURL's), or the callback's when unknown. */
  readonly domain: string;
  /** NIP-57: the service takes zap requests (`allowsNostr: true`); false when absent or not `true`. */
  readonly allowsNostr: boolean;
  /**
   * NIP-57: the BIP 340 key (32 bytes, lowercase hex) the service signs zap receipts with, or
   * undefined. One that is no such key (upper case, wrong length, no curve point) is dropped,
   * with a warning `invalid-nostr-pubkey`: the pay request stays payable, not zappable.
   */
  readonly nostrPubkey: string | undefined;
  /** What parsing let through: `invalid-nostr-pubkey` (a `nostrPubkey` dropped). */
  readonly warnings: readonly LnurlWarning[];
}

/**
 * An LNURL-withdraw request (LUD-03), checked: how much the service pays out, and where to send the
 * invoice.
 */
export interface WithdrawRequest {
  /** Always `'withdrawRequest'`: tells the kinds of {@link ServiceRequest} apart. */
  readonly tag: 'withdrawRequest';
  /** Where the invoice is sent (https, or http for an onion host). */
  readonly callback: string;
  /** The service's identifier of this withdrawal, sent back with the invoice. */
  readonly k1: string;
  /** The description the invoice should carry (untrusted text). */
  readonly defaultDescription: string;
  /** Millisatoshis, possibly 0. */
  readonly minWithdrawable: bigint;
  /** Millisatoshis, at least `minWithdrawable`. */
  readonly maxWithdrawable: bigint;
  /** The host the request came from (the LNURL's), or the callback's when unknown. */
  readonly domain: string;
}

/** An LNURL-channel request (LUD-02): the node to connect to, and where to ask for the channel. */
export interface ChannelRequest {
  /** Always `'channelRequest'`: tells the kinds of {@link ServiceRequest} apart. */
  readonly tag: 'channelRequest';
  /** "Remote node address of form node_key@ip_address:port_number" */
  readonly uri: string;
  /** Where the channel is requested (https, or http for an onion host). */
  readonly callback: string;
  /** The service's identifier of this request, sent back with the node id. */
  readonly k1: string;
  /** The host the request came from (the LNURL's), or the callback's when unknown. */
  readonly domain: string;
}

/** What a service describes at its LNURL: a pay, withdraw or channel request, by `tag`. */
export type ServiceRequest = PayRequest | WithdrawRequest | ChannelRequest;

/**
 * `{"status":"ERROR","reason":…}` as an `LnurlError` carrying the service's reason as sent; the
 * message shows it escaped (a U+202E in it would turn the rest of a line around).
 */
export const checkStatus = (json: JsonObject): void => {
  if (fieldValue(json, 'status') !== 'ERROR') return;
  const reason = fieldValue(json, 'reason');
  const text = typeof reason === 'string' ? reason : 'no reason given';
  throw new LnurlError('service-error', `the service answered ERROR: ${showText(text, 200)}`, {
    reason: text,
  });
};

const callbackOf = (json: JsonObject, what: string): { href: string; host: string } => {
  const text = stringField(json, 'callback', what);
  try {
    return parseServiceUrl(text, `${what}.callback`);
  } catch (error) {
    throw new LnurlError('invalid-callback', (error as Error).message, { cause: error });
  }
};

/** A service's answer that must be a request of `tag` (after `status: ERROR` is ruled out). */
const requestOf = (value: unknown, tag: ServiceRequest['tag']): JsonObject => {
  const json = asObject(value, `the ${tag}`);
  checkStatus(json);
  const actual = fieldValue(json, 'tag');
  if (actual !== tag) {
    throw new LnurlError(
      'tag-mismatch',
      `the service answered tag ${previewValue(actual)}; expected "${tag}"`,
    );
  }
  return json;
};

/** LUD-06 step 3. `domain`: the host of the LNURL it was fetched from. */
export const parsePayRequest = (value: unknown, domain?: string): PayRequest => {
  const json = requestOf(value, 'payRequest');
  const what = 'payRequest';
  const callback = callbackOf(json, what);
  const minSendable = msatField(json, 'minSendable', what);
  const maxSendable = msatField(json, 'maxSendable', what);
  // "can not be less than 1 or more than `maxSendable`"
  if (minSendable < 1n || minSendable > maxSendable) {
    throw new LnurlError(
      'invalid-min-sendable',
      `minSendable ${minSendable} msat must be from 1 to maxSendable (${maxSendable} msat)`,
    );
  }
  const rawMetadata = stringField(json, 'metadata', what);
  const warnings: LnurlWarning[] = [];
  return {
    tag: 'payRequest',
    callback: callback.href,
    minSendable,
    maxSendable,
    metadata: parseMetadata(rawMetadata),
    metadataHash: metadataHash(rawMetadata),
    commentAllowed: optionalField(json, 'commentAllowed', what, countField) ?? 0,
    payerData: optionalField(json, 'payerData', what, parsePayerDataRequest),
    domain: domain ?? callback.host,
    // NIP-57 step 1: "If `allowsNostr` exists and it is `true`, and if `nostrPubkey` exists and is
    // a valid BIP 340 public key in hex, the client should associate this information with the
    // user": anything else leaves the request a plain LNURL-pay one, which is not refused.
    allowsNostr: fieldValue(json, 'allowsNostr') === true,
    nostrPubkey: nostrPubkeyOf(fieldValue(json, 'nostrPubkey'), warnings),
    warnings,
  };
};

/** A BIP 340 x-only key in lowercase hex: 32 bytes, x below p, x³ + 7 a square (a curve point). */
export const isXOnlyKey = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^[0-9a-f]{64}$/.test(value) &&
  isValidPublicKey(bytesParam('key', `02${value}`));

const nostrPubkeyOf = (value: unknown, warnings: LnurlWarning[]): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (isXOnlyKey(value)) return value;
  warnings.push({
    code: 'invalid-nostr-pubkey',
    message: `payRequest.nostrPubkey ${previewValue(value, 80)} is not a BIP 340 public key (32 bytes of lowercase hex, a curve point): dropped, so the service cannot be zapped`,
  });
  return undefined;
};

/** LUD-03 step 3. */
export const parseWithdrawRequest = (value: unknown, domain?: string): WithdrawRequest => {
  const json = requestOf(value, 'withdrawRequest');
  const what = 'withdrawRequest';
  const callback = callbackOf(json, what);
  const minWithdrawable = msatField(json, 'minWithdrawable', what);
  const maxWithdrawable = msatField(json, 'maxWithdrawable', what);
  if (maxWithdrawable < minWithdrawable) {
    throw new LnurlError(
      'invalid-amount',
      `maxWithdrawable ${maxWithdrawable} msat is below minWithdrawable ${minWithdrawable} msat`,
    );
  }
  return {
    tag: 'withdrawRequest',
    callback: callback.href,
    k1: queryField(json, 'k1', what),
    defaultDescription: stringField(json, 'defaultDescription', what),
    minWithdrawable,
    maxWithdrawable,
    domain: domain ?? callback.host,
  };
};

/** LUD-02 step 3. */
export const parseChannelRequest = (value: unknown, domain?: string): ChannelRequest => {
  const json = requestOf(value, 'channelRequest');
  const what = 'channelRequest';
  const uri = stringField(json, 'uri', what);
  if (!/^0[23][0-9a-f]{64}@[^@\s]+:\d{1,5}$/i.test(uri)) {
    throw new LnurlError(
      'invalid-response',
      `channelRequest.uri ${showText(uri)} is not node_key@host:port`,
    );
  }
  const callback = callbackOf(json, what);
  return {
    tag: 'channelRequest',
    uri,
    callback: callback.href,
    k1: queryField(json, 'k1', what),
    domain: domain ?? callback.host,
  };
};

/** The request a service describes, by its `tag`. */
export const parseServiceResponse = (value: unknown, domain?: string): ServiceRequest => {
  const json = asObject(value, 'the service response');
  checkStatus(json);
  const tag = fieldValue(json, 'tag');
  if (tag === 'payRequest') return parsePayRequest(json, domain);
  if (tag === 'withdrawRequest') return parseWithdrawRequest(json, domain);
  if (tag === 'channelRequest') return parseChannelRequest(json, domain);
  throw new LnurlError(
    'tag-mismatch',
    `the service answered tag ${previewValue(tag)}, which is not payRequest, withdrawRequest or channelRequest`,
  );
};

/** LUD-08 fast withdraw: the withdraw request written into the LNURL's own query parameters. */
export const parseFastWithdraw = (
  params: ReadonlyMap<string, string>,
): { withdraw?: WithdrawRequest } => {
  const names = ['k1', 'minWithdrawable', 'maxWithdrawable', 'defaultDescription', 'callback'];
  if (!names.every((name) => params.has(name))) return {};
  const numbers = (name: string): number => {
    const text = params.get(name) as string;
    return /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  };
  const json: JsonObject = {
    tag: 'withdrawRequest',
    k1: params.get('k1'),
    minWithdrawable: numbers('minWithdrawable'),
    maxWithdrawable: numbers('maxWithdrawable'),
    defaultDescription: params.get('defaultDescription'),
    callback: params.get('callback'),
  };
  return { withdraw: parseWithdrawRequest(json) };
};

/** `{"status":"OK"}`, or the service's error. */
export const parseStatusResponse = (value: unknown): void => {
  const json = asObject(value, 'the service response');
  checkStatus(json);
  if (fieldValue(json, 'status') !== 'OK') {
    throw new LnurlError(
      'invalid-response',
      `the service answered status ${previewValue(fieldValue(json, 'status'))}, not "OK"`,
    );
  }
};

/** LUD-21: `GET verify` → `{status: "OK", settled, preimage, pr}`, as the service wrote it. */
export interface VerifyResponse {
  /** Whether the invoice has been paid. */
  readonly settled: boolean;
  /** Hex, once settled; null before. Unchecked here: `checkVerifyResponse` checks it. */
  readonly preimage: string | null;
  /** The invoice the answer is about. */
  readonly pr: string;
}

/** The fields of a verify answer, typed; `checkVerifyResponse` checks them against the invoice. */
export const parseVerifyResponse = (value: unknown): VerifyResponse => {
  const json = asObject(value, 'the verify response');
  checkStatus(json);
  const what = 'verify';
  const settled = booleanField(json, 'settled', what);
  const preimage = optionalField(json, 'preimage', what, stringField) ?? null;
  return { settled, preimage, pr: stringField(json, 'pr', what) };
};
