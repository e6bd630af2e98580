// BOLT 12 strings: an offer (`lno`), invoice request (`lnr`) or invoice (`lni`), bech32 data
// without a checksum, which writers may split with `+`.
import { CHARSET } from '@lninvoice/core/bech32';
import { showText } from '@lninvoice/core/text';
import { UriError } from '../errors.js';
import { readSource } from '../input.js';
import type { Bolt12Input } from '../types.js';

const KIND_OF_PREFIX: ReadonlyMap<string, Bolt12Input['kind']> = new Map([
  ['lno', 'bolt12-offer'],
  ['lnr', 'bolt12-invoice-request'],
  ['lni', 'bolt12-invoice'],
]);
const JOINABLE = /^[A-Za-z0-9]$/;
/** A `+` and the whitespace after it. */
const JOIN = /\+[ \t\n\v\f\r]*/g;
/** The first character outside the bech32 alphabet (a whole code point). */
const NOT_BECH32 = new RegExp(`[^${CHARSET}]`, 'u');

/** True when `text` reads as a BOLT 12 string once its `+` joins and whitespace are ignored. */
export const looksLikeBolt12 = (text: string): boolean =>
  /^ln[oir]1/i.test(text.replace(/[+ \t\n\v\f\r]/g, ''));

/**
 * The canonical (lowercase, joined) form of the BOLT 12 string `text`, found at `offset` of the
 * input, and its kind. Fails with `invalid-bolt12-string`.
 */
export const normalizeBolt12At = (text: string, offset: number): Omit<Bolt12Input, 'scheme'> => {
  const invalid = (why: string, span: readonly [number, number] = [0, text.length]) =>
    new UriError('invalid-bolt12-string', `BOLT 12 string: ${why}`, {
      span: [offset + span[0], offset + span[1]],
    });
  // BOLT 12: "if it encounters a `+` followed by zero or more whitespace characters between two
  // bech32 characters: MUST remove the `+` and whitespace." Found by a regex and joined from
  // slices: a loop adding one character at a time took 150 ms for a pasted megabyte.
  const slices: string[] = [];
  let from = 0;
  for (const join of text.matchAll(JOIN)) {
    const next = join.index + join[0].length;
    if (!JOINABLE.test(text.charAt(join.index - 1)) || !JOINABLE.test(text.charAt(next)))
      throw invalid('a "+" must join two bech32 characters', [join.index, next]);
    slices.push(text.slice(from, join.index));
    from = next;
  }
  const joined = from === 0 ? text : slices.join('') + text.slice(from);
  const lower = joined.toLowerCase();
  // "Readers of a bolt12 string: MUST handle strings which are all lowercase, or all uppercase."
  if (joined !== lower && joined !== joined.toUpperCase())
    throw invalid(`${showText(text)} mixes upper and lower case`);
  const separator = lower.indexOf('1');
  const kind = separator < 0 ? undefined : KIND_OF_PREFIX.get(lower.slice(0, separator));
  if (kind === undefined) throw invalid(`${showText(text)} does not start with lno1, lnr1 or lni1`);
  const data = lower.slice(separator + 1);
  const bad = NOT_BECH32.exec(data)?.[0];
  if (data === '' || bad !== undefined) {
    throw invalid(
      bad === undefined
        ? `${showText(text)} has no data after the prefix`
        : `${showText(bad)} is not a bech32 character`,
    );
  }
  return { kind, value: text, normalized: lower };
};

/**
 * The canonical form of a BOLT 12 string: lowercase, `+` joins and the whitespace after them
 * removed, surrounding whitespace ignored. Throws a UriError (`invalid-bolt12-string`).
 */
export const normalizeBolt12 = (text: string): string => {
  const source = readSource('normalizeBolt12', text, undefined);
  return normalizeBolt12At(source.text, source.offset).normalized;
};
