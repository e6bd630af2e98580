// The vectors the packages test against, read from test-support (the files their own tests use).
import { readFileSync } from 'node:fs';
import { BOLT11_INVALID, BOLT11_VALID } from 'test-support/bolt11-vectors';

const REPO = new URL('../../../', import.meta.url);
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, REPO), 'utf8'));

export const coreVectors = () => ({ valid: BOLT11_VALID, invalid: BOLT11_INVALID });
export const lnurlCases = () =>
  (json('test-support/vectors/lnurl/cases.json') as { cases: unknown }).cases;
export const uriCases = () =>
  (json('test-support/vectors/uri/cases.json') as { cases: unknown }).cases;
