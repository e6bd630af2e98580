// The arguments of the public functions: type checks for the programmer, whitespace for the user.
import { UriError } from './errors.js';
import type { ParseOptions } from './types.js';

/** The input without surrounding whitespace, where it starts in the original, and the options. */
export interface Source {
  readonly text: string;
  readonly offset: number;
  readonly lenient: boolean;
}

/**
 * Checks the arguments of `fn` and trims the whitespace and line breaks a copy or a paste adds.
 * Spans stay offsets into the untrimmed `text`.
 */
export const readSource = (fn: string, text: unknown, options: unknown): Source => {
  if (typeof text !== 'string')
    throw new TypeError(`${fn}: text must be a string, got ${typeof text}`);
  if (options !== undefined && (typeof options !== 'object' || options === null))
    throw new TypeError(`${fn}: options must be an object, got ${String(options)}`);
  const lenient = (options as ParseOptions | undefined)?.lenient ?? false;
  if (typeof lenient !== 'boolean')
    throw new TypeError(`${fn}: options.lenient must be a boolean, got ${typeof lenient}`);
  const trimmed = text.trim();
  if (trimmed === '')
    throw new UriError('empty', 'nothing to read: the input is empty or only whitespace', [
      0,
      text.length,
    ]);
  return { text: trimmed, offset: text.length - text.trimStart().length, lenient };
};
