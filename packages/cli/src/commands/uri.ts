// `lninvoice uri parse <uri>`: a bitcoin: or lightning: URI as JSON.
import { parseArgs } from 'node:util';
import { type ParseOptions, parseUri, UriError, type UriWarning } from '@lninvoice/uri';
import { oneLine, toJson, UsageError, underline } from '../io.js';

const URI_HELP = `Usage: lninvoice uri parse <uri> [--lenient]

Reads a bitcoin: URI (BIP 321: address, amount, label, message, payment instructions such as
lightning, lno, sp, proof of payment) or a lightning: URI (a BOLT 11 invoice or an LNURL) and
prints it as JSON: amounts as decimal strings of sat and msat. An invalid address or payment
instruction of a bitcoin: URI is left out: it is listed under "warnings", and each is printed
on standard error, underlined, as "lninvoice: warning: <code>: <message>".

Options:
  --lenient     also accept bitcoin://, lightning://, and after lightning: a LUD-17 URL, a
                Lightning Address or a BOLT 12 string; lnurlp:host without //; parameters
                after the LNURL of a fallback URL; a Lightning Address in upper case; an LNURL
                in the lightning parameter
  -h, --help    show this help

Exit status: 0 when the URI is valid (warnings or not), 1 when it is not, 2 on a usage error.`;

/**
 * Runs `parse` on the one text in `args` and prints the result as JSON, or its UriError on
 * standard error. `help` is printed for --help; `name` is the command as typed.
 */
export const printParsed = (
  args: string[],
  name: string,
  help: string,
  parse: (text: string, options: ParseOptions) => unknown,
): number => {
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
  if (positionals.length !== 1) throw new UsageError(`${name} takes one text to read`);
  const [text] = positionals as [string];
  try {
    const parsed = parse(text, { lenient: values.lenient });
    process.stdout.write(`${toJson(parsed, 2)}\n`);
    // What a bitcoin: URI held but could not be paid with: said as an error would be.
    const { warnings = [] } = parsed as { warnings?: readonly UriWarning[] };
    for (const warning of warnings)
      process.stderr.write(
        `lninvoice: warning: ${warning.code}: ${oneLine(warning.message)}\n${underline(text, warning.span)}`,
      );
    return 0;
  } catch (error) {
    if (!(error instanceof UriError)) throw error;
    process.stderr.write(
      `lninvoice: ${error.code}: ${oneLine(error.message)}\n${underline(text, error.span)}`,
    );
    return 1;
  }
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
