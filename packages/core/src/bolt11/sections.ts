// A lossless view of an invoice string for tools: every section with its character span, so a
// playground can colour and explain each part. Framing only: field contents are not judged here.
import { CHECKSUM_LENGTH } from '../bech32.js';
import type { Span } from '../errors.js';
import { type Network, withNetworks } from '../networks.js';
import { checkedWhereUsed, readOptions } from '../options.js';
import { describeValue } from '../text.js';
import { bolt11Error } from './error.js';
import { FIELDS, isKnownTag } from './field-table.js';
import { readInvoiceString, splitDataPart, wordPosition } from './framing.js';
import { parseHrp } from './hrp.js';

/**
 * What a section of an invoice string is: the `lightning:` scheme, the prefix, the amount, the `1`
 * separator, the timestamp, a tagged field, the signature or the checksum.
 */
export type SectionKind =
  | 'scheme'
  | 'prefix'
  | 'amount'
  | 'separator'
  | 'timestamp'
  | 'field'
  | 'signature'
  | 'checksum';

/** A part of an invoice string, for showing it section by section (as the playground does). */
export interface Section {
  /** What the part is. */
  readonly kind: SectionKind;
  /** The characters of the input it covers. */
  readonly span: Span;
  /** The characters of the section, as written. */
  readonly text: string;
  /** For fields: the bech32 character of the type, e.g. `'p'`. */
  readonly tag?: string;
  /** For fields: the 5-bit type number. */
  readonly type?: number;
  /** For fields: what the field is, e.g. `'payment hash (p)'`, or `'unknown field'`. */
  readonly name?: string;
  /** For fields: `data_length` in 5-bit words. */
  readonly dataLength?: number;
  /** For fields: where the data (after type and length) stands. */
  readonly dataSpan?: Span;
}

/**
 * Splits an invoice string into its sections, in order. Throws `Bolt11Error` when the string
 * cannot be framed (bad bech32, unknown prefix, truncated field); `decode` judges the rest.
 */
export const invoiceSections = (
  invoice: string,
  options?: { readonly networks?: readonly Network[] },
): Section[] => {
  if (typeof invoice !== 'string')
    throw new TypeError(`invoice must be a string, got ${describeValue(invoice)}`);
  const { networks } = readOptions<{ networks: readonly Network[] }>('options', options, {
    networks: checkedWhereUsed,
  });
  const input = readInvoiceString(invoice);
  const networksToRead = withNetworks(networks, 'options.networks');
  const { network } = parseHrp(input.hrp, networksToRead, input.offset, bolt11Error);
  const data = splitDataPart(input);
  const section = (kind: SectionKind, span: Span, extra: Partial<Section> = {}): Section => ({
    kind,
    span,
    text: invoice.slice(span[0], span[1]),
    ...extra,
  });

  const sections: Section[] = [];
  const start = input.offset;
  const trimmedStart = invoice.length - invoice.trimStart().length;
  if (start > trimmedStart) sections.push(section('scheme', [trimmedStart, start]));
  const prefixEnd = start + network.prefix.length;
  const hrpEnd = start + input.hrp.length;
  sections.push(section('prefix', [start, prefixEnd]));
  if (hrpEnd > prefixEnd) sections.push(section('amount', [prefixEnd, hrpEnd]));
  sections.push(section('separator', [hrpEnd, hrpEnd + 1]));
  sections.push(section('timestamp', [wordPosition(input, 0), wordPosition(input, 7)]));
  for (const field of data.fields) {
    sections.push(
      section('field', field.span, {
        tag: field.tag,
        type: field.type,
        name: isKnownTag(field.tag) ? FIELDS[field.tag].name : 'unknown field',
        dataLength: field.words.length,
        dataSpan: [field.span[0] + 3, field.span[1]],
      }),
    );
  }
  sections.push(section('signature', data.signatureSpan));
  const end = data.signatureSpan[1];
  sections.push(section('checksum', [end, end + CHECKSUM_LENGTH]));
  return sections;
};
