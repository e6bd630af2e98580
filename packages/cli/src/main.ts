#!/usr/bin/env node
// The lninvoice command: dispatches to one module per command.
import { readFileSync } from 'node:fs';
import { DECODE_HELP, runDecode } from './commands/decode.js';
import { UsageError } from './io.js';

const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  decode: { run: runDecode, help: DECODE_HELP },
};

const HELP = `Usage: lninvoice <command> [options]

Commands:
  decode <invoice | ->   decode a BOLT 11 invoice and verify its signature

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
  const entry = COMMANDS[command];
  if (!entry) {
    process.stderr.write(`lninvoice: unknown command "${command}"\n\n${HELP}\n`);
    return 2;
  }
  try {
    return await entry.run(rest);
  } catch (error) {
    // parseArgs reports unknown options and missing values with a code: both are usage errors.
    const code = (error as { code?: unknown }).code;
    if (
      error instanceof UsageError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`lninvoice ${command}: ${(error as Error).message}\n\n${entry.help}\n`);
      return 2;
    }
    throw error;
  }
};

process.exitCode = await main(process.argv.slice(2));
