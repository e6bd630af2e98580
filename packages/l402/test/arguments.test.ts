// What the functions do with their arguments: wrong types are TypeErrors and wrong values
// RangeErrors, each naming the parameter; what a credential may not hold is refused.
import { describe, expect, it } from 'vitest';
import {
  checkL402Preimage,
  formatL402Authorization,
  L402Error,
  parseL402Authorization,
  parseL402Challenge,
} from '../src/index.js';
import { CASES } from './helpers/samples.js';

const INVOICE = CASES.find((c) => c.id === 'right-preimage')?.invoice as string;
const PREIMAGE = CASES.find((c) => c.id === 'right-preimage')?.preimage as string;
const TOKEN = 'AgEEbHNhdAJCAAAn';

describe('formatL402Authorization', () => {
  it('writes the specification example exactly', () => {
    expect(
      formatL402Authorization({
        token: 'AGIAJEemVQUTEyNCR0exk7ek90Cg==',
        preimage: '1234abcd1234abcd1234abcd',
      }),
    ).toBe('L402 AGIAJEemVQUTEyNCR0exk7ek90Cg==:1234abcd1234abcd1234abcd');
  });

  it('takes tokens as strings or bytes, and the preimage as hex (any case) or bytes', () => {
    const preimage = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(
      formatL402Authorization({ tokens: [TOKEN, new Uint8Array([1, 2, 3, 4])], preimage }),
    ).toBe(
      `L402 ${TOKEN},AQIDBA==:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f`,
    );
    expect(
      formatL402Authorization({ token: TOKEN, preimage: PREIMAGE.toUpperCase(), scheme: 'LSAT' }),
    ).toBe(`LSAT ${TOKEN}:${PREIMAGE}`);
  });

  it.each([
    [undefined, TypeError, /^params must be an object/],
    [{ preimage: PREIMAGE }, TypeError, /^params must have token or tokens$/],
    [{ token: TOKEN, tokens: [TOKEN], preimage: PREIMAGE }, TypeError, /not both/],
    [{ token: TOKEN }, TypeError, /^params.preimage is required/],
    [
      { token: TOKEN, preimage: PREIMAGE, macaroon: TOKEN },
      TypeError,
      /^params has no option "macaroon"/,
    ],
    [
      { token: 42, preimage: PREIMAGE },
      TypeError,
      /^params.token must be a base64 string or a Uint8Array, got 42/,
    ],
    [{ tokens: TOKEN, preimage: PREIMAGE }, TypeError, /^params.tokens must be an array/],
    [{ tokens: [], preimage: PREIMAGE }, RangeError, /^params.tokens must hold at least one/],
    [
      { tokens: [TOKEN, 'a:b'], preimage: PREIMAGE },
      RangeError,
      /^params.tokens\[1\] must be base64/,
    ],
    [
      { token: 'AA==\r\nX-Evil: 1', preimage: PREIMAGE },
      RangeError,
      /^params.token must be base64.*\\r\\n/,
    ],
    [{ token: 'AA, BB', preimage: PREIMAGE }, RangeError, /^params.token must be base64/],
    [{ token: '', preimage: PREIMAGE }, RangeError, /^params.token must be base64/],
    [
      { token: new Uint8Array(0), preimage: PREIMAGE },
      RangeError,
      /^params.token must not be empty/,
    ],
    [{ token: TOKEN, preimage: 'xyz' }, RangeError, /^params.preimage must be hex/],
    [{ token: TOKEN, preimage: `${PREIMAGE}:00` }, RangeError, /^params.preimage must be hex/],
    [{ token: TOKEN, preimage: '' }, RangeError, /^params.preimage must not be empty/],
    [
      { token: TOKEN, preimage: 7 },
      TypeError,
      /^params.preimage must be a Uint8Array or a hex string/,
    ],
    [
      { token: TOKEN, preimage: PREIMAGE, scheme: 'Bearer' },
      RangeError,
      /^params.scheme must be 'L402' or 'LSAT'/,
    ],
  ])('%o is refused', (params, type, message) => {
    expect(() => formatL402Authorization(params as never)).toThrow(type);
    expect(() => formatL402Authorization(params as never)).toThrow(message);
  });
});

