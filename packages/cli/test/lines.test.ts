// readLines: the lines of `decode -` and `validate -`, as readline split them, wherever the
// chunks of the input happen to end; a line over the bound is reported, not kept.
import fc from 'fast-check';
import { checkAsyncProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { type InputLine, readLines } from '../src/lines.js';

/** The lines of `text` cut into chunks at `cuts` (byte offsets), read with `limit`. */
const linesOf = async (text: string, cuts: number[] = [], limit?: number): Promise<InputLine[]> => {
  const bytes = Buffer.from(text);
  const at = [
    0,
    ...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b),
    bytes.length,
  ];
  async function* chunks() {
    for (let i = 0; i + 1 < at.length; i++) yield bytes.subarray(at[i], at[i + 1]);
  }
  const out: InputLine[] = [];
  for await (const line of readLines(chunks(), limit)) out.push(line);
  return out;
};

/** What readline gave: lines split at CR LF, LF or CR, numbered, blank ones left out. */
const expected = (text: string): InputLine[] =>
  text
    .replace(/(\r\n|\n|\r)$/, '')
    .split(/\r\n|\n|\r/)
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => text !== '' && l.text.trim() !== '');

describe('readLines', () => {
  it('splits at LF, CR LF and CR, numbers blank lines, keeps a last line without a break', async () => {
    expect(await linesOf('a\n\nb\r\nc\rd')).toEqual([
      { line: 1, text: 'a' },
      { line: 3, text: 'b' },
      { line: 4, text: 'c' },
      { line: 5, text: 'd' },
    ]);
    expect(await linesOf('')).toEqual([]);
    expect(await linesOf('\n \n\t\r\n')).toEqual([]);
  });

  it('reads CR LF split between two chunks as one break, and UTF-8 split inside a character', async () => {
    expect(await linesOf('a\r\nb', [2])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
    ]);
    expect(await linesOf('☕\nx', [1, 2])).toEqual([
      { line: 1, text: '☕' },
      { line: 2, text: 'x' },
    ]);
  });

  it('reports a line over the limit without its text, and reads on', async () => {
    const long = 'x'.repeat(11);
    expect(await linesOf(`${'y'.repeat(10)}\n${long}\r\nz`, [3, 12, 15], 10)).toEqual([
      { line: 1, text: 'y'.repeat(10) },
      { line: 2, text: undefined },
      { line: 3, text: 'z' },
    ]);
    // Over the limit with blanks only is still too long: the bound is on what is read.
    expect(await linesOf(' '.repeat(11), [], 10)).toEqual([{ line: 1, text: undefined }]);
  });

  it('gives the lines readline gave, wherever the chunks end', async () => {
    await checkAsyncProperty(
      'cli-read-lines',
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', 'é', '☕', ' ', '\n', '\r', '\r\n', 'lnbc1'), {
          maxLength: 40,
        }),
        fc.array(fc.nat(120), { maxLength: 8 }),
        async (pieces, cuts) => {
          const text = pieces.join('');
          expect(await linesOf(text, cuts)).toEqual(expected(text));
        },
      ),
      { seed: 18, numRuns: 500 },
    );
  });
});
