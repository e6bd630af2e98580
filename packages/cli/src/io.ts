// Terminal input and output for commands.
import { once } from 'node:events';
import { writeSync } from 'node:fs';

/** Non-empty lines of standard input, with their 1-based line numbers. */
export async function* stdinLines(): AsyncGenerator<{ line: number; text: string }> {
  // Loaded here, not at the top: a command given its input as an argument starts without it.
  const { createInterface } = await import('node:readline');
  let line = 0;
  for await (const text of createInterface({
    input: process.stdin,
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    line++;
    if (text.trim() !== '') yield { line, text };
  }
}

/**
 * True when `text` holds a character a terminal does not print as itself: a control character
 * (line breaks and escapes included), or a bidirectional or invisible formatting character.
 */
const steersTerminal = (text: string): boolean =>
  Array.from(text, (c) => c.charCodeAt(0)).some(
    (c) =>
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069) ||
      c === 0x61c ||
      c === 0xfeff,
  );

/**
 * The input with a row of `^` under `[start, end)`, when the input fits on a terminal line and
 * can be shown as it is (error messages quote it escaped instead).
 */
export const underline = (input: string, span: readonly [number, number] | undefined): string => {
  if (span === undefined || input.length > 2000 || steersTerminal(input)) return '';
  const [start, end] = span;
  return `  ${input}\n  ${' '.repeat(start)}${'^'.repeat(Math.max(1, end - start))}\n`;
};

/** `value` as JSON: bigints as decimal strings, bytes as hex. */
export const toJson = (value: unknown, indent?: number): string =>
  JSON.stringify(
    value,
    (_, v: unknown) =>
      typeof v === 'bigint'
        ? v.toString()
        : v instanceof Uint8Array
          ? Buffer.from(v).toString('hex')
          : v,
    indent,
  );

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Writes to standard output and waits while its buffer is full, so that a long stream of
 * results (`decode -` over a large file into a slow pipe) keeps memory flat.
 */
export const writeOut = async (text: string): Promise<void> => {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
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
