// BOLT 12 strings read by @lninvoice/bolt12's decoder (issue 14): parseInput, lightning: URIs and
// the lno parameter of bitcoin: URIs give the decoded message, and a string the decoder refuses
// fails with a UriError pointing into the caller's input, the decoder's error as its cause.
import {
  BOLT12_ERROR_CODES,
  Bolt12Error,
  decodeBolt12,
  decodeOffer,
  encodeBolt12,
} from '@lninvoice/bolt12';
import {
  BOLT12_CORRECTED,
  BOLT12_INVALID_OFFERS,
  BOLT12_SIGNED_REQUEST,
  BOLT12_VALID_OFFERS,
} from 'test-support/bolt12-vectors';
import { describe, expect, it } from 'vitest';
import {
  type BitcoinUri,
  type Bolt12Input,
  normalizeBolt12,
  parseInput,
  parseUri,
  type UriError,
} from '../src/index.js';
import { ADDRESS, blamed, errorOf, OFFER } from './helpers/index.js';

const REQUEST = BOLT12_SIGNED_REQUEST.bolt12;
/** The signed request with one character of its invreq_metadata changed: no longer signed. */
const TAMPERED = `${REQUEST.slice(0, 12)}${REQUEST[12] === 'q' ? 'p' : 'q'}${REQUEST.slice(13)}`;

const bolt12 = (text: string) => {
  const input = parseInput(text);
  expect(input.kind).toMatch(/^bolt12-/);
  return input as Bolt12Input;
};

/** The decoder's error behind a UriError. */
const causeOf = (error: UriError): Bolt12Error => {
  expect(error.cause).toBeInstanceOf(Bolt12Error);
  return error.cause as Bolt12Error;
};

