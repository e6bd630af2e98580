// Properties of every reader and builder: random strings, mutated messages and any value for any
// parameter give a result or a Bolt12Error, TypeError or RangeError — never another exception,
// never a hang, never a polluted prototype; what decodes re-encodes to itself.
import fc from 'fast-check';
import { BOLT12_VALID_OFFERS, bolt12String } from 'test-support/bolt12-vectors';
import { expectNoHang } from 'test-support/hang';
import { expectNoPollution, expectOwnError, expectSafeText } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import * as bolt12 from '../src/index.js';
import { BOLT12_ERROR_CODES, Bolt12Error, decodeBolt12, encodeBolt12 } from '../src/index.js';
import { hex, invoice, request } from './helpers.js';

const BOLT12 = { type: Bolt12Error, codes: BOLT12_ERROR_CODES };
const CHARS = 'qpzry9x8gf2tvdw0s3jn54khce6mua7lQPZRY1+ \n';

/** Decodes `text`; a message must re-encode to `text` without continuations, in lower case. */
const roundTrip = (text: string, verify = true): void => {
  let decoded: bolt12.Bolt12;
  try {
    decoded = decodeBolt12(text, { verify });
  } catch (error) {
    expectOwnError(error, BOLT12, text);
    return;
  }
  const again = encodeBolt12(decoded);
  expect(decodeBolt12(again, { verify }).records).toEqual(decoded.records);
};

const samples = [...BOLT12_VALID_OFFERS.map((v) => v.bolt12), request(), invoice()];
const bytesOf = (text: string) => decodeBolt12(text, { verify: false }).records;

describe('readers', () => {
  it('random strings with a BOLT 12 prefix decode, or fail with a Bolt12Error whose span is in the input', () => {
    checkProperty(
      'bolt12-random-strings',
      fc.property(
        fc.constantFrom('lno1', 'lnr1', 'lni1', 'LNO1', 'lightning:lno1', '', 'lnbc1'),
        fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 300 }),
        (prefix, rest) => roundTrip(prefix + rest),
      ),
      { seed: 12, numRuns: 1500 },
    );
  });

  it('messages with bytes changed, inserted or removed: a message that re-encodes, or a Bolt12Error', () => {
    checkProperty(
      'bolt12-mutated-messages',
      fc.property(
        fc.constantFrom(...samples),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.integer({ min: 0, max: 255 }),
            fc.constantFrom('set', 'insert', 'delete'),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.boolean(),
        (sample, edits, verify) => {
          const prefix = sample.slice(0, 3);
          const records = bytesOf(sample);
          const bytes = [
            ...Buffer.from(
              records.length === 0
                ? ''
                : Buffer.concat(
                    records.map((r) => Buffer.from(bolt12RecordHex(r.type, r.value), 'hex')),
                  ),
            ),
          ];
          for (const [at, value, kind] of edits) {
            const i = bytes.length === 0 ? 0 : at % bytes.length;
            if (kind === 'set') bytes[i] = value;
            else if (kind === 'insert') bytes.splice(i, 0, value);
            else bytes.splice(i, 1);
          }
          roundTrip(bolt12String(prefix, hex(Uint8Array.from(bytes))), verify);
          expectNoPollution();
        },
      ),
      { seed: 13, numRuns: 1500 },
    );
  });

  it('65 536 characters are read in linear time', () => {
    const long = `lno1${'q'.repeat(65532)}`;
    const plus = `lno1${'qp+ '.repeat(16383)}`;
    // About 20 ms on an idle machine; a hang guard, not a speed test.
    for (const text of [long, plus, `${long}q`]) expectNoHang(() => roundTrip(text), 60);
  });
});

/** The hex of one record (type and length as BigSize). */
const bolt12RecordHex = (type: bigint, value: Uint8Array): string => {
  const bigSize = (n: bigint) =>
    n < 0xfdn
      ? n.toString(16).padStart(2, '0')
      : n < 0x10000n
        ? `fd${n.toString(16).padStart(4, '0')}`
        : n < 0x100000000n
          ? `fe${n.toString(16).padStart(8, '0')}`
          : `ff${n.toString(16).padStart(16, '0')}`;
  return bigSize(type) + bigSize(BigInt(value.length)) + hex(value);
};

describe('any value for any parameter', () => {
  const anyValue = fc.oneof(
    fc.anything(),
    fc.constantFrom(...samples),
    fc.record({
      kind: fc.constantFrom('offer', 'invoice_request', 'invoice'),
      records: fc.anything(),
    }),
    fc.record({
      description: fc.anything(),
      issuerId: fc.anything(),
      amountMsat: fc.anything(),
      paths: fc.anything(),
    }),
  );
  const functions = Object.entries(bolt12).filter(([, f]) => typeof f === 'function') as [
    string,
    (...args: unknown[]) => unknown,
  ][];

  it('every public function returns, or throws a Bolt12Error, TypeError or RangeError with a safe message', () => {
    checkProperty(
      'bolt12-any-arguments',
      fc.property(
        fc.constantFrom(...functions),
        fc.array(anyValue, { maxLength: 3 }),
        ([name, run], args) => {
          try {
            const out = run(...args);
            if (out instanceof Promise) out.catch(() => {});
          } catch (error) {
            if (error instanceof TypeError || error instanceof RangeError)
              expectSafeText(error.message);
            else if (!(error instanceof Bolt12Error))
              throw new Error(`${name} threw ${String(error)}`, { cause: error });
            else expectSafeText(error.message);
          }
          expectNoPollution();
        },
      ),
      { seed: 14, numRuns: 1500 },
    );
  });
});
