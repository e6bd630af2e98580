// Terminal input and output for commands.
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { escapeUnsafe, UNSAFE_CHARACTERS } from '@lninvoice/core/text';
import { jsonValue } from './json-value.js';
import { type InputLine, readLines } from './lines.js';

/**
 * Non-empty lines of standard input, with their 1-based line numbers; `text` is undefined for a
 * line too long to be a payment request (see `readLines`). Reading stops once standard output's
 * reader went away: nobody reads the answers.
 */
export async function* stdinLines(): AsyncGenerator<InputLine> {
  watchOutput();
  for await (const line of readLines(process.stdin)) {
    if (outputGone) return;
    yield line;
  }
}

/** Set once standard output's reader went away (EPIPE, as with `| head -1`). */
let outputGone = false;
let watching = false;

/**
 * Watches standard output and error for a reader that goes away, which Node reports as an
 * `error` event (an uncaught exception without a listener). Standard output gone ends the
 * streaming commands quietly; standard error gone is let be (answers still go out).
 */
const watchOutput = (): void => {
  if (watching) return;
  watching = true;
  const onError = (gone: () => void) => (error: Error & { code?: unknown }) => {
    if (error.code !== 'EPIPE') throw error;
    gone();
  };
  process.stdout.on(
    'error',
    onError(() => {
      outputGone = true;
    }),
  );
  process.stderr.on(
    'error',
    onError(() => {}),
  );
};

/**
 * JSON text with every unsafe character of core (`unsafeKind`: controls, bidirectional and
 * invisible characters, the set every package escapes in its messages) written as `\uXXXX`
 * escapes: the same JSON value, safe to print on a terminal. Text from an invoice or a service
 * (descriptions, labels, messages) is printed as JSON only through this. In JSON text such
 * characters are all inside strings, but for the line breaks of indented JSON, which stay.
 */
export const forTerminal = (json: string): string => json.split('\n').map(escapeUnsafe).join('\n');

/**
 * A message as one line for a terminal: every unsafe character, line breaks too, written as
 * `\uXXXX`. Error messages quote the input, which may hold them.
 */
export const oneLine = escapeUnsafe;

/**
 * The input with a row of `^` under `[start, end)`, when the input fits on a terminal line and
 * can be shown as it is (error messages quote it escaped instead).
 */
export const underline = (input: string, span: readonly [number, number] | undefined): string => {
  if (span === undefined || input.length > 2000 || UNSAFE_CHARACTERS.test(input)) return '';
  const [start, end] = span;
  return `  ${input}\n  ${' '.repeat(start)}${'^'.repeat(Math.max(1, end - start))}\n`;
};

/**
 * `value` as JSON for a terminal (see `forTerminal`): bigints as decimal strings, bytes as hex,
 * keys in snake_case (see `jsonValue`).
 */
export const toJson = (value: unknown, indent?: number): string =>
  forTerminal(JSON.stringify(value, jsonValue, indent));

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A usage error: a UsageError, recognised by name (each command bundle has its own copy of the
 * class), or parseArgs' unknown options and missing values, which carry an ERR_PARSE_ARGS code.
 */
export const isUsageError = (error: unknown): error is Error => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return (
    (error as Error | undefined)?.name === UsageError.name ||
    (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
  );
};

/**
 * Writes to standard output and waits while its buffer is full, so that a long stream of
 * results (`decode -` over a large file into a slow pipe) keeps memory flat. Once its reader
 * went away (EPIPE), writes nothing: the command ends quietly, as `printAll` does.
 */
export const writeOut = async (text: string): Promise<void> => {
  watchOutput();
  if (outputGone || process.stdout.write(text)) return;
  try {
    await once(process.stdout, 'drain');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EPIPE') throw error;
    outputGone = true;
  }
};

/**
 * Writes a command's whole answer to standard output synchronously. A one-shot command spares
 * the ~2 ms Node takes to set up `process.stdout` (a fifth of `lninvoice decode`'s own start-up).
 * A descriptor that is non-blocking and full (EAGAIN) gets the rest through the stream; a reader
 * that went away (EPIPE) gets nothing more, as with `head`.
 */
export const printAll = (text: string): void => {
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EAGAIN') process.stdout.write(bytes.subarray(written));
    else if (code !== 'EPIPE') throw error;
  }
};
