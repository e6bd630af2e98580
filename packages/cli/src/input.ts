// Where a command reads its input, the same way in every command: the argument, or standard
// input with "-", or standard input when no argument is given and it is not a terminal
// (`echo lnbc1… | lninvoice decode`).
import { isatty } from 'node:tty';
import { stdinLines, UsageError } from './io.js';
import { LINE_TOO_LONG } from './lines.js';

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

/** A line too long to be read, reported as decode and the other line readers report an error. */
const reportTooLong = async (line: number): Promise<boolean> => {
  process.stderr.write(`lninvoice: line ${line}: too-long: ${LINE_TOO_LONG}\n`);
  return false;
};

/**
 * Runs `one` on each line of standard input (`stdinLines`: capped in length, and stopped once
 * nobody reads the answers) and returns the exit status: 0 when `one` passed every line, 1 when
 * not. A line longer than any input is given to `tooLong`, which by default reports it as
 * `too-long` on standard error. When no argument asked for the lines and none came (`lninvoice
 * decode "$EMPTY_VARIABLE"` in a script whose input is /dev/null), that is a usage error rather
 * than a silent success with nothing checked; with "-", no line is no line. `what` names the
 * input in that error.
 */
export const eachLine = async (
  source: Extract<Source, { from: 'stdin' }>,
  what: string,
  one: (text: string, line: number) => Promise<boolean>,
  tooLong: (line: number) => Promise<boolean> = reportTooLong,
): Promise<number> => {
  let any = false;
  let failures = 0;
  for await (const { line, text } of stdinLines()) {
    any = true;
    if (!(await (text === undefined ? tooLong(line) : one(text, line)))) failures++;
  }
  if (!any && source.implicit)
    throw new UsageError(`no ${what}: none given as an argument, and none on standard input`);
  return failures === 0 ? 0 : 1;
};
