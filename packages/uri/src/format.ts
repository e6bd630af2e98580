// formatUri: the inverse of parseUri, in lower case or in the upper case QR codes prefer.

import { isBoolean, readOptions } from '@lninvoice/core/options';
import { describeValue, showText } from '@lninvoice/core/text';
import { segwitPrefixOf } from './addresses.js';
import { checkSatParam, formatBtcAmount } from './amount.js';
import { INSTRUCTION_KEYS } from './bitcoin-uri.js';
import { UriError } from './errors.js';
import { parseUri } from './parse-uri.js';
import { asciiLowercase, percentEncode } from './rfc3986.js';
import type { InstructionKey } from './types.js';

/** What formatUri writes as a `bitcoin:` URI. A BitcoinUri that parseUri returned is one. */
export interface BitcoinUriParts {
  /** Always `'bitcoin'`: written in lower case, or upper case with `uppercase`. */
  readonly scheme: 'bitcoin';
  /** Default `''`: allowed when a payment instruction is given. */
  readonly address?: string;
  /** Written as the shortest decimal BTC. */
  readonly amount?: {
    /** The amount in satoshis, from 0 to 21 million BTC. */
    readonly sat: bigint;
  };
  /** Who is paid: any text, percent-encoded when written. */
  readonly label?: string;
  /** What the payment is for: any text, percent-encoded when written. */
  readonly message?: string;
  /** Written as `req-pop` when `required`. */
  readonly pop?: {
    /** The URI prefix the wallet opens after paying (BIP 321), percent-encoded when written. */
    readonly uri: string;
    /** `true` writes `req-pop`: a wallet that cannot open `uri` must not pay. Default false. */
    readonly required?: boolean;
  };
  /** BOLT 11 invoices, each written as a `lightning` parameter. */
  readonly lightning?: readonly string[];
  /** BOLT 12 offers, each written as an `lno` parameter. */
  readonly lno?: readonly string[];
  /** Silent payment addresses (BIP 352), each written as an `sp` parameter. */
  readonly sp?: readonly string[];
  /** BIP 351 payment codes, each written as a `pay` parameter. */
  readonly pay?: readonly string[];
  /** Segwit addresses of bitcoin (`bc1…`), each written as a `bc` parameter. */
  readonly bc?: readonly string[];
  /** Segwit addresses of the test networks (`tb1…`), each written as a `tb` parameter. */
  readonly tb?: readonly string[];
  /** More parameters: lowercase keys that are not the ones above and do not start with `req-`. */
  readonly unknown?: Readonly<Record<string, readonly string[]>>;
}

/** What formatUri writes as a `lightning:` URI: a BOLT 11 invoice or a bech32 LNURL. */
export interface LightningUriParts {
  /** Always `'lightning'`. */
  readonly scheme: 'lightning';
  /** A BOLT 11 invoice or a bech32 LNURL. */
  readonly value: string;
}

/** What {@link formatUri} writes: a `bitcoin:` or a `lightning:` URI, by `scheme`. */
export type UriParts = BitcoinUriParts | LightningUriParts;

/** The options of {@link formatUri}. */
export interface FormatOptions {
  /**
   * Upper case wherever the spec allows it, for the alphanumeric mode of QR codes: the scheme,
   * bech32 addresses and the bech32 values (`lightning`, `lno`, `sp`, `bc`, `tb`, and the
   * `lightning:` payload). Keys, labels, messages and base58 addresses keep their case: BIP 21
   * readers compare keys case-sensitively, and the rest is case-sensitive.
   */
  readonly uppercase?: boolean;
}

const FORMAT_OPTIONS = { uppercase: isBoolean } as const;

/** Keys written from a part of their own, never from `unknown`. */
const PART_KEYS: readonly string[] = [
  'amount',
  'label',
  'message',
  'pop',
  'req-pop',
  ...INSTRUCTION_KEYS,
];
/** Instruction values in bech32 (BOLT 11, BOLT 12, BIP 352, segwit): case-insensitive. */
const BECH32_VALUES: ReadonlySet<InstructionKey> = new Set(['lightning', 'lno', 'sp', 'bc', 'tb']);
/** BIP 173 / BOLT 12 strings: upper case changes nothing but the case. */
const caps = (value: string): string =>
  /^[A-Za-z0-9+]*$/.test(value) ? value.toUpperCase() : value;

const text = (name: string, value: unknown): string => {
  if (typeof value !== 'string')
    throw new TypeError(`${name} must be a string, got ${typeof value}`);
  return value;
};

