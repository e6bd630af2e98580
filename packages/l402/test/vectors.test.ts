// Every L402 vector (test-support/vectors/l402/cases.json): each valid one gives exactly its
// fields (an authorization marked roundtrip formats back to its header), each invalid one fails
// with its code and span, as an L402Error with a safe message.
import { readFileSync } from 'node:fs';
import { expectOwnError } from 'test-support/outcome';
import { describe, expect, it } from 'vitest';
import * as l402 from '../src/index.js';
import { type L402Case, meets, runCase } from './helpers/vectors.js';

const file = JSON.parse(
  readFileSync(new URL('../../../test-support/vectors/l402/cases.json', import.meta.url), 'utf8'),
) as { cases: L402Case[] };
const CONTRACT = { type: l402.L402Error, codes: l402.L402_ERROR_CODES };

describe.each(['challenge', 'authorization', 'preimage'])('%s vectors', (op) => {
  it.each(file.cases.filter((c) => c.op === op).map((c) => [c.id, c] as const))('%s', (_, c) => {
    let outcome: { value: unknown } | { error: { code?: unknown; span?: unknown } };
    try {
      outcome = { value: runCase(l402, c) };
    } catch (error) {
      outcome = { error: expectOwnError(error, CONTRACT, c.header) };
    }
    if (c.error !== undefined)
      expect('error' in outcome && outcome.error).toMatchObject({ code: c.error, span: c.span });
    else if (typeof c.expect === 'boolean')
      expect('value' in outcome && outcome.value).toBe(c.expect);
    else expect('value' in outcome && outcome.value).toMatchObject(c.expect as object);
    expect(meets(c, outcome)).toBe(true);
  });
});

it('reaches every code', () => {
  const codes = new Set(file.cases.map((c) => c.error).filter(Boolean));
  expect(l402.L402_ERROR_CODES.filter((code) => !codes.has(code))).toEqual([]);
});
