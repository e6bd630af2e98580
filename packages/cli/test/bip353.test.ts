// `lninvoice verify-proof` and `lninvoice resolve`, run as a user runs them: BIP 353's example
// proofs verified offline, and resolved end to end from a stand-in DNS-over-HTTPS resolver on
// 127.0.0.1 that answers from their records (test-support/doh-from-proof).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDohFromProof } from 'test-support/doh-from-proof-server';
import { afterAll, describe, expect, it } from 'vitest';
import { BIP353_EXAMPLES, type Bip353Example, bareProof, VALID_AT } from './bip353-examples.js';
import { run, runAsync } from './helpers.js';

const NOW = ['--now', String(VALID_AT)];
const VALID = BIP353_EXAMPLES.filter((e) => e.uri !== undefined);
const INVALID = BIP353_EXAMPLES.filter((e) => e.code !== undefined);
const example = (id: string): Bip353Example => {
  const found = BIP353_EXAMPLES.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no example ${id}`);
  return found;
};
const SIMPLE = example('simple');
const dir = mkdtempSync(join(tmpdir(), 'lninvoice-bip353-'));

/** The lines `lninvoice resolve` and `verify-proof` print before the parsed URI. */
const headLines = (e: Bip353Example) => [
  `uri: ${e.uri}`,
  `name: ₿${e.name}`,
  `path: ${e.path?.join(' -> ')}`,
  `ttl: ${e.ttl}`,
  'checked at: 2025-08-08T00:00:00Z (1754611200)',
];

describe('lninvoice verify-proof', () => {
  it.each(VALID)('verifies the BIP example $id offline', (e) => {
    const r = run(['verify-proof', `₿${e.name}`, bareProof(e), ...NOW]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual(headLines(e));
    // The instructions as `uri parse` prints them, and no proof: it was the input.
    const parsed = run(['uri', 'parse', e.uri as string]).stdout;
    expect(r.stdout).toBe(`${headLines(e).join('\n')}\nparsed: ${parsed}`);
  });

  it.each(VALID)('prints $id as JSON', (e) => {
    const r = run(['verify-proof', e.name, bareProof(e), ...NOW, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      name: e.name,
      dns_name: e.path?.[0],
      uri: e.uri,
      parsed: JSON.parse(run(['uri', 'parse', e.uri as string]).stdout),
      ttl: e.ttl,
      path: e.path,
      now: VALID_AT,
      proof: bareProof(e),
    });
  });

  it.each(INVALID)('refuses the invalid BIP example $id with $code', (e) => {
    const r = run(['verify-proof', e.name, bareProof(e), ...NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^lninvoice: ${e.code}: \\S.*\\n$`));
  });

  it('reads the PSBT form (the name, then the proof) when the name is the one given', () => {
    const r = run(['verify-proof', SIMPLE.name, SIMPLE.psbt, ...NOW, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ uri: SIMPLE.uri, proof: bareProof(SIMPLE) });
    // In any case, with or without ₿.
    expect(run(['verify-proof', `₿${SIMPLE.name.toUpperCase()}`, SIMPLE.psbt, ...NOW]).code).toBe(
      0,
    );
    const other = run(['verify-proof', '₿other@dnssec_proof_tests.bitcoin.ninja', SIMPLE.psbt]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      `the proof starts with the name "₿${SIMPLE.name}" (BIP 353's PSBT form), not ₿other@dnssec_proof_tests.bitcoin.ninja`,
    );
  });

  it('reads the proof from a file or standard input, as hex or raw bytes', () => {
    const hexFile = join(dir, 'proof.hex');
    const rawFile = join(dir, 'proof.bin');
    // Hex wrapped as a text file holds it: whitespace is ignored.
    writeFileSync(hexFile, `${bareProof(SIMPLE).replace(/.{64}/g, '$&\n')}\n`);
    writeFileSync(rawFile, Buffer.from(SIMPLE.psbt, 'hex'));
    for (const args of [
      ['--proof-file', hexFile],
      ['--proof-file', rawFile],
    ]) {
      const r = run(['verify-proof', SIMPLE.name, ...args, ...NOW]);
      expect([r.code, r.stdout.split('\n')[0]], args.join(' ')).toEqual([0, `uri: ${SIMPLE.uri}`]);
    }
    const hexIn = run(['verify-proof', SIMPLE.name, '-', ...NOW], `${bareProof(SIMPLE)}\n`);
    expect([hexIn.code, hexIn.stdout.split('\n')[0]]).toEqual([0, `uri: ${SIMPLE.uri}`]);
    const rawIn = run(
      ['verify-proof', SIMPLE.name, '-', ...NOW],
      Buffer.from(bareProof(SIMPLE), 'hex') as unknown as string,
    );
    expect([rawIn.code, rawIn.stdout.split('\n')[0]]).toEqual([0, `uri: ${SIMPLE.uri}`]);
  });

  it('checks the signatures at --now, or by the clock', () => {
    // The root's keys signed the example's records until 2025-08-21.
    const later = run(['verify-proof', SIMPLE.name, bareProof(SIMPLE), '--now', '1767225600']);
    expect(later.code).toBe(1);
    expect(later.stderr).toMatch(/^lninvoice: expired: .* \(--now checks it at another time\)\n$/);
    expect(run(['verify-proof', SIMPLE.name, bareProof(SIMPLE)]).stderr).toMatch(
      /^lninvoice: expired: /,
    );
  });

  it('refuses --now in milliseconds', () => {
    const r = run(['verify-proof', SIMPLE.name, bareProof(SIMPLE), '--now', `${VALID_AT}000`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'lninvoice verify-proof: --now is seconds since 1970; 1754611200000 looks like milliseconds (1754611200 seconds)\nRun "lninvoice verify-proof --help" for usage.\n',
    );
    expect(run(['verify-proof', SIMPLE.name, bareProof(SIMPLE), '--now', '-5']).code).toBe(2);
  });

  it('says what is wrong with the name or the proof', () => {
    const name = run(['verify-proof', 'simple.dnssec_proof_tests.bitcoin.ninja', 'abcd']);
    expect([name.code, name.stderr]).toEqual([
      1,
      'lninvoice: invalid-name: the name "simple.dnssec_proof_tests.bitcoin.ninja" is not user@domain with one "@"\n',
    ]);
    expect(run(['verify-proof', SIMPLE.name, '']).stderr).toBe(
      'lninvoice: empty: the proof has no records\n',
    );
    const cut = run(['verify-proof', SIMPLE.name, bareProof(SIMPLE).slice(0, 200), ...NOW]);
    expect([cut.code, cut.stderr]).toEqual([
      1,
      expect.stringMatching(/^lninvoice: truncated-record: /),
    ]);
  });

  it.each([
    [['verify-proof'], 'verify-proof takes a name and a proof'],
    // Standard input is empty here, not a terminal: it is read, and holds no proof.
    [['verify-proof', SIMPLE.name], 'no proof: none given as an argument, and none on standard'],
    [['verify-proof', SIMPLE.name, 'abcd', 'ef'], 'verify-proof takes a name and a proof'],
    [
      ['verify-proof', SIMPLE.name, 'ab', '--proof-file', 'x'],
      'verify-proof takes a name and a proof',
    ],
    [['verify-proof', SIMPLE.name, 'abc'], 'the proof has an odd number of hex digits (3)'],
    [['verify-proof', SIMPLE.name, 'zz'], 'the proof must be hex, but holds "z"'],
    [['verify-proof', SIMPLE.name, '--proof-file', join(dir, 'none')], 'cannot read --proof-file'],
    [['verify-proof', SIMPLE.name, 'ab', '--frobnicate'], 'unknown option --frobnicate'],
    [['verify-proof', SIMPLE.name, 'ab', '--doh', 'x'], 'unknown option --doh'],
  ])('%j is a usage error', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lninvoice verify-proof: `);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Run "lninvoice verify-proof --help" for usage.');
  });

  it('has a help', () => {
    const r = run(['verify-proof', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: lninvoice verify-proof <₿user@domain> <proof hex>');
    expect(r.stdout).toContain('--proof-file <path>');
  });
});

describe('lninvoice resolve', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  const serve = async (e: Bip353Example) => {
    const server = await serveDohFromProof(Uint8Array.from(Buffer.from(bareProof(e), 'hex')));
    servers.push(server);
    return server;
  };

  it.each(VALID)(
    'resolves $id from a resolver on 127.0.0.1, with --allow-private-hosts',
    async (e) => {
      const server = await serve(e);
      const r = await runAsync([
        'resolve',
        `₿${e.name}`,
        '--doh',
        server.url,
        '--allow-private-hosts',
        ...NOW,
      ]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.slice(0, 5)).toEqual(headLines(e));
      // The proof last: what the resolver sent that the chain needs, which verify-proof checks again.
      const proof = lines.at(-1)?.replace(/^proof: /, '') ?? '';
      expect(proof).toMatch(/^[0-9a-f]+$/);
      expect(run(['verify-proof', e.name, proof, ...NOW]).stdout).toBe(
        r.stdout.slice(0, r.stdout.lastIndexOf('proof: ')),
      );
      // GET queries: the TXT record, then DNSKEY (48) and DS (43) up to the root.
      expect(server.queries[0]).toEqual({ name: `${e.path?.[0]}.`, type: 16, method: 'GET' });
      expect(server.queries.at(-1)).toEqual({ name: '.', type: 48, method: 'GET' });
    },
  );

  it('sends POST queries with --post, and prints JSON', async () => {
    const server = await serve(SIMPLE);
    const r = await runAsync([
      'resolve',
      SIMPLE.name,
      '--doh',
      server.url,
      '--allow-private-hosts',
      '--post',
      '--json',
      ...NOW,
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ name: SIMPLE.name, uri: SIMPLE.uri, ttl: 30, now: VALID_AT });
    expect(run(['verify-proof', SIMPLE.name, json.proof, ...NOW, '--json']).stdout).toBe(r.stdout);
    expect(new Set(server.queries.map((q) => q.method))).toEqual(new Set(['POST']));
  });

  it('refuses what the proof from the resolver does not prove', async () => {
    for (const e of INVALID) {
      const server = await serve(e);
      const r = await runAsync([
        'resolve',
        e.name,
        '--doh',
        server.url,
        '--allow-private-hosts',
        ...NOW,
      ]);
      expect([r.code, r.stdout, r.stderr.split(':')[1]?.trim()], e.id).toEqual([1, '', e.code]);
    }
  });

  it('says when the resolver cannot be reached', async () => {
    const server = await serve(SIMPLE);
    await server.close();
    servers.pop();
    const r = await runAsync([
      'resolve',
      SIMPLE.name,
      '--doh',
      server.url,
      '--allow-private-hosts',
      ...NOW,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^lninvoice: network-error: the resolver could not be reached for simple\.user\._bitcoin-payment\.dnssec_proof_tests\.bitcoin\.ninja TXT: .*ECONNREFUSED/,
    );
  });

  it('refuses a bad name before asking anything', () => {
    const r = run(['resolve', '₿no-at-sign.example.com', '--doh', 'https://dns.example/dns-query']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(/^lninvoice: invalid-name: the name "₿no-at-sign\.example\.com" /);
  });

  it('refuses a resolver over plain http, or on a private host unless allowed', () => {
    const http = run(['resolve', SIMPLE.name, '--doh', 'http://dns.example/dns-query']);
    expect([http.code, http.stderr]).toEqual([
      1,
      expect.stringMatching(/^lninvoice: insecure-scheme: /),
    ]);
    // Plain http even with --allow-private-hosts, but to a loopback resolver.
    const lan = run([
      'resolve',
      SIMPLE.name,
      '--doh',
      'http://10.0.0.1/dns-query',
      '--allow-private-hosts',
    ]);
    expect(lan.stderr).toMatch(/^lninvoice: insecure-scheme: /);
    for (const url of ['http://127.0.0.1:8053/dns-query', 'https://192.168.1.1/dns-query']) {
      const r = run(['resolve', SIMPLE.name, '--doh', url]);
      expect([r.code, r.stderr], url).toEqual([
        1,
        expect.stringMatching(
          /^lninvoice: insecure-host: .*\(--allow-private-hosts allows it\)\n$/,
        ),
      ]);
    }
  });

  it.each([
    [['resolve', SIMPLE.name], 'resolve needs --doh <url>'],
    [['resolve', '--doh', 'https://dns.example/dns-query'], 'resolve takes one name'],
    [['resolve', 'a@b.c', 'd@e.f', '--doh', 'https://dns.example/'], 'resolve takes one name'],
    [
      ['resolve', SIMPLE.name, '--doh', 'dns.example'],
      '--doh must be an https URL, got "dns.example"',
    ],
    [
      ['resolve', SIMPLE.name, '--doh', 'https://u:p@dns.example/'],
      '--doh must not carry a user name or password',
    ],
    [
      ['resolve', SIMPLE.name, '--doh', 'https://dns.example/', '--now', '1754611200000'],
      '--now is seconds since 1970; 1754611200000 looks like milliseconds',
    ],
    [
      ['resolve', SIMPLE.name, '--doh', 'https://dns.example/', '--timeout', '0'],
      '--timeout must be from 1 to',
    ],
    [
      ['resolve', SIMPLE.name, '--doh', 'https://dns.example/', '--timeout', '1s'],
      '--timeout must be a whole number',
    ],
    [
      ['resolve', SIMPLE.name, '--doh', 'https://dns.example/', '--proof-file', 'x'],
      'unknown option --proof-file',
    ],
    [['resolve', SIMPLE.name, '--doh'], '--doh needs a value'],
  ])('%j is a usage error', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lninvoice resolve: ');
    expect(r.stderr).toContain(message);
  });

  it('has a help, and is in the list of commands', () => {
    const r = run(['resolve', '-h']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: lninvoice resolve <₿user@domain> --doh <url> [options]');
    for (const option of [
      '--post',
      '--timeout <ms>',
      '--allow-private-hosts',
      '--now <seconds>',
      '--json',
    ])
      expect(r.stdout).toContain(option);
    const help = run(['--help']).stdout;
    expect(help).toContain('resolve <₿user@domain> --doh <url>');
    expect(help).toContain('verify-proof <₿user@domain> <proof | ->');
  });
});

it('decode points a BIP 353 name to resolve', () => {
  const r = run(['decode', '₿matt@mattcorallo.com']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(
    'is a BIP 353 name (payment instructions in DNS), not a BOLT 11 or BOLT 12 string: "lninvoice resolve" looks up its payment instructions\n',
  );
});
