// The README is part of the API: every error code is documented there, with an example, and the
// fetch wrapper it shows is the one flow.test.ts runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { L402_ERROR_CODES } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has a row for every error code, in order, with a meaning and an example, and no other', () => {
    const table = readme.slice(readme.indexOf('## Errors'), readme.indexOf('## Security'));
    const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` *\|(.*)\|(.*)\|$/gm)];
    expect(rows.map((m) => m[1])).toEqual([...L402_ERROR_CODES]);
    for (const [, code, meaning, example] of rows) {
      expect(meaning?.trim().length, code).toBeGreaterThan(10);
      expect(example?.trim().length, `${code} has an example`).toBeGreaterThan(3);
    }
  });

  it('shows the fetch wrapper that flow.test.ts runs, word for word', () => {
    const helper = readFileSync(new URL('./helpers/fetch-with-l402.ts', import.meta.url), 'utf8');
    const example = helper.slice(
      helper.indexOf('// readme:start\n') + '// readme:start\n'.length,
      helper.indexOf('// readme:end'),
    );
    expect(example.length).toBeGreaterThan(500);
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
  });
});
