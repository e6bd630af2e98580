// Builds signed invoice strings from raw fields, including invalid ones, so tests can reach each
// rule of the decoder. Not an encoder: it writes exactly what it is given.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import * as secp from '@noble/secp256k1';
import { bytesToWords, CHARSET } from '../../src/bech32.js';
import { writeInteger } from '../../src/bolt11/fields/integer.js';
import { invoiceString, signedWords } from '../../src/bolt11/serialize.js';
import { signingHash } from '../../src/bolt11/signature.js';
import { defineNetwork } from '../../src/networks.js';
import { CURVE_ORDER } from '../../src/secp256k1.js';

secp.hashes.sha256 = sha256;
secp.hashes.hmacSha256 = (key, msg) => hmac(sha256, key, msg);

/** The private key every BOLT 11 example is signed with. */
export const SPEC_KEY = hexToBytes(
  'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734',
);
export const SPEC_PUBKEY = '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad';

export interface RawField {
  readonly tag: string;
  readonly words: ArrayLike<number>;
}

export const words = (chars: string): number[] => [...chars].map((c) => CHARSET.indexOf(c));
export const bytesField = (tag: string, bytes: Uint8Array): RawField => ({
  tag,
  words: bytesToWords(bytes),
});
export const intField = (tag: string, value: number): RawField => ({
  tag,
  words: writeInteger(value),
});
export const textField = (tag: string, text: string): RawField =>
  bytesField(tag, new TextEncoder().encode(text));

/** lnd's simnet, a network BOLT 11 does not name. */
export const SIMNET = defineNetwork({
  name: 'simnet',
  prefix: 'lnsb',
  bech32: 'sb',
  pubKeyHash: 0x3f,
  scriptHash: 0x7b,
});

export const PAYMENT_HASH = hexToBytes(
  '0001020304050607080900010203040506070809000102030405060708090102',
);
export const PAYMENT_SECRET = new Uint8Array(32).fill(0x11);

/** p, s, d and 9 (bits 8 and 14): the smallest invoice every rule accepts. */
export const baseFields = (): RawField[] => [
  bytesField('p', PAYMENT_HASH),
  bytesField('s', PAYMENT_SECRET),
  textField('d', 'coffee'),
  { tag: '9', words: words('sgq') },
];

export interface CraftOptions {
  readonly hrp?: string;
  readonly timestamp?: number;
  readonly fields?: readonly RawField[];
  readonly key?: Uint8Array;
  /** Replace S by n - S (and flip the recovery id so recovery still finds the signer). */
  readonly highS?: boolean;
  /** Write this recovery byte instead of the real one. */
  readonly recoveryId?: number;
  /** Write these 64 bytes as R||S. */
  readonly compact?: Uint8Array;
  readonly uppercase?: boolean;
}

const toHex32 = (n: bigint): Uint8Array => hexToBytes(n.toString(16).padStart(64, '0'));

export const craft = (options: CraftOptions = {}): string => {
  const hrp = options.hrp ?? 'lnbc';
  const fields = (options.fields ?? baseFields()).map((f) => {
    const type = CHARSET.indexOf(f.tag);
    if (type < 0) throw new Error(`bad tag ${f.tag}`);
    return { tag: f.tag, type, words: Uint8Array.from(f.words) };
  });
  const signed = signedWords(options.timestamp ?? 1496314658, fields);
  const hash = signingHash(hrp, signed);
  const sig = secp.sign(hash, options.key ?? SPEC_KEY, { prehash: false, format: 'recovered' });
  let recoveryId = sig[0] as number;
  let compact: Uint8Array = sig.slice(1);
  if (options.highS) {
    const s = BigInt(`0x${bytesToHex(compact.subarray(32))}`);
    compact = Uint8Array.from([...compact.subarray(0, 32), ...toHex32(CURVE_ORDER - s)]);
    recoveryId ^= 1;
  }
  return invoiceString(
    hrp,
    signed,
    { compact: options.compact ?? compact, recoveryId: options.recoveryId ?? recoveryId },
    options.uppercase,
  );
};

/** Signs any data words (timestamp and fields, however malformed) with `key` (the spec key). */
export const craftWords = (hrp: string, data: ArrayLike<number>, key = SPEC_KEY): string => {
  const signed = Uint8Array.from(data);
  const sig = secp.sign(signingHash(hrp, signed), key, { prehash: false, format: 'recovered' });
  return invoiceString(hrp, signed, { compact: sig.slice(1), recoveryId: sig[0] as number });
};
