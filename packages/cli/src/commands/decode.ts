// `lninvoice decode <invoice | ->`: the JSON view of each invoice.
import { parseArgs } from 'node:util';
import { Bolt11Error, type DecodeOptions, decode, invoiceToJSON } from '@lninvoice/core';
import {
  forTerminal,
  oneLine,
  printAll,
  stdinLines,
  UsageError,
  underline,
  writeOut,
} from '../io.js';

const DECODE_HELP = `Usage: lninvoice decode <invoice>
       lninvoice decode -            (one invoice per line on standard input)

Prints the decoded invoice as JSON (the shape of lncli decodepayreq, plus more).
With "-", prints one line of JSON per invoice.

Options:
  --no-verify   parse only: skip the signature check (the payee is then only the n field)
  --legacy      skip p/h/s/n fields of the wrong length, as LDK, lnd and CLN still do,
                instead of rejecting the invoice (the current BOLT 11 rule)
  -h, --help    show this help

Exit status: 0 when every invoice decodes, 1 when any is invalid, 2 on a usage error.`;

const describeError = (input: string, error: Bolt11Error): string =>
  `${error.code}: ${oneLine(error.message)}\n${underline(input, error.span)}`;

export const runDecode = async (args: string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'no-verify': { type: 'boolean', default: false },
      legacy: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${DECODE_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError('decode takes one invoice, or - to read them from standard input');
  const options: DecodeOptions = { verify: !values['no-verify'], legacy: values.legacy };
  const [source] = positionals as [string];

  if (source !== '-') {
    try {
      printAll(`${forTerminal(JSON.stringify(invoiceToJSON(decode(source, options)), null, 2))}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof Bolt11Error)) throw error;
      process.stderr.write(`lninvoice: ${describeError(source, error)}`);
      return 1;
    }
  }

  let failures = 0;
  for await (const { line, text } of stdinLines()) {
    try {
      await writeOut(`${forTerminal(JSON.stringify(invoiceToJSON(decode(text, options))))}\n`);
    } catch (error) {
      if (!(error instanceof Bolt11Error)) throw error;
      failures++;
      process.stderr.write(`lninvoice: line ${line}: ${describeError(text, error)}`);
    }
  }
  return failures === 0 ? 0 : 1;
};
