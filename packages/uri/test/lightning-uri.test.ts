// lightning: URIs beyond the vector cases: what may follow the scheme, strict and lenient.
import { describe, expect, it } from 'vitest';
import { parseUri } from '../src/index.js';
import { blamed, errorOf, INVOICE, OFFER } from './helpers/index.js';

const codeOf = (text: string, lenient = false) => errorOf(() => parseUri(text, { lenient })).code;

describe('lightning: URIs', () => {
  it('needs a payload', () => {
    expect(codeOf('lightning:')).toBe('empty');
    expect(codeOf('LIGHTNING://', true)).toBe('empty');
  });

  it.each([
    ['lightning:hello', false],
    ['lightning:bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl', false],
    ['lightning:02eec7245d6b7d2ccb30380bfbe2a3648cd7a942653f5aa340edcea1f283686619', true],
    ['lightning:₿alice@example.com', true],
    ['lightning:Alice@example.com', false],
    ['lightning:https://example.com', true],
  ])('%s is no payload of a lightning: URI, even when lenient is %s', (input, lenient) => {
    const error = errorOf(() => parseUri(input, { lenient }));
    expect(error.code).toBe('unsupported-payload');
    expect(blamed(input, error)).toBe(input.slice('lightning:'.length));
  });

  it('reads a Lightning Address with an upper case user in lower case when lenient', () => {
    expect(parseUri('lightning:Alice@Example.com', { lenient: true })).toMatchObject({
      scheme: 'lightning',
      kind: 'lightning-address',
      value: 'Alice@Example.com',
      user: 'alice',
      domain: 'example.com',
      url: 'https://example.com/.well-known/lnurlp/alice',
    });
  });

  it('says which payloads lenient mode accepts: forms no spec defines, non-standard-form', () => {
    for (const payload of [OFFER, 'satoshi@bitcoin.org', 'lnurlp://service.com/p']) {
      const error = errorOf(() => parseUri(`lightning:${payload}`));
      expect([error.code, error.message]).toEqual([
        'non-standard-form',
        expect.stringContaining('{ lenient: true }'),
      ]);
    }
    expect(errorOf(() => parseUri('lightning:hello')).message).not.toContain('lenient');
    expect(parseUri(`lightning:${OFFER.toUpperCase()}`, { lenient: true })).toMatchObject({
      scheme: 'lightning',
      kind: 'bolt12-offer',
      normalized: OFFER,
    });
  });

  it('reports what is wrong with an invoice in the payload, at its offset', () => {
    const input = `lightning:${INVOICE}?r=x`;
    const error = errorOf(() => parseUri(input));
    expect(error.code).toBe('invalid-character');
    expect(blamed(input, error)).toBe('?');
  });
});
