// The README is part of the API: every error code is documented there, in the order of
// BIP353_ERROR_CODES, with a meaning and an example.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIP353_ERROR_CODES } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has a row for every error code, in order, with a meaning and an example, and no other', () => {
    const table = readme.slice(readme.indexOf('## Errors'), readme.indexOf('## Security'));
    const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` *\|(.*)\|(.*)\|$/gm)];
    expect(rows.map((m) => m[1])).toEqual([...BIP353_ERROR_CODES]);
    for (const [, code, meaning, example] of rows) {
      expect(meaning?.trim().length, code).toBeGreaterThan(10);
      expect(example?.trim().length, `${code} has an example`).toBeGreaterThan(3);
    }
  });
});