/** `value` as an object, for the parts that hold fields of their own (`amount`, `pop`, `unknown`). */
const record = <T extends object>(name: string, value: unknown): T => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`${name} must be an object, got ${value === null ? 'null' : typeof value}`);
  return value as T;
};

const texts = (name: string, values: unknown): readonly string[] => {
  if (!Array.isArray(values)) throw new TypeError(`${name} must be an array of strings`);
  return values.map((value, i) => text(`${name}[${i}]`, value));
};

const bitcoinQuery = (parts: BitcoinUriParts, uppercase: boolean): string[] => {
  const query: string[] = [];
  const add = (key: string, value: string) => query.push(`${key}=${percentEncode(value, key)}`);
  if (parts.amount !== undefined) {
    const { sat } = record<{ sat: unknown }>('amount', parts.amount);
    query.push(`amount=${formatBtcAmount(checkSatParam(sat))}`);
  }
  if (parts.label !== undefined) add('label', text('label', parts.label));
  if (parts.message !== undefined) add('message', text('message', parts.message));
  for (const key of INSTRUCTION_KEYS) {
    const values = parts[key] === undefined ? [] : texts(key, parts[key]);
    for (const value of values) add(key, uppercase && BECH32_VALUES.has(key) ? caps(value) : value);
  }
  if (parts.pop !== undefined) {
    const pop = record<{ uri: unknown; required?: unknown }>('pop', parts.pop);
    add(pop.required === true ? 'req-pop' : 'pop', text('pop.uri', pop.uri));
  }
  if (parts.unknown !== undefined) {
    const unknown = record<Record<string, unknown>>('unknown', parts.unknown);
    for (const key of Object.keys(unknown)) {
      if (
        key === '' ||
        key !== asciiLowercase(key) ||
        PART_KEYS.includes(key) ||
        key.startsWith('req-')
      )
        throw new RangeError(
          `unknown: ${showText(key)} must be a lowercase key of no known or req- parameter`,
        );
      const name = `unknown[${showText(key)}]`;
      for (const value of texts(name, unknown[key]))
        query.push(`${percentEncode(key, name)}=${percentEncode(value, name)}`);
    }
  }
  return query;
};

const write = (parts: UriParts, uppercase: boolean): string => {
  if (parts.scheme === 'lightning') {
    const value = text('value', parts.value);
    // parseUri would drop it, and the value would not come back as it was given.
    if (value.trim() !== value)
      throw new RangeError(`value: ${showText(value)} has surrounding whitespace`);
    return uppercase ? `LIGHTNING:${caps(value)}` : `lightning:${value}`;
  }
  const address = parts.address === undefined ? '' : text('address', parts.address);
  const query = bitcoinQuery(parts, uppercase);
  const body = uppercase && segwitPrefixOf(address) !== undefined ? address.toUpperCase() : address;
  return `${uppercase ? 'BITCOIN' : 'bitcoin'}:${body}${query.length === 0 ? '' : `?${query.join('&')}`}`;
};

/**
 * The URI of `parts`: `parseUri(formatUri(parts))` gives them back. Throws TypeError for a wrong
 * type, RangeError for parts that make no valid URI (e.g. neither address nor instruction, a
 * `bc` value of another network, a `req-pop` that opens a web browser).
 */
export const formatUri = (parts: UriParts, options?: FormatOptions): string => {
  if (typeof parts !== 'object' || parts === null)
    throw new TypeError(`formatUri: parts must be an object, got ${describeValue(parts)}`);
  const { scheme } = parts as { scheme: unknown };
  if (scheme !== 'bitcoin' && scheme !== 'lightning')
    throw new RangeError(
      `formatUri: scheme must be 'bitcoin' or 'lightning', got ${describeValue(scheme)}`,
    );
  const { uppercase = false } = readOptions<FormatOptions>(
    'formatUri: options',
    options,
    FORMAT_OPTIONS,
  );
  const uri = write(parts, uppercase);
  // Every rule of the reader holds for what is written: the reader checks it, and would leave out
  // no part (an invalid address or instruction is a warning of the reader, an error here).
  let read: ReturnType<typeof parseUri>;
  try {
    read = parseUri(uri);
  } catch (error) {
    if (!(error instanceof UriError)) throw error;
    throw new RangeError(`formatUri: the parts make no valid URI: ${error.message}`, {
      cause: error,
    });
  }
  const [left] = read.kind === 'bitcoin-uri' ? read.warnings : [];
  if (left !== undefined)
    throw new RangeError(`formatUri: the parts make no valid URI: ${left.message}`);
  return uri;
};
