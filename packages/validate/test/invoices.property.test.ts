// Properties of the checklist over any invoice (issue 9): an edited invoice string, with or
// without a recomputed checksum, gives findings with stable codes and never an exception; what it
// passes is what core verifies; an invoice object gives the findings of the words it was signed
// over, or a TypeError naming the argument when it is no decoded invoice.
import { decode, type UnverifiedInvoice } from '@lninvoice/core';
import fc from 'fast-check';
import { withValidChecksum } from 'test-support/bech32';
import { replaced } from 'test-support/edits';
import { expectNoPollution } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { type ValidationResult, validate } from '../src/index.js';
import { decoded, editedInvoice, INVOICES, junk } from './helpers/arbitraries.js';
import { codes, T0 } from './helpers/index.js';
import { expectWellFormed } from './helpers/outcome.js';

const POLICY = { now: T0, network: 'bitcoin', maxAmountMsat: 10n ** 12n } as const;

describe('invoice strings', () => {
  it('edited ones give findings with stable codes, and pass only what core verifies', () => {
    checkProperty(
      'edited-invoices',
      fc.property(editedInvoice, fc.boolean(), (edited, fixChecksum) => {
        const text = fixChecksum ? withValidChecksum(edited) : edited;
        const result = validate(text, POLICY);
        expectWellFormed(result, text);
        if (result.ok) {
          // Passed: core decodes and verifies it, with the very amount the checklist compared.
          expect(decode(text).amountMsat).toBe(result.invoice.amountMsat);
        }
        if (result.invoice !== undefined) {
          // The invoice object, re-read from its words, gets the same findings.
          expect(codes(validate(result.invoice, POLICY))).toEqual(codes(result));
        } else {
          expect(result.issues).toHaveLength(1);
        }
        expectNoPollution();
      }),
      { seed: 21, numRuns: 1200 },
    );
  });
});

/** Each part of a decoded invoice: the words `encode` reads, and the typed views of them. */
const PLACES: readonly (readonly (string | number)[])[] = [
  [],
  ['hrp'],
  ['timestamp'],
  ['fields'],
  ['fields', 0],
  ['fields', 0, 'type'],
  ['fields', 0, 'words'],
  ['fields', 1, 'words'],
  ['signature'],
  ['signature', 'compact'],
  ['signature', 'recoveryId'],
  ['amountMsat'],
  ['network'],
  ['description'],
  ['expiry'],
  ['payeeNodeKey'],
  ['features'],
];
/** The parts validate does not read: it re-reads the invoice from its words. */
const VIEWS = new Set([
  'amountMsat',
  'network',
  'description',
  'expiry',
  'payeeNodeKey',
  'features',
]);
const objectJunk = fc.oneof(
  junk,
  fc.constantFrom<unknown>(
    new Uint8Array(70),
    Uint8Array.of(99, 200),
    new Uint8Array(2000),
    2 ** 40,
    -1,
    'LNBC',
    'ln bc',
  ),
);

describe('invoice objects', () => {
  it('give the findings of their words, or a TypeError or RangeError naming what is wrong', () => {
    checkProperty(
      'invoice-objects',
      fc.property(
        fc.constantFrom(...INVOICES),
        fc.constantFrom(...PLACES),
        objectJunk,
        (text, place, value) => {
          const object = replaced(decoded(text), place, value) as UnverifiedInvoice;
          let result: ValidationResult;
          try {
            result = validate(object, POLICY);
          } catch (error) {
            expect(error instanceof TypeError || error instanceof RangeError, String(error)).toBe(
              true,
            );
            expect((error as Error).message).toMatch(/^(validate|field)\b/);
            return;
          }
          expectWellFormed(result);
          // A typed value edited after decoding changes nothing: the words were signed.
          if (VIEWS.has(String(place[0]))) expect(result).toEqual(validate(text, POLICY));
          expectNoPollution();
        },
      ),
      { seed: 22, numRuns: 800 },
    );
  });
});
