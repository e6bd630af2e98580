// The lossless section view the playground colours.
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { Bolt11Error, invoiceSections } from '../src/index.js';

describe('invoiceSections', () => {
  it('splits the first spec example as its breakdown does', () => {
    const v = valid[0] as (typeof valid)[number];
    const sections = invoiceSections(v.invoice);
    expect(sections.map((s) => [s.kind, s.tag ?? '', s.text.slice(0, 12)])).toEqual([
      ['prefix', '', 'lnbc'],
      ['separator', '', '1'],
      ['timestamp', '', 'pvjluez'],
      ['field', 's', 'sp5zyg3zyg3z'],
      ['field', 'p', 'pp5qqqsyqcyq'],
      ['field', 'd', 'dpl2pkx2ctnv'],
      ['field', '9', '9qrsgq'],
      ['signature', '', '357wnc5r2ueh'],
      ['checksum', '', '9lfyql'],
    ]);
    const d = sections.find((s) => s.tag === 'd');
    expect(d).toMatchObject({ type: 13, name: 'description (d)', dataLength: 63 });
    const [start, end] = d?.dataSpan ?? [0, 0];
    expect(v.invoice.slice(start, end)).toBe(
      '2pkx2ctnv5sxxmmwwd5kgetjypeh2ursdae8g6twvus8g6rfwvs8qun0dfjkxaq',
    );
  });

  it('covers every character of every valid vector exactly once, in order', () => {
    for (const v of valid) {
      const input = ` lightning:${v.invoice}\n`;
      const sections = invoiceSections(input);
      expect(sections[0]?.kind).toBe('scheme');
      expect(sections.map((s) => s.text).join('')).toBe(input.trim());
      for (let i = 1; i < sections.length; i++) {
        expect(sections[i]?.span[0]).toBe(sections[i - 1]?.span[1]);
      }
    }
  });

  it('separates prefix and amount, and frames invoices that decode would reject', () => {
    const disputed = valid.find((v) => v.conformance_status === 'disputed')?.invoice as string;
    const sections = invoiceSections(disputed);
    expect(sections.slice(0, 2).map((s) => [s.kind, s.text])).toEqual([
      ['prefix', 'lnbc'],
      ['amount', '25m'],
    ]);
    expect(sections.filter((s) => s.kind === 'field').map((s) => s.tag)).toEqual(
      valid.find((v) => v.conformance_status === 'disputed')?.tag_order,
    );
  });

  it('throws Bolt11Error when the string cannot be framed', () => {
    expect(() => invoiceSections('lnbc1qqqq')).toThrow(Bolt11Error);
    expect(() => invoiceSections(7 as unknown as string)).toThrow(TypeError);
  });
});
