#!/usr/bin/env node
// The lninvoice command: dispatches to one bundle per command, loaded on demand.
import { writeSync } from 'node:fs';
import { isUsageError, oneLine } from './io.js';
import { usageMessage } from './usage.js';

type Command = (args: string[]) => Promise<number>;

/**
 * The built command is CommonJS (Node starts it faster than an ES module graph) with one file per
 * command beside this one, read only when that command runs: `decode` never compiles `lnurl`.
 */
const load = <T>(name: string): T => {
  // A computed path: the bundler leaves this require to Node instead of inlining the commands.
  const path = ['.', 'commands', `${name}.cjs`].join('/');
  return require(path) as T;
};

const COMMANDS: Record<string, () => Command> = {
  decode: () => load<typeof import('./commands/decode.js')>('decode').runDecode,
  create: () => load<typeof import('./commands/create.js')>('create').runCreate,
  validate: () => load<typeof import('./commands/validate.js')>('validate').runValidate,
  lnurl: () => load<typeof import('./commands/lnurl.js')>('lnurl').runLnurl,
  uri: () => load<typeof import('./commands/uri.js')>('uri').runUri,
  inspect: () => load<typeof import('./commands/inspect.js')>('inspect').runInspect,
  resolve: () => load<typeof import('./commands/bip353.js')>('bip353').runResolve,
  'verify-proof': () => load<typeof import('./commands/bip353.js')>('bip353').runVerifyProof,
};

const HELP = `Usage: lninvoice <command> [options]

Commands:
  decode <request | ->   decode a BOLT 11 invoice or a BOLT 12 offer, invoice request or
                         invoice, and verify its signature
  create [options]       create and sign a BOLT 11 invoice
  create offer | invoice-request | invoice [options]
                         create a BOLT 12 offer, or sign a request or invoice
  validate <invoice | offer | -> check an invoice or offer before paying it (network, expiry, amount, …)
  lnurl decode|encode|pay|verify
                         LNURLs and Lightning Addresses (LUD-21 verify)
  uri parse <uri>        read a bitcoin: or lightning: URI
  inspect <text>         say what a pasted or scanned string is (invoice, offer, LNURL,
                         address, name, node, URI)
  resolve <₿user@domain> --doh <url>
                         BIP 353: a name's bitcoin: URI over DNS-over-HTTPS, its DNSSEC
                         proof checked here from the root keys
  verify-proof <₿user@domain> <proof | ->
                         check a BIP 353 DNSSEC proof offline

Run "lninvoice <command> --help" for a command's options.
Options: -h, --help; -v, --version`;

// Inlined into the bundle at build time.
const version = (): string => (require('../package.json') as { version: string }).version;

const main = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`lninvoice: unknown command "${oneLine(command)}"\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await run()(rest);
  } catch (error) {
    if (isUsageError(error)) {
      process.stderr.write(
        `lninvoice ${command}: ${oneLine(usageMessage(error))}\nRun "lninvoice ${command} --help" for usage.\n`,
      );
      return 2;
    }
    throw error;
  }
};

/**
 * What escaped every command's own handling: a bug, or a failure nobody foresaw. One line on
 * standard error and exit status 1, never Node's report, which prints the line of the minified
 * bundle that threw (tens of kilobytes) and a stack. A reader of standard output or error that
 * went away (EPIPE, as with `| head`) is no failure: the command ends quietly, with the status
 * it has so far.
 */
const fail = (error: unknown): void => {
  if ((error as { code?: unknown } | undefined)?.code === 'EPIPE') {
    process.exit();
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  const cut = what.length > 500 ? `${what.slice(0, 497)}...` : what;
  try {
    writeSync(2, `lninvoice: internal error: ${oneLine(cut)}\n`);
  } catch {
    // Standard error is gone too: the exit status says it.
  }
  process.exit(1);
};
process.on('uncaughtException', fail);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, fail);
