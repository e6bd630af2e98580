// @lninvoice/lnurl/zap: Lightning zaps (NIP-57) over LNURL-pay. The wallet makes and signs a zap
// request (kind 9734), sends it to the service's callback and checks the invoice it gets; a
// service checks the zap requests it receives (Appendix D); a client checks the zap receipts
// (kind 9735) it reads from relays (Appendix F).
//
// The text followed is nips/57.md as of 2026-07, which includes nostr-protocol/nips PR #1705. It
// says of the receipt: "`SHA256(description)` SHOULD match the description hash in the bolt11
// invoice" (a SHOULD, so a mismatch is a warning here), while the checks a client "MUST" make are
// only Appendix F's: the receipt's `pubkey` is the service's `nostrPubkey`, and the invoice's
// amount is the zap request's `amount` tag; its `lnurl` tag "SHOULD" be the recipient's. Findings
// are errors for a MUST of the text and warnings for a SHOULD (or a MAY that is broken), each
// with the sentence it enforces.
import { Bolt11Error, decode, type Invoice } from '@lninvoice/core';
import { sha256 } from '@lninvoice/core/hash';
import {
  bytesParam,
  integerParam,
  isArray,
  isFunction,
  isString,
  type OptionCheck,
  readOptions,
} from '@lninvoice/core/options';
import {
  describeValue,
  encodeUtf8,
  equalBytes,
  previewValue,
  showText,
  toHex,
} from '@lninvoice/core/text';
import { LnurlError, type LnurlWarning } from './errors.js';
import { fetchPayInvoice, PAY, payCallbackUrl, type RequestedInvoice } from './flows.js';
import { HTTP_OPTIONS, type HttpOptions } from './http.js';
import { type DescriptionHashCheck, isDescriptionHashCheck, WALLET_CHECKS } from './invoice.js';
import { decodeLnurl } from './lnurl.js';
import {
  checkEvent,
  type EventTemplate,
  HEX_32,
  isProblem,
  type NostrEvent,
  readEvent,
  signEvent,
  xOnlyKey,
} from './nostr.js';
import { isMsat, required } from './options.js';
import { isXOnlyKey, type PayRequest } from './responses.js';
import { appendQuery, parseServiceUrl } from './url.js';

export type { EventTemplate, NostrEvent };

/** NIP-57's event kinds: "`9734` is a `zap request` [...] `9735` is a `zap receipt`". */
export const ZAP_REQUEST_KIND = 9734;
export const ZAP_RECEIPT_KIND = 9735;

/** Every finding of `validateZapRequest` and `validateZapReceipt`. The README explains each. */
export const ZAP_ISSUE_CODES = [
  // the event itself (NIP-01)
  'invalid-json',
  'invalid-event',
  'invalid-kind',
  'id-mismatch',
  'invalid-signature',
  // zap requests (Appendix A, D)
  'missing-tags',
  'missing-recipient-tag',
  'duplicate-recipient-tag',
  'invalid-recipient-tag',
  'duplicate-event-tag',
  'invalid-event-tag',
  'invalid-coordinate-tag',
  'missing-relays-tag',
  'invalid-relays-tag',
  'invalid-amount-tag',
  'amount-mismatch',
  'invalid-lnurl-tag',
  'lnurl-mismatch',
  'duplicate-sender-tag',
  'sender-mismatch',
  'created-at-out-of-range',
  // zap receipts (Appendix E, F)
  'pubkey-mismatch',
  'missing-bolt11-tag',
  'duplicate-bolt11-tag',
  'invalid-invoice',
  'missing-description-tag',
  'duplicate-description-tag',
  'zap-request-mismatch',
  'description-hash-mismatch',
  'recipient-mismatch',
  'event-mismatch',
  'invalid-content',
  'invalid-preimage',
  'preimage-mismatch',
] as const;

export type ZapIssueCode = (typeof ZAP_ISSUE_CODES)[number];

/** The severity of each code: `error` for a MUST of NIP-57 (or NIP-01), `warning` for a SHOULD. */
export const ZAP_ISSUE_SEVERITY: Readonly<Record<ZapIssueCode, 'error' | 'warning'>> = {
  'invalid-json': 'error',
  'invalid-event': 'error',
  'invalid-kind': 'error',
  'id-mismatch': 'error',
  'invalid-signature': 'error',
  'missing-tags': 'error',
  'missing-recipient-tag': 'error',
  'duplicate-recipient-tag': 'error',
  'invalid-recipient-tag': 'error',
  'duplicate-event-tag': 'error',
  'invalid-event-tag': 'error',
  'invalid-coordinate-tag': 'error',
  'missing-relays-tag': 'warning',
  'invalid-relays-tag': 'warning',
  'invalid-amount-tag': 'error',
  'amount-mismatch': 'error',
  'invalid-lnurl-tag': 'warning',
  'lnurl-mismatch': 'warning',
  'duplicate-sender-tag': 'error',
  'sender-mismatch': 'error',
  'created-at-out-of-range': 'warning',
  'pubkey-mismatch': 'error',
  'missing-bolt11-tag': 'error',
  'duplicate-bolt11-tag': 'error',
  'invalid-invoice': 'error',
  'missing-description-tag': 'error',
  'duplicate-description-tag': 'error',
  'zap-request-mismatch': 'error',
  'description-hash-mismatch': 'warning',
  'recipient-mismatch': 'error',
  'event-mismatch': 'error',
  'invalid-content': 'warning',
  'invalid-preimage': 'warning',
  'preimage-mismatch': 'warning',
};

