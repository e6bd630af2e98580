// Reading fields of a service's JSON with their types checked: a wrong type is an error that
// names the field and shows the value, never a silent default.
import { previewValue } from '@lninvoice/core/text';
import { LnurlError, type LnurlErrorCode } from './errors.js';
import { isWellFormed } from './url.js';

export type JsonObject = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` as an object, or an `invalid-response` error naming `what` it should be. */
export const asObject = (value: unknown, what: string): JsonObject => {
  if (!isObject(value))
    throw new LnurlError(
      'invalid-response',
      `${what} must be a JSON object, got ${previewValue(value)}`,
    );
  return value;
};

/** An own property: keys such as `__proto__` or `toString` never resolve to inherited values. */
const own = (object: JsonObject, name: string): unknown =>
  Object.hasOwn(object, name) ? object[name] : undefined;

export const stringField = (object: JsonObject, name: string, what: string): string => {
  const value = own(object, name);
  if (typeof value !== 'string')
    throw new LnurlError(
      'invalid-response',
      `${what}.${name} must be a string, got ${previewValue(value)}`,
    );
  return value;
};

export const optionalField = <T>(
  object: JsonObject,
  name: string,
  what: string,
  read: (object: JsonObject, name: string, what: string) => T,
): T | undefined =>
  own(object, name) === undefined || own(object, name) === null
    ? undefined
    : read(object, name, what);

export const booleanField = (object: JsonObject, name: string, what: string): boolean => {
  const value = own(object, name);
  if (typeof value !== 'boolean')
    throw new LnurlError(
      'invalid-response',
      `${what}.${name} must be true or false, got ${previewValue(value)}`,
    );
  return value;
};

/**
 * A string the wallet sends back in a URL (a `k1`): whole characters only, since half a surrogate
 * pair (which JSON's `\ud800` escapes can write) has no UTF-8 and no percent-encoding.
 */
export const queryField = (object: JsonObject, name: string, what: string): string => {
  const value = stringField(object, name, what);
  if (!isWellFormed(value))
    throw new LnurlError('invalid-response', `${what}.${name} holds half of a surrogate pair`);
  return value;
};

/** A whole, non-negative number that JSON carried exactly (at most 2^53 - 1). */
export const countField = (
  object: JsonObject,
  name: string,
  what: string,
  code: LnurlErrorCode = 'invalid-response',
): number => {
  const value = own(object, name);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new LnurlError(
      code,
      `${what}.${name} must be a whole number from 0 to 2^53-1, got ${previewValue(value)}`,
    );
  }
  return value;
};

/** Millisatoshis as an exact bigint. */
export const msatField = (object: JsonObject, name: string, what: string): bigint =>
  BigInt(countField(object, name, what, 'invalid-amount'));

export const fieldValue = own;
