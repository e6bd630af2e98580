// On-chain addresses of fallback (`f`) fields, written the way the invoice's network writes them.
// BOLT 11: "MUST set an `f` field to a valid witness version and program, OR to `17` followed by a
// public key hash, OR to `18` followed by a script hash."
import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import type { Network } from './networks.js';
import { BECH32, BECH32M, bytesToWords, checksumWords, wordsToChars } from './words.js';

export const P2PKH_VERSION = 17;
export const P2SH_VERSION = 18;
const base58check = createBase58check(sha256);

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
  return base58check.encode(payload);
};

/** The address of a known fallback version (0-18) on `network`. */
export const fallbackAddress = (network: Network, version: number, program: Uint8Array): string => {
  if (version === P2PKH_VERSION) return base58Address(network.pubKeyHash, program);
  if (version === P2SH_VERSION) return base58Address(network.scriptHash, program);
  return segwitAddress(network, version, program);
};
