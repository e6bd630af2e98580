// Where a command reads its input, the same way in every command: the argument, or standard
// input with "-", or standard input when no argument is given and it is not a terminal
// (`echo lnbc1… | lninvoice decode`).
import { isatty } from 'node:tty';
import { stdinLines, UsageError } from './io.js';

/** The input of a command that reads one text, or one per line from standard input. */
export type Source =
  | { readonly from: 'argument'; readonly text: string }
  /** `implicit`: no argument was given, and standard input is a pipe or a file. */
  | { readonly from: 'stdin'; readonly implicit: boolean };

/**
 * The source that `positionals` (the command's arguments, without its subcommand) name. No
 * argument on a terminal, or more than one, is a usage error: `usage` says what to give.
 */
export const inputSource = (positionals: readonly string[], usage: string): Source => {
  if (positionals.length > 1) throw new UsageError(usage);
  const [text] = positionals;
  if (text === '-') return { from: 'stdin', implicit: false };
  if (text !== undefined) return { from: 'argument', text };
  // Nothing typed and nothing piped: say what to give rather than wait for a line.
  if (isatty(0)) throw new UsageError(usage);
  return { from: 'stdin', implicit: true };
};

/**
 * The lines of standard input, as `stdinLines` gives them. When no argument asked for them and
 * none came (`lninvoice decode "$EMPTY_VARIABLE"` in a script whose input is /dev/null), that is
 * a usage error rather than a silent success with nothing checked; with "-", no line is no line.
 */
export async function* sourceLines(
  source: Extract<Source, { from: 'stdin' }>,
  what: string,
): AsyncGenerator<{ line: number; text: string }> {
  let any = false;
  for await (const line of stdinLines()) {
    any = true;
    yield line;
  }
  if (!any && source.implicit)
    throw new UsageError(`no ${what}: none given as an argument, and none on standard input`);
}

/** Everything on standard input, as bytes (a key or a proof, which need not be text). */
export const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};
