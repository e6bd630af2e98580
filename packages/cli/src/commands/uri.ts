// `lninvoice uri parse <uri>`: a bitcoin: or lightning: URI as JSON.
import { parseArgs } from 'node:util';
import { type ParseOptions, parseUri, UriError, type UriWarning } from '@lninvoice/uri';
import { eachLine, inputSource } from '../input.js';
import { oneLine, toJson, UsageError, underline, writeOut } from '../io.js';

const URI_HELP = `Usage: lninvoice uri parse <uri> [--lenient]
       lninvoice uri parse - [--lenient]    (one per line on standard input; also when no <uri>
                                            is given and standard input is not a terminal)

Reads a bitcoin: URI (BIP 321: address, amount, label, message, payment instructions such as
lightning, lno, sp, proof of payment) or a lightning: URI (a BOLT 11 invoice or an LNURL) and
prints it as JSON: amounts as decimal strings of sat and msat. An invalid address or payment
instruction of a bitcoin: URI is left out: it is listed under "warnings", and each is printed
on standard error, underlined, as "lninvoice: warning: <code>: <message>". From standard
input, each URI gives one line of JSON, and each error or warning names its line.

Options:
  --lenient     also accept bitcoin://, lightning://, and after lightning: a LUD-17 URL, a
                Lightning Address or a BOLT 12 string; lnurlp:host without //; parameters
                after the LNURL of a fallback URL; a Lightning Address in upper case; an LNURL
                in the lightning parameter
  -h, --help    show this help

Exit status: 0 when the URI is valid (warnings or not), 1 when it is not, 2 on a usage error.`;

/**
 * Runs `parse` on the text in `args` (or on each line of standard input: see `inputSource`) and
 * prints the result as JSON, or its UriError on standard error. `help` is printed for --help;
 * `name` is the command as typed.
 */
export const printParsed = async (
  args: string[],
  name: string,
  help: string,
  parse: (text: string, options: ParseOptions) => unknown,
): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lenient: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const source = inputSource(
    positionals,
    `${name} takes one text to read, or - to read one per line from standard input`,
  );
  /** Parses and prints one text; `at` names its line on standard input. */
  const one = async (text: string, at: string, indent?: number): Promise<boolean> => {
    try {
      const parsed = parse(text, { lenient: values.lenient });
      await writeOut(`${toJson(parsed, indent)}\n`);
      // What a bitcoin: URI held but could not be paid with: said as an error would be.
      const { warnings = [] } = parsed as { warnings?: readonly UriWarning[] };
      for (const warning of warnings)
        process.stderr.write(
          `lninvoice: ${at}warning: ${warning.code}: ${oneLine(warning.message)}\n${underline(text, warning.span)}`,
        );
      return true;
    } catch (error) {
      if (!(error instanceof UriError)) throw error;
      process.stderr.write(
        `lninvoice: ${at}${error.code}: ${oneLine(error.message)}\n${underline(text, error.span)}`,
      );
      return false;
    }
  };
  if (source.from === 'argument') return (await one(source.text, '', 2)) ? 0 : 1;
  return eachLine(source, 'text to read', (text, line) => one(text, `line ${line}: `));
};

export const runUri = async (args: string[]): Promise<number> => {
  const [subcommand, ...rest] = args;
  if (subcommand === '-h' || subcommand === '--help') {
    process.stdout.write(`${URI_HELP}\n`);
    return 0;
  }
  if (subcommand !== 'parse') throw new UsageError('the uri command is "uri parse <uri>"');
  return printParsed(rest, 'uri parse', URI_HELP, parseUri);
};
