// The rule behind each way @lninvoice/uri's parseInput refuses a text, for check()'s findings
// made of a UriError (the uri README explains each code with an example).
import type { UriError, UriErrorCode } from '@lninvoice/uri';
import type { ValidationIssue } from '../issues.js';

const BIP321 = 'BIP 321';
const KINDS =
  'check reads a bitcoin: or lightning: URI, a BOLT 11 invoice, a BOLT 12 offer, invoice request or invoice, an LNURL, a Lightning Address, a BIP 353 name or an on-chain address';
const URI = 'RFC 3986: a URI is ASCII, with "%" followed by two hex digits for any other byte';
const BECH32 =
  'BIP 173: a bech32 string is a prefix, the separator "1", data and a 6-character checksum, all in one case';
const BOLT11 =
  'BOLT 11: "if the `amount` … is followed by anything except a `multiplier`: MUST fail the payment"';
const LNURL =
  'LUD-01: "either an `https://` clearnet link (no self-signed certificates allowed) or an `http://` v2/v3 onion link"';
const DUPLICATE = `${BIP321}: "Multiple query parameters with the same key MUST NOT be included for keys \\"label\\", \\"message\\", or \\"pop\\""`;

const RULES: Readonly<Record<UriErrorCode, string>> = {
  empty: KINDS,
  'invalid-character': URI,
  'unknown-input': KINDS,
  'unknown-scheme': KINDS,
  'missing-scheme': KINDS,
  'non-standard-form': `${BIP321} defines \`bitcoin:\` URIs without "//"; \`lightning:\` takes a BOLT 11 invoice (or an LNURL)`,
  'invalid-percent-encoding': URI,
  'invalid-utf8': `${BIP321}: parameter values are percent-encoded UTF-8`,
  'invalid-address': `${BIP321}: "The bitcoinaddress body MUST be either a base58 P2SH or P2PKH address, bech32 Segwit version 0 address, bech32m Segwit address, or empty"`,
  'missing-key': `${BIP321}: a query parameter is "key=value"`,
  'invalid-amount': `${BIP321}: "If an amount is provided, it MUST be specified in decimal BTC"`,
  'amount-too-precise': `${BIP321}: the amount is in decimal BTC, whose smallest unit is 0.00000001`,
  'amount-too-large': 'an amount above 21 million BTC (or 2^64 - 1 msat) cannot be paid',
  'duplicate-amount': `${BIP321}: one amount per URI`,
  'duplicate-label': DUPLICATE,
  'duplicate-message': DUPLICATE,
  'duplicate-pop': DUPLICATE,
  'invalid-pop-scheme': `${BIP321}: "If a wallet will not open the pop scheme … and the parameter was passed as a \\"req-pop\\" parameter, the wallet MUST NOT initiate payment"`,
  'unknown-required-param': `${BIP321} (from BIP 21): a "req-" parameter the wallet does not understand makes the URI invalid`,
  'invalid-payment-instruction': `${BIP321}: "lightning", "lno", "pay", "sp", "bc" and "tb" parameters hold a payment instruction`,
  'invalid-lightning-param': `${BIP321}: "lightning: Lightning BOLT 11 invoices"`,
  'invalid-lno-param': `${BIP321}: "lno: Lightning BOLT12 offers"`,
  'network-mismatch': `${BIP321}: "bc" and "tb" hold segwit addresses of their network`,
  'missing-payment-instruction': `${BIP321}: "The bitcoinaddress part of the URI MAY be left empty if there is at least one payment instruction provided in a query parameter"`,
  'unsupported-payload':
    'BOLT 11: `lightning:` is followed by a BOLT 11 invoice (LUD-01: or an LNURL)',
  'too-long': `${BECH32}; addresses have at most 90 characters, invoices and LNURLs 7089 here`,
  'mixed-case': `BIP 173: "Decoders MUST NOT accept strings where some characters are uppercase and some are lowercase"`,
  'missing-separator': BECH32,
  'missing-prefix': BECH32,
  'too-short': BECH32,
  'invalid-checksum':
    'BIP 173 / BIP 350 and base58check: a string whose checksum does not match is mistyped or damaged',
  'unknown-prefix': 'BOLT 11: "if it does NOT understand the `prefix`: MUST fail the payment"',
  'invalid-multiplier': BOLT11,
  'invalid-pico-amount':
    'BOLT 11: "if multiplier is `p` and the last decimal of `amount` is not 0: MUST fail the payment"',
  'invalid-padding': BECH32,
  'invalid-url': `${LNURL}, with a host (DNS labels, IPv4, [IPv6]), a port from 1 to 65535 and no user information`,
  'invalid-scheme': LNURL,
  'insecure-scheme': LNURL,
  'missing-lightning-param':
    'LUD-01: a fallback URL holds the LNURL "with the key \'lightning\' and the value equal to the bech32-encoding"',
  'invalid-bolt12-string':
    'BOLT 12: "Readers of a bolt12 string: MUST handle strings which are all lowercase, or all uppercase"; "+" joins two bech32 characters',
  'invalid-bolt12-message':
    'BOLT 12: every reader MUST of the offer, invoice request or invoice (the cause names the rule)',
  'invalid-name':
    'BIP 353 / LUD-16: user@domain with a DNS domain; non-ASCII names "MUST be encoded using the punycode IDN encoding"',
  'invalid-node-uri': 'a node URI is <node id>@<host>[:<port>], the port at most 65535',
};

/** The finding for a text that parseInput does not read (spans into the text given). */
export const uriIssue = (error: Pick<UriError, 'code' | 'message' | 'span'>): ValidationIssue => ({
  code: error.code,
  severity: 'error',
  message: error.message,
  field: 'input',
  rule: RULES[error.code],
  ...(error.span ? { span: error.span } : {}),
});
