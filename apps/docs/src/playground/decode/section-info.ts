// What each section of an invoice string is, and what it says once decoded.
import type { AnyInvoice, Section, SectionKind } from '@lninvoice/core';
import { formatDuration, formatMsat, formatTime, hex } from '../../lib/format';
import { visibleText } from '../../lib/visible-text';

const KINDS: Readonly<Record<SectionKind, string>> = {
  scheme: 'URI scheme: readers ignore a lightning: prefix',
  prefix: 'prefix: ln + the network (lnbc, lntb, lntbs, lnbcrt)',
  amount: 'amount: a positive decimal and an optional multiplier (m, u, n, p) of bitcoin',
  separator: 'separator: the last 1 ends the human-readable part',
  timestamp: 'timestamp: 7 characters (35 bits), seconds since 1970',
  field: 'tagged field: type (1 character), data_length (2 characters), then the data',
  signature: 'signature: 104 characters (520 bits): R, S and the recovery id',
  checksum: 'bech32 checksum: 6 characters over everything before it',
};

export const kindDescription = (section: Section): string => KINDS[section.kind];

/** The title of a section: its field name, or its kind. */
export const sectionTitle = (section: Section): string =>
  section.kind === 'field' ? (section.name ?? 'field') : section.kind;

const sameStart = (section: Section) => (field: { span: readonly [number, number] }) =>
  field.span[0] === section.span[0];

/** Which of the fields with this tag (0 for the first `f`, 1 for the second…), skipped ones aside. */
const ordinal = (sections: readonly Section[], section: Section, invoice: AnyInvoice): number =>
  sections.filter(
    (s) =>
      s.kind === 'field' &&
      s.tag === section.tag &&
      s.span[0] < section.span[0] &&
      !invoice.ignoredFields.some(sameStart(s)),
  ).length;

/** The decoded value of a field section, from the invoice it belongs to. */
const fieldValue = (
  section: Section,
  sections: readonly Section[],
  invoice: AnyInvoice,
): Node | string => {
  const ignored = invoice.ignoredFields.find(sameStart(section));
  if (ignored !== undefined) return `skipped by the reader: ${ignored.reason}`;
  if (invoice.unknownFields.some(sameStart(section)))
    return `unknown type ${section.type}: kept as raw words and ignored`;
  switch (section.tag) {
    case 'p':
      return hex(invoice.paymentHash);
    case 's':
      return invoice.paymentSecret === undefined ? '' : hex(invoice.paymentSecret);
    case 'd':
      return visibleText(invoice.description ?? '');
    case 'h':
      return invoice.descriptionHash === undefined ? '' : hex(invoice.descriptionHash);
    case 'n':
      return invoice.payeeNodeKey === undefined ? '' : hex(invoice.payeeNodeKey);
    case 'x':
      return formatDuration(invoice.expiry);
    case 'c':
      return `${invoice.minFinalCltvExpiryDelta} blocks`;
    case 'f':
      return invoice.fallbackAddresses[ordinal(sections, section, invoice)]?.address ?? '';
    case 'r': {
      const route = invoice.routeHints[ordinal(sections, section, invoice)] ?? [];
      return route
        .map((hop) => `${hex(hop.pubkey).slice(0, 16)}… via ${hop.shortChannelId}`)
        .join(' → ');
    }
    case '9':
      return invoice.features
        .map((f) => `${f.bit} ${f.name ?? 'unnamed'} (${f.required ? 'required' : 'optional'})`)
        .join(', ');
    case 'm':
      return invoice.metadata === undefined ? '' : hex(invoice.metadata);
    default:
      return '';
  }
};

/** What a section says, when the invoice could be read. */
export const sectionValue = (
  section: Section,
  sections: readonly Section[],
  invoice: AnyInvoice | undefined,
): Node | string => {
  if (invoice === undefined) return '';
  switch (section.kind) {
    case 'prefix':
      return `network ${invoice.network}`;
    case 'amount':
      return invoice.amountMsat === undefined ? '' : formatMsat(invoice.amountMsat);
    case 'timestamp':
      return formatTime(invoice.timestamp);
    case 'signature':
      return `${hex(invoice.signature.compact)}, recovery id ${invoice.signature.recoveryId}`;
    case 'field':
      return fieldValue(section, sections, invoice);
    default:
      return '';
  }
};