describe('parseInput reads BOLT 12 strings with @lninvoice/bolt12', () => {
  it.each(BOLT12_VALID_OFFERS.map((v) => [v.description, v.bolt12]))(
    'valid offer vector: %s',
    (_, text) => {
      const input = bolt12(text);
      const decoded = decodeBolt12(text);
      expect(input.kind).toBe('bolt12-offer');
      expect(input.value).toBe(text);
      expect(input.message.records).toEqual(decoded.records);
      expect(input.message).toEqual(decoded);
      expect(input.normalized).toBe(encodeBolt12(decoded));
    },
  );

  it('gives each kind its fields: the offer, the signed invoice request', () => {
    const offer = bolt12(OFFER);
    if (offer.kind !== 'bolt12-offer') throw new Error('not an offer');
    expect(offer.message.description).toBe(decodeOffer(OFFER).description);
    const request = bolt12(REQUEST);
    if (request.kind !== 'bolt12-invoice-request') throw new Error('not a request');
    expect(request.message.kind).toBe('invoice_request');
    expect(request.message.verified).toBe(true);
    expect(request.message.payerId).toHaveLength(33);
    expect(request.normalized).toBe(REQUEST);
  });

  it('reads the upper case of QR codes and + joins, with whitespace around', () => {
    const joined = `\n  ${OFFER.slice(0, 20)}+\n  ${OFFER.slice(20).toUpperCase()}`;
    expect(errorOf(() => parseInput(joined)).code).toBe('invalid-bolt12-string'); // mixed case
    const upper = joined.toUpperCase();
    const input = bolt12(upper);
    expect(input).toMatchObject({ kind: 'bolt12-offer', value: upper.trim(), normalized: OFFER });
    expect(input.message.uppercase).toBe(true);
    expect(input.message.records).toEqual(decodeOffer(OFFER).records);
  });

  it('refuses lni1qqqq, which has the shape of an invoice and none of its fields', () => {
    const error = errorOf(() => parseInput('lni1qqqq'));
    expect(error.code).toBe('invalid-bolt12-message');
    const cause = causeOf(error);
    expect(cause.code).toBe('missing-amount');
    expect(error.message).toContain(cause.code);
    expect(error.message).toContain(cause.message);
    expect(errorOf(() => parseInput('LNR1QQQQ')).code).toBe('invalid-bolt12-message');
  });

  it('refuses a tampered signed invoice request, the span on its signature in the input', () => {
    const input = ` \t${TAMPERED}\n`;
    const error = errorOf(() => parseInput(input));
    expect(error.code).toBe('invalid-bolt12-message');
    const cause = causeOf(error);
    expect(cause.code).toBe('invalid-signature');
    expect(cause.field).toBe('signature');
    expect(error.message).toContain('invalid-signature');
    expect(error.message).toContain(cause.message);
    // The decoder's span, moved by where the string starts in the input.
    const [start, end] = cause.span as [number, number];
    expect(error.span).toEqual([start + 2, end + 2]);
    expect(blamed(input, error)).toBe(TAMPERED.slice(start, end));
    expect(TAMPERED.endsWith(blamed(input, error) as string)).toBe(true);
    // The untouched request decodes.
    expect(bolt12(` \t${REQUEST}\n`).message.kind).toBe('invoice_request');
  });

  it('refuses a string the decoder cannot read with invalid-bolt12-string, where it fails', () => {
    for (const [input, part, code] of [
      [`  ${OFFER}+`, '+', 'invalid-continuation'],
      ['lno1qqbq', 'b', 'invalid-character'],
      ['lno1qq qq', ' ', 'invalid-character'],
      [`${OFFER.slice(0, 9)}${OFFER.slice(9).toUpperCase()}`, undefined, 'mixed-case'],
    ] as const) {
      const error = errorOf(() => parseInput(input));
      expect(error.code, input).toBe('invalid-bolt12-string');
      expect(causeOf(error).code, input).toBe(code);
      if (part !== undefined) expect(blamed(input, error), input).toBe(part);
    }
    // An offer without records: the string is read, the offer breaks a rule.
    expect(causeOf(errorOf(() => parseInput('lno1'))).code).toBe('missing-issuer-id');
  });

  it.each([...BOLT12_INVALID_OFFERS, ...BOLT12_CORRECTED].map((v) => [v.description, v] as const))(
    'invalid offer vector: %s',
    (_, v) => {
      const error = errorOf(() => parseInput(v.bolt12));
      expect(causeOf(error).code).toBe(v.code);
      const string = ['invalid-padding', 'invalid-character', 'mixed-case'].includes(v.code);
      expect(error.code).toBe(string ? 'invalid-bolt12-string' : 'invalid-bolt12-message');
      expect(error.span).toEqual(causeOf(error).span);
    },
  );

  it("tells the string from the message by the decoder's first group of codes", () => {
    // "the string" group opens BOLT12_ERROR_CODES and ends with invalid-padding; the TLV stream
    // group follows. The classification above relies on that order.
    const end = BOLT12_ERROR_CODES.indexOf('invalid-padding');
    expect(BOLT12_ERROR_CODES[0]).toBe('empty');
    expect(BOLT12_ERROR_CODES[end + 1]).toBe('truncated-record');
    for (const code of ['too-long', 'mixed-case', 'invalid-continuation', 'unknown-prefix'])
      expect(BOLT12_ERROR_CODES.indexOf(code as never)).toBeLessThan(end);
  });

  it('normalizeBolt12 gives the form parseInput does, and fails the same way', () => {
    expect(normalizeBolt12(` ${OFFER.slice(0, 9)}+ ${OFFER.slice(9)} `)).toBe(OFFER);
    expect(normalizeBolt12(OFFER.toUpperCase())).toBe(OFFER);
    const error = errorOf(() => normalizeBolt12(` ${TAMPERED}`));
    expect(error.code).toBe('invalid-bolt12-message');
    expect(error.span).toEqual(errorOf(() => parseInput(` ${TAMPERED}`)).span);
    expect(errorOf(() => normalizeBolt12('lnbc1qqqq')).code).toBe('invalid-bolt12-string');
  });
});

describe('lightning: and BOLT 12', () => {
  it('reads lightning:LNO1… in upper case, when lenient', () => {
    const text = `LIGHTNING:${OFFER.toUpperCase()}`;
    const uri = parseInput(text, { lenient: true }) as Bolt12Input;
    expect(uri).toMatchObject({ scheme: 'lightning', kind: 'bolt12-offer', normalized: OFFER });
    expect(uri.value).toBe(OFFER.toUpperCase());
    expect(uri.message.uppercase).toBe(true);
    expect(uri.message.records).toEqual(decodeOffer(OFFER).records);
    expect(parseUri(text, { lenient: true })).toEqual(uri);
    // No spec puts BOLT 12 after lightning: (BIP 321 has lno=): refused by default.
    expect(errorOf(() => parseInput(text)).code).toBe('non-standard-form');
  });

  it('points into the URI when the payload is refused', () => {
    const text = `lightning:${TAMPERED}`;
    const error = errorOf(() => parseInput(text, { lenient: true }));
    expect(error.code).toBe('invalid-bolt12-message');
    const [start, end] = causeOf(error).span as [number, number];
    expect(error.span).toEqual([start + 'lightning:'.length, end + 'lightning:'.length]);
  });
});

