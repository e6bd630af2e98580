// The rule behind each way a BOLT 12 string can fail to decode, for findings made of a
// Bolt12Error (the @lninvoice/bolt12 README lists the same rules beside its codes).
import type { Bolt12Error, Bolt12ErrorCode } from '@lninvoice/bolt12';
import type { ValidationIssue } from '../issues.js';

const B = 'BOLT 12';
const STRING = `${B}: "the human-readable prefix, followed by a \`1\`", then "a bech32-style data string"`;
const ORDER = `BOLT 1: "if decoded \`type\`s are not strictly-increasing (including situations when two or more occurrences of the same \`type\` are met): MUST fail to parse the \`tlv_stream\`"`;
const REQUEST_KEYS = `${B}: "MUST reject the invoice request if \`invreq_payer_id\` or \`invreq_metadata\` are not present"`;
const PATHS = `${B}: "MUST reject the invoice if \`invoice_paths\` is not present or is empty" (and "if \`num_hops\` is 0 in any \`blinded_path\`", for offers and requests too)`;

const RULES: Readonly<Record<Bolt12ErrorCode, string>> = {
  empty: STRING,
  'too-long':
    'BOLT 12 sets no limit; onion messages hold at most 32 834 bytes, and readers refuse more',
  'invalid-character': STRING,
  'mixed-case': `${B}: "Readers of a bolt12 string: MUST handle strings which are all lowercase, or all uppercase"`,
  'missing-separator': STRING,
  'missing-prefix': STRING,
  'unknown-prefix': `${B}: "The human-readable prefix for offers is \`lno\`" (\`lnr\` invoice requests, \`lni\` invoices)`,
  'invalid-continuation': `${B}: "if it encounters a \`+\` followed by zero or more whitespace characters between two bech32 characters: MUST remove the \`+\` and whitespace"`,
  'invalid-padding': 'BIP 173: the data ends with at most 4 bits of zero padding',
  'truncated-record': `BOLT 1: "if \`length\` exceeds the number of bytes remaining in the message: MUST fail to parse the \`tlv_stream\`"`,
  'non-minimal-encoding':
    'BOLT 1: "MUST minimally encode `type` and `length`", and truncated integers without leading zeros',
  'invalid-record-order': ORDER,
  'duplicate-record': ORDER,
  'record-out-of-range': `${B}: "if the offer contains any TLV fields outside the inclusive ranges: 1 to 79 and 1000000000 to 1999999999: MUST NOT respond to the offer" (requests: 0 to 159 and 1000000000 to 2999999999)`,
  'unknown-required-record':
    'BOLT 1: "if `type` is even: MUST fail to parse the `tlv_stream`" (an unknown even type)',
  'invalid-field-length': `${B}: each field has the length of its type in the TLV tables (a \`point\` 33 bytes, a \`chain_hash\` 32)`,
  'invalid-utf8':
    'BOLT 1: "a reader MAY reject any messages containing an array of these which is not a valid UTF-8 string"',
  'invalid-public-key':
    'BOLT 1: "`point`: a 33-byte Elliptic Curve point (compressed encoding as per SEC 1 standard)"',
  'invalid-blinded-path':
    'BOLT 4: a `blinded_path` is `first_node_id`, `first_path_key`, `num_hops` and its hops',
  'empty-blinded-path': PATHS,
  'empty-paths': PATHS,
  'empty-chains': `${B}: "if the chain for the invoice is not solely bitcoin: MUST specify \`offer_chains\` the offer is valid for"`,
  'invalid-payinfo': `${B}: \`invoice_blindedpay\` is one \`blinded_payinfo\` per path`,
  'invalid-fallback': `${B}: a \`fallback_address\` is a \`version\` and an \`address\` of \`len\` bytes`,
  'invalid-bip353-name': `${B}: "MUST reject the invoice request if \`name\` or \`domain\` contain any bytes which are not \`0\`-\`9\`, \`a\`-\`z\`, \`A\`-\`Z\`, \`-\`, \`_\` or \`.\`"`,
  'unknown-required-feature': `${B}: "if \`offer_features\` contains unknown _even_ bits that are non-zero: MUST NOT respond to the offer" (and \`invreq_features\`, \`invoice_features\`); pass \`supportedFeatures\` for the bits the payer knows`,
  'amount-too-large': 'BOLT 1: "milli-satoshi amounts MUST be at most `0x1d24b2dfac520000`"',
  'missing-description': `${B}: "if \`offer_amount\` is set and \`offer_description\` is not set: MUST NOT respond to the offer"`,
  'invalid-amount': `${B}: "if \`offer_amount\` is set and is not greater than zero: MUST NOT respond to the offer"`,
  'missing-amount': `${B}: "if \`offer_currency\` is set and \`offer_amount\` is not set: MUST NOT respond to the offer"; "MUST reject the invoice if \`invoice_amount\` is not present"`,
  'missing-issuer-id': `${B}: "if neither \`offer_issuer_id\` nor \`offer_paths\` are set: MUST NOT respond to the offer"`,
  'missing-invreq-metadata': REQUEST_KEYS,
  'missing-payer-id': REQUEST_KEYS,
  'unexpected-field': `${B}: "MUST reject the invoice request if there is an \`invreq_quantity\` field" (an offer without \`offer_quantity_max\`), or offer fields in a request without an offer`,
  'missing-quantity': `${B}: "if \`offer_quantity_max\` is present: MUST reject the invoice request if there is no \`invreq_quantity\` field"`,
  'invalid-quantity': `${B}: "MUST reject the invoice request if \`invreq_quantity\` is zero, OR greater than \`offer_quantity_max\`"`,
  'amount-too-small': `${B}: "MUST reject the invoice request if \`invreq_amount\`.\`msat\` is less than the *expected amount*"`,
  'missing-created-at': `${B}: "MUST reject the invoice if \`invoice_created_at\` is not present"`,
  'missing-payment-hash': `${B}: "MUST reject the invoice if \`invoice_payment_hash\` is not present"`,
  'missing-node-id': `${B}: "MUST reject the invoice if \`invoice_node_id\` is not present"`,
  'missing-paths': PATHS,
  'missing-blindedpay': `${B}: "MUST reject the invoice if \`invoice_blindedpay\` is not present"`,
  'payinfo-count-mismatch': `${B}: "MUST reject the invoice if \`invoice_blindedpay\` does not contain exactly one \`blinded_payinfo\` per \`invoice_paths\`.\`blinded_path\`"`,
  'missing-usable-path': `${B}: "MUST NOT use the corresponding \`invoice_paths\`.\`path\` if \`payinfo\`.\`features\` has any unknown even bits set"; "MUST reject the invoice if this leaves no usable paths"`,
  'amount-mismatch': `${B}: "if \`invreq_amount\` is present: MUST reject the invoice if \`invoice_amount\` is not equal to \`invreq_amount\`"`,
  'node-id-mismatch': `${B}: "MUST reject the invoice if \`invoice_node_id\` is not equal to \`offer_issuer_id\`" (or to the final \`blinded_node_id\` of an offer path)`,
  'chain-mismatch': `${B}: "MUST set \`invreq_chain\` to one of \`offer_chains\` unless that chain is bitcoin"`,
  'missing-signature': `${B}: "MUST specify exactly one signature TLV element: \`signature\`"`,
  'invalid-signature': `${B}: "MUST reject the invoice request if \`signature\` is not correct"; "MUST reject the invoice if \`signature\` is not a valid signature using \`invoice_node_id\`"`,
  expired: `${B}: "if the current time is after \`offer_absolute_expiry\`: MUST NOT respond to the offer"`,
  'unsupported-chain': `${B}: "if the node does not accept invoices for at least one of the \`chains\`: MUST NOT respond to the offer"`,
};

/** The finding for a BOLT 12 string that does not decode, or whose signature fails. */
export const decodeIssue12 = (
  error: Pick<Bolt12Error, 'code' | 'message' | 'field' | 'span'>,
): ValidationIssue => ({
  code: error.code,
  severity: 'error',
  message: error.message,
  field: error.field ?? (error.code.endsWith('-signature') ? 'signature' : 'message'),
  rule: RULES[error.code],
  ...(error.span ? { span: error.span } : {}),
});
