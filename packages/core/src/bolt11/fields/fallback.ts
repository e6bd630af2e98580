// `f`: "Fallback on-chain address: for Bitcoin, this starts with a 5-bit `version` and contains a
// witness program or P2PKH or P2SH address."
import {
  base58Address,
  decodeAddress,
  isValidWitnessProgram,
  segwitAddress,
} from '../../address.js';
import { NETWORKS, type Network } from '../../networks.js';
import { showText } from '../../text.js';
import type { FallbackAddress } from '../invoice.js';
import { P2PKH_VERSION, P2SH_VERSION } from '../spec.js';
import { readBytes, writeBytes } from './bytes.js';
import type { FieldContext } from './context.js';

/** The version of an `f` field readers skip ("MUST skip over `f` fields that use an unknown `version`"), if it has one. */
export const unknownFallbackVersion = (words: Uint8Array): number | undefined => {
  const version = words[0];
  return version !== undefined && version > P2SH_VERSION ? version : undefined;
};

/** The address of a known fallback version (0-18) on `network`. */
export const fallbackAddress = (network: Network, version: number, program: Uint8Array): string =>
  version === P2PKH_VERSION
    ? base58Address(network.pubKeyHash, program)
    : version === P2SH_VERSION
      ? base58Address(network.scriptHash, program)
      : segwitAddress(network, version, program);

/** A fallback of a known version (0-18: unknown ones are skipped before reading). */
export const readFallback = (ctx: FieldContext): FallbackAddress => {
  const { words } = ctx.field;
  if (words.length === 0) throw ctx.fail('invalid-fallback', 'has no version');
  const version = words[0] as number;
  const program = readBytes(ctx, words.subarray(1));
  if (version === P2PKH_VERSION || version === P2SH_VERSION) {
    if (program.length !== 20) {
      const kind = version === P2PKH_VERSION ? 'public key hash' : 'script hash';
      throw ctx.fail('invalid-fallback', `a ${kind} is 20 bytes, got ${program.length}`);
    }
  } else if (!isValidWitnessProgram(version, program.length)) {
    throw ctx.fail(
      'invalid-fallback',
      `a version ${version} witness program cannot be ${program.length} bytes long`,
    );
  }
  return { version, program, address: fallbackAddress(ctx.network, version, program) };
};

/** The fallback (`f` field) form of an address: a version and a program or hash. */
export interface AddressProgram {
  /** BOLT 11's version: 0 to 16 a witness version, 17 P2PKH, 18 P2SH. */
  readonly version: number;
  /** The witness program, or the 20-byte public key hash or script hash. */
  readonly program: Uint8Array;
}

/**
 * The fallback form of an on-chain address of `network`: base58check P2PKH / P2SH, bech32
 * segwit v0 or bech32m segwit v1+. `name` (the parameter) starts every error message.
 */
export const parseAddress = (address: unknown, network: Network, name: string): AddressProgram => {
  if (typeof address !== 'string')
    throw new TypeError(`${name} must be an address string, got ${typeof address}`);
  const networks = NETWORKS.includes(network) ? NETWORKS : [...NETWORKS, network];
  const decoded = decodeAddress(address, {
    networks,
    error: (_, message) => new RangeError(`${name}: ${message}`),
  });
  if (!decoded.networks.includes(network)) {
    throw new RangeError(
      `${name}: ${showText(address)} is a ${decoded.networks.map((n) => n.name).join('/')} address, but the invoice is for ${network.name}`,
    );
  }
  const version =
    decoded.type === 'p2pkh'
      ? P2PKH_VERSION
      : decoded.type === 'p2sh'
        ? P2SH_VERSION
        : (decoded.witnessVersion as number);
  return { version, program: decoded.program };
};

/** "starts with a 5-bit `version` and contains a witness program or P2PKH or P2SH address" */
export const writeFallback = ({ version, program }: AddressProgram): Uint8Array =>
  Uint8Array.of(version, ...writeBytes(program));
