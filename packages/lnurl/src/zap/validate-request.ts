// NIP-57 Appendix D, for an LNURL service: a zap request checked, and what it says.
import { readOptions } from '@lninvoice/core/options';
import { showText } from '@lninvoice/core/text';
import { HEX_32, type NostrEvent } from '../nostr.js';
import { isMsat } from '../options.js';
import { Findings, RULES, type ZapIssue } from './findings.js';
import { ZAP_REQUEST_KIND } from './kinds.js';
import { isKeyHex, isLnurl, isSeconds } from './params.js';
import {
  bech32Lnurl,
  checkSigned,
  isCoordinate,
  isRelayUrl,
  lower,
  msatOf,
  readInput,
  tagsNamed,
  tagValue,
} from './read.js';

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
  /** The `a` tag: the zapped replaceable event, `<kind>:<pubkey>:<d tag>`. */
  readonly eventCoordinate: string | undefined;
  /** The comment: the event's `content`. Untrusted text: escape it before showing it. */
  readonly comment: string;
}

export interface RequestCheck {
  readonly amountMsat?: bigint;
  readonly lnurl?: string | undefined;
  readonly nostrPubkey?: string;
  readonly now?: number;
  readonly maxAgeSeconds?: number;
}

/** Appendix D's checks of a read zap request; the details, or undefined when it is no event. */
export const checkZapRequest = (
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

/**
 * What {@link validateZapRequest} checks a zap request against: the amount asked, the LNURL, the
 * service's key and the time.
 */
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

/**
 * What {@link validateZapRequest} finds: `ok` when no finding is an error, the findings, and what
 * the request says.
 */
export interface ZapRequestValidation {
  /** No finding of severity `error`. */
  readonly ok: boolean;
  /** Every finding, errors and warnings, in the order the checks run. */
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
