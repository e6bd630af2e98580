// A lossless view of a BOLT 12 string for tools: every record with its character span, so a
// playground can colour and explain each part. Framing only (the string and the TLV stream):
// the fields' contents and the message's rules are judged by the decoders.
import type { Span } from '@lninvoice/core/errors';
import { fieldName } from './fields.js';
import { type Bolt12Kind, PREFIXES, readBolt12Text } from './string.js';
import { readTlvStream } from './tlv.js';

/**
 * What a section of a BOLT 12 string is: the `lightning:` scheme, the prefix, the `1` separator, or
 * a TLV record.
 */
export type Bolt12SectionKind = 'scheme' | 'prefix' | 'separator' | 'record';

/** A part of a BOLT 12 string, for showing it section by section (as the playground does). */
export interface Bolt12Section {
  /** What the part is. */
  readonly kind: Bolt12SectionKind;
  /** The characters of the input it covers; records share no character. */
  readonly span: Span;
  /** The characters, as written (`+` continuations and whitespace included). */
  readonly text: string;
  /** For records: the TLV type. */
  readonly type?: bigint;
  /** For records: the field's spec name (`'offer_description'`), or `'type N'` when unknown. */
  readonly name?: string;
  /** For records: the length of the value in bytes. */
  readonly length?: number;
}

/**
 * Splits a BOLT 12 string into its sections, in order, and says what kind of message it is.
 * Throws `Bolt12Error` when the string or its TLV stream cannot be read.
 */
export const bolt12Sections = (
  text: string,
): {
  /** The kind of message the prefix names. */
  kind: Bolt12Kind;
  /** Every section, in the order of the string. */
  sections: Bolt12Section[];
} => {
  const read = readBolt12Text(text, 'the BOLT 12 string');
  const section = (
    kind: Bolt12SectionKind,
    span: Span,
    extra: Partial<Bolt12Section> = {},
  ): Bolt12Section => ({
    kind,
    span,
    text: text.slice(span[0], span[1]),
    ...extra,
  });
  const sections: Bolt12Section[] = [];
  const trimmed = text.length - text.trimStart().length;
  if (read.start > trimmed) sections.push(section('scheme', [trimmed, read.start]));
  const [prefixStart, prefixEnd] = read.prefixSpan;
  sections.push(section('prefix', [prefixStart, prefixEnd]));
  sections.push(section('separator', [prefixEnd, text.indexOf('1', prefixEnd) + 1]));
  for (const record of readTlvStream(read.bytes, read.spanOf))
    sections.push(
      section('record', read.partSpanOf(record.start, record.end), {
        type: record.type,
        name: fieldName(record.type),
        length: record.value.length,
      }),
    );
  return { kind: PREFIXES[read.prefix], sections };
};
