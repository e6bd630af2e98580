// The headers of the vectors file, as samples for the property tests, and the test invoice.
import { readFileSync } from 'node:fs';
import type { L402Case } from './vectors.js';

const file = JSON.parse(
  readFileSync(
    new URL('../../../../test-support/vectors/l402/cases.json', import.meta.url),
    'utf8',
  ),
) as { cases: L402Case[] };

export const CASES = file.cases;
export const CHALLENGES = CASES.filter((c) => c.op === 'challenge').map((c) => c.header ?? '');
export const AUTHORIZATIONS = CASES.filter((c) => c.op === 'authorization').map(
  (c) => c.header ?? '',
);
