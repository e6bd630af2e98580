// The parameters of the builders, checked like createInvoice's: wrong types are TypeErrors, wrong
// values RangeErrors, each message starting with the parameter's name.

import { bytesParam, integerParam } from '@lninvoice/core/options';
import { isValidPublicKey } from '@lninvoice/core/point';
import { describeValue, encodeUtf8 } from '@lninvoice/core/text';
import { chainNamed } from './chains.js';
import type { BlindedPath, BlindedPayInfo } from './paths.js';
import type { TlvRecord } from './tlv.js';

/** An unsigned integer below 2^64 (or `max`), given as a bigint or a safe integer number. */
export const uintParam = (name: string, value: unknown, max = 2n ** 64n - 1n, min = 0n): bigint => {
  if (typeof value === 'number' && Number.isSafeInteger(value)) value = BigInt(value);
  if (typeof value !== 'bigint')
    throw new TypeError(
      `${name} must be a bigint (or a safe integer), got ${describeValue(value)}`,
    );
  if (value < min || value > max)
    throw new RangeError(`${name} must be from ${min} to ${max}, got ${value}`);
  return value;
};

/** An amount in millisatoshis: a bigint from 1 to 21 million bitcoin. */
export const msatParam = (name: string, value: unknown): bigint => {
  if (typeof value !== 'bigint')
    throw new TypeError(
      `${name} must be a bigint of millisatoshis (e.g. 1000n), got ${describeValue(value)}`,
    );
  return uintParam(name, value, 0x1d24b2dfac520000n, 1n);
};

/** Text for a UTF-8 field: a string without lone surrogates. */
export const textParam = (name: string, value: unknown): Uint8Array => {
  if (typeof value !== 'string')
    throw new TypeError(`${name} must be a string, got ${describeValue(value)}`);
  const bytes = encodeUtf8(value);
  if (bytes === undefined) throw new RangeError(`${name} holds a lone surrogate: it is not text`);
  return bytes;
};

/** A 33-byte public key on secp256k1. */
export const keyParam = (name: string, value: unknown): Uint8Array => {
  const key = bytesParam(name, value, 33);
  if (!isValidPublicKey(key))
    throw new RangeError(`${name} is not a compressed secp256k1 public key`);
  return key;
};

/** A chain hash, from a chain's name or its hash in hex. */
export const chainParam = (name: string, value: unknown): Uint8Array => {
  const chain = typeof value === 'string' ? chainNamed(value) : undefined;
  if (chain === undefined)
    throw new RangeError(
      `${name} must be bitcoin, testnet, testnet4, signet, regtest, liquidv1 or a chain hash in hex, got ${describeValue(value)}`,
    );
  return bytesParam(name, chain.hash, 32);
};

