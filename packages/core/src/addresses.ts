// On-chain addresses of fallback (`f`) fields, written the way the invoice's network writes them.
// BOLT 11: "MUST set an `f` field to a valid witness version and program, OR to `17` followed by a
// public key hash, OR to `18` followed by a script hash."
import { base58checkDecode, base58checkEncode } from './base58check.js';
import { NETWORKS, type Network } from './networks.js';
import { describe } from './params.js';
import {
  BECH32,
  BECH32M,
  bytesToWords,
  CHECKSUM_LENGTH,
  checksumConstant,
  checksumWords,
  wordOf,
  wordsToBytes,
  wordsToChars,
} from './words.js';

export const P2PKH_VERSION = 17;
export const P2SH_VERSION = 18;

/** BIP 141: a witness program is 2 to 40 bytes; version 0 programs are 20 or 32 bytes. */
export const isValidWitnessProgram = (version: number, length: number): boolean =>
  version === 0 ? length === 20 || length === 32 : length >= 2 && length <= 40;

/** The segwit address of a witness program: bech32 for v0 (BIP 173), bech32m for v1-16 (BIP 350). */
export const segwitAddress = (network: Network, version: number, program: Uint8Array): string => {
  const words = [version, ...bytesToWords(program)];
  const checksum = checksumWords(network.bech32, words, version === 0 ? BECH32 : BECH32M);
  return `${network.bech32}1${wordsToChars(words)}${wordsToChars(checksum)}`;
};

/** The base58check address of a 20-byte hash under a version byte. */
export const base58Address = (versionByte: number, hash: Uint8Array): string => {
  const payload = new Uint8Array(21);
  payload[0] = versionByte;
  payload.set(hash, 1);
  return base58checkEncode(payload);
};

/** The address of a known fallback version (0-18) on `network`. */
export const fallbackAddress = (network: Network, version: number, program: Uint8Array): string => {
  if (version === P2PKH_VERSION) return base58Address(network.pubKeyHash, program);
  if (version === P2SH_VERSION) return base58Address(network.scriptHash, program);
  return segwitAddress(network, version, program);
};

/** The fallback (`f` field) form of an address: a version and a program or hash. */
export interface AddressProgram {
  readonly version: number;
  readonly program: Uint8Array;
}

const otherNetworks = (network: Network, match: (n: Network) => boolean): string[] =>
  NETWORKS.filter((n) => n !== network && match(n)).map((n) => n.name);

const wrongNetwork = (
  name: string,
  address: string,
  others: string[],
  network: Network,
): RangeError =>
  new RangeError(
    `${name}: ${describe(address)} is a ${others.join('/')} address, but the invoice is for ${network.name}`,
  );

/**
 * A segwit address (BIP 173 / BIP 350) of `network`, or undefined when `address` does not start
 * with a known segwit prefix (base58 addresses may contain a `1` followed by bech32 characters).
 */
const parseSegwit = (
  address: string,
  network: Network,
  name: string,
): AddressProgram | undefined => {
  const lower = address.toLowerCase();
  const hrp = lower.slice(0, lower.lastIndexOf('1'));
  const others = otherNetworks(network, (n) => n.bech32 === hrp);
  if (hrp !== network.bech32 && others.length === 0) return undefined;
  const invalid = (why: string) =>
    new RangeError(`${name}: ${describe(address)} is not a valid segwit address: ${why}`);
  const words = Array.from(lower.slice(hrp.length + 1), (c) => wordOf(c.charCodeAt(0)));
  if (words.length < CHECKSUM_LENGTH + 1) throw invalid('it has no data');
  if (words.some((w) => w < 0)) throw invalid('it has characters outside the bech32 alphabet');
  if (address !== lower && address !== address.toUpperCase())
    throw invalid('it mixes upper and lower case');
  const constant = checksumConstant(hrp, words);
  if (constant !== BECH32 && constant !== BECH32M) throw invalid('its checksum does not match');
  if (hrp !== network.bech32) throw wrongNetwork(name, address, others, network);
  const version = words[0] as number;
  if (version > 16) throw invalid(`witness version ${version} does not exist`);
  // BIP 350: version 0 uses bech32, versions 1 to 16 use bech32m.
  if (constant !== (version === 0 ? BECH32 : BECH32M)) {
    throw invalid(`version ${version} must use ${version === 0 ? 'bech32' : 'bech32m'}`);
  }
  const program = wordsToBytes(Uint8Array.from(words.slice(1, -CHECKSUM_LENGTH)));
  if (program === undefined) throw invalid('its padding is not zero');
  if (!isValidWitnessProgram(version, program.length)) {
    throw invalid(`a version ${version} program cannot be ${program.length} bytes long`);
  }
  return { version, program };
};

/**
 * The fallback form of an on-chain address of `network`: base58check P2PKH / P2SH, bech32
 * segwit v0 or bech32m segwit v1+. `name` (the parameter) starts every error message.
 */
export const parseAddress = (address: string, network: Network, name: string): AddressProgram => {
  if (typeof address !== 'string')
    throw new TypeError(`${name} must be an address string, got ${describe(address)}`);
  const segwit = parseSegwit(address, network, name);
  if (segwit) return segwit;
  const payload = base58checkDecode(address);
  if (payload === undefined) {
    throw new RangeError(
      `${name}: ${describe(address)} is not a valid base58check or bech32 address`,
    );
  }
  const versionByte = payload[0];
  if (payload.length !== 21) {
    throw new RangeError(
      `${name}: ${describe(address)} holds ${payload.length} bytes; a version byte and a 20-byte hash are 21`,
    );
  }
  const hash = payload.slice(1);
  if (versionByte === network.pubKeyHash) return { version: P2PKH_VERSION, program: hash };
  if (versionByte === network.scriptHash) return { version: P2SH_VERSION, program: hash };
  const others = otherNetworks(
    network,
    (n) => n.pubKeyHash === versionByte || n.scriptHash === versionByte,
  );
  if (others.length > 0) throw wrongNetwork(name, address, others, network);
  throw new RangeError(
    `${name}: ${describe(address)} has version byte ${versionByte}, unknown on ${network.name}`,
  );
};
