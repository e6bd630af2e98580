// `lninvoice decode` of BOLT 12 strings, and of text that is no payment request at all: run as a
// user runs it, the built binary in a child process.
import {
  bolt12ToJSON,
  decodeBolt12,
  decodeInvoiceRequest,
  decodeOffer,
  encodeBolt12,
} from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { BOLT12_INVALID_OFFERS, BOLT12_SIGNED_REQUEST } from 'test-support/bolt12-vectors';
import { describe, expect, it } from 'vitest';
import { ALICE, G, INVOICE, OFFER, REQUEST } from './bolt12-examples.js';
import { run } from './helpers.js';

const COFFEE = valid.find((v) => v.name === 'coffee-2500u-expiry-60')?.invoice as string;

/** `text` (an invoice request) with its payer note changed, and its signature left as it was. */
const tampered = (text: string): string => {
  const request = decodeInvoiceRequest(text);
  const records = request.records.map((r) =>
    r.type === 89n ? { type: r.type, value: new TextEncoder().encode('thanks!') } : r,
  );
  return encodeBolt12({ kind: 'invoice_request', records });
};

describe('lninvoice decode of BOLT 12', () => {
  it('prints the JSON view of an offer, its fields by their spec names, and exits 0', () => {
    const r = run(['decode', OFFER]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const json = JSON.parse(r.stdout);
    expect(json).toEqual(bolt12ToJSON(decodeOffer(OFFER)));
    expect(json).toMatchObject({
      kind: 'offer',
      offer_description: 'a coffee',
      offer_amount: '21000',
      offer_issuer: 'example.com',
      offer_quantity_max: '5',
      offer_issuer_id: Buffer.from(nodeKeyOf(ALICE)).toString('hex'),
      offer_chains: ['bitcoin'],
    });
  });

  it('reads the spec offer, upper case (QR codes), a lightning: prefix and + continuations', () => {
    const spec =
      'lno1pgx9getnwss8vetrw3hhyuckyypwa3eyt44h6txtxquqh7lz5djge4afgfjn7k4rgrkuag0jsd5xvxg';
    const expected = bolt12ToJSON(decodeOffer(spec));
    for (const text of [
      spec,
      spec.toUpperCase(),
      `lightning:${spec}`,
      `LIGHTNING:${spec.toUpperCase()}`,
      `  ${spec.slice(0, 20)}+\n  ${spec.slice(20)} `,
    ]) {
      const r = run(['decode', text]);
      expect(r.code, text).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(expected);
    }
    expect(JSON.parse(run(['decode', spec]).stdout).offer_description).toBe('Test vectors');
  });

  it('verifies an invoice request and an invoice, and prints them', () => {
    for (const text of [REQUEST, INVOICE, BOLT12_SIGNED_REQUEST.bolt12]) {
      const r = run(['decode', text]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json).toEqual(bolt12ToJSON(decodeBolt12(text)));
      expect(json.verified).toBe(true);
    }
    const request = JSON.parse(run(['decode', REQUEST]).stdout);
    expect(request).toMatchObject({
      kind: 'invoice_request',
      invreq_quantity: '2',
      invreq_payer_note: 'thanks',
      offer_description: 'a coffee',
    });
    const invoice = JSON.parse(run(['decode', INVOICE]).stdout);
    expect(invoice).toMatchObject({
      kind: 'invoice',
      invoice_amount: '42000',
      invoice_payment_hash: '11'.repeat(32),
      invoice_node_id: Buffer.from(nodeKeyOf(ALICE)).toString('hex'),
    });
    expect(invoice.invoice_paths[0].blinded_payinfo.htlc_maximum_msat).toBe('10000000000');
  });

  it('refuses a tampered invoice request with invalid-signature, underlining the signature', () => {
    const bad = tampered(REQUEST);
    const r = run(['decode', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [message, shown, marks] = r.stderr.split('\n');
    expect(message).toMatch(/^lninvoice: invalid-signature: the signature does not match/);
    expect(shown?.trim()).toBe(bad);
    // The signature record (type 240) is the last one: the carets end at the end of the string.
    expect(marks?.trimEnd().length).toBe(shown?.length);
    expect(marks).toMatch(/^ +\^+$/);
  });

  it('--no-verify reads the tampered request without checking it', () => {
    const r = run(['decode', '--no-verify', tampered(REQUEST)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verified: false, invreq_payer_note: 'thanks!' });
  });

  it('prints the code of each invalid offer of the spec, with the part at fault underlined', () => {
    const r = run(['decode', '-'], `${BOLT12_INVALID_OFFERS.map((v) => v.bolt12).join('\n')}\n`);
    expect([r.code, r.stdout]).toEqual([1, '']);
    const codes = [...r.stderr.matchAll(/^lninvoice: line (\d+): ([a-z0-9-]+): /gm)];
    expect(codes.map((m) => [Number(m[1]), m[2]])).toEqual(
      BOLT12_INVALID_OFFERS.map((v, i) => [i + 1, v.code]),
    );
    expect(r.stderr).not.toContain('inspect');
    const missing = BOLT12_INVALID_OFFERS.find((v) => v.code === 'missing-description');
    const [, shown, marks] = run(['decode', missing?.bolt12 as string]).stderr.split('\n');
    expect(shown?.trim()).toBe(missing?.bolt12);
    expect(marks).toMatch(/^ +\^+$/);
  });

  it('reads BOLT 11 and BOLT 12 lines alike from standard input', () => {
    const r = run(['decode', '-'], `${COFFEE}\n${OFFER}\n${tampered(REQUEST)}\n${INVOICE}\n`);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((j) => j.kind ?? j.network)).toEqual(['bitcoin', 'offer', 'invoice']);
    expect(r.stderr).toMatch(/^lninvoice: line 3: invalid-signature: /);
  });
});

describe('lninvoice decode of text that is no payment request', () => {
  const cases: [string, RegExp][] = [
    ['satoshi@bitcoin.org', /is a Lightning Address \(LUD-16\)/],
    ['lnbits@example.com', /is a Lightning Address \(LUD-16\)/],
    [
      'LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS',
      /is an LNURL \(LUD-01\)/,
    ],
    ['lnurlp://svc.test/pay', /is an LNURL in the lnurlp:\/\/ form \(LUD-17\)/],
    [
      `bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4?amount=0.001&lightning=${COFFEE}`,
      /is a bitcoin: URI \(BIP 321\) with a BOLT 11 invoice in its lightning parameter, not a BOLT 11 or BOLT 12 string: decode that invoice/,
    ],
    [
      `bitcoin:?lno=${OFFER}`,
      /is a bitcoin: URI \(BIP 321\) with a BOLT 12 offer in its lno parameter.*: decode that offer/,
    ],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', /is an on-chain address \(p2wpkh\)/],
    ['₿matt@mattcorallo.com', /is a BIP 353 name/],
    [G, /is a node id/],
  ];

  it.each(cases)('%s: says what it is, points to inspect, exits 1', (text, what) => {
    const r = run(['decode', text]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [message, hint] = r.stderr.split('\n');
    expect(message).toMatch(/^lninvoice: unsupported-input: /);
    expect(message).toMatch(what);
    expect(message).toContain('not a BOLT 11 or BOLT 12 string');
    expect(hint).toMatch(/^Run "lninvoice inspect .+" to read it\.$/);
  });

  it('points to an inspect command that runs as printed', () => {
    for (const [text] of cases) {
      const hint = run(['decode', text]).stderr.split('\n')[1] as string;
      const command = /^Run "lninvoice inspect (.+)" to read it\.$/.exec(hint)?.[1] as string;
      // The shell word: as it is, or single-quoted.
      const word = command.startsWith("'")
        ? command.slice(1, -1).replaceAll(`'\\''`, "'")
        : command;
      expect(word).toBe(text);
      expect(run(['inspect', word]).code, text).toBe(0);
    }
  });

  it('says random text is none of what lninvoice reads, and points to inspect', () => {
    const r = run(['decode', 'hello world']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'unknown-input: "hello world" is not a payment request, address, name or node',
    );
    expect(r.stderr).toContain(`Run "lninvoice inspect 'hello world'" to read it.`);
  });

  it('reports a broken bitcoin: URI by what is wrong in it, not as a bad invoice', () => {
    const text = 'bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4?amount=abc';
    const [message, shown, marks] = run(['decode', text]).stderr.split('\n');
    expect(message).toMatch(/^lninvoice: invalid-amount: /);
    expect(shown?.trim()).toBe(text);
    expect(marks?.indexOf('^')).toBe(shown?.indexOf('amount='));
  });

  it('keeps the errors of a mistyped payment request: no inspect hint', () => {
    const typo = `${COFFEE.slice(0, 30)}${COFFEE[30] === 'q' ? 'p' : 'q'}${COFFEE.slice(31)}`;
    const r = run(['decode', typo]);
    expect(r.stderr).toMatch(/^lninvoice: invalid-checksum: /);
    expect(r.stderr).not.toContain('inspect');
    expect(run(['decode', 'lno1qq']).stderr).toMatch(/^lninvoice: truncated-record: /);
  });

  it('on stdin, names each such line and decodes the others', () => {
    const r = run(['decode', '-'], `satoshi@bitcoin.org\n${OFFER}\n`);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).kind).toBe('offer');
    expect(r.stderr).toMatch(/^lninvoice: line 1: unsupported-input: "satoshi@bitcoin.org" is a/);
    expect(r.stderr).toContain('Run "lninvoice inspect satoshi@bitcoin.org" to read it.');
  });
});