describe('bitcoin: URIs and their lno offers', () => {
  const bitcoin = (text: string) => parseUri(text) as BitcoinUri;

  it('decodes each lno value, in order, beside it as written', () => {
    const uri = bitcoin(`bitcoin:?lno=${OFFER}`);
    expect(uri.lno).toEqual([OFFER]);
    expect(uri.offers).toHaveLength(1);
    expect(uri.offers[0]).toEqual(decodeOffer(OFFER));
    const two = bitcoin(`bitcoin:${ADDRESS}?lno=${OFFER.toUpperCase()}&LNO=${OFFER}&x=1`);
    expect(two.lno).toEqual([OFFER.toUpperCase(), OFFER]);
    expect(two.offers.map((o) => o.uppercase)).toEqual([true, false]);
    expect(bitcoin(`bitcoin:${ADDRESS}`).offers).toEqual([]);
    expect(parseInput(`BITCOIN:?LNO=${OFFER.toUpperCase()}`)).toEqual(
      bitcoin(`BITCOIN:?LNO=${OFFER.toUpperCase()}`),
    );
  });

  it('reads + joins as written (RFC 3986) and percent-encoded', () => {
    const joined = `${OFFER.slice(0, 30)}+${OFFER.slice(30)}`;
    expect(bitcoin(`bitcoin:?lno=${joined}`).offers[0]?.records).toEqual(
      decodeOffer(OFFER).records,
    );
    const escaped = encodeURIComponent(`${OFFER.slice(0, 30)}+ \n${OFFER.slice(30)}`);
    const uri = bitcoin(`bitcoin:?lno=${escaped}`);
    expect(uri.lno[0]).toContain('+ \n');
    expect(encodeBolt12(uri.offers[0] as never)).toBe(OFFER);
  });

  it.each([
    ['lno=lno1bogusoffer', 'invalid-character', 'b'],
    ['lno=lno1qqqq', 'record-out-of-range', 'qqqq'],
    [`lno=${REQUEST}`, 'unknown-prefix', 'lnr'],
    [`lno=${OFFER}%2B`, 'invalid-continuation', '%2B'],
    [`lno=${OFFER.slice(0, 20)}%2B%20%C3%A9${OFFER.slice(20)}`, 'invalid-character', '%C3%A9'],
  ])('%s fails with invalid-lno-param (%s), at the fault', (query, code, part) => {
    const input = `bitcoin:?label=a&${query}&amount=1`;
    const error = errorOf(() => parseUri(input));
    expect(error.code).toBe('invalid-lno-param');
    expect(causeOf(error).code).toBe(code);
    expect(error.message).toContain(code);
    expect(error.message).toContain(causeOf(error).message);
    expect(blamed(input, error)).toBe(part);
    expect(errorOf(() => parseInput(input)).span).toEqual(error.span);
    // Beside an address, the offer is left out, with the same code and message, at the fault.
    const beside = `bitcoin:${ADDRESS}?label=a&${query}&amount=1`;
    const [warning] = bitcoin(beside).warnings;
    expect(warning).toMatchObject({ code: 'invalid-lno-param', key: 'lno' });
    expect(warning?.message).toBe(error.message);
    expect(beside.slice(...(warning?.span ?? [0, 0]))).toBe(part);
  });

  it('refuses a bad lno value the way it refuses a bad lightning value: at the parameter', () => {
    expect(errorOf(() => parseUri('bitcoin:?lightning=lno1qqqq')).code).toBe(
      'invalid-lightning-param',
    );
    expect(errorOf(() => parseUri('bitcoin:?lno=')).code).toBe('invalid-payment-instruction');
    const uri = `bitcoin:?lno=lightning:${OFFER}&x=1`;
    const error = errorOf(() => parseUri(uri));
    expect(error.code).toBe('invalid-lno-param');
    expect(blamed(uri, error)).toBe(`lno=lightning:${OFFER}`);
    // In reading order: the first bad parameter is the one reported.
    expect(errorOf(() => parseUri('bitcoin:?amount=x&lno=lno1qqqq')).code).toBe('invalid-amount');
  });
});
