// NIP-57 Appendix F, for a client: a zap receipt checked, with its invoice and the zap request
// it embeds, and what it says.
import { Bolt11Error, decode, type Invoice } from '@lninvoice/core';
import { sha256 } from '@lninvoice/core/hash';
import { bytesParam, isString, readOptions } from '@lninvoice/core/options';
import { encodeUtf8, equalBytes, showText, toHex } from '@lninvoice/core/text';
import { HEX_32, type NostrEvent } from '../nostr.js';
import { required } from '../options.js';
import { Findings, RULES, type ZapIssue } from './findings.js';
import { ZAP_RECEIPT_KIND } from './kinds.js';
import { isKeyHex, isLnurl } from './params.js';
import { checkSigned, lower, readInput, tagsNamed, tagValue } from './read.js';
import { checkZapRequest } from './validate-request.js';

/**
 * What {@link validateZapReceipt} checks a receipt against: the service's key, the request sent,
 * and the time.
 */
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
  /** The `a` tag of the zap request: the zapped replaceable event, `<kind>:<pubkey>:<d tag>`. */
  readonly eventCoordinate: string | undefined;
  /** The zap request's `content`: a comment to show escaped, or ''. */
  readonly comment: string | undefined;
  /** The receipt's `bolt11` tag: the invoice paid, as written. */
  readonly bolt11: string | undefined;
  /** The `bolt11` invoice decoded, its signature checked; undefined when it does not decode. */
  readonly invoice: Invoice | undefined;
  /** The embedded zap request, when it is an event. */
  readonly zapRequest: NostrEvent | undefined;
  /** The receipt's `created_at`: "SHOULD be set to the invoice `paid_at` date". */
  readonly paidAt: number;
}

/**
 * What {@link validateZapReceipt} finds: `ok` when no finding is an error, the findings, and what
 * the receipt says.
 */
export interface ZapReceiptValidation {
  /** No finding of severity `error`: show the zap. */
  readonly ok: boolean;
  /** Every finding, errors and warnings, in the order the checks run. */
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