/** Feature bits to set: integers 0-65535. */
export const bitsParam = (name: string, value: unknown): number[] => {
  if (!Array.isArray(value))
    throw new TypeError(`${name} must be an array of feature bits, got ${describeValue(value)}`);
  return value.map((bit, i) => integerParam(`${name}[${i}]`, bit, 0, 65535));
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A blinded path as `BlindedPath` spells it, keys and data as bytes or hex. */
export const pathParam = (name: string, value: unknown): BlindedPath => {
  if (!isRecord(value))
    throw new TypeError(`${name} must be a blinded path object, got ${describeValue(value)}`);
  const first = value.firstNodeId;
  let firstNodeId: BlindedPath['firstNodeId'];
  if (isRecord(first) && 'shortChannelId' in first) {
    const scid = first.shortChannelId;
    const match = typeof scid === 'string' ? /^(\d+)x(\d+)x(\d+)$/.exec(scid) : null;
    const [block, tx, output] = (match?.slice(1) ?? []).map(Number);
    if (
      match === null ||
      (block as number) >= 2 ** 24 ||
      (tx as number) >= 2 ** 24 ||
      (output as number) >= 2 ** 16
    )
      throw new RangeError(
        `${name}.firstNodeId.shortChannelId must be "block x tx x output", got ${describeValue(scid)}`,
      );
    if (first.direction !== 0 && first.direction !== 1)
      throw new RangeError(
        `${name}.firstNodeId.direction must be 0 or 1, got ${describeValue(first.direction)}`,
      );
    firstNodeId = { shortChannelId: `${block}x${tx}x${output}`, direction: first.direction };
  } else if (isRecord(first)) {
    firstNodeId = { nodeId: keyParam(`${name}.firstNodeId.nodeId`, first.nodeId) };
  } else {
    throw new TypeError(
      `${name}.firstNodeId must be { nodeId } or { shortChannelId, direction }, got ${describeValue(first)}`,
    );
  }
  const hops = value.hops;
  if (!Array.isArray(hops) || hops.length === 0 || hops.length > 255)
    throw new RangeError(
      `${name}.hops must be an array of 1 to 255 hops, got ${describeValue(hops)}`,
    );
  return {
    firstNodeId,
    firstPathKey: keyParam(`${name}.firstPathKey`, value.firstPathKey),
    hops: hops.map((hop: unknown, i) => {
      const at = `${name}.hops[${i}]`;
      if (!isRecord(hop)) throw new TypeError(`${at} must be an object, got ${describeValue(hop)}`);
      const data = bytesParam(`${at}.encryptedRecipientData`, hop.encryptedRecipientData);
      if (data.length > 65535)
        throw new RangeError(`${at}.encryptedRecipientData must be at most 65535 bytes`);
      return {
        blindedNodeId: keyParam(`${at}.blindedNodeId`, hop.blindedNodeId),
        encryptedRecipientData: data,
      };
    }),
  };
};

/** A list of at least one blinded path. */
export const pathsParam = (name: string, value: unknown): BlindedPath[] => {
  if (!Array.isArray(value) || value.length === 0)
    throw new RangeError(
      `${name} must be an array of at least one blinded path, got ${describeValue(value)}`,
    );
  return value.map((path, i) => pathParam(`${name}[${i}]`, path));
};

export type PayInfoParams = Omit<BlindedPayInfo, 'features' | 'usable'> & {
  readonly features?: readonly number[];
};

export const payInfoParam = (
  name: string,
  value: unknown,
): PayInfoParams & { features: number[] } => {
  if (!isRecord(value))
    throw new TypeError(`${name} must be an object, got ${describeValue(value)}`);
  return {
    feeBaseMsat: integerParam(`${name}.feeBaseMsat`, value.feeBaseMsat, 0, 2 ** 32 - 1),
    feeProportionalMillionths: integerParam(
      `${name}.feeProportionalMillionths`,
      value.feeProportionalMillionths,
      0,
      2 ** 32 - 1,
    ),
    cltvExpiryDelta: integerParam(`${name}.cltvExpiryDelta`, value.cltvExpiryDelta, 0, 65535),
    htlcMinimumMsat: uintParam(`${name}.htlcMinimumMsat`, value.htlcMinimumMsat),
    htlcMaximumMsat: uintParam(`${name}.htlcMaximumMsat`, value.htlcMaximumMsat),
    features: value.features === undefined ? [] : bitsParam(`${name}.features`, value.features),
  };
};

/** Records of types lninvoice does not write (experimental, or newer than it): odd, in a range. */
export const extraRecordsParam = (
  name: string,
  value: unknown,
  allowed: (type: bigint) => boolean,
): TlvRecord[] => {
  if (!Array.isArray(value))
    throw new TypeError(`${name} must be an array of { type, value }, got ${describeValue(value)}`);
  return value.map((record: unknown, i) => {
    const at = `${name}[${i}]`;
    if (!isRecord(record))
      throw new TypeError(`${at} must be { type, value }, got ${describeValue(record)}`);
    const type = uintParam(`${at}.type`, record.type);
    // An unknown even type makes every reader refuse the message ("it's ok to be odd").
    if (type % 2n === 0n || !allowed(type))
      throw new RangeError(
        `${at}.type ${type} must be odd, in this message's own ranges, and not a type lninvoice writes itself`,
      );
    return { type, value: bytesParam(`${at}.value`, record.value) };
  });
};

export { isRecord };
