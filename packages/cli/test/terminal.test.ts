// Text chosen by a payee or a service reaches the terminal only escaped: the JSON the commands
// print writes C1 controls (U+009B starts an escape sequence on some terminals), bidirectional
// overrides and invisible characters as \uXXXX, so it cannot rewrite the screen or disguise
// itself, and parses back to exactly the same text. Error messages, which quote the input, are
// escaped the same way.
import { createOffer, encodeBolt12 } from '@lninvoice/bolt12';
import { createInvoice, nodeKeyOf, signInvoice } from '@lninvoice/core';
import { expectSafeText } from 'test-support/outcome';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const KEY = 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734';
const T0 = 1_700_000_000;
const HOSTILE = 'pay \u202Eevil\u202C \u009b31m red \u001b[2J zero\u200Bwidth\u2066 \ufeff ☕ ナ';

/** Fails when a line of `output` holds a character of the unsafe set (test-support's copy). */
const expectSafeLines = (output: string): void => {
  for (const line of output.split('\n')) expectSafeText(line, 'output');
};

const invoice = signInvoice(
  createInvoice({
    network: 'signet',
    paymentHash: '00'.repeat(32),
    description: HOSTILE,
    timestamp: T0,
  }),
  KEY,
);

const offer = encodeBolt12(
  createOffer({ description: HOSTILE, issuer: HOSTILE, issuerId: nodeKeyOf(KEY) }),
);

describe('JSON output', () => {
  it.each([
    ['decode', ['decode', invoice], (json: { description: string }) => json.description],
    [
      'decode of an offer',
      ['decode', offer],
      (json: { offer_description: string; offer_issuer: string }) =>
        json.offer_issuer === json.offer_description ? json.offer_description : '',
    ],
    [
      'validate --json',
      ['validate', invoice, '--json', '--now', String(T0)],
      (json: { invoice: { description: string } }) => json.invoice.description,
    ],
    [
      'uri parse',
      [
        'uri',
        'parse',
        `bitcoin:1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH?label=${encodeURIComponent(HOSTILE)}`,
      ],
      (json: { label: string }) => json.label,
    ],
  ] as const)('of %s escapes them and keeps the text', (_, args, textOf) => {
    const r = run([...args]);
    expectSafeLines(r.stdout);
    expect(r.stdout).toContain('\\u202e');
    expect(r.stdout).toContain('\\u009b');
    expect(textOf(JSON.parse(r.stdout) as never)).toBe(HOSTILE);
  });

  it('escapes the whole unsafe set of core, the characters every package escapes', () => {
    // Beyond the C1 controls and bidi characters: line separators, fillers, tag characters.
    const text = 'a\u2028b\u2029c\u00add\u3164e\u2060f\u{E0041}g\u061ch\u180ei\u0085j';
    const unsafe = signInvoice(
      createInvoice({ network: 'signet', paymentHash: '00'.repeat(32), description: text }),
      KEY,
    );
    for (const args of [
      ['decode', unsafe],
      ['validate', unsafe, '--json'],
    ]) {
      const r = run(args);
      expectSafeLines(r.stdout);
      expect(r.stdout).toContain('\\u2028');
      expect(r.stdout).toContain('\\udb40\\udc41');
      const json = JSON.parse(r.stdout) as {
        description?: string;
        invoice?: { description: string };
      };
      expect(json.description ?? json.invoice?.description).toBe(text);
    }
  });

  it('of decode - (one line per invoice) escapes them too', () => {
    const r = run(['decode', '-'], `${invoice}\n`);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expectSafeLines(r.stdout);
    expect((JSON.parse(r.stdout) as { description: string }).description).toBe(HOSTILE);
  });
});

describe('error messages', () => {
  it.each([
    ['decode', ['decode', 'lnbc\u202E1\u001b[2Jpvjluez']],
    ['decode of an offer', ['decode', 'lno1\u202E\u001b[2Jqq']],
    ['decode of other text', ['decode', 'alice\u202E\u001b[2J@svc.test']],
    ['create offer', ['create', 'offer', '--issuer-id', '02\u202E\u001b[2J']],
    [
      'create invoice --path',
      ['create', 'invoice', '--request', 'lnr1\u202Eqq', '--key-file', 'k'],
    ],
    ['lnurl decode', ['lnurl', 'decode', 'https://a.com/\u202E?x=\u009b\u001b']],
    ['uri parse', ['uri', 'parse', 'bitcoin:\u202Eaddress\u001b']],
    ['an unknown command', ['pay\u202E\u001b[2J']],
    ['validate --network', ['validate', invoice, '--network', 'sig\u202Enet\u001b[2J\u2028']],
  ] as const)('of %s quote the input escaped, on one line', (_, args) => {
    const r = run([...args]);
    expect(r.code).toBeGreaterThan(0);
    expectSafeLines(r.stderr);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('\\u202e');
  });
});
