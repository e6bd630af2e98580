// On-chain addresses, read by core's decoder (base58check P2PKH / P2SH, bech32 segwit v0 of
// BIP 173, bech32m segwit v1+ of BIP 350) over the built-in networks.
import { NETWORKS } from '@lninvoice/core';
import { type AddressErrorCode, decodeAddress } from '@lninvoice/core/address';
import type { ErrorFactory } from '@lninvoice/core/errors';
import { uriError } from './errors.js';
import type { Network, OnchainAddressInput } from './types.js';

/** Base58 P2PKH / P2SH addresses: 25 bytes, 26 to 35 characters, led by their version byte. */
const BASE58_ADDRESS = /^[123mn][1-9A-HJ-NP-Za-km-z]{25,34}$/;

/**
 * The segwit prefix of `text` (`bc`, `tb`, `bcrt`), if it has one. Only the part before the last
 * `1` counts: a base58 address may hold a `1` followed by characters that look like bech32.
 */
export const segwitPrefixOf = (text: string): string | undefined => {
  const prefix = text.slice(0, Math.max(text.lastIndexOf('1'), 0)).toLowerCase();
  return NETWORKS.some((n) => n.bech32 === prefix) ? prefix : undefined;
};

/** True when `text` has the shape of an on-chain address (which may still be invalid). */
export const looksLikeAddress = (text: string): boolean =>
  segwitPrefixOf(text) !== undefined || BASE58_ADDRESS.test(text);

/**
 * The on-chain address `text`, found at `offset` of the input; `error` makes the UriErrors (with
 * spans moved, for an address percent-encoded in a parameter).
 */
export const classifyAddress = (
  text: string,
  offset: number,
  error: ErrorFactory<AddressErrorCode> = uriError,
): OnchainAddressInput => {
  const { type, witnessVersion, program, networks } = decodeAddress(text, {
    networks: NETWORKS,
    offset,
    error,
  });
  return {
    kind: 'onchain-address',
    value: text,
    type,
    networks: networks.map((n) => n.name as Network),
    ...(witnessVersion !== undefined && { witnessVersion }),
    program,
  };
};
