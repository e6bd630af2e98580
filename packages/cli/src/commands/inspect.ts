// `lninvoice inspect <text>`: what a pasted or scanned string is, as JSON.
import { parseInput } from '@lninvoice/uri';
import { printParsed } from './uri.js';

const INSPECT_HELP = `Usage: lninvoice inspect <text> [--lenient]
       lninvoice inspect - [--lenient]    (one per line on standard input; also when no <text>
                                          is given and standard input is not a terminal)

Says what <text> is and prints it as JSON with its "kind": bitcoin-uri, bolt11, bolt12-offer,
bolt12-invoice-request, bolt12-invoice, lnurl, lud17, lightning-address, bip353,
onchain-address, node-id or node-uri. Surrounding whitespace is ignored; upper case (QR codes)
is read. Invoices are checked (checksum, network, amount) but not decoded: use
"lninvoice decode" for that. From standard input, each text gives one line of JSON, and each
error names its line.

Options:
  --lenient     also accept the forms wallets write but no spec defines (see "uri parse --help")
  -h, --help    show this help

Exit status: 0 when the text is one of these, 1 when it is not (the reason is printed), 2 on a
usage error.`;

export const runInspect = async (args: string[]): Promise<number> =>
  printParsed(args, 'inspect', INSPECT_HELP, parseInput);
