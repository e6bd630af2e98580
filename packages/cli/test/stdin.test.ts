// Standard input, read the same way by every command that takes an input: "-", or no argument
// when standard input is not a terminal (`echo lnbc1… | lninvoice decode`); `--key-file -`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { decode, invoiceToJSON } from '@lninvoice/core';
import { parseInput } from '@lninvoice/uri';
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { BIP353_EXAMPLES, bareProof, VALID_AT } from './bip353-examples.js';
import { CLI, run } from './helpers.js';

const COFFEE = valid.find((v) => v.name === 'coffee-2500u-expiry-60')?.invoice as string;
const KEY = 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734';
const ADDRESS = 'bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl';

describe('a piped input, without "-"', () => {
  it('decode reads one request per line, as with "-"', () => {
    const piped = run(['decode'], `${COFFEE}\n`);
    expect([piped.code, piped.stderr]).toEqual([0, '']);
    expect(JSON.parse(piped.stdout)).toEqual(invoiceToJSON(decode(COFFEE)));
    expect(piped.stdout).toBe(run(['decode', '-'], `${COFFEE}\n`).stdout);
  });

  it('validate, inspect, uri parse and lnurl decode read it too', () => {
    const checked = run(['validate', '--network', 'bitcoin', '--now', '1496314658'], COFFEE);
    expect([checked.code, checked.stdout]).toEqual([0, 'line 1:\nvalid\n']);
    const inspected = run(['inspect'], `${ADDRESS}\nhello\n`);
    expect(inspected.code).toBe(1);
    expect(JSON.parse(inspected.stdout).kind).toBe('onchain-address');
    expect(inspected.stderr).toMatch(/^lninvoice: line 2: unknown-input: "hello"/);
    const uri = run(['uri', 'parse'], `bitcoin:${ADDRESS}?amount=1\n`);
    expect([uri.code, JSON.parse(uri.stdout).amount.sat]).toEqual([0, '100000000']);
    const lnurl = run(['lnurl', 'decode'], 'satoshi@bitcoin.org\n');
    expect(JSON.parse(lnurl.stdout).url).toBe('https://bitcoin.org/.well-known/lnurlp/satoshi');
  });

  it('verify-proof reads the proof', () => {
    const simple = BIP353_EXAMPLES[0] as (typeof BIP353_EXAMPLES)[number];
    const r = run(['verify-proof', simple.name, '--now', String(VALID_AT)], bareProof(simple));
    expect([r.code, r.stdout.split('\n')[0]]).toEqual([0, `uri: ${simple.uri}`]);
  });

  it('is a usage error when nothing comes, where "-" reads no line and succeeds', () => {
    for (const args of [['decode'], ['validate'], ['inspect'], ['uri', 'parse']]) {
      const r = run(args, '');
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/: no .*: none given as an argument, and none on standard input\n/);
    }
    expect(run(['decode', '-'], '')).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  // `script` gives the command a terminal as standard input, as a user typing it has.
  it.skipIf(!existsSync('/usr/bin/script'))(
    'on a terminal, no argument is a usage error, not a wait for input',
    () => {
      const r = spawnSync(
        '/usr/bin/script',
        ['-qec', `"${process.execPath}" "${CLI}" decode`, '/dev/null'],
        { encoding: 'utf8', input: '' },
      );
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('decode takes one payment request, or - to read them');
    },
  );
});

describe('inspect - and uri parse -', () => {
  it('print one line of JSON per line read, the same JSON as for an argument', () => {
    const r = run(['inspect', '-'], `${ADDRESS}\n\n  ₿matt@mattcorallo.com\n`);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).kind)).toEqual(['onchain-address', 'bip353']);
    expect(JSON.parse(lines[0] as string).value).toBe(
      (parseInput(ADDRESS) as { value: string }).value,
    );
    expect(lines[0]).toBe(JSON.stringify(JSON.parse(run(['inspect', ADDRESS]).stdout)));
  });

  it('name the line of each error and each warning', () => {
    const r = run(
      ['uri', 'parse', '-'],
      `bitcoin:${ADDRESS}\nbitcoin:?lno=lno1bogus&bc=${ADDRESS}\nx\n`,
    );
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^lninvoice: line 2: warning: invalid-lno-param: /m);
    expect(r.stderr).toMatch(/^lninvoice: line 3: missing-scheme: /m);
  });
});

describe('lnurl encode -', () => {
  it('reports a URL too long for an LNURL on its line, and encodes the others', () => {
    const long = `https://svc.test/${'a'.repeat(3000)}`;
    const r = run(['lnurl', 'encode', '-'], `${long}\nhttps://svc.test/pay\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(run(['lnurl', 'encode', 'https://svc.test/pay']).stdout);
    expect(r.stderr).toMatch(
      /^lninvoice: line 1: <url> makes an LNURL of \d+ characters; [^\n]+\n$/,
    );
    // As an argument, the same URL is a usage error (exit 2).
    expect(run(['lnurl', 'encode', long]).code).toBe(2);
  });
});

describe('--key-file -', () => {
  it('reads the key from standard input, hex or raw', () => {
    const args = ['--network', 'signet', '--payment-hash', '00'.repeat(32), '--description', 'a'];
    const fromHex = run(['create', ...args, '--key-file', '-', '--json'], `${KEY}\n`);
    expect(fromHex.code).toBe(0);
    const invoice = JSON.parse(fromHex.stdout).invoice as string;
    expect(Buffer.from(decode(invoice).payeeNodeKey as Uint8Array).toString('hex')).toBe(
      '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad',
    );
    const offer = run(['create', 'offer', '--key-file', '-', '--description', 'a'], KEY);
    expect([offer.code, offer.stdout]).toEqual([0, expect.stringMatching(/^lno1/)]);
    const bad = run(['create', ...args, '--key-file', '-'], 'not a key');
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      'lninvoice create: --key-file - (standard input) must hold 64 hex characters or 32 raw bytes',
    ]);
  });
});

describe('inputs read whole are capped', () => {
  const createArgs = ['create', '--network', 'signet', '--payment-hash', '00'.repeat(32)];
  const endless = (args: string[]) => {
    // /dev/zero never ends: without a cap the CLI would read until memory runs out.
    const r = spawnSync(process.execPath, [CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    return [r.status, r.stderr.split('\n')[0]];
  };
  const endlessStdin = (args: string[]) => {
    const r = spawnSync('sh', ['-c', `"$0" "$@" < /dev/zero`, process.execPath, CLI, ...args], {
      encoding: 'utf8',
    });
    return [r.status, r.stderr.split('\n')[0]];
  };

  it('a key file or standard input larger than a key is refused, not read to its end', () => {
    expect(endless([...createArgs, '--description', 'a', '--key-file', '/dev/zero'])).toEqual([
      2,
      'lninvoice create: --key-file /dev/zero holds more than 4096 bytes: a key is 32 bytes',
    ]);
    expect(endlessStdin([...createArgs, '--description', 'a', '--key-file', '-'])).toEqual([
      2,
      'lninvoice create: --key-file - (standard input) holds more than 4096 bytes: a key is 32 bytes',
    ]);
  });

  it('a proof file or standard input larger than any proof is refused', () => {
    expect(endless(['verify-proof', 'a@b.example', '--proof-file', '/dev/zero'])).toEqual([
      2,
      'lninvoice verify-proof: --proof-file /dev/zero holds more than 262144 bytes: no proof is that long',
    ]);
    expect(endlessStdin(['verify-proof', 'a@b.example', '-'])).toEqual([
      2,
      'lninvoice verify-proof: standard input holds more than 262144 bytes: no proof is that long',
    ]);
  });
});
