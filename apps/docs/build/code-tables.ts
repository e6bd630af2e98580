// What each error or finding code means, read from the packages' READMEs (their tables of codes),
// so the playground explains a code with the same words as the docs page it links to.
import { readFileSync } from 'node:fs';
import { Lexer, type Tokens } from 'marked';
import { plainText } from './text';

export type CodeMeanings = Readonly<Record<string, string>>;

/** `code` → `meaning` of every table in `readme` whose first column is `code` (the first one listing it). */
export const codeMeanings = (readme: string): CodeMeanings => {
  const tokens = new Lexer({ gfm: true }).lex(readFileSync(readme, 'utf8'));
  const meanings: Record<string, string> = {};
  for (const token of tokens) {
    if (token.type !== 'table') continue;
    const table = token as Tokens.Table;
    const columns = table.header.map((cell) => plainText(cell.tokens));
    const meaning = columns.indexOf('meaning');
    if (columns[0] !== 'code' || meaning === -1) continue;
    for (const row of table.rows) {
      const code = plainText(row[0]?.tokens ?? []);
      // The first table that lists a code explains it, as its `code-<code>` row on the page does.
      if (!Object.hasOwn(meanings, code)) meanings[code] = plainText(row[meaning]?.tokens ?? []);
    }
  }
  return meanings;
};
