// The rule behind each way decoding can fail, for findings made of a Bolt11Error.
import type { Bolt11Error, Bolt11ErrorCode } from '@lninvoice/core';
import type { ValidationIssue } from './issues.js';

const BECH32 = 'BOLT 11: "A reader: MUST parse the address as Bech32, as specified in BIP-0173"';
const FIXED =
  'BOLT 11: "MUST fail the payment if any field with fixed `data_length` (`p`, `h`, `s`, `n`) does not have the correct length (52, 52, 52, 53)"';
const MINIMAL =
  'BOLT 11: "if a `c`, `x`, or `9` field is provided which has a non-minimal `data_length` (i.e. begins with 0 field elements): SHOULD treat the invoice as invalid"';
const KEYS = 'BOLT 11: the `n` field and route-hint `pubkey`s are secp256k1 public keys';

const RULES: Readonly<Record<Bolt11ErrorCode, string>> = {
  empty: BECH32,
  'too-long':
    'BOLT 11 sets no limit; readers (LDK, lnd, this one) refuse more than 7089 characters',
  'mixed-case':
    'BIP 173: "Decoders MUST NOT accept strings where some characters are uppercase and some are lowercase"',
  'missing-separator': BECH32,
  'missing-prefix': BECH32,
  'invalid-character': BECH32,
  'invalid-checksum': 'BOLT 11: "if the checksum is incorrect: MUST fail the payment"',
  'too-short': 'BOLT 11: the data part holds a 35-bit timestamp and a 520-bit signature',
  'unknown-prefix': 'BOLT 11: "if it does NOT understand the `prefix`: MUST fail the payment"',
  'invalid-amount':
    'BOLT 11: "if `amount` contains a non-digit OR is followed by anything except a `multiplier`: MUST fail the payment"; writers "MUST encode `amount` as a positive decimal integer with no leading 0s"',
  'invalid-multiplier':
    'BOLT 11: "if `amount` contains a non-digit OR is followed by anything except a `multiplier` (see table above): MUST fail the payment"',
  'invalid-pico-amount':
    'BOLT 11: "if multiplier is `p` and the last decimal of `amount` is not 0: MUST fail the payment"',
  'amount-too-large': 'Lightning amounts are 64-bit millisatoshis',
  'truncated-field':
    'BOLT 11: a tagged field is `type`, `data_length` and `data_length` x 5 bits of `data`',
  'invalid-field-length': FIXED,
  'invalid-padding': 'BOLT 11: "MUST pad field data to a multiple of 5 bits, using 0s"',
  'non-minimal-encoding': MINIMAL,
  'integer-too-large': 'integers of this size cannot be expiries or block counts',
  'invalid-utf8': 'BOLT 11: "if `d` is included: MUST set `d` to a valid UTF-8 string"',
  'invalid-fallback':
    'BOLT 11: "MUST set an `f` field to a valid witness version and program, OR to `17` followed by a public key hash, OR to `18` followed by a script hash"',
  'invalid-route-hint': 'BOLT 11: "`r` field MUST contain one or more ordered entries" of 51 bytes',
  'unknown-required-feature':
    'BOLT 11: "if the `9` field contains unknown _even_ bits that are non-zero: MUST fail the payment"',
  'duplicate-field':
    'BOLT 11: a writer "MUST include exactly one `p` field", exactly one `s`, "exactly one `d` or exactly one `h` field", and "MAY include one" `x`, `n`, `c`',
  'missing-payment-hash': 'BOLT 11: "A writer: MUST include exactly one `p` field"',
  'missing-payment-secret':
    'BOLT 11: "if a valid `s` field is not provided: MUST fail the payment"',
  'missing-description':
    'BOLT 11: "MUST fail the payment if neither a `d` field nor a `h` field is present, or if both are present"',
  'duplicate-description':
    'BOLT 11: "MUST fail the payment if neither a `d` field nor a `h` field is present, or if both are present"',
  'invalid-node-key': KEYS,
  'invalid-route-hint-key': KEYS,
  'invalid-recovery-id': 'BOLT 11: "followed by a trailing 1-byte recovery id in {0,1,2,3}"',
  'invalid-signature': 'BOLT 11: "A reader: MUST check that the `signature` is valid"',
  'non-canonical-signature':
    'BOLT 11: "if a valid `n` field is provided: [...] If the signature is not compliant with the low-S standard rule: MUST fail the payment"',
};

/**
 * The finding for an invoice that does not decode or whose signature fails, or for a rule that
 * `legacy` let it break (which a payer must still not accept).
 */
export const decodeIssue = (
  error: Pick<Bolt11Error, 'code' | 'message' | 'field' | 'span'>,
): ValidationIssue => ({
  code: error.code,
  severity: 'error',
  message: error.message,
  field:
    error.field ??
    (error.code.includes('signature') ||
    error.code === 'non-canonical-signature' ||
    error.code === 'invalid-recovery-id'
      ? 'signature'
      : 'invoice'),
  rule: RULES[error.code],
  ...(error.span ? { span: error.span } : {}),
});
