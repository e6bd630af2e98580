// Usage errors in the command line's words: the options that set a library's parameters, not the
// parameters' names; unknown options in one line; a help for every command.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'lninvoice-usage-'));
const KEY = join(dir, 'key.hex');
writeFileSync(KEY, 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734\n');
const ZERO_KEY = join(dir, 'zero.hex');
writeFileSync(ZERO_KEY, '00'.repeat(32));
const INVOICE =
  'lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh';
const G = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';

/** The first line of standard error of a run that must exit 2. */
const usage = (args: string[]): string => {
  const r = run(args);
  expect(r.code, args.join(' ')).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr.split('\n')[0] as string;
};

describe('errors name the options', () => {
  const create = ['create', '--network', 'bitcoin', '--key-file', KEY];

  it.each([
    // Was "give exactly one of description and descriptionHash".
    [[...create], 'give exactly one of --description <text> and --description-hash <hex>'],
    [
      [...create, '--description', 'a', '--description-hash', '00'],
      'give exactly one of --description <text> and --description-hash <hex>',
    ],
    [[...create, '--description-hash', '00'], '--description-hash must be 32 bytes, got 1'],
    // Was "fallbackAddresses[0]: …".
    [
      [
        ...create,
        '--description',
        'a',
        '--fallback',
        '1RustyRX2oai4EYYDpQGWvEL62BBGqN9T',
        '--fallback',
        'foo',
      ],
      '--fallback #2: address "foo": its base58check checksum does not match',
    ],
    [
      [...create, '--description', 'a', '--payment-hash', 'zz'],
      '--payment-hash must be hex, got "zz"',
    ],
    [[...create, '--description', 'a', '--metadata', 'zz'], '--metadata must be hex, got "zz"'],
    [
      [...create, '--description', 'a', '--route-hint', `${G},1x2x3,1,1,1;02,1x2x3,1,1,1`],
      '--route-hint #1 hop 2 pubkey must be 33 bytes, got 1',
    ],
    [
      [...create, '--description', 'a', '--feature', 'warp_drive'],
      '--feature: "warp_drive" is not a BOLT 9 feature of invoices',
    ],
    [
      [...create, '--description', 'a', '--timestamp', '99999999999'],
      '--timestamp must be an integer from 0 to 34359738367, got 99999999999',
    ],
    [[...create, '--description', 'a', '--expiry', '0'], '--expiry must be an integer from 1'],
    [
      [...create, '--description', 'a', '--amount-sat', '0'],
      '--amount-sat must be at least 1: leave it out and the payer chooses the amount',
    ],
    [
      ['create', '--network', 'bitcoin', '--key-file', ZERO_KEY, '--description', 'a'],
      '--key-file is not a valid secp256k1 private key',
    ],
  ])('create %j', (args, message) => {
    // The message, and what it may add after it (the bounds, the value given).
    expect(usage(args).startsWith(`lninvoice create: ${message}`), usage(args)).toBe(true);
  });

  it.each([
    // Was "policy.payee must be hex".
    [['--payee', 'zz'], '--payee must be hex, got "zz"'],
    [['--payee', '02'], '--payee must be 33 bytes, got 1'],
    [
      ['--min-amount-msat', '5', '--max-amount-msat', '4'],
      '--min-amount-msat (5) is above --max-amount-msat (4)',
    ],
    [
      ['--amount-msat', '9', '--max-amount-msat', '4'],
      '--amount-msat (9) is outside --min-amount-msat..--max-amount-msat',
    ],
    [
      ['--supported-features', 'warp_drive'],
      '--supported-features: "warp_drive" is not a feature bit or a BOLT 9 name',
    ],
  ])('validate %j', (args, message) => {
    expect(usage(['validate', INVOICE, ...args])).toBe(`lninvoice validate: ${message}`);
  });

  it('leaves what the user typed as it is, even when it reads like a parameter', () => {
    expect(usage([...create, '--description', 'a', '--payment-secret', 'paymentHash'])).toBe(
      'lninvoice create: --payment-secret must be hex, got "paymentHash"',
    );
  });
});

describe('parseArgs errors in one line', () => {
  it.each([
    [['decode', '--bogus', INVOICE], 'lninvoice decode: unknown option --bogus'],
    [['decode', '-x', INVOICE], 'lninvoice decode: unknown option -x'],
    [['validate', INVOICE, '--netwrok', 'bitcoin'], 'lninvoice validate: unknown option --netwrok'],
    [['create', '--bogus'], 'lninvoice create: unknown option --bogus'],
    [['create', 'offer', '--bogus'], 'lninvoice create offer: unknown option --bogus'],
    [['lnurl', 'decode', 'x', '--bogus'], 'lninvoice lnurl: unknown option --bogus'],
    [['uri', 'parse', 'x', '--bogus'], 'lninvoice uri: unknown option --bogus'],
    [['inspect', 'x', '--bogus'], 'lninvoice inspect: unknown option --bogus'],
    [['resolve', 'x', '--bogus'], 'lninvoice resolve: unknown option --bogus'],
    [['verify-proof', 'x', 'ab', '--bogus'], 'lninvoice verify-proof: unknown option --bogus'],
    [['validate', INVOICE, '--network'], 'lninvoice validate: --network needs a value'],
    [['decode', '--legacy=yes', INVOICE], 'lninvoice decode: --legacy takes no value'],
    [['decode', '-h=1'], 'lninvoice decode: unknown option -='],
    [
      ['create', 'extra'],
      'lninvoice create: unexpected argument "extra": this command takes options only',
    ],
  ])('%j', (args, line) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${line}\nRun "lninvoice ${args[0] === 'create' && args[1] === 'offer' ? 'create offer' : args[0]} --help" for usage.\n`,
    );
  });

  it('escapes an unknown option that holds control characters', () => {
    const r = run(['decode', '--\u001b[2J', INVOICE]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('lninvoice decode: unknown option --\\u001b[2J');
  });
});

describe('help', () => {
  it.each([
    ['decode'],
    ['create'],
    ['create', 'offer'],
    ['create', 'invoice-request'],
    ['create', 'invoice'],
    ['validate'],
    ['lnurl'],
    ['lnurl', 'pay'],
    ['uri'],
    ['uri', 'parse'],
    ['inspect'],
    ['resolve'],
    ['verify-proof'],
  ])('%j has --help and -h', (...command) => {
    for (const flag of ['--help', '-h']) {
      const r = run([...command, flag]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/^Usage: lninvoice /);
      expect(r.stdout).toContain('Exit status');
    }
  });

  it('lnurl --help describes each subcommand', () => {
    const help = run(['lnurl', '--help']).stdout;
    for (const subcommand of ['decode', 'encode', 'pay', 'verify'])
      expect(help).toMatch(new RegExp(`^${subcommand} {2,}\\S`, 'm'));
  });
});
