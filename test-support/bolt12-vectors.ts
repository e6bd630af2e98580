// The BOLT 12 vectors (vectors/bolt12, copied from the project's shared vectors: see its README),
// with our Bolt12Error code for each invalid one, and corrected copies of the seven invalid offers
// that break an earlier rule than the one they are named after.
import format from './vectors/bolt12/format-string-test.json' with { type: 'json' };
import offers from './vectors/bolt12/offers-test.json' with { type: 'json' };
import signature from './vectors/bolt12/signature-test.json' with { type: 'json' };

export interface OfferVector {
  readonly description: string;
  readonly valid: boolean;
  readonly bolt12: string;
  readonly fields?: readonly { type: number; length: number; hex: string }[];
}

/** Our code for each invalid offer, by its description. */
const CODES: Readonly<Record<string, string>> = {
  'Malformed: fields out of order': 'invalid-record-order',
  'Malformed: unknown even TLV type 78': 'unknown-required-record',
  'Malformed: empty': 'missing-issuer-id',
  'Malformed: truncated at type': 'truncated-record',
  'Malformed: truncated in length': 'truncated-record',
  'Malformed: truncated after length': 'truncated-record',
  'Malformed: truncated in description': 'truncated-record',
  'Malformed: invalid offer_chains length': 'invalid-field-length',
  'Malformed: truncated currency UTF-8': 'invalid-utf8',
  'Malformed: invalid currency UTF-8': 'invalid-utf8',
  'Malformed: truncated description UTF-8': 'invalid-utf8',
  'Malformed: invalid description UTF-8': 'invalid-utf8',
  'Malformed: truncated offer_paths': 'invalid-blinded-path',
  // These five write the offer_paths length as 2: the next records are out of order.
  'Malformed: zero num_hops in blinded_path': 'invalid-record-order',
  'Malformed: truncated onionmsg_hop in blinded_path': 'invalid-record-order',
  'Malformed: bad first_node_id in blinded_path': 'invalid-record-order',
  'Malformed: bad path_key in blinded_path': 'invalid-record-order',
  'Malformed: bad blinded_node_id in onionmsg_hop': 'invalid-record-order',
  'Malformed: truncated issuer UTF-8': 'invalid-utf8',
  'Malformed: invalid issuer UTF-8': 'invalid-utf8',
  'Malformed: invalid offer_issuer_id': 'invalid-public-key',
  'Contains type >= 80': 'record-out-of-range',
  // These two read as a small type whose length runs past the end.
  'Contains type > 1999999999': 'truncated-record',
  'Contains unknown even type (1000000002)': 'truncated-record',
  'Contains unknown feature 122': 'unknown-required-feature',
  'Missing offer_description, but has offer_amount': 'missing-description',
  'Missing offer_amount with offer_currency': 'missing-amount',
  'Invalid: zero offer_amount': 'invalid-amount',
  'Invalid: zero offer_amount with currency': 'invalid-amount',
  'Missing offer_issuer_id and no offer_path': 'missing-issuer-id',
  'Second offer_path is empty': 'empty-blinded-path',
  'offer_chains with zero entries': 'empty-chains',
  'Bech32 padding exceeds 4-bit limit': 'invalid-padding',
};

export const BOLT12_VALID_OFFERS: readonly OfferVector[] = offers.filter((v) => v.valid);

export const BOLT12_INVALID_OFFERS = offers
  .filter((v) => !v.valid)
  .map((v) => {
    const code = CODES[v.description];
    if (code === undefined) throw new Error(`no code for the offer vector "${v.description}"`);
    return { ...v, code };
  });

export const BOLT12_FORMAT_STRINGS: readonly { comment: string; valid: boolean; string: string }[] =
  format;

export interface MerkleVector {
  readonly comment: string;
  readonly tlv: string;
  readonly 'first-tlv': string;
  readonly leaves: readonly Record<string, string>[];
  readonly merkle: string;
}

