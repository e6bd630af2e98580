// Randomness comes from crypto.getRandomValues, read on each call. Where the platform has none
// (React Native without a polyfill) what needs it fails with an Error naming it and the way
// around it, and what does not need it (a given paymentSecret, signing, decoding) still works.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CreateInvoiceParams,
  createInvoice,
  createPaymentPreimage,
  decode,
  signInvoice,
} from '../src/index.js';
import { randomBytes } from '../src/random.js';
import { SPEC_KEY } from './helpers/craft.js';

const MISSING = 'crypto.getRandomValues is not available here: ';
const POLYFILL = 'install a polyfill (e.g. react-native-get-random-values)';

const PARAMS: CreateInvoiceParams = {
  network: 'bitcoin',
  paymentHash: '00'.repeat(32),
  paymentSecret: '11'.repeat(32),
  description: 'coffee',
  timestamp: 1700000000,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('randomBytes', () => {
  it('draws from the crypto.getRandomValues of the moment (a polyfill installed later counts)', () => {
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => bytes.fill(7) });
    expect(randomBytes(3)).toEqual(new Uint8Array([7, 7, 7]));
  });

  it.each([
    ['no crypto', undefined],
    ['a crypto without getRandomValues', { subtle: {} }],
  ])('names crypto.getRandomValues and the way around it with %s', (_, crypto) => {
    vi.stubGlobal('crypto', crypto);
    expect(() => randomBytes(32)).toThrow(new Error(`${MISSING}${POLYFILL}`));
    expect(() => randomBytes(32, 'pass x yourself')).toThrow(
      new Error(`${MISSING}pass x yourself, or ${POLYFILL}`),
    );
  });
});

describe('without crypto.getRandomValues', () => {
  it('createInvoice without a paymentSecret says to pass one', () => {
    vi.stubGlobal('crypto', undefined);
    const { paymentSecret: _s, ...rest } = PARAMS;
    expect(() => createInvoice(rest)).toThrow(
      new Error(`${MISSING}pass paymentSecret yourself, or ${POLYFILL}`),
    );
  });

  it('createPaymentPreimage names it', () => {
    vi.stubGlobal('crypto', undefined);
    expect(() => createPaymentPreimage()).toThrow(new Error(`${MISSING}${POLYFILL}`));
  });

  it('creates, signs (RFC 6979) and decodes exactly as with it when every input is given', () => {
    const withCrypto = signInvoice(createInvoice(PARAMS), SPEC_KEY);
    vi.stubGlobal('crypto', undefined);
    expect(typeof globalThis.crypto).toBe('undefined');
    const without = signInvoice(createInvoice(PARAMS), SPEC_KEY);
    expect(without).toBe(withCrypto);
    expect(decode(without).paymentSecret).toEqual(new Uint8Array(32).fill(0x11));
  });
});
