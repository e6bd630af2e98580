// The one random value of the builders, an invoice request's invreqMetadata, comes from
// crypto.getRandomValues (core's randomBytes). Where the platform has none (React Native without a
// polyfill) it fails with an Error naming it and the parameter to pass; with that parameter given,
// nothing needs randomness (signatures use zero auxiliary randomness unless given some).
import { BOLT12_SIGNED_REQUEST } from 'test-support/bolt12-vectors';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  createInvoiceRequest,
  createOffer,
  decodeInvoiceRequest,
  decodeOffer,
  encodeBolt12,
  signBolt12,
} from '../src/index.js';
import { ALICE_ID, BOB, BOB_ID } from './helpers.js';

const OFFER = decodeOffer(
  encodeBolt12(
    createOffer({
      description: 'A Mathematical Treatise',
      amount: 100,
      currency: 'USD',
      issuerId: ALICE_ID,
    }),
  ),
);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('invreqMetadata', () => {
  test('is drawn from crypto.getRandomValues when not given', () => {
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => bytes.fill(9) });
    const request = createInvoiceRequest({ offer: OFFER, payerId: BOB_ID });
    expect(decodeInvoiceRequest(signBolt12(request, BOB)).invreqMetadata).toEqual(
      new Uint8Array(32).fill(9),
    );
  });

  test('without crypto.getRandomValues, an Error names it and says to pass invreqMetadata', () => {
    vi.stubGlobal('crypto', undefined);
    expect(() => createInvoiceRequest({ offer: OFFER, payerId: BOB_ID })).toThrow(
      new Error(
        'crypto.getRandomValues is not available here: pass params.invreqMetadata yourself, or install a polyfill (e.g. react-native-get-random-values)',
      ),
    );
  });

  test("given, the spec's request is created and signed without crypto at all", () => {
    vi.stubGlobal('crypto', undefined);
    const unsigned = createInvoiceRequest({
      offer: OFFER,
      payerId: BOB_ID,
      invreqMetadata: '0000000000000000',
    });
    expect(signBolt12(unsigned, BOB)).toBe(BOLT12_SIGNED_REQUEST.bolt12);
  });
});
