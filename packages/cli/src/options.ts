// Option values of the command line, read strictly: a typo is a usage error, never a default.
import { findNetwork, NETWORKS, type Network } from '@lninvoice/core';
import { UsageError } from './io.js';
import { readCappedSync } from './read-capped.js';

const DECIMAL = /^\d+$/;

export const wholeNumber = (option: string, text: string): bigint => {
  if (!DECIMAL.test(text))
    throw new UsageError(`--${option} must be a whole number, got "${text}"`);
  return BigInt(text);
};

export const safeNumber = (option: string, text: string): number => {
  const value = wholeNumber(option, text);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new UsageError(`--${option} is too large: ${text}`);
  return Number(value);
};

/**
 * Seconds since 1970, as `--now` takes them. A time in milliseconds (what `Date.now()` gives) is
 * refused, not read as a date thousands of years ahead: from 10^11 on (the year 5138).
 */
export const secondsSince1970 = (option: string, text: string): number => {
  const value = safeNumber(option, text);
  if (value >= 1e11)
    throw new UsageError(
      `--${option} is seconds since 1970; ${text} looks like milliseconds (${Math.floor(value / 1000)} seconds)`,
    );
  return value;
};

/** The network `--network` names; another name is refused with the list of names (core's). */
export const networkOption = (text: string): Network => {
  try {
    return findNetwork(text, NETWORKS, '--network');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
};

/** More than a key with any whitespace around it: a larger file is not a key file. */
const MAX_KEY_FILE = 4096;

/**
 * The private key in the file `--key-file` names, or on standard input for `-` (piped from a
 * secret store, never written to disk): 32 raw bytes, or 64 hex characters (surrounding
 * whitespace ignored).
 */
export const readKeyFile = (path: string): Uint8Array => {
  const where = path === '-' ? '--key-file - (standard input)' : `--key-file ${path}`;
  let raw: Buffer | undefined;
  try {
    raw = readCappedSync(path, MAX_KEY_FILE);
  } catch (error) {
    throw new UsageError(`cannot read ${where}: ${(error as Error).message}`);
  }
  if (raw === undefined)
    throw new UsageError(`${where} holds more than ${MAX_KEY_FILE} bytes: a key is 32 bytes`);
  const text = raw.toString('latin1').trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Uint8Array.from(Buffer.from(text, 'hex'));
  if (raw.length === 32) return new Uint8Array(raw);
  throw new UsageError(`${where} must hold 64 hex characters or 32 raw bytes`);
};
