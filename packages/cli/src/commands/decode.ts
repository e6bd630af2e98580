// `lninvoice decode <payment request | ->`: the JSON view of each BOLT 11 invoice or BOLT 12
// offer, invoice request or invoice; other text is named, and sent to `inspect`.
import { parseArgs } from 'node:util';
import { Bolt11Error, type DecodeOptions, decode, invoiceToJSON } from '@lninvoice/core';
import { eachLine, inputSource } from '../input.js';
import { forTerminal, oneLine, printAll, toJson, UsageError, underline, writeOut } from '../io.js';
import { MAX_LINE_BYTES } from '../lines.js';

const DECODE_HELP = `Usage: lninvoice decode <payment request>
       lninvoice decode -            (one per line on standard input)
       … | lninvoice decode          (the same, when standard input is not a terminal)

Decodes a BOLT 11 invoice (lnbc1…, lntb1…) or a BOLT 12 offer (lno1…), invoice request (lnr1…)
or invoice (lni1…), told apart by their prefix, and prints it as JSON: BOLT 11 in the shape of
lncli decodepayreq (plus more), BOLT 12 by the spec's field names (offer_description,
invreq_payer_id, invoice_amount, …) with its "kind". A "lightning:" prefix, surrounding
whitespace and upper case (QR codes) are read. The signatures of invoices and invoice requests
are verified. With "-", or no argument and text piped in, prints one line of JSON per line read;
a line longer than any payment request (${MAX_LINE_BYTES} bytes) is skipped and reported as
too-long. Output that nobody reads any more (| head) ends the command quietly, with the exit
status of the lines read so far.

Other text (a Lightning Address, an LNURL, a bitcoin: URI, an address, a BIP 353 name) is
named and refused: "lninvoice inspect <text>" reads it.

Options:
  --human       print a summary for people instead of JSON: the amount in sat and BTC, the
                description, the payee, when it expires ("expires in 12 minutes", "expired 9
                years ago"), and warnings (an expired request, text with control or
                bidirectional characters, a signature not checked)
  --now <seconds>
                with --human: the time to say expiry from, seconds since 1970 (default: this
                machine's clock)
  --no-verify   parse only: skip the signature check (a BOLT 11 payee is then only the n field;
                nothing about a BOLT 12 signer is established)
  --legacy      BOLT 11: skip p/h/s/n fields of the wrong length, as LDK, lnd and CLN still do,
                instead of rejecting the invoice (the current BOLT 11 rule)
  -h, --help    show this help

Exit status: 0 when everything decodes, 1 when anything is invalid or no payment request, 2 on
a usage error.`;

/** A BOLT 11 invoice by its start: `ln`, but for BOLT 12 (lno, lnr, lni) and LNURL. */
const BOLT11 = /^(?:lightning:)?ln(?![oir]|url)/i;

type Other = typeof import('../on-demand/decode-other.js');
let other: Other | undefined;
/**
 * BOLT 12 and the reader of other text, in a file of their own read on first need: a BOLT 11
 * invoice is decoded without them. A computed path, which the bundler leaves to Node.
 */
const loadOther = (): Other => {
  other ??= require(['..', 'on-demand', 'decode-other.cjs'].join('/')) as Other;
  return other;
};

type Human = typeof import('../on-demand/human.js');
/** The summary for people (--human), in a file of its own read only then. */
const loadHuman = (): Human => require(['..', 'on-demand', 'human.cjs'].join('/')) as Human;

/** The JSON view of `text`: a BOLT 11 invoice here, anything else by `decodeOther`. */
const decodeText = (text: string, options: DecodeOptions): unknown => {
  const bolt11 = (invoice: string) => invoiceToJSON(decode(invoice, options));
  if (!BOLT11.test(text.trim()))
    return loadOther().decodeOther(text, options.verify !== false, bolt11);
  try {
    return bolt11(text);
  } catch (error) {
    // Unless it is in fact something else that starts with "ln" (lnbits@example.com).
    if (error instanceof Bolt11Error) loadOther().checkOtherInput(text);
    throw error;
  }
};

/** Why `text` was not decoded, as the lines after "lninvoice: "; undefined for a bug. */
const describeFailure = (text: string, error: unknown): string | undefined =>
  error instanceof Bolt11Error
    ? `${error.code}: ${oneLine(error.message)}\n${underline(text, error.span)}`
    : other?.describeOtherFailure(text, error);

export const runDecode = async (args: string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'no-verify': { type: 'boolean', default: false },
      legacy: { type: 'boolean', default: false },
      human: { type: 'boolean', default: false },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${DECODE_HELP}\n`);
    return 0;
  }
  const options: DecodeOptions = { verify: !values['no-verify'], legacy: values.legacy };
  if (values.now !== undefined && !values.human)
    throw new UsageError('--now goes with --human: the JSON view says no time relative to now');
  /** The request as printed: its JSON view, indented or on one line, or the summary for people. */
  let show = (json: unknown, indent?: number): string => toJson(json, indent);
  if (values.human) {
    const human = loadHuman();
    const now = human.humanNow(values.now);
    show = (json) => forTerminal(human.humanView(json, now, options.verify !== false));
  }
  const source = inputSource(
    positionals,
    'decode takes one payment request, or - to read them from standard input',
  );

  if (source.from === 'argument') {
    try {
      printAll(`${show(decodeText(source.text, options), 2)}\n`);
      return 0;
    } catch (error) {
      const failure = describeFailure(source.text, error);
      if (failure === undefined) throw error;
      process.stderr.write(`lninvoice: ${failure}`);
      return 1;
    }
  }

  return eachLine(source, 'payment request', async (text, line) => {
    try {
      // Summaries for people are told apart by a blank line; JSON is one line each.
      await writeOut(`${show(decodeText(text, options))}\n${values.human ? '\n' : ''}`);
      return true;
    } catch (error) {
      const failure = describeFailure(text, error);
      if (failure === undefined) throw error;
      process.stderr.write(`lninvoice: line ${line}: ${failure}`);
      return false;
    }
  });
};