/** A finding, in the shape of @lninvoice/validate's `ValidationIssue`. */
export interface ZapIssue {
  readonly code: ZapIssueCode;
  /** `error`: the event breaks a MUST; do not trust it. `warning`: a SHOULD, or an optional part. */
  readonly severity: 'error' | 'warning';
  /** What was found, with the values; text from the event only through `showText`. */
  readonly message: string;
  /**
   * What it is about: an event field (`'id'`, `'pubkey'`, `'kind'`, `'sig'`, `'content'`,
   * `'created_at'`), a tag (`'tags.p'`, `'tags.amount'`, `'tags.bolt11'`, …) or `'input'`; in a
   * receipt, the embedded zap request's are prefixed `'description.'`.
   */
  readonly field: string;
  /** The sentence of NIP-57 (or NIP-01) it enforces. */
  readonly rule: string;
}

const NIP01_ID =
  'NIP-01: "To obtain the `event.id`, we `sha256` the serialized event"; "`sig`: 64-bytes lowercase hex of the signature of the sha256 hash of the serialized event data"';
const NIP01_SHAPE =
  'NIP-01: an event is `id`, `pubkey` (32-bytes lowercase hex), `created_at`, `kind` (an integer between 0 and 65535), `tags` (arrays of one or more strings), `content` and `sig`';
const RULES = {
  json: 'NIP-57 Appendix D: the `nostr` parameter is the zap request "which is URI- and JSON-encoded"; Appendix E: "a `description` tag which is the JSON-encoded zap request"',
  shape: NIP01_SHAPE,
  requestKind: 'NIP-57 Appendix A: "A `zap request` is an event of kind `9734`"',
  receiptKind: 'NIP-57 Appendix E: "Create a nostr event of kind `9735`"',
  id: NIP01_ID,
  signature: `NIP-57 Appendix D: "It MUST have a valid nostr signature"; ${NIP01_ID}`,
  tags: 'NIP-57 Appendix D: "It MUST have tags"',
  p: 'NIP-57 Appendix D: "It MUST have only one `p` tag"; Appendix A: "`p` is the hex-encoded pubkey of the recipient"',
  e: 'NIP-57 Appendix D: "It MUST have 0 or 1 `e` tags"; Appendix A: "`e` is an optional hex-encoded event id"',
  a: 'NIP-57 Appendix D: "If there is an `a` tag, it MUST be a valid event coordinate" (`<kind>:<pubkey>:<d tag>`, NIP-01)',
  relays:
    'NIP-57 Appendix D: "There should be a `relays` tag with the relays to send the `zap receipt` to"; Appendix A: "relays should not be nested in an additional list"',
  amount:
    'NIP-57 Appendix D: "If there is an `amount` tag, it MUST be equal to the `amount` query parameter"; Appendix A: "the amount in _millisats_ [...] formatted as a string"',
  lnurl:
    'NIP-57 Appendix A: "`lnurl` is the lnurl pay url of the recipient, encoded using bech32 with the prefix `lnurl`"',
  lnurlMatch:
    'NIP-57 Appendix F: "The `lnurl` tag of the `zap request` (if present) SHOULD equal the recipient\'s `lnurl`"',
  P: 'NIP-57 Appendix D: "There MUST be 0 or 1 `P` tags. If there is one, it MUST be equal to the `zap receipt`\'s `pubkey`"',
  createdAt:
    'not in NIP-57: a zap request is sent as soon as it is signed; one much older than `now` (or from the future) may be a replay',
  pubkey:
    "NIP-57 Appendix F: \"The `zap receipt` event's `pubkey` MUST be the same as the recipient's lnurl provider's `nostrPubkey`\"",
  bolt11:
    'NIP-57 Appendix E: "The `zap receipt` MUST have a `bolt11` tag containing the description hash bolt11 invoice"',
  description:
    'NIP-57 Appendix E: "The `zap receipt` MUST contain a `description` tag which is the JSON-encoded zap request"',
  zapRequest:
    'NIP-57 Appendix E: the `description` tag is the zap request the service received, which is the one the wallet sent',
  descriptionHash:
    'NIP-57 Appendix E: "`SHA256(description)` SHOULD match the description hash in the bolt11 invoice" (a SHOULD since nostr-protocol/nips PR #1705)',
  receiptAmount:
    'NIP-57 Appendix F: "The `invoiceAmount` contained in the `bolt11` tag of the `zap receipt` MUST equal the `amount` tag of the `zap request` (if present)"',
  receiptTags:
    'NIP-57 Appendix E: "`tags` MUST include the `p` tag (zap recipient) AND optional `e` tag from the `zap request` AND optional `a` tag from the `zap request` AND optional `P` tag from the pubkey of the zap request (zap sender)"',
  content: 'NIP-57 Appendix E: "The `content` SHOULD be empty"',
  preimage:
    'NIP-57 Appendix E: "The `zap receipt` MAY contain a `preimage` tag to match against the payment hash of the bolt11 invoice"',
} as const;

