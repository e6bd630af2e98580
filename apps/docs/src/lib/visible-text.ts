// Text from invoices, URIs and services shown as it is, except the characters that draw nothing
// or change how the rest is drawn: those appear as visible ⟨U+XXXX⟩ marks, so a description
// cannot hide, reorder or disguise its text (see the Security page).

const NAMES: Readonly<Record<number, string>> = {
  173: 'SOFT HYPHEN',
  1564: 'ARABIC LETTER MARK',
  8203: 'ZERO WIDTH SPACE',
  8204: 'ZERO WIDTH NON-JOINER',
  8205: 'ZERO WIDTH JOINER',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  8232: 'LINE SEPARATOR',
  8233: 'PARAGRAPH SEPARATOR',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8288: 'WORD JOINER',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
  65279: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
  27: 'ESCAPE',
  127: 'DELETE',
};

/** Ranges of code points that draw nothing or steer the drawing of the text around them. */
const HIDDEN_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x08], // C0 controls, tab and line feed excepted
  [0x0b, 0x1f],
  [0x7f, 0x9f], // DEL and C1 controls
  [0xad, 0xad], // soft hyphen
  [0x61c, 0x61c], // Arabic letter mark
  [0x115f, 0x1160], // Hangul fillers
  [0x180e, 0x180e], // Mongolian vowel separator
  [0x200b, 0x200f], // zero-width characters, directional marks
  [0x2028, 0x202e], // line and paragraph separators, embeddings and overrides
  [0x2060, 0x206f], // word joiner, invisible operators, isolates
  [0x3164, 0x3164], // Hangul filler
  [0xfeff, 0xfeff], // byte order mark
  [0xfff9, 0xfffb], // interlinear annotations
  [0xe0000, 0xe007f], // tag characters
];

const isHidden = (point: number): boolean =>
  HIDDEN_RANGES.some(([low, high]) => point >= low && point <= high);

const codePoint = (point: number): string =>
  `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;

/** True when `text` holds a character that `visibleText` marks. */
export const hasHiddenCharacters = (text: string): boolean =>
  Array.from(text).some((char) => isHidden(char.codePointAt(0) ?? 0));

/** `text` as DOM nodes, each hidden character replaced by a visible, titled mark. */
export const visibleText = (text: string): DocumentFragment => {
  const fragment = document.createDocumentFragment();
  let run = '';
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    if (!isHidden(point)) {
      run += char;
      continue;
    }
    if (run !== '') fragment.append(run);
    run = '';
    const mark = document.createElement('span');
    mark.className = 'hidden-char';
    mark.title = `${codePoint(point)} ${NAMES[point] ?? 'control or invisible character'}`;
    mark.textContent = `⟨${codePoint(point)}⟩`;
    fragment.append(mark);
  }
  if (run !== '') fragment.append(run);
  return fragment;
};

/** `text` with each hidden character written as a `\u{202e}` escape, for plain-text output. */
export const escapeHidden = (text: string): string =>
  Array.from(text, (char) => {
    const point = char.codePointAt(0) ?? 0;
    return isHidden(point) ? `\\u{${point.toString(16)}}` : char;
  }).join('');
