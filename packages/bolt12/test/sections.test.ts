import { BOLT12_FORMAT_STRINGS, BOLT12_VALID_OFFERS } from 'test-support/bolt12-vectors';
import { codeOf } from 'test-support/outcome';
import { describe, expect, test } from 'vitest';
import { bolt12Sections, decodeBolt12 } from '../src/index.js';
import { invoice, request } from './helpers.js';

const strings = [
  ...BOLT12_VALID_OFFERS.map((v) => v.bolt12),
  ...BOLT12_FORMAT_STRINGS.filter((v) => v.valid).map((v) => v.string),
  request(),
  invoice(),
];

describe('bolt12Sections', () => {
  test.each(strings.map((s, i) => [i, s] as const))(
    '%i: the sections cover the string, in order, one record each',
    (_, text) => {
      const { kind, sections } = bolt12Sections(text);
      const decoded = decodeBolt12(text);
      expect(kind).toBe(decoded.kind);
      expect(sections.filter((s) => s.kind === 'record').map((s) => [s.type, s.length])).toEqual(
        decoded.records.map((r) => [r.type, r.value.length]),
      );
      // Contiguous, non-overlapping, from the prefix to the end.
      expect(sections[0]?.span[0]).toBe(0);
      for (let i = 1; i < sections.length; i++)
        expect(sections[i]?.span[0]).toBe(sections[i - 1]?.span[1]);
      expect(sections.at(-1)?.span[1]).toBe(text.length);
      expect(sections.map((s) => s.text).join('')).toBe(text);
    },
  );

  test('names, a scheme, and errors of framing', () => {
    const { sections } = bolt12Sections(`lightning:${BOLT12_VALID_OFFERS[1]?.bolt12}`);
    expect(sections.map((s) => s.name ?? s.kind)).toEqual([
      'scheme',
      'prefix',
      'separator',
      'offer_description',
      'offer_issuer_id',
    ]);
    expect(codeOf(() => bolt12Sections('lno1pg'))).toBe('truncated-record');
    expect(() => bolt12Sections(1 as never)).toThrow(TypeError);
  });
});
