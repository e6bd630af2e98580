// On-chain addresses, read and written for every package: base58check P2PKH / P2SH, bech32
// segwit v0 (BIP 173), bech32m segwit v1+ (BIP 350), each with the networks that write it.

import { base58checkDecode, base58checkEncode, MAX_BASE58_LENGTH } from './base58check.js';
import {
  type Bech32ErrorCode,
  bytesToWords,
  encodeBech32,
  readBech32,
  wordsToBytes,
} from './bech32.js';
import type { ErrorFactory, Span } from './errors.js';
import type { Network } from './networks.js';
import { showText } from './text.js';

/**
 * The output an address pays to; `witness-unknown` is a segwit version without rules yet (anyone
 * can spend it).
 */
export type AddressType = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | 'witness-unknown';

/** An address, read. */
export interface DecodedAddress {
  /** The output it pays to. */
  readonly type: AddressType;
  /** The witness version (0-16) of a segwit address; undefined for base58 ones. */
  readonly witnessVersion: number | undefined;
  /** The witness program, or the 20-byte public key / script hash. */
  readonly program: Uint8Array;
  /** The networks that write it (testnet and signet share every format). */
  readonly networks: readonly Network[];
}

/** The codes `decodeAddress` fails with. */
export type AddressErrorCode = Bech32ErrorCode | 'invalid-address';

// ---- reading -----------------------------------------------------------------------------------

/** BIP 141: a witness program is 2 to 40 bytes; version 0 programs are 20 or 32 bytes. */
export const isValidWitnessProgram = (version: number, length: number): boolean =>
  version === 0 ? length === 20 || length === 32 : length >= 2 && length <= 40;

const segwitType = (version: number, length: number): AddressType =>
  version === 0
    ? length === 20
      ? 'p2wpkh'
      : 'p2wsh'
    : version === 1 && length === 32
      ? 'p2tr'
      : 'witness-unknown';

/**
 * The segwit prefix (`bc`, `tb`, `bcrt`) `text` starts with among `networks`, if any. Only the
 * part before the last `1` counts: a base58 address may hold a `1` followed by bech32 characters.
 */
const segwitPrefix = (text: string, networks: readonly Network[]): string | undefined => {
  const prefix = text.slice(0, Math.max(text.lastIndexOf('1'), 0)).toLowerCase();
  return networks.some((n) => n.bech32 === prefix) ? prefix : undefined;
};

/** The options of {@link decodeAddress}: the known networks, and the caller's error. */
export interface DecodeAddressOptions {
  /** The networks whose formats are known (NETWORKS, and custom ones). */
  readonly networks: readonly Network[];
  /** Where `text` starts in the caller's input, for spans. */
  readonly offset?: number;
  /** Makes the caller's own error. */
  readonly error: ErrorFactory<AddressErrorCode>;
}

/** Reads the on-chain address `text` of one of `networks`. */
export const decodeAddress = (text: string, options: DecodeAddressOptions): DecodedAddress => {
  const { networks, offset = 0, error } = options;
  const span: Span = [offset, offset + text.length];
  const what = `address ${showText(text)}`;
  const invalid = (why: string) => error('invalid-address', `${what}: ${why}`, span);
  const prefix = segwitPrefix(text, networks);
  if (prefix !== undefined) {
    // BIP 173: "A Bech32 string is at most 90 characters long".
    const { words, variant } = readBech32(text, {
      limit: 90,
      checksum: 'any',
      what,
      offset,
      error,
    });
    const version = words[0];
    if (version === undefined) throw invalid('it has no witness version');
    if (version > 16) throw invalid(`witness version ${version} does not exist (0 to 16)`);
    // BIP 350: "the address decoder has to verify that the encoding matches what is expected
    // for the decoded witness version (Bech32 for version 0, Bech32m for others)".
    const expected = version === 0 ? 'bech32' : 'bech32m';
    if (variant !== expected) {
      throw error(
        'invalid-checksum',
        `${what}: a version ${version} address has a ${expected} checksum, not ${variant}`,
        span,
      );
    }
    const program = wordsToBytes(words.subarray(1));
    if (program === undefined) throw invalid('its padding is not zero, or longer than 4 bits');
    if (!isValidWitnessProgram(version, program.length))
      throw invalid(`a version ${version} witness program cannot be ${program.length} bytes long`);
    return {
      type: segwitType(version, program.length),
      witnessVersion: version,
      program,
      networks: networks.filter((n) => n.bech32 === prefix),
    };
  }
  if (text.length > MAX_BASE58_LENGTH) throw invalid('it is far too long for an address');
  const payload = base58checkDecode(text);
  if (payload === undefined) throw invalid('it is neither base58 nor bech32 of a known network');
  if (payload === false)
    throw error('invalid-checksum', `${what}: its base58check checksum does not match`, span);
  const versionByte = payload[0] as number;
  const p2pkh = networks.filter((n) => n.pubKeyHash === versionByte);
  const p2sh = networks.filter((n) => n.scriptHash === versionByte);
  if (payload.length !== 21 || p2pkh.length + p2sh.length === 0) {
    throw invalid(
      `version byte ${versionByte} and ${payload.length - 1} bytes are not a P2PKH or P2SH address of a known network`,
    );
  }
  return {
    type: p2pkh.length > 0 ? 'p2pkh' : 'p2sh',
    witnessVersion: undefined,
    program: payload.slice(1),
    networks: p2pkh.length > 0 ? p2pkh : p2sh,
  };
};

// ---- writing -----------------------------------------------------------------------------------

/** The segwit address of a witness program: bech32 for v0 (BIP 173), bech32m for v1-16 (BIP 350). */
export const segwitAddress = (network: Network, version: number, program: Uint8Array): string =>
  encodeBech32(
    network.bech32,
    [version, ...bytesToWords(program)],
    version === 0 ? 'bech32' : 'bech32m',
  );

/** The base58check address of a 20-byte hash under a version byte. */
export const base58Address = (versionByte: number, hash: Uint8Array): string =>
  base58checkEncode(Uint8Array.of(versionByte, ...hash));
