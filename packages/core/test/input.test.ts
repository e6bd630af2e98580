// The string layer: whitespace, `lightning:`, case, length cap, bech32 framing.
import { withValidChecksum } from 'test-support/bech32';
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { Bolt11Error, decode, MAX_INVOICE_LENGTH } from '../src/index.js';
import { bytesField, craft, PAYMENT_HASH, PAYMENT_SECRET, textField } from './helpers/craft.js';

const COFFEE = valid[1]?.invoice as string;

const failure = (input: string): Bolt11Error => {
  try {
    decode(input);
  } catch (e) {
    if (e instanceof Bolt11Error) return e;
    throw e;
  }
  throw new Error(`decoded: ${input}`);
};

describe('input normalisation', () => {
  it('strips surrounding whitespace and line breaks from copy/paste', () => {
    expect(decode(`  \n\t${COFFEE}\r\n `).amountMsat).toBe(250000000n);
  });

  it('strips a lightning: prefix in any case', () => {
    for (const scheme of ['lightning:', 'LIGHTNING:', 'Lightning:']) {
      expect(decode(`${scheme}${COFFEE}`).description).toBe('1 cup coffee');
    }
    expect(decode(`LIGHTNING:${COFFEE.toUpperCase()}`).description).toBe('1 cup coffee');
  });

  it('does not accept lightning:// (not a BOLT 11 URI)', () => {
    expect(failure(`lightning://${COFFEE}`).code).toBe('invalid-character');
  });

  it('decodes uppercase invoices (QR codes) identically', () => {
    const lower = decode(COFFEE);
    const upper = decode(COFFEE.toUpperCase());
    expect(upper).toEqual(lower);
  });

  it('rejects mixed case and points at the first character of the other case', () => {
    const mixed = `${COFFEE.slice(0, 20)}${COFFEE.slice(20).toUpperCase()}`;
    const e = failure(mixed);
    expect(e.code).toBe('mixed-case');
    expect(e.span).toEqual([20, 21]);
  });

  it('reports spans relative to the original input, after whitespace and scheme', () => {
    const input = `  lightning:${COFFEE.slice(0, 30)}!${COFFEE.slice(31)}`;
    const e = failure(input);
    expect(e.code).toBe('invalid-character');
    expect(e.span).toEqual([42, 43]);
    expect(input.slice(...(e.span as [number, number]))).toBe('!');
  });

  it('rejects the empty string and blank input', () => {
    expect(failure('').code).toBe('empty');
    expect(failure('  \n ').code).toBe('empty');
    expect(failure('lightning:').code).toBe('empty');
  });

  it('throws TypeError, not Bolt11Error, for a non-string argument', () => {
    expect(() => decode(42 as unknown as string)).toThrow(TypeError);
    expect(() => decode(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe('length cap', () => {
  it(`accepts long invoices up to ${MAX_INVOICE_LENGTH} characters (no 90-character bech32 limit)`, () => {
    const long = craft({
      fields: [
        bytesField('p', PAYMENT_HASH),
        bytesField('s', PAYMENT_SECRET),
        textField('d', 'x'.repeat(600)),
      ],
    });
    expect(long.length).toBeGreaterThan(1000);
    expect(decode(long).description).toBe('x'.repeat(600));
  });

  it('rejects longer strings before decoding them, including 1 MB of garbage', () => {
    const e = failure(`lnbc1${'q'.repeat(MAX_INVOICE_LENGTH)}`);
    expect(e.code).toBe('too-long');
    expect(failure('\u{1F600}'.repeat(500_000)).code).toBe('too-long');
    expect(failure('1'.repeat(1_000_000)).code).toBe('too-long');
  });
});

describe('bech32 framing', () => {
  it('uses the LAST 1 as separator, so amounts may contain 1', () => {
    const inv = decode(craft({ hrp: 'lnbc10m' }));
    expect(inv.amountMsat).toBe(1_000_000_000n);
    expect(inv.hrp).toBe('lnbc10m');
  });

  it('rejects characters outside printable ASCII, naming them', () => {
    const e = failure(`${COFFEE.slice(0, 50)}\u00e9${COFFEE.slice(51)}`);
    expect(e.code).toBe('invalid-character');
    expect(e.message).toContain('é');
    const emoji = failure(`lnbc\u{1F600}1qqqqqq`);
    expect(emoji.code).toBe('invalid-character');
    expect(emoji.span).toEqual([4, 6]);
  });

  it('rejects data characters outside the bech32 alphabet (b, i, o, 1 in data)', () => {
    const e = failure('lnbc1abcde');
    expect(e.code).toBe('invalid-character');
    expect(e.span).toEqual([6, 7]);
  });

  it('rejects a wrong checksum and points at it', () => {
    const broken = `${COFFEE.slice(0, -1)}${COFFEE.endsWith('q') ? 'p' : 'q'}`;
    const e = failure(broken);
    expect(e.code).toBe('invalid-checksum');
    expect(e.span).toEqual([COFFEE.length - 6, COFFEE.length]);
  });

  it('rejects data parts too short for a checksum, or for a timestamp and a signature', () => {
    expect(failure('lnbc1000000000m1').code).toBe('too-short');
    expect(failure(withValidChecksum(`lnbc1${'q'.repeat(110)}qqqqqq`)).code).toBe('too-short');
  });

  it('lnd-short-garbage: rejects every non-invoice string of lnd’s suite', () => {
    const expected: Record<string, string> = {
      asdsaddnasdnas: 'missing-separator',
      lnbc1abcde: 'invalid-character',
      '1asdsaddnv4wudz': 'missing-prefix',
      ln1asdsaddnv4wudz: 'invalid-checksum',
      llts1dasdajtkfl6: 'unknown-prefix',
      lnts1dasdapukz0w: 'unknown-prefix',
      lnbcm1aaamcu25m: 'unknown-prefix',
      lnbc1000000000m1: 'too-short',
    };
    for (const [input, code] of Object.entries(expected)) expect(failure(input).code).toBe(code);
  });

  it('lnd-checksum-malleability: inserting q before a final p keeps the checksum but still fails', () => {
    // bech32's known weakness: a string ending in p stays checksum-valid with q inserted before it.
    let invoice = '';
    for (let t = 1496314658; !invoice.endsWith('p'); t++) invoice = craft({ timestamp: t });
    const mutated = `${invoice.slice(0, -1)}qp`;
    expect(decode(invoice).paymentSecret.length).toBe(32);
    expect(failure(mutated)).toBeInstanceOf(Bolt11Error);
  });
});
