// The checks of the package's options objects beyond core's: each object is read with core's
// readOptions, so that a misspelt or unknown option is a TypeError naming it, never ignored.
import { isBoolean, type OptionCheck } from '@lninvoice/core/options';
import { describeValue } from '@lninvoice/core/text';

/** `{ lenient }`, of decodeLnurl, parseLightningAddress and resolve. */
export const LENIENT = { lenient: isBoolean } as const;

/** An object of any keys, such as payer data (core's options have no check for one). */
export const isRecord: OptionCheck = (value, name) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`${name} must be an object, got ${describeValue(value)}`);
};

/** Millisatoshis as a bigint. */
export const isMsat: OptionCheck = (value, name) => {
  if (typeof value !== 'bigint')
    throw new TypeError(`${name} must be a bigint of millisatoshis, got ${describeValue(value)}`);
};

/** A required option's value, which `check` refuses when undefined too (e.g. "got undefined"). */
export const required = <T>(value: T | undefined, name: string, check: OptionCheck): T => {
  check(value, name);
  return value as T;
};
