// The vectors the packages test against, read from test-support (the files their own tests use).
import { readFileSync } from 'node:fs';
import { BOLT11_INVALID, BOLT11_VALID } from 'test-support/bolt11-vectors';
import { LNURL_CASES } from 'test-support/lnurl-vectors';

const REPO = new URL('../../../', import.meta.url);
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, REPO), 'utf8'));

export const coreVectors = () => ({ valid: BOLT11_VALID, invalid: BOLT11_INVALID });
/** The LNURL cases, each failing one with the `LnurlError` code of today (some were renamed). */
export const lnurlCases = () => LNURL_CASES;
export const uriCases = () =>
  (json('test-support/vectors/uri/cases.json') as { cases: unknown }).cases;