/** Findings of one event: `add` records one with the code's severity. */
class Findings {
  readonly issues: ZapIssue[] = [];
  constructor(private readonly prefix: string) {}
  add(code: ZapIssueCode, field: string, message: string, rule: string): void {
    this.issues.push({
      code,
      severity: ZAP_ISSUE_SEVERITY[code],
      message: this.prefix === '' ? message : `the zap request in the description: ${message}`,
      field: `${this.prefix}${field}`,
      rule,
    });
  }
}

const tagsNamed = (event: NostrEvent, name: string): (readonly string[])[] =>
  event.tags.filter((tag) => tag[0] === name);

/** The value of a tag (its second string), or '' for a tag of its name alone. */
const tagValue = (tag: readonly string[]): string => tag[1] ?? '';

/** NIP-01's event coordinate: "`<kind integer>:<32-bytes lowercase hex of a pubkey>:<d tag value>`". */
const isCoordinate = (text: string): boolean => {
  const match = /^(\d{1,5}):([0-9a-f]{64}):/.exec(text);
  return match !== null && Number(match[1]) <= 65535;
};

/** A relay URL: `ws://` or `wss://`, a host, then printable ASCII only (no space, no control). */
const isRelayUrl = (text: string): boolean =>
  /^wss?:\/\/(?:(?![/?#@\\])[!-~])+(?:[/?#][!-~]*)?$/i.test(text);

/** A bech32 LNURL, in lower case, or undefined when `text` is none. */
const bech32Lnurl = (text: string): string | undefined => {
  try {
    return decodeLnurl(text).form === 'bech32' ? text.trim().toLowerCase() : undefined;
  } catch (error) {
    if (error instanceof LnurlError) return undefined;
    throw error;
  }
};

/** Millisatoshis written as NIP-57's `amount`: a decimal string, no sign, no leading zero. */
const msatOf = (text: string): bigint | undefined =>
  /^(?:0|[1-9]\d{0,20})$/.test(text) ? BigInt(text) : undefined;

/** The JSON text or value `input` as an event, or the findings on why it is none. */
const readInput = (input: unknown, findings: Findings): NostrEvent | undefined => {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      findings.add(
        'invalid-json',
        'input',
        `the event ${showText(input, 60)} is not JSON`,
        RULES.json,
      );
      return undefined;
    }
  }
  const read = readEvent(value);
  if (isProblem(read)) {
    findings.add(
      'invalid-event',
      read.field === 'event' ? 'input' : read.field,
      `${read.field === 'event' ? 'the event' : `its ${read.field}`} must be ${read.expected}, got ${previewValue(read.value)}`,
      RULES.shape,
    );
    return undefined;
  }
  return read;
};

/** The id and signature checks of a well-formed event. */
const checkSigned = (event: NostrEvent, findings: Findings): void => {
  const failure = checkEvent(event);
  if (failure === 'id-mismatch')
    findings.add(
      'id-mismatch',
      'id',
      `its id ${event.id} is not the SHA-256 of the event: a field was changed after it was made`,
      RULES.id,
    );
  else if (failure === 'invalid-signature')
    findings.add(
      'invalid-signature',
      'sig',
      `its signature is not valid for its id under its pubkey ${event.pubkey}`,
      RULES.signature,
    );
};

/** What a zap request says, read for display and for the service that stores it. */
export interface ZapRequestDetails {
  /** The event, as read (well formed: hex in lowercase, tags arrays of strings). */
  readonly event: NostrEvent;
  /** Who zaps: the event's `pubkey`. */
  readonly sender: string;
  /** Who is zapped: the `p` tag (hex), when there is one. */
  readonly recipient: string | undefined;
  /** The `amount` tag in millisatoshis, when there is a readable one. */
  readonly amountMsat: bigint | undefined;
  /** The relays of the `relays` tag (only the ws:// and wss:// ones). */
  readonly relays: readonly string[];
  /** The `lnurl` tag, lower case, when it is a bech32 LNURL. */
  readonly lnurl: string | undefined;
  /** The zapped event: the `e` tag (hex id), the `a` tag (coordinate). */
  readonly eventId: string | undefined;
  readonly eventCoordinate: string | undefined;
  /** The comment: the event's `content`. Untrusted text: escape it before showing it. */
  readonly comment: string;
}

interface RequestCheck {
  readonly amountMsat?: bigint;
  readonly lnurl?: string | undefined;
  readonly nostrPubkey?: string;
  readonly now?: number;
  readonly maxAgeSeconds?: number;
}

/** Appendix D's checks of a read zap request; the details, or undefined when it is no event. */
const checkZapRequest = (
  input: unknown,
  check: RequestCheck,
  findings: Findings,
): ZapRequestDetails | undefined => {
  const event = readInput(input, findings);
  if (event === undefined) return undefined;
  if (event.kind !== ZAP_REQUEST_KIND)
    findings.add('invalid-kind', 'kind', `its kind is ${event.kind}, not 9734`, RULES.requestKind);
  checkSigned(event, findings);
  if (event.tags.length === 0) findings.add('missing-tags', 'tags', 'it has no tags', RULES.tags);
  // p: "only one `p` tag"
  const ps = tagsNamed(event, 'p');
  const [p] = ps;
  if (p === undefined)
    findings.add('missing-recipient-tag', 'tags.p', 'it has no `p` tag (the recipient)', RULES.p);
  else if (ps.length > 1)
    findings.add('duplicate-recipient-tag', 'tags.p', `it has ${ps.length} \`p\` tags`, RULES.p);
  const recipient = p === undefined ? undefined : tagValue(p);
  if (recipient !== undefined && !HEX_32.test(recipient))
    findings.add(
      'invalid-recipient-tag',
      'tags.p',
      `its \`p\` tag ${showText(recipient, 70)} is not a pubkey in lowercase hex`,
      RULES.p,
    );
  // e: "0 or 1 `e` tags"
  const es = tagsNamed(event, 'e');
  if (es.length > 1)
    findings.add('duplicate-event-tag', 'tags.e', `it has ${es.length} \`e\` tags`, RULES.e);
  const eventId = es[0] === undefined ? undefined : tagValue(es[0]);
  if (eventId !== undefined && !HEX_32.test(eventId))
    findings.add(
      'invalid-event-tag',
      'tags.e',
      `its \`e\` tag ${showText(eventId, 70)} is not an event id in lowercase hex`,
      RULES.e,
    );
  // a: "MUST be a valid event coordinate"
  const as = tagsNamed(event, 'a');
  for (const a of as) {
    if (!isCoordinate(tagValue(a)))
      findings.add(
        'invalid-coordinate-tag',
        'tags.a',
        `its \`a\` tag ${showText(tagValue(a), 90)} is not an event coordinate (kind:pubkey:d)`,
        RULES.a,
      );
  }
  // relays: "There should be a `relays` tag"
  const relayTags = tagsNamed(event, 'relays');
  const relays = relayTags.flatMap((tag) => tag.slice(1)).filter(isRelayUrl);
  if (relayTags.length === 0)
    findings.add('missing-relays-tag', 'tags.relays', 'it has no `relays` tag', RULES.relays);
  else {
    const all = relayTags.flatMap((tag) => tag.slice(1));
    const bad = all.find((url) => !isRelayUrl(url));
    if (relayTags.length > 1 || all.length === 0 || bad !== undefined)
      findings.add(
        'invalid-relays-tag',
        'tags.relays',
        relayTags.length > 1
          ? `it has ${relayTags.length} \`relays\` tags; the relays belong in one`
          : bad === undefined
            ? 'its `relays` tag names no relay'
            : `its \`relays\` tag holds ${showText(bad, 60)}, which is not a ws:// or wss:// URL`,
        RULES.relays,
      );
  }
  // amount: "MUST be equal to the `amount` query parameter"
  const amounts = tagsNamed(event, 'amount');
  const amountText = amounts[0] === undefined ? undefined : tagValue(amounts[0]);
  const amountMsat = amountText === undefined ? undefined : msatOf(amountText);
  if (amountText !== undefined && (amountMsat === undefined || amounts.length > 1))
    findings.add(
      'invalid-amount-tag',
      'tags.amount',
      amounts.length > 1
        ? `it has ${amounts.length} \`amount\` tags`
        : `its \`amount\` tag ${showText(amountText, 40)} is not millisatoshis in decimal`,
      RULES.amount,
    );
  else if (
    amountMsat !== undefined &&
    check.amountMsat !== undefined &&
    amountMsat !== check.amountMsat
  )
    findings.add(
      'amount-mismatch',
      'tags.amount',
      `its \`amount\` tag says ${amountMsat} msat; the amount asked is ${check.amountMsat} msat`,
      RULES.amount,
    );
  // lnurl: recommended, bech32; "SHOULD equal the recipient's `lnurl`"
  const lnurlTag = tagsNamed(event, 'lnurl')[0];
  const lnurl = lnurlTag === undefined ? undefined : bech32Lnurl(tagValue(lnurlTag));
  if (lnurlTag !== undefined && lnurl === undefined)
    findings.add(
      'invalid-lnurl-tag',
      'tags.lnurl',
      `its \`lnurl\` tag ${showText(tagValue(lnurlTag), 60)} is not a bech32 LNURL`,
      RULES.lnurl,
    );
  if (lnurl !== undefined && check.lnurl !== undefined && lnurl !== check.lnurl)
    findings.add(
      'lnurl-mismatch',
      'tags.lnurl',
      `its \`lnurl\` tag ${showText(lnurl, 60)} is not the recipient's LNURL ${showText(check.lnurl, 60)}`,
      RULES.lnurlMatch,
    );
  // P: "0 or 1 `P` tags. If there is one, it MUST be equal to the `zap receipt`'s `pubkey`"
  const senders = tagsNamed(event, 'P');
  if (senders.length > 1)
    findings.add('duplicate-sender-tag', 'tags.P', `it has ${senders.length} \`P\` tags`, RULES.P);
  const sender = senders[0] === undefined ? undefined : tagValue(senders[0]);
  if (sender !== undefined && check.nostrPubkey !== undefined && sender !== check.nostrPubkey)
    findings.add(
      'sender-mismatch',
      'tags.P',
      `its \`P\` tag ${showText(sender, 70)} is not the zap receipt's pubkey ${check.nostrPubkey}`,
      RULES.P,
    );
  if (check.now !== undefined) {
    const age = check.now - event.created_at;
    const maxAge = check.maxAgeSeconds ?? 3600;
    if (age > maxAge || age < -600)
      findings.add(
        'created-at-out-of-range',
        'created_at',
        age > 0
          ? `it was made ${age} s before now (${check.now}); at most ${maxAge} s are accepted`
          : `it was made ${-age} s after now (${check.now}): a clock is wrong`,
        RULES.createdAt,
      );
  }
  return {
    event,
    sender: event.pubkey,
    recipient,
    amountMsat,
    relays,
    lnurl,
    eventId,
    eventCoordinate: as[0] === undefined ? undefined : tagValue(as[0]),
    comment: event.content,
  };
};

const isKeyHex: OptionCheck = (value, name) => {
  isString(value, name);
  if (!isXOnlyKey(value))
    throw new RangeError(
      `${name} must be a BIP 340 public key (32 bytes of lowercase hex), got ${describeValue(value)}`,
    );
};

const isLnurl: OptionCheck = (value, name) => {
  isString(value, name);
  if (bech32Lnurl(value as string) === undefined)
    throw new RangeError(`${name} must be a bech32 LNURL (lnurl1…), got ${describeValue(value)}`);
};

const isSeconds: OptionCheck = (value, name) =>
  void integerParam(name, value, 0, Number.MAX_SAFE_INTEGER);

export interface ValidateZapRequestOptions {
  /** The `amount` query parameter the request came with: an `amount` tag must equal it. */
  readonly amountMsat?: bigint;
  /** The service's bech32 LNURL for the recipient: an `lnurl` tag should equal it (a warning). */
  readonly lnurl?: string;
  /** The key the service signs receipts with: a `P` tag must equal it (Appendix D, 8). */
  readonly nostrPubkey?: string;
  /** The current time, seconds since 1970: a request older than `maxAgeSeconds` is a warning. */
  readonly now?: number;
  /** With `now`: the oldest request accepted without a warning, in seconds (default 3600). */
  readonly maxAgeSeconds?: number;
}

export interface ZapRequestValidation {
  /** No finding of severity `error`. */
  readonly ok: boolean;
  readonly issues: readonly ZapIssue[];
  /** What the request says, when it is an event at all (read even when it is not valid). */
  readonly request: ZapRequestDetails | undefined;
}

const REQUEST_OPTIONS = {
  amountMsat: isMsat,
  lnurl: isLnurl,
  nostrPubkey: isKeyHex,
  now: isSeconds,
  maxAgeSeconds: isSeconds,
} as const;

/**
 * NIP-57 Appendix D, for an LNURL service: the `nostr` parameter of a pay callback (the JSON
 * text as received, or its parsed value) checked as a zap request. Never throws for any input;
 * options of the wrong type or value are a TypeError or RangeError.
 */
export const validateZapRequest = (
  input: unknown,
  options?: ValidateZapRequestOptions,
): ZapRequestValidation => {
  const check = readOptions<ValidateZapRequestOptions>('options', options, REQUEST_OPTIONS);
  const findings = new Findings('');
  const request = checkZapRequest(input, { ...check, lnurl: lower(check.lnurl) }, findings);
  return {
    ok: findings.issues.every((issue) => issue.severity !== 'error'),
    issues: findings.issues,
    request,
  };
};

const lower = (text: string | undefined): string | undefined => text?.trim().toLowerCase();

export interface ValidateZapReceiptOptions {
  /** The `nostrPubkey` of the recipient's pay request: the receipt's `pubkey` must be it. */
  readonly nostrPubkey: string;
  /** The zap request as sent (`requestZapInvoice`'s `zapRequest`): the description must be it. */
  readonly zapRequest?: string;
  /** The recipient's bech32 LNURL: the zap request's `lnurl` tag should be it (a warning). */
  readonly lnurl?: string;
}

/** What a zap receipt says, for display: every string is untrusted text. */
export interface ZapDetails {
  /** The receipt, as read. */
  readonly receipt: NostrEvent;
  /** Who zapped: the zap request's `pubkey`, or the receipt's `P` tag when the request is unreadable. */
  readonly sender: string | undefined;
  /** Who was zapped: the receipt's `p` tag. */
  readonly recipient: string | undefined;
  /** The invoice's amount in millisatoshis (decoded, signature checked), when it has one. */
  readonly amountMsat: bigint | undefined;
  /** The zapped event: `e` (hex id) and `a` (coordinate) of the zap request. */
  readonly eventId: string | undefined;
  readonly eventCoordinate: string | undefined;
  /** The zap request's `content`: a comment to show escaped, or ''. */
  readonly comment: string | undefined;
  readonly bolt11: string | undefined;
  readonly invoice: Invoice | undefined;
  /** The embedded zap request, when it is an event. */
  readonly zapRequest: NostrEvent | undefined;
  /** The receipt's `created_at`: "SHOULD be set to the invoice `paid_at` date". */
  readonly paidAt: number;
}

export interface ZapReceiptValidation {
  /** No finding of severity `error`: show the zap. */
  readonly ok: boolean;
  readonly issues: readonly ZapIssue[];
  /** What the receipt says, when it is an event at all. */
  readonly zap: ZapDetails | undefined;
}

const RECEIPT_OPTIONS = { nostrPubkey: isKeyHex, zapRequest: isString, lnurl: isLnurl } as const;

/** The single tag `name` of a receipt, with missing and duplicate findings. */
const singleTag = (
  event: NostrEvent,
  name: 'bolt11' | 'description',
  findings: Findings,
  rule: string,
): string | undefined => {
  const tags = tagsNamed(event, name);
  if (tags.length === 0) {
    findings.add(`missing-${name}-tag`, `tags.${name}`, `it has no \`${name}\` tag`, rule);
    return undefined;
  }
  if (tags.length > 1)
    findings.add(
      `duplicate-${name}-tag`,
      `tags.${name}`,
      `it has ${tags.length} \`${name}\` tags`,
      rule,
    );
  return tagValue(tags[0] as readonly string[]);
};

const readInvoice = (bolt11: string, findings: Findings): Invoice | undefined => {
  try {
    return decode(bolt11);
  } catch (error) {
    if (!(error instanceof Bolt11Error)) throw error;
    findings.add(
      'invalid-invoice',
      'tags.bolt11',
      `its \`bolt11\` tag is no valid invoice: ${error.code}: ${error.message}`,
      RULES.bolt11,
    );
    return undefined;
  }
};

/**
 * NIP-57 Appendix F, for a client: a zap receipt (JSON text or parsed value) checked against the
 * recipient's `nostrPubkey`, with its invoice decoded and verified and its embedded zap request
 * checked as Appendix D says. Never throws for any receipt; options of the wrong type or value
 * are a TypeError or RangeError.
 */
export const validateZapReceipt = (
  input: unknown,
  options: ValidateZapReceiptOptions,
): ZapReceiptValidation => {
  const check = readOptions<ValidateZapReceiptOptions>('options', options, RECEIPT_OPTIONS);
  const nostrPubkey = required(check.nostrPubkey, 'options.nostrPubkey', isKeyHex);
  const findings = new Findings('');
  const receipt = readInput(input, findings);
  if (receipt === undefined) return { ok: false, issues: findings.issues, zap: undefined };
  if (receipt.kind !== ZAP_RECEIPT_KIND)
    findings.add(
      'invalid-kind',
      'kind',
      `its kind is ${receipt.kind}, not 9735`,
      RULES.receiptKind,
    );
  checkSigned(receipt, findings);
  if (receipt.pubkey !== nostrPubkey)
    findings.add(
      'pubkey-mismatch',
      'pubkey',
      `it is signed by ${receipt.pubkey}, not by the service's nostrPubkey ${nostrPubkey}`,
      RULES.pubkey,
    );
  const bolt11 = singleTag(receipt, 'bolt11', findings, RULES.bolt11);
  const invoice = bolt11 === undefined ? undefined : readInvoice(bolt11, findings);
  const description = singleTag(receipt, 'description', findings, RULES.description);
  const inner = new Findings('description.');
  const request = description === undefined ? undefined : checkZapRequest(description, {}, inner);
  findings.issues.push(...inner.issues);
  if (
    description !== undefined &&
    check.zapRequest !== undefined &&
    description !== check.zapRequest
  )
    findings.add(
      'zap-request-mismatch',
      'tags.description',
      'its description is not the zap request that was sent',
      RULES.zapRequest,
    );
  if (invoice !== undefined && description !== undefined) {
    const bytes = encodeUtf8(description);
    const expected = bytes === undefined ? undefined : sha256(bytes);
    const actual = invoice.descriptionHash;
    if (expected === undefined || actual === undefined || !equalBytes(expected, actual))
      findings.add(
        'description-hash-mismatch',
        'tags.bolt11',
        actual === undefined
          ? 'its invoice has no description hash'
          : `its invoice's description hash ${toHex(actual)} is not the SHA-256 of the description tag${expected === undefined ? ' (which holds a lone surrogate: no UTF-8 to hash)' : ` (${toHex(expected)})`}`,
        RULES.descriptionHash,
      );
  }
  if (
    invoice !== undefined &&
    request?.amountMsat !== undefined &&
    invoice.amountMsat !== request.amountMsat
  )
    findings.add(
      'amount-mismatch',
      'tags.bolt11',
      `its invoice asks ${invoice.amountMsat === undefined ? 'no amount' : `${invoice.amountMsat} msat`}; the zap request's \`amount\` is ${request.amountMsat} msat`,
      RULES.receiptAmount,
    );
  if (
    request?.lnurl !== undefined &&
    check.lnurl !== undefined &&
    request.lnurl !== lower(check.lnurl)
  )
    findings.add(
      'lnurl-mismatch',
      'description.tags.lnurl',
      `the zap request's \`lnurl\` tag ${showText(request.lnurl, 60)} is not the recipient's LNURL ${showText(check.lnurl, 60)}`,
      RULES.lnurlMatch,
    );
  // "`tags` MUST include the `p` tag [...] AND optional `e` tag [...] AND optional `a` tag from
  // the `zap request` AND optional `P` tag from the pubkey of the zap request"
  const ps = tagsNamed(receipt, 'p');
  const recipient = ps[0] === undefined ? undefined : tagValue(ps[0]);
  if (recipient === undefined)
    findings.add(
      'missing-recipient-tag',
      'tags.p',
      'it has no `p` tag (the recipient)',
      RULES.receiptTags,
    );
  else if (ps.length > 1)
    findings.add(
      'duplicate-recipient-tag',
      'tags.p',
      `it has ${ps.length} \`p\` tags`,
      RULES.receiptTags,
    );
  else if (request?.recipient !== undefined && recipient !== request.recipient)
    findings.add(
      'recipient-mismatch',
      'tags.p',
      `its \`p\` tag ${showText(recipient, 70)} is not the zap request's ${showText(request.recipient, 70)}`,
      RULES.receiptTags,
    );
  for (const [name, wanted] of [
    ['e', request?.eventId],
    ['a', request?.eventCoordinate],
  ] as const) {
    if (wanted === undefined) continue;
    if (!tagsNamed(receipt, name).some((tag) => tagValue(tag) === wanted))
      findings.add(
        'event-mismatch',
        `tags.${name}`,
        `it has no \`${name}\` tag ${showText(wanted, 90)}, the zapped event of the zap request`,
        RULES.receiptTags,
      );
  }
  const senders = tagsNamed(receipt, 'P');
  if (senders.length > 1)
    findings.add(
      'duplicate-sender-tag',
      'tags.P',
      `it has ${senders.length} \`P\` tags`,
      RULES.receiptTags,
    );
  const senderTag = senders[0] === undefined ? undefined : tagValue(senders[0]);
  if (senderTag !== undefined && request !== undefined && senderTag !== request.sender)
    findings.add(
      'sender-mismatch',
      'tags.P',
      `its \`P\` tag ${showText(senderTag, 70)} is not the zap request's pubkey ${request.sender}`,
      RULES.receiptTags,
    );
  if (receipt.content !== '')
    findings.add(
      'invalid-content',
      'content',
      `its content is ${showText(receipt.content, 60)}, not empty`,
      RULES.content,
    );
  const preimageTag = tagsNamed(receipt, 'preimage')[0];
  if (preimageTag !== undefined && invoice !== undefined) {
    const preimage = tagValue(preimageTag);
    if (!HEX_32.test(preimage.toLowerCase()))
      findings.add(
        'invalid-preimage',
        'tags.preimage',
        `its \`preimage\` tag ${showText(preimage, 70)} is not 32 bytes of hex`,
        RULES.preimage,
      );
    else if (toHex(sha256(bytesParam('preimage', preimage))) !== toHex(invoice.paymentHash))
      findings.add(
        'preimage-mismatch',
        'tags.preimage',
        `its \`preimage\` tag ${preimage} does not hash to the invoice's payment hash`,
        RULES.preimage,
      );
  }
  return {
    ok: findings.issues.every((issue) => issue.severity !== 'error'),
    issues: findings.issues,
    zap: {
      receipt,
      sender: request?.sender ?? senderTag,
      recipient,
      amountMsat: invoice?.amountMsat,
      eventId: request?.eventId,
      eventCoordinate: request?.eventCoordinate,
      comment: request?.comment,
      bolt11,
      invoice,
      zapRequest: request?.event,
      paidAt: receipt.created_at,
    },
  };
};

// ---- making zap requests ----

export interface ZapRequestParams {
  /** The recipient's nostr pubkey (`p`): a BIP 340 key, 32 bytes of lowercase hex. */
  readonly recipientPubkey: string;
  /** The amount (`amount`), millisatoshis, at least 1. */
  readonly amountMsat: bigint;
  /** Where the service publishes the receipt (`relays`): at least one ws:// or wss:// URL. */
  readonly relays: readonly string[];
  /** The recipient's bech32 LNURL (`lnurl`, recommended): `encodeLnurl(parseLightningAddress(a).url)`. */
  readonly lnurl?: string;
  /** The zapped event's id (`e`), when an event is zapped rather than a person. */
  readonly eventId?: string;
  /** The zapped addressable event's coordinate (`a`): `<kind>:<pubkey>:<d tag>`. */
  readonly eventCoordinate?: string;
  /** The zapped event's kind (`k`), 0 to 65535. */
  readonly eventKind?: number;
  /** The message sent with the zap: the event's `content`. Default ''. */
  readonly comment?: string;
  /** Seconds since 1970. Default: the current time (`Date.now()`), read once. */
  readonly createdAt?: number;
}

const REQUEST_PARAMS = {
  recipientPubkey: isKeyHex,
  amountMsat: isMsat,
  relays: isArray,
  lnurl: isLnurl,
  eventId: (value: unknown, name: string) => {
    isString(value, name);
    if (!HEX_32.test(value as string))
      throw new RangeError(
        `${name} must be an event id, 32 bytes of lowercase hex, got ${describeValue(value)}`,
      );
  },
  eventCoordinate: (value: unknown, name: string) => {
    isString(value, name);
    if (!isCoordinate(value as string))
      throw new RangeError(
        `${name} must be an event coordinate <kind>:<pubkey>:<d>, got ${describeValue(value)}`,
      );
  },
  eventKind: (value: unknown, name: string) => void integerParam(name, value, 0, 65535),
  comment: isString,
  createdAt: isSeconds,
} as const;

/** The unsigned kind 9734 event of `params`, every parameter checked. */
const zapRequestTemplate = (params: ZapRequestParams): EventTemplate => {
  const p = readOptions<ZapRequestParams>('params', params, REQUEST_PARAMS);
  const recipient = required(p.recipientPubkey, 'params.recipientPubkey', isKeyHex);
  const amountMsat = required(p.amountMsat, 'params.amountMsat', isMsat);
  if (amountMsat < 1n)
    throw new RangeError(`params.amountMsat must be at least 1 msat, got ${amountMsat}`);
  const relays = required(p.relays, 'params.relays', isArray) as readonly unknown[];
  if (relays.length === 0) throw new RangeError('params.relays must name at least one relay');
  relays.forEach((relay, i) => {
    if (typeof relay !== 'string')
      throw new TypeError(`params.relays[${i}] must be a string, got ${describeValue(relay)}`);
    if (!isRelayUrl(relay))
      throw new RangeError(
        `params.relays[${i}] must be a ws:// or wss:// URL, got ${describeValue(relay)}`,
      );
  });
  // Appendix A's order: relays, amount, lnurl, p, then e, a, k.
  const tags: string[][] = [
    ['relays', ...(relays as string[])],
    ['amount', amountMsat.toString()],
  ];
  if (p.lnurl !== undefined) tags.push(['lnurl', lower(p.lnurl) as string]);
  tags.push(['p', recipient]);
  if (p.eventId !== undefined) tags.push(['e', p.eventId]);
  if (p.eventCoordinate !== undefined) tags.push(['a', p.eventCoordinate]);
  if (p.eventKind !== undefined) tags.push(['k', String(p.eventKind)]);
  return {
    kind: ZAP_REQUEST_KIND,
    created_at: p.createdAt ?? Math.floor(Date.now() / 1000),
    tags,
    content: p.comment ?? '',
  };
};

/**
 * NIP-57 Appendix A: a zap request (kind 9734) signed with the sender's 32-byte secret key
 * (Uint8Array or hex), with its id and BIP 340 signature per NIP-01. Not to be published: send it
 * with `requestZapInvoice`.
 */
export const createZapRequest = (
  params: ZapRequestParams,
  secretKey: Uint8Array | string,
): NostrEvent => {
  const template = zapRequestTemplate(params);
  const key = bytesParam('secretKey', secretKey, 32);
  return signEvent(template, key, xOnlyKey(key, 'secretKey'));
};

/** A NIP-07 signer (`window.nostr`), or a remote one (NIP-46) behind the same two methods. */
export interface NostrSigner {
  getPublicKey(): Promise<string>;
  signEvent(event: EventTemplate): Promise<NostrEvent>;
}

const sameTags = (a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean =>
  a.length === b.length && a.every((tag, i) => JSON.stringify(tag) === JSON.stringify(b[i]));

/**
 * `createZapRequest` with a NIP-07 signer: it is given the unsigned event, and what it returns is
 * checked: a well-formed event of the same kind, time, tags and content, by the key
 * `getPublicKey` gave, with a valid id and signature (a RangeError naming the signer otherwise).
 */
export const createZapRequestWith = async (
  params: ZapRequestParams,
  signer: NostrSigner,
): Promise<NostrEvent> => {
  const template = zapRequestTemplate(params);
  if (typeof signer !== 'object' || signer === null)
    throw new TypeError(`signer must be an object, got ${describeValue(signer)}`);
  isFunction(signer.getPublicKey, 'signer.getPublicKey');
  isFunction(signer.signEvent, 'signer.signEvent');
  const pubkey: unknown = await signer.getPublicKey();
  if (!isXOnlyKey(pubkey))
    throw new RangeError(
      `signer.getPublicKey() must give a BIP 340 public key (32 bytes of lowercase hex), got ${describeValue(pubkey)}`,
    );
  const signed = readEvent(
    await signer.signEvent({ ...template, tags: template.tags.map((tag) => [...tag]) }),
  );
  if (isProblem(signed))
    throw new RangeError(
      `signer.signEvent() gave no signed event: its ${signed.field} must be ${signed.expected}, got ${previewValue(signed.value)}`,
    );
  if (
    signed.kind !== template.kind ||
    signed.created_at !== template.created_at ||
    signed.content !== template.content ||
    !sameTags(signed.tags, template.tags)
  )
    throw new RangeError('signer.signEvent() changed the event it was given');
  if (signed.pubkey !== pubkey)
    throw new RangeError(
      `signer.signEvent() signed with ${signed.pubkey}, not with ${pubkey}, the key signer.getPublicKey() gave`,
    );
  const failure = checkEvent(signed);
  if (failure !== undefined)
    throw new RangeError(
      `signer.signEvent() gave an event whose ${failure === 'id-mismatch' ? 'id is not its hash' : 'signature is not valid'}`,
    );
  return signed;
};

// ---- asking for the invoice ----

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
    const expected = toHex(sha256(encodeUtf8(text) as Uint8Array));
    const actual = result.invoice.descriptionHash && toHex(result.invoice.descriptionHash);
    if (actual !== expected) {
      const message =
        actual === undefined
          ? `the invoice has no description hash; expected ${expected} (SHA-256 of the zap request)`
          : actual === payRequest.metadataHash
            ? `the invoice's description hash ${actual} is the SHA-256 of the metadata, not of the zap request (${expected}): the service ignored the zap`
            : `the invoice's description hash ${actual} is not ${expected}, the SHA-256 of the zap request as sent`;
      if (descriptionHash === 'strict') throw new LnurlError('description-hash-mismatch', message);
      warnings.push({ code: 'description-hash-mismatch', message });
    }
  }
  return { ...result, warnings, zapRequest: text };
};
