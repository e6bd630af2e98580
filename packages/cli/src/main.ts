#!/usr/bin/env node
// The lninvoice command: dispatches to one module per command, loaded on demand.
import { readFileSync } from 'node:fs';
import { UsageError } from './io.js';

type Command = (args: string[]) => Promise<number>;

/** Each command is loaded when it runs: `decode` never parses the code of `lnurl`. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  decode: async () => (await import('./commands/decode.js')).runDecode,
  create: async () => (await import('./commands/create.js')).runCreate,
  validate: async () => (await import('./commands/validate.js')).runValidate,
  lnurl: async () => (await import('./commands/lnurl.js')).runLnurl,
  uri: async () => (await import('./commands/uri.js')).runUri,
  inspect: async () => (await import('./commands/inspect.js')).runInspect,
};

const HELP = `Usage: lninvoice <command> [options]

Commands:
  decode <invoice | ->   decode a BOLT 11 invoice and verify its signature
  create [options]       create and sign an invoice
  validate <invoice | -> check an invoice before paying it (network, expiry, amount, …)
  lnurl decode|encode|pay  LNURLs and Lightning Addresses
  uri parse <uri>        read a bitcoin: or lightning: URI
  inspect <text>         say what a pasted or scanned string is (invoice, offer, LNURL,
                         address, name, node, URI)

Run "lninvoice <command> --help" for a command's options.
Options: -h, --help; -v, --version`;

const version = (): string => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
};

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
    process.stderr.write(`lninvoice: unknown command "${command}"\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await (await run())(rest);
  } catch (error) {
    // parseArgs reports unknown options and missing values with a code: both are usage errors.
    const code = (error as { code?: unknown }).code;
    if (
      error instanceof UsageError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(
        `lninvoice ${command}: ${(error as Error).message}\nRun "lninvoice ${command} --help" for usage.\n`,
      );
      return 2;
    }
    throw error;
  }
};

process.exitCode = await main(process.argv.slice(2));