describe('parseL402Authorization and parseL402Challenge', () => {
  it('take a string only', () => {
    for (const value of [undefined, null, 1, ['L402 x'], new Headers()]) {
      expect(() => parseL402Authorization(value as never)).toThrow(/^header must be a string/);
      expect(() => parseL402Challenge(value as never)).toThrow(/^header must be a string/);
    }
  });

  it('checks the options of parseL402Challenge', () => {
    const header = `L402 token="${TOKEN}", invoice="${INVOICE}"`;
    expect(() => parseL402Challenge(header, { legacy: 'yes' } as never)).toThrow(
      /^options.legacy must be true or false/,
    );
    expect(() => parseL402Challenge(header, { maxAmountMsat: 1n } as never)).toThrow(
      /^options has no option "maxAmountMsat"/,
    );
    expect(() => parseL402Challenge(header, { networks: 'x' } as never)).toThrow(TypeError);
  });

  it('gives the invoice decoded, with the Bolt11Error as the cause of invalid-invoice', () => {
    const challenge = parseL402Challenge(`L402 token="${TOKEN}", invoice="${INVOICE}"`);
    expect(challenge.decoded.amountMsat).toBe(10_000n);
    expect(challenge.decoded.description).toBe('L402 test: 10 sat for /api');
    expect(Object.getPrototypeOf(challenge.params)).toBe(null);
    expect(JSON.parse(JSON.stringify(challenge))).toMatchObject({
      scheme: 'L402',
      tokenBytes: '0201046c7361740242000027',
      decoded: { amountMsat: '10000' },
    });
    const broken = `L402 token="${TOKEN}", invoice="${INVOICE.slice(0, -1)}q"`;
    const error = (() => {
      try {
        return parseL402Challenge(broken);
      } catch (e) {
        return e;
      }
    })() as L402Error;
    expect(error).toBeInstanceOf(L402Error);
    expect(error.code).toBe('invalid-invoice');
    expect((error.cause as { code: string }).code).toBe('invalid-checksum');
  });

  it('reads a parameter named __proto__ as data', () => {
    const challenge = parseL402Challenge(
      `L402 __proto__="x", token="${TOKEN}", invoice="${INVOICE}"`,
    );
    expect(Object.getOwnPropertyDescriptor(challenge.params, '__proto__')?.value).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('checkL402Preimage', () => {
  it('is true only for the preimage of the payment hash', () => {
    expect(checkL402Preimage(INVOICE, PREIMAGE)).toBe(true);
    expect(checkL402Preimage(INVOICE, PREIMAGE.toUpperCase())).toBe(true);
    const decoded = parseL402Challenge(`L402 token="${TOKEN}", invoice="${INVOICE}"`).decoded;
    expect(checkL402Preimage(decoded, Buffer.from(PREIMAGE, 'hex'))).toBe(true);
    expect(checkL402Preimage(decoded, `ff${PREIMAGE.slice(2)}`)).toBe(false);
    expect(checkL402Preimage(decoded, decoded.paymentHash)).toBe(false);
    expect(checkL402Preimage(decoded, PREIMAGE.slice(2))).toBe(false);
  });

  it('refuses what is no invoice and no preimage', () => {
    expect(() => checkL402Preimage('lnbc1nope', PREIMAGE)).toThrow(L402Error);
    expect(() => checkL402Preimage(7 as never, PREIMAGE)).toThrow(
      /^invoice must be a BOLT 11 string/,
    );
    expect(() => checkL402Preimage({ paymentHash: 'ab' } as never, PREIMAGE)).toThrow(
      /^invoice.paymentHash must be a Uint8Array of 32 bytes/,
    );
    expect(() => checkL402Preimage(INVOICE, 'nothex')).toThrow(/^preimage must be hex/);
    expect(() => checkL402Preimage(INVOICE, 5 as never)).toThrow(TypeError);
  });
});
