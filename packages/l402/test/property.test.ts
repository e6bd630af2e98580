// Properties of the readers over random and edited headers: an answer or an L402Error with a
// safe message and a span inside the header, never another exception, never a hang; formatting
// and reading credentials are inverse. Fixed seeds and counts here; `pnpm fuzz` runs longer.
import fc from 'fast-check';
import { edited } from 'test-support/edits';
import { expectNoHang } from 'test-support/hang';
import { expectNoPollution, outcomeOf } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import {
  formatL402Authorization,
  L402_ERROR_CODES,
  L402Error,
  parseL402Authorization,
  parseL402Challenge,
} from '../src/index.js';
import { AUTHORIZATIONS, CHALLENGES } from './helpers/samples.js';

const CONTRACT = { type: L402Error, codes: L402_ERROR_CODES };

/** Pieces that matter to the grammar: quotes, escapes, separators, schemes, names. */
const pieces = fc.constantFrom(
  '"',
  '\\',
  ',',
  ', ',
  '=',
  '==',
  ':',
  ' ',
  '\t',
  'L402 ',
  'LSAT ',
  'Basic realm="x", ',
  'token=',
  'macaroon="AA=="',
  'invoice=',
  '__proto__=',
  'constructor="x"',
  '\u0000',
  '\u202e',
  '\ud800',
  'é',
  '\u00ff',
);

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
);

const readAll = (header: string): void => {
  const challenge = outcomeOf(() => parseL402Challenge(header), CONTRACT, header);
  const lenient = outcomeOf(() => parseL402Challenge(header, { legacy: true }), CONTRACT, header);
  const auth = outcomeOf(() => parseL402Authorization(header), CONTRACT, header);
  if (!(challenge instanceof Error)) expect(lenient).not.toBeInstanceOf(Error);
  if (!(auth instanceof Error))
    // What reads as a credential writes back to the same tokens and preimage.
    expect(
      parseL402Authorization(
        formatL402Authorization({
          tokens: auth.tokens,
          preimage: auth.preimage,
          scheme: auth.scheme,
        }),
      ),
    ).toEqual(auth);
};

describe('any header', () => {
  it('random text: an answer or an L402Error, with a safe message and a span inside', () => {
    checkProperty('random-headers', fc.property(text, readAll), { seed: 402, numRuns: 2000 });
    expectNoPollution();
  });

  it('edited vectors: an answer or an L402Error, with a safe message and a span inside', () => {
    checkProperty(
      'edited-headers',
      fc.property(edited([...CHALLENGES, ...AUTHORIZATIONS], pieces), readAll),
      { seed: 4020, numRuns: 1500 },
    );
    expectNoPollution();
  });

  it('huge headers are read without super-linear work', () => {
    const huge = fc
      .tuple(
        fc.constantFrom(...CHALLENGES, ...AUTHORIZATIONS),
        pieces,
        fc.integer({ min: 10_000, max: 100_000 }),
      )
      .map(
        ([sample, piece, times]) => sample.slice(0, 20) + piece.repeat(times) + sample.slice(20),
      );
    checkProperty(
      'huge-headers',
      fc.property(huge, (header) => {
        // A hang guard, not a speed test: a few ms on an idle machine.
        expectNoHang(() => readAll(header), 40, JSON.stringify(header.slice(0, 60)));
      }),
      { seed: 40200, numRuns: 60 },
    );
  });
});

describe('credentials', () => {
  it('format and parse are inverse for any tokens and preimage', () => {
    const bytes = fc.uint8Array({ minLength: 1, maxLength: 80 });
    checkProperty(
      'credential-round-trip',
      fc.property(
        fc.array(bytes, { minLength: 1, maxLength: 4 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.constantFrom('L402', 'LSAT') as fc.Arbitrary<'L402' | 'LSAT'>,
        (tokens, preimage, scheme) => {
          const header = formatL402Authorization({ tokens, preimage, scheme });
          expect(header).toMatch(/^(L402|LSAT) [A-Za-z0-9+/=]+(,[A-Za-z0-9+/=]+)*:[0-9a-f]{64}$/);
          const read = parseL402Authorization(header);
          expect(read.tokenBytes).toEqual(tokens);
          expect(read.preimage).toEqual(preimage);
          expect(read.scheme).toBe(scheme);
          expect(formatL402Authorization({ tokens: read.tokens, preimage, scheme })).toBe(header);
          expect(Buffer.from(read.tokens.join(''), 'base64').length).toBeGreaterThan(0);
          for (const [i, token] of read.tokens.entries())
            expect(token).toBe(Buffer.from(tokens[i] as Uint8Array).toString('base64'));
        },
      ),
      { seed: 40201, numRuns: 500 },
    );
  });
});
