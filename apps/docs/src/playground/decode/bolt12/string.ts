// A BOLT 12 string as typed, each TLV record in the colour of its field and named, focusable and
// hoverable; the part an error points at underlined. Records do not start on character
// boundaries (bytes are 8 bits, characters 5): a record owns the characters bolt12Sections gives
// it, `+` continuations and whitespace included.
import type { Bolt12Section } from '@lninvoice/bolt12';
import { h } from '../../../lib/dom';
import { type Span, underlinedRange } from '../../../lib/spans';

/** A colour per kind of field, so that a field looks the same in offers, requests and invoices. */
const COLOURS: Readonly<Record<string, string>> = {
  invreq_metadata: 'metadata',
  offer_metadata: 'metadata',
  offer_chains: 'chain',
  invreq_chain: 'chain',
  offer_currency: 'currency',
  offer_amount: 'amount',
  invreq_amount: 'amount',
  invoice_amount: 'amount',
  offer_description: 'text',
  invreq_payer_note: 'text',
  offer_features: 'features',
  invreq_features: 'features',
  invoice_features: 'features',
  offer_absolute_expiry: 'time',
  invoice_created_at: 'time',
  invoice_relative_expiry: 'time',
  offer_paths: 'paths',
  invreq_paths: 'paths',
  invoice_paths: 'paths',
  invoice_blindedpay: 'paths',
  offer_issuer: 'issuer',
  invreq_bip_353_name: 'issuer',
  offer_quantity_max: 'quantity',
  invreq_quantity: 'quantity',
  offer_issuer_id: 'key',
  invreq_payer_id: 'key',
  invoice_node_id: 'key',
  invoice_payment_hash: 'hash',
  invoice_fallbacks: 'fallbacks',
  signature: 'signature',
};

export const sectionTitle = (section: Bolt12Section): string =>
  section.kind === 'record' ? (section.name ?? 'record') : section.kind;

const sectionClass = (section: Bolt12Section): string =>
  section.kind === 'record'
    ? `sec sec-record rec-${COLOURS[section.name ?? ''] ?? 'unknown'}`
    : `sec sec-${section.kind}`;

const attributes = (section: Bolt12Section, index: number) => ({
  class: sectionClass(section),
  'data-section': index,
  'data-kind': section.kind,
  'data-name': section.name,
  'data-type': section.type === undefined ? undefined : String(section.type),
  'data-span': `${section.span[0]} ${section.span[1]}`,
  tabindex: 0,
  title: `${sectionTitle(section)} [${section.span[0]}, ${section.span[1]})`,
});

/** Draws `text` into `container`: by section when it could be framed, else as plain text. */
export const drawBolt12String = (
  container: HTMLElement,
  text: string,
  sections: readonly Bolt12Section[],
  bad: Span | undefined,
): void => {
  const parts: Node[] = [];
  let position = 0;
  sections.forEach((section, index) => {
    const [start, end] = section.span;
    if (start > position) parts.push(underlinedRange(text, position, start, bad));
    const element = h('span', attributes(section, index));
    element.append(underlinedRange(text, start, end, bad));
    parts.push(element);
    position = end;
  });
  parts.push(underlinedRange(text, position, text.length, bad, true));
  container.replaceChildren(...parts);
};

/** The records by name, in their colours: what the string is made of, at a glance. */
export const recordLegend = (sections: readonly Bolt12Section[]): HTMLElement =>
  h(
    'ol',
    { class: 'record-legend', 'aria-label': 'The records, in order' },
    ...sections.flatMap((section, index) =>
      section.kind === 'record'
        ? [
            h(
              'li',
              {},
              h(
                'span',
                { class: sectionClass(section), 'data-section': index, tabindex: -1 },
                section.name ?? 'record',
              ),
              h('span', { class: 'hint' }, ` type ${section.type}, ${section.length} bytes`),
            ),
          ]
        : [],
    ),
  );
