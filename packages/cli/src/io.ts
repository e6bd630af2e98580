// Terminal input and output for commands.
import { createInterface } from 'node:readline';

/** Non-empty lines of standard input, with their 1-based line numbers. */
export async function* stdinLines(): AsyncGenerator<{ line: number; text: string }> {
  let line = 0;
  for await (const text of createInterface({
    input: process.stdin,
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    line++;
    if (text.trim() !== '') yield { line, text };
  }
}

/** The input with a row of `^` under `[start, end)`, when the input fits on a terminal line. */
export const underline = (input: string, span: readonly [number, number] | undefined): string => {
  if (span === undefined || input.length > 2000 || /[\n\r]/.test(input)) return '';
  const [start, end] = span;
  return `  ${input}\n  ${' '.repeat(start)}${'^'.repeat(Math.max(1, end - start))}\n`;
};

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
