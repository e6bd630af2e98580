// The decoded invoice as a table, each row tied to the sections of the string it comes from.
import type { AnyInvoice, Section } from '@lninvoice/core';
import { type Child, h } from '../../lib/dom';
import { formatDuration, formatMsat, formatTime, hex } from '../../lib/format';
import { visibleText } from '../../lib/visible-text';

interface Row {
  readonly label: string;
  /** `data-field`, for tests and styles. */
  readonly key: string;
  readonly value: Child;
  /** The sections the row is read from. */
  readonly from: (section: Section) => boolean;
}

const field = (tag: string) => (section: Section) =>
  section.kind === 'field' && section.tag === tag;
const kind = (name: Section['kind']) => (section: Section) => section.kind === name;
const none = () => false;

const list = (items: readonly Child[]): Child =>
  items.length === 0
    ? h('span', { class: 'hint' }, 'none')
    : h('ul', { class: 'plain' }, ...items.map((item) => h('li', {}, item)));

const payee = (invoice: AnyInvoice, verified: boolean): Child => {
  if (invoice.payeeNodeKey === undefined)
    return h(
      'span',
      { class: 'hint' },
      'unknown: no n field, and the signature was not verified (the key is recovered from it)',
    );
  const source =
    'payeeSource' in invoice && verified
      ? invoice.payeeSource === 'recovered'
        ? 'recovered from the signature'
        : 'the n field; the signature is by this key'
      : 'the n field; the signature was NOT verified';
  return h(
    'span',
    {},
    h('code', { class: 'break' }, hex(invoice.payeeNodeKey)),
    h('br'),
    h('span', { class: 'hint' }, source),
  );
};

const rows = (invoice: AnyInvoice, verified: boolean): Row[] => [
  {
    label: 'Network',
    key: 'network',
    value: `${invoice.network} (prefix ${invoice.prefix})`,
    from: kind('prefix'),
  },
  {
    label: 'Amount',
    key: 'amount',
    value:
      invoice.amountMsat === undefined
        ? 'any amount: the payer chooses'
        : formatMsat(invoice.amountMsat),
    from: kind('amount'),
  },
  {
    label: 'Created',
    key: 'timestamp',
    value: formatTime(invoice.timestamp),
    from: kind('timestamp'),
  },
  {
    label: 'Expiry',
    key: 'expiry',
    value: `${formatDuration(invoice.expiry)}${invoice.fields.some((f) => f.tag === 'x') ? '' : ' (no x field: the default)'}`,
    from: field('x'),
  },
  { label: 'Expires', key: 'expires-at', value: formatTime(invoice.expiresAt), from: field('x') },
  {
    label: 'Payment hash',
    key: 'payment-hash',
    value: h('code', { class: 'break' }, hex(invoice.paymentHash)),
    from: field('p'),
  },
  {
    label: 'Payment secret',
    key: 'payment-secret',
    value:
      invoice.paymentSecret === undefined
        ? 'none (an invoice written before payment secrets were required)'
        : h('code', { class: 'break' }, hex(invoice.paymentSecret)),
    from: field('s'),
  },
  invoice.descriptionHash === undefined
    ? {
        label: 'Description',
        key: 'description',
        value: h(
          'span',
          { class: 'description', dir: 'auto' },
          visibleText(invoice.description ?? ''),
        ),
        from: field('d'),
      }
    : {
        label: 'Description hash',
        key: 'description-hash',
        value: h('code', { class: 'break' }, hex(invoice.descriptionHash)),
        from: field('h'),
      },
  {
    label: 'Payee',
    key: 'payee',
    value: payee(invoice, verified),
    from: (s) => field('n')(s) || kind('signature')(s),
  },
  {
    label: 'Min final CLTV delta',
    key: 'cltv',
    value: `${invoice.minFinalCltvExpiryDelta} blocks${invoice.fields.some((f) => f.tag === 'c') ? '' : ' (no c field: the default)'}`,
    from: field('c'),
  },
  {
    label: 'Fallback addresses',
    key: 'fallbacks',
    value: list(invoice.fallbackAddresses.map((f) => h('code', { class: 'break' }, f.address))),
    from: field('f'),
  },
  {
    label: 'Route hints',
    key: 'route-hints',
    value: list(
      invoice.routeHints.map((route) =>
        h(
          'ol',
          { class: 'hops' },
          ...route.map((hop) =>
            h(
              'li',
              {},
              h('code', { class: 'break' }, hex(hop.pubkey)),
              ` channel ${hop.shortChannelId}, fee ${hop.feeBaseMsat} msat + ${hop.feeProportionalMillionths} ppm, CLTV delta ${hop.cltvExpiryDelta}`,
            ),
          ),
        ),
      ),
    ),
    from: field('r'),
  },
  {
    label: 'Features',
    key: 'features',
    value: list(
      invoice.features.map(
        (f) =>
          `${f.bit} ${f.name ?? 'unnamed'} (${f.required ? 'required' : 'optional'}${f.known ? '' : ', unknown to this reader'})`,
      ),
    ),
    from: field('9'),
  },
  ...(invoice.metadata === undefined
    ? []
    : [
        {
          label: 'Payment metadata',
          key: 'metadata',
          value: h('code', { class: 'break' }, hex(invoice.metadata)),
          from: field('m'),
        },
      ]),
  ...(invoice.unknownFields.length === 0
    ? []
    : [
        {
          label: 'Unknown fields',
          key: 'unknown-fields',
          value: list(
            invoice.unknownFields.map(
              (f) => `type ${f.type} (${f.tag}), ${f.words.length} words: ignored`,
            ),
          ),
          from: (s: Section) =>
            s.kind === 'field' && invoice.unknownFields.some((f) => f.span[0] === s.span[0]),
        },
      ]),
  ...(invoice.ignoredFields.length === 0
    ? []
    : [
        {
          label: 'Skipped fields',
          key: 'ignored-fields',
          value: list(invoice.ignoredFields.map((f) => `${f.tag}: ${f.reason}`)),
          from: (s: Section) =>
            s.kind === 'field' && invoice.ignoredFields.some((f) => f.span[0] === s.span[0]),
        },
      ]),
  {
    label: 'Signature',
    key: 'signature',
    value: h(
      'span',
      {},
      h('code', { class: 'break' }, hex(invoice.signature.compact)),
      h('br'),
      `recovery id ${invoice.signature.recoveryId}`,
    ),
    from: kind('signature'),
  },
  {
    label: 'Signing hash',
    key: 'signing-hash',
    value: h('code', { class: 'break' }, hex(invoice.signingHash)),
    from: none,
  },
];

/** The table; rows name the indexes of their sections in `data-sections`. */
export const fieldsTable = (
  invoice: AnyInvoice,
  sections: readonly Section[],
  verified: boolean,
): HTMLElement => {
  const body = rows(invoice, verified).map((row) => {
    const ids = sections.flatMap((section, index) => (row.from(section) ? [index] : []));
    return h(
      'tr',
      { 'data-field': row.key, 'data-sections': ids.join(' ') || undefined },
      h('th', { scope: 'row' }, row.label),
      h('td', {}, row.value),
    );
  });
  return h('table', { class: 'fields' }, h('tbody', {}, ...body));
};
