// The vectors of the packages, read from their test folders (the files their own tests use).
import { readFileSync } from 'node:fs';

const REPO = new URL('../../../', import.meta.url);
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, REPO), 'utf8'));

export const coreVectors = () => ({
  valid: json('packages/core/test/vectors/spec-valid.json'),
  invalid: json('packages/core/test/vectors/spec-invalid.json'),
});
export const lnurlCases = () =>
  (json('packages/lnurl/test/vectors/cases.json') as { cases: unknown }).cases;
export const uriCases = () =>
  (json('packages/uri/test/vectors/cases.json') as { cases: unknown }).cases;
