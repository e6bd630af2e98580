// Lines of a byte stream for the commands that read standard input line by line (`decode -`,
// `validate -`, `inspect -`, `uri parse -`, `lnurl decode -`, …), held only up to a bound: a line
// longer than any payment request is skipped to its end, not buffered (readline held a 100 MB
// line whole, and the process grew to ~290 MB before refusing it).
import { MAX_BOLT12_LENGTH } from '@lninvoice/bolt12';
import { MAX_INVOICE_LENGTH } from '@lninvoice/core';

/**
 * The longest line read, in bytes: the longest string the line-reading commands accept (a BOLT
 * 12 string of 65 536 characters; a BOLT 11 invoice has at most 7 089) with room for a
 * `lightning:` prefix and surrounding whitespace. Payment requests are ASCII: a byte each. The
 * other texts read by line (URIs, LNURLs, addresses) are far shorter: what fits a QR code.
 */
export const MAX_LINE_BYTES = Math.max(MAX_BOLT12_LENGTH, MAX_INVOICE_LENGTH) + 1024;

/** Why a line longer than MAX_LINE_BYTES is refused, for its `too-long` report. */
export const LINE_TOO_LONG = `the line is longer than ${MAX_LINE_BYTES} bytes, which no payment request is (BOLT 12 strings are read up to ${MAX_BOLT12_LENGTH} characters, BOLT 11 invoices up to ${MAX_INVOICE_LENGTH})`;

/** A line of input and its 1-based number; `text` is undefined when the line was too long. */
export interface InputLine {
  readonly line: number;
  readonly text: string | undefined;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The non-blank lines of `chunks` (UTF-8), ended by LF, CR or CR LF as readline ends them, with
 * their numbers (blank lines counted). A line of more than `limit` bytes is yielded with no
 * text, and its bytes past the limit are never kept.
 */
export async function* readLines(
  chunks: AsyncIterable<Uint8Array>,
  limit = MAX_LINE_BYTES,
): AsyncGenerator<InputLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let line = 0;
  /** The chunk before ended in CR: an LF starting this one is the same line break. */
  let afterCr = false;
  const add = (part: Buffer) => {
    size += part.length;
    if (size > limit) parts = [];
    else if (part.length > 0) parts.push(part);
  };
  const take = (): InputLine | undefined => {
    line++;
    const over = size > limit;
    const text = over
      ? undefined
      : parts.length === 1
        ? (parts[0] as Buffer).toString()
        : Buffer.concat(parts).toString();
    parts = [];
    size = 0;
    return text?.trim() === '' ? undefined : { line, text };
  };
  for await (const bytes of chunks) {
    const chunk = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
    let at = afterCr && chunk[0] === LF ? 1 : 0;
    afterCr = false;
    // indexOf runs in C++: a long line is scanned, not walked byte by byte in JavaScript.
    let lf = chunk.indexOf(LF, at);
    let cr = chunk.indexOf(CR, at);
    while (at < chunk.length) {
      if (lf !== -1 && lf < at) lf = chunk.indexOf(LF, at);
      if (cr !== -1 && cr < at) cr = chunk.indexOf(CR, at);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) {
        add(chunk.subarray(at));
        break;
      }
      add(chunk.subarray(at, end));
      const taken = take();
      if (taken) yield taken;
      at = end + 1;
      if (chunk[end] === CR) {
        if (at === chunk.length) afterCr = true;
        else if (chunk[at] === LF) at++;
      }
    }
  }
  if (size > 0) {
    const taken = take();
    if (taken) yield taken;
  }
}
