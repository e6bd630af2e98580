// The README is part of the API: every error and check code is documented there, in order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOLT12_CHECK_CODES, BOLT12_ERROR_CODES } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const rowsOf = (table: string) => [...table.matchAll(/^\| `([a-z0-9-]+)` *\|(.*)\|(.*)\|$/gm)];

describe('README', () => {
  it('has a row for every error code, in order, with a meaning and the rule, and no other', () => {
    const rows = rowsOf(
      readme.slice(readme.indexOf('## Errors'), readme.indexOf('## Policy decisions')),
    );
    expect(rows.map((m) => m[1])).toEqual([...BOLT12_ERROR_CODES]);
    for (const [, code, meaning, rule] of rows) {
      expect(meaning?.trim().length, code).toBeGreaterThan(10);
      expect(rule?.trim().length, `${code} names its rule`).toBeGreaterThan(0);
    }
  });

  it('has a row for every check code, in order', () => {
    const rows = rowsOf(
      readme.slice(
        readme.indexOf('### Two-message checks'),
        readme.indexOf('### `decodeInvoiceError'),
      ),
    );
    expect(rows.map((m) => m[1])).toEqual([...BOLT12_CHECK_CODES]);
  });
});
