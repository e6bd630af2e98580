// The API in JavaScript hands: any value where a parameter goes. Only TypeError or
// RangeError (naming the parameter), or Bolt11Error from the signer checks, may come out; nothing
// foreign ("Cannot read properties of undefined") and no prototype pollution.
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { PARAMETER_NAMES } from '../src/bolt11/create-params.js';
import {
  Bolt11Error,
  createInvoice,
  decode,
  encode,
  invoiceSections,
  signInvoice,
  verifyInvoice,
} from '../src/index.js';
import { PAYMENT_HASH, PAYMENT_SECRET, SPEC_KEY } from './helpers/craft.js';

const BASE = {
  network: 'bitcoin',
  paymentHash: PAYMENT_HASH,
  paymentSecret: PAYMENT_SECRET,
  description: 'coffee',
  timestamp: 1_700_000_000,
};
const PARAMETERS = [...PARAMETER_NAMES, '__proto__', 'constructor'];

/** Anything JavaScript can pass, hostile keys included. */
const anything = fc.anything({
  withBigInt: true,
  withTypedArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withSparseArray: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype')),
});

/** Runs `f`: it may succeed or throw one of the library's own errors, nothing else. */
const onlyOwnErrors = (f: () => unknown): void => {
  try {
    f();
  } catch (e) {
    if (!(e instanceof TypeError || e instanceof RangeError || e instanceof Bolt11Error)) throw e;
    expect((e as Error).message).not.toMatch(/Cannot read|is not a function|undefined \(reading/);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
};

describe('the API given anything', () => {
  it('createInvoice with one parameter replaced by any value', () => {
    checkProperty(
      'create-hostile-parameter',
      fc.property(fc.constantFrom(...PARAMETERS), anything, (name, value) => {
        const params = { ...BASE };
        Object.defineProperty(params, name, { value, enumerable: true });
        onlyOwnErrors(() => signInvoice(createInvoice(params as never), SPEC_KEY));
      }),
      { seed: 91, numRuns: 1500 },
    );
  });

  it('every function with any arguments', () => {
    const unsigned = createInvoice(BASE);
    const TEXT = signInvoice(unsigned, SPEC_KEY);
    const invoice = decode(TEXT);
    checkProperty(
      'any-arguments',
      fc.property(anything, anything, (a, b) => {
        onlyOwnErrors(() => createInvoice(a as never));
        onlyOwnErrors(() => signInvoice(unsigned, a as never, b as never));
        onlyOwnErrors(() => signInvoice(a as never, SPEC_KEY));
        onlyOwnErrors(() => encode(invoice, a as never));
        onlyOwnErrors(() => verifyInvoice(invoice, a as never));
        onlyOwnErrors(() => verifyInvoice(a as never));
        onlyOwnErrors(() => decode(TEXT, a as never));
        onlyOwnErrors(() => decode(a as never));
        onlyOwnErrors(() => invoiceSections(TEXT, a as never));
      }),
      { seed: 92, numRuns: 1000 },
    );
  });

  it('names the parameter in what it throws', () => {
    expect(() => createInvoice({ ...BASE, expiry: '60' } as never)).toThrow(/expiry/);
    expect(() => createInvoice({ ...BASE, routeHints: [null] } as never)).toThrow(/routeHints/);
  });
});
