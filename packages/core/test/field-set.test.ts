// Rules on the set of fields: single-valued fields at most once, p and s present, d xor h.
import { describe, expect, it } from 'vitest';
import { decode, encode, invoiceSections } from '../src/index.js';
import {
  baseFields,
  bytesField,
  craft,
  intField,
  type RawField,
  textField,
} from './helpers/craft.js';
import { codeOf, errorOf } from './helpers/outcome.js';

const without = (tag: string): RawField[] => baseFields().filter((f) => f.tag !== tag);
const hashField = bytesField('h', new Uint8Array(32).fill(9));

describe('field set', () => {
  it('ldk-multiple-payment-secrets and every other single-valued field: a second one fails', () => {
    const second: Record<string, RawField> = {
      p: bytesField('p', new Uint8Array(32).fill(1)),
      s: bytesField('s', new Uint8Array(32).fill(2)),
      d: textField('d', 'again'),
      x: intField('x', 60),
      c: intField('c', 40),
      9: { tag: '9', words: [16, 8, 0] },
      m: bytesField('m', Uint8Array.of(1)),
    };
    for (const [tag, field] of Object.entries(second)) {
      const fields = [...baseFields(), field];
      if (tag === 'x' || tag === 'c' || tag === 'm') fields.push(field);
      const e = errorOf(craft({ fields }));
      expect(e.code, tag).toBe('duplicate-field');
      expect(e.field).toBe(tag);
    }
    expect(codeOf(craft({ fields: [...without('d'), hashField, hashField] }))).toBe(
      'duplicate-field',
    );
  });

  it('the error points at the second occurrence', () => {
    const invoice = craft({
      fields: [...baseFields(), bytesField('s', new Uint8Array(32).fill(2))],
    });
    const e = errorOf(invoice);
    const sFields = invoiceSections(invoice).filter((section) => section.tag === 's');
    expect(e.span).toEqual(sFields[1]?.span);
  });

  it('requires p and s', () => {
    expect(codeOf(craft({ fields: without('p') }))).toBe('missing-payment-hash');
    expect(codeOf(craft({ fields: without('s') }))).toBe('missing-payment-secret');
    expect(codeOf(craft({ fields: without('p') }), { legacy: true })).toBe('missing-payment-hash');
  });

  it('reads an invoice without s with legacy, saying so, and writes it back', () => {
    const invoice = craft({ fields: without('s') });
    const legacy = decode(invoice, { legacy: true });
    expect(legacy.paymentSecret).toBeUndefined();
    expect(legacy.relaxed).toEqual([
      {
        code: 'missing-payment-secret',
        message: 'the invoice has no payment secret (s) field',
        field: undefined,
        span: undefined,
      },
    ]);
    expect(encode(legacy)).toBe(invoice);
    expect(decode(craft()).relaxed).toEqual([]);
    expect(decode(craft(), { legacy: true }).relaxed).toEqual([]);
  });

  it('requires exactly one of d and h', () => {
    expect(codeOf(craft({ fields: without('d') }))).toBe('missing-description');
    expect(codeOf(craft({ fields: [...baseFields(), hashField] }))).toBe('duplicate-description');
    const inv = decode(craft({ fields: [...without('d'), hashField] }));
    expect(inv.description).toBeUndefined();
    expect(inv.descriptionHash).toEqual(new Uint8Array(32).fill(9));
  });

  it('f and r may repeat', () => {
    const f: RawField = {
      tag: 'f',
      words: [17, ...Array.from(bytesField('f', new Uint8Array(20)).words)],
    };
    expect(decode(craft({ fields: [...baseFields(), f, f, f] })).fallbackAddresses).toHaveLength(3);
  });
});