/** The three Merkle-tree cases (TLV stream "n1"). */
export const BOLT12_MERKLE: readonly MerkleVector[] = signature.slice(0, 3) as MerkleVector[];

/** The signed invoice request, with its root, tag, signature hash and signature. */
export const BOLT12_SIGNED_REQUEST = signature[3] as MerkleVector & {
  readonly bolt12: string;
  readonly signature_tag: string;
  readonly 'H(signature_tag,merkle)': string;
  readonly signature: string;
};

// ---- corrected copies ---------------------------------------------------------------------------

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** A BOLT 12 string of `hex` bytes: bech32 characters without a checksum, written here. */
export const bolt12String = (prefix: string, hex: string): string => {
  let acc = 0;
  let bits = 0;
  let out = `${prefix}1`;
  for (let i = 0; i < hex.length; i += 2) {
    acc = ((acc << 8) | Number.parseInt(hex.slice(i, i + 2), 16)) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CHARSET[(acc >>> bits) & 31];
    }
  }
  if (bits > 0) out += CHARSET[(acc << (5 - bits)) & 31];
  return out;
};

/** A TLV record in hex (types and lengths below 253 unless given as BigSize hex). */
const record = (type: string, value: string): string => {
  const length = value.length / 2;
  const size =
    length < 0xfd
      ? length.toString(16).padStart(2, '0')
      : `fd${length.toString(16).padStart(4, '0')}`;
  return `${type}${size}${value}`;
};

/** secp256k1's generator, a valid key; x = 2^256 - 1 is not a field element, so no key. */
const KEY = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';
const NOT_A_KEY = `02${'ff'.repeat(32)}`;
const DESCRIPTION = record('0a', '414c494345'); // "ALICE"
const ISSUER = record('16', KEY);
const path = (first: string, pathKey: string, hops: string) => `${first}${pathKey}${hops}`;
const hop = (nodeId: string, data: string) =>
  `${nodeId}${(data.length / 2).toString(16).padStart(4, '0')}${data}`;

const offer = (...records: string[]) => bolt12String('lno', records.join(''));

/** The seven vectors rewritten to reach the rule they are named after, with its code. */
export const BOLT12_CORRECTED: readonly { description: string; bolt12: string; code: string }[] = [
  {
    description: 'Malformed: zero num_hops in blinded_path',
    bolt12: offer(DESCRIPTION, record('10', path(KEY, KEY, '00')), ISSUER),
    code: 'empty-blinded-path',
  },
  {
    description: 'Malformed: truncated onionmsg_hop in blinded_path',
    bolt12: offer(DESCRIPTION, record('10', path(KEY, KEY, `01${KEY}00`)), ISSUER),
    code: 'invalid-blinded-path',
  },
  {
    description: 'Malformed: bad first_node_id in blinded_path',
    bolt12: offer(DESCRIPTION, record('10', path(NOT_A_KEY, KEY, `01${hop(KEY, '00')}`)), ISSUER),
    code: 'invalid-public-key',
  },
  {
    description: 'Malformed: bad path_key in blinded_path',
    bolt12: offer(DESCRIPTION, record('10', path(KEY, NOT_A_KEY, `01${hop(KEY, '00')}`)), ISSUER),
    code: 'invalid-public-key',
  },
  {
    description: 'Malformed: bad blinded_node_id in onionmsg_hop',
    bolt12: offer(DESCRIPTION, record('10', path(KEY, KEY, `01${hop(NOT_A_KEY, '00')}`)), ISSUER),
    code: 'invalid-public-key',
  },
  {
    description: 'Contains type > 1999999999',
    bolt12: offer(DESCRIPTION, ISSUER, `fe77359401${'02'}0000`),
    code: 'record-out-of-range',
  },
  {
    description: 'Contains unknown even type (1000000002)',
    bolt12: offer(DESCRIPTION, ISSUER, `fe3b9aca02${'02'}0000`),
    code: 'unknown-required-record',
  },
];
