// Checks of the invoices callers hand back to us (to sign, write or verify). They are plain
// objects, so they may have crossed a worker boundary, been stored as JSON-like data, or been
// made by hand: check their shape before trusting it, as any other parameter.
import { describeValue } from '../text.js';
import type { FieldWords, InvoiceSignature } from './invoice.js';
import { MAX_TIMESTAMP } from './spec.js';

const isWords = (value: unknown): value is Uint8Array =>
  value instanceof Uint8Array && value.every((w) => w < 32);

const isField = (value: unknown): value is FieldWords => {
  if (typeof value !== 'object' || value === null) return false;
  const { tag, type, words } = value as Record<string, unknown>;
  return (
    typeof tag === 'string' &&
    Number.isInteger(type) &&
    (type as number) >= 0 &&
    (type as number) < 32 &&
    isWords(words)
  );
};

/** hrp, timestamp and fields: what writing any invoice takes. */
export interface WritableInvoice {
  readonly hrp: string;
  readonly timestamp: number;
  readonly fields: readonly FieldWords[];
}

/** `value` as an invoice that can be written, or a TypeError naming `name`. */
export const writableInvoiceParam = (
  name: string,
  value: unknown,
  madeBy: string,
): WritableInvoice => {
  if (typeof value !== 'object' || value === null)
    throw new TypeError(`${name} must be an invoice from ${madeBy}, got ${describeValue(value)}`);
  const { hrp, timestamp, fields } = value as Record<string, unknown>;
  if (typeof hrp !== 'string' || !/^ln[a-z0-9]+$/.test(hrp))
    throw new TypeError(
      `${name}.hrp must be a lowercase BOLT 11 prefix, got ${describeValue(hrp)}`,
    );
  if (
    !Number.isInteger(timestamp) ||
    (timestamp as number) < 0 ||
    (timestamp as number) > MAX_TIMESTAMP
  )
    throw new TypeError(
      `${name}.timestamp must be an integer from 0 to 2^35-1, got ${describeValue(timestamp)}`,
    );
  if (!Array.isArray(fields) || !fields.every(isField))
    throw new TypeError(`${name}.fields must be the fields of an invoice from ${madeBy}`);
  return { hrp, timestamp: timestamp as number, fields };
};

/** `value` as a signature: 64 bytes R || S and a recovery id of 0-3. */
export const signatureParam = (name: string, value: unknown): InvoiceSignature => {
  const { compact, recoveryId } = (
    typeof value === 'object' && value !== null ? value : {}
  ) as Record<string, unknown>;
  if (
    !(compact instanceof Uint8Array) ||
    compact.length !== 64 ||
    !Number.isInteger(recoveryId) ||
    (recoveryId as number) < 0 ||
    (recoveryId as number) > 3
  ) {
    throw new TypeError(
      `${name} must be { compact: 64 bytes, recoveryId: 0-3 }, got ${describeValue(value)}`,
    );
  }
  return { compact, recoveryId: recoveryId as number };
};

const isHop = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (value as { pubkey?: unknown }).pubkey instanceof Uint8Array;

/**
 * `value` as a decoded invoice: writable, with its signature, signing hash, route hints and payee
 * key in the shapes `decode` gives them. A TypeError naming `name` otherwise.
 */
export const decodedInvoiceParam = <T>(name: string, value: T): T => {
  writableInvoiceParam(name, value, 'decode');
  const { signature, signingHash, routeHints, payeeNodeKey, fields } = value as Record<
    string,
    unknown
  >;
  signatureParam(`${name}.signature`, signature);
  if (!(signingHash instanceof Uint8Array) || signingHash.length !== 32)
    throw new TypeError(`${name}.signingHash must be 32 bytes, got ${describeValue(signingHash)}`);
  const routeFields = (fields as FieldWords[]).filter((f) => f.tag === 'r').length;
  if (
    !Array.isArray(routeHints) ||
    routeHints.length !== routeFields ||
    !routeHints.every((route) => Array.isArray(route) && route.every(isHop))
  )
    throw new TypeError(`${name}.routeHints must be the route hints of its r fields`);
  if (payeeNodeKey !== undefined && !(payeeNodeKey instanceof Uint8Array))
    throw new TypeError(`${name}.payeeNodeKey must be bytes, got ${describeValue(payeeNodeKey)}`);
  return value;
};
