// What the zap validators report: the codes, their severity, and the sentence of NIP-57 (or
// NIP-01) each enforces.
//
// The text followed is nips/57.md as of 2026-07, which includes nostr-protocol/nips PR #1705. It
// says of the receipt: "`SHA256(description)` SHOULD match the description hash in the bolt11
// invoice" (a SHOULD, so a mismatch is a warning here), while the checks a client "MUST" make are
// only Appendix F's: the receipt's `pubkey` is the service's `nostrPubkey`, and the invoice's
// amount is the zap request's `amount` tag; its `lnurl` tag "SHOULD" be the recipient's. Findings
// are errors for a MUST of the text and warnings for a SHOULD (or a MAY that is broken), each
// with the sentence it enforces.

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

/** One of {@link ZAP_ISSUE_CODES}: what the zap validators found. */
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
  /** What was found. */
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
export const RULES = {
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
export class Findings {
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
