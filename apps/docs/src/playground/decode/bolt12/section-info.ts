// What each section of a BOLT 12 string is, and what its record says once decoded.
import type { Bolt12Section } from '@lninvoice/bolt12';
import { h } from '../../../lib/dom';
import { type RowGroup, rowsOfSection, rowValue } from './fields';
import { sectionTitle } from './string';

const KINDS: Readonly<Record<Bolt12Section['kind'], string>> = {
  scheme: 'URI scheme: readers ignore a lightning: prefix',
  prefix: 'prefix: lno an offer, lnr an invoice request, lni an invoice',
  separator: 'separator: the 1 after the prefix (BOLT 12 strings carry no checksum)',
  record: 'TLV record: a BigSize type, a BigSize length, then the value',
};

/** Odd types are optional to understand ("it's ok to be odd"); even ones are not. */
const recordNote = (section: Bolt12Section): string =>
  section.name?.startsWith('type ')
    ? `type ${section.type} is unknown to this reader: ${section.type !== undefined && section.type % 2n === 1n ? 'odd, so kept and ignored' : 'even, so the message is refused'}`
    : `type ${section.type}, value ${section.length} bytes`;

/** The section info box's contents for `section`. */
export const bolt12SectionInfo = (
  section: Bolt12Section,
  groups: readonly RowGroup[] | undefined,
): HTMLElement[] => [
  h(
    'p',
    {},
    h('strong', { 'data-testid': 'section-title' }, sectionTitle(section)),
    ` — characters ${section.span[0]} to ${section.span[1]}`,
  ),
  h('p', { class: 'hint' }, KINDS[section.kind]),
  ...(section.kind === 'record' ? [h('p', { class: 'hint' }, recordNote(section))] : []),
  ...(groups === undefined
    ? []
    : rowsOfSection(section, groups).map((row) => h('p', {}, rowValue(row)))),
];
