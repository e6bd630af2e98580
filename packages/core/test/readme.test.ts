// The README is part of the API: every error code is documented there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOLT11_ERROR_CODES } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has a row for every error code, in order, and no row for a code that does not exist', () => {
    const codeTable = readme.slice(
      readme.indexOf('## Errors'),
      readme.indexOf('## Policy decisions'),
    );
    const rows = [...codeTable.matchAll(/^\| `([a-z0-9-]+)` *\|/gm)].map((m) => m[1]);
    expect(rows).toEqual([...BOLT11_ERROR_CODES]);
  });
});
