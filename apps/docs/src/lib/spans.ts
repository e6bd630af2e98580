// Input drawn with the part an error points at underlined. Spans are [start, end) offsets into
// the exact string that was parsed, so the input is drawn as typed, whitespace included.
import { visibleText } from './visible-text';

export type Span = readonly [start: number, end: number];

export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly bad: boolean;
}

/** [start, end) cut at the edges of `bad`, each piece marked inside it or not. */
export const piecesOf = (start: number, end: number, bad: Span | undefined): Piece[] => {
  if (bad === undefined) return [{ start, end, bad: false }];
  const clamp = (n: number) => Math.min(Math.max(n, start), end);
  const [from, to] = [clamp(bad[0]), clamp(bad[1])];
  return [
    { start, end: from, bad: false },
    { start: from, end: to, bad: true },
    { start: to, end, bad: false },
  ].filter((piece) => piece.end > piece.start);
};

/** An empty mark where a zero-length span points ("something is missing here"). */
const emptyMark = (): HTMLElement => {
  const mark = document.createElement('mark');
  mark.className = 'bad bad-empty';
  mark.title = 'here';
  return mark;
};

/**
 * The text of [start, end) of `text`, with the part inside `bad` in a `<mark class="bad">`.
 * A zero-length `bad` is drawn as an empty mark if it points into the range (or at its end,
 * when `last` says no range follows).
 */
export const underlinedRange = (
  text: string,
  start: number,
  end: number,
  bad: Span | undefined,
  last = false,
): DocumentFragment => {
  const fragment = document.createDocumentFragment();
  const empty = bad !== undefined && bad[0] === bad[1] ? bad[0] : undefined;
  for (const piece of piecesOf(start, end, bad)) {
    if (empty !== undefined && empty === piece.start) fragment.append(emptyMark());
    const content = visibleText(text.slice(piece.start, piece.end));
    if (!piece.bad) {
      fragment.append(content);
      continue;
    }
    const mark = document.createElement('mark');
    mark.className = 'bad';
    mark.title = 'the part at fault';
    mark.append(content);
    fragment.append(mark);
  }
  if (empty !== undefined && empty === end && (last || start === end)) fragment.append(emptyMark());
  return fragment;
};

/** All of `text`, with `bad` underlined. */
export const underlined = (text: string, bad: Span | undefined): DocumentFragment =>
  underlinedRange(text, 0, text.length, bad, true);
