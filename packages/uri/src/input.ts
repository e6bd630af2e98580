// The arguments of the public functions: checked like parameters for the programmer (a misspelt
// option is a TypeError naming it), whitespace trimmed for the user.
import { isBoolean, readOptions } from '@lninvoice/core/options';
import { describeValue } from '@lninvoice/core/text';
import { UriError } from './errors.js';
import type { ParseOptions } from './types.js';

/** The input without surrounding whitespace, where it starts in the original, and the options. */
export interface Source {
  readonly text: string;
  readonly offset: number;
  readonly lenient: boolean;
}

const PARSE_OPTIONS = { lenient: isBoolean } as const;

/** Checks that `text`, the text argument of `fn`, is a string. */
export const textParam = (fn: string, text: unknown): string => {
  if (typeof text !== 'string')
    throw new TypeError(`${fn}: text must be a string, got ${describeValue(text)}`);
  return text;
};

/**
 * Checks the arguments of `fn` and trims the whitespace and line breaks a copy or a paste adds.
 * Spans stay offsets into the untrimmed `text`.
 */
export const readSource = (fn: string, text: unknown, options: unknown): Source => {
  const input = textParam(fn, text);
  const { lenient = false } = readOptions<ParseOptions>(`${fn}: options`, options, PARSE_OPTIONS);
  const trimmed = input.trim();
  if (trimmed === '')
    throw new UriError('empty', 'nothing to read: the input is empty or only whitespace', {
      span: [0, input.length],
    });
  return { text: trimmed, offset: input.length - input.trimStart().length, lenient };
};
