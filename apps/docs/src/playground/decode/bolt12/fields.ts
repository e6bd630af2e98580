// A decoded BOLT 12 message as tables: one row per field the library returns, named by its
// property (`data-field`, `offer.description` for a mirrored one), tied to the records it is read
// from. Each row's `[data-testid="value"]` holds the value itself (text as written, numbers in
// decimal, bytes in hex); what it means follows in a hint.
import type {
  BlindedPath,
  BlindedPayInfo,
  Bolt12,
  Bolt12Section,
  FallbackAddress,
  Feature,
  InvoiceRequestFields,
  OfferFields,
  TlvRecord,
} from '@lninvoice/bolt12';
import { type Child, h } from '../../../lib/dom';
import { formatDuration, formatMsat, formatTime, hex } from '../../../lib/format';
import { visibleText } from '../../../lib/visible-text';

export interface Row {
  readonly label: string;
  /** The property of the decoded message, dotted for mirrored fields: `offer.description`. */
  readonly key: string;
  /** The value (a fresh node each call: a row is drawn in the table and in the section info). */
  readonly value: () => Child;
  /** What the value means, when it needs saying. */
  readonly note?: string | undefined;
  /** The TLV types of the records it is read from (none for computed values). */
  readonly types: readonly bigint[];
}

export interface RowGroup {
  readonly title: string;
  readonly rows: readonly Row[];
}

const hint = (text: string) => h('span', { class: 'hint' }, text);
const code = (bytes: Uint8Array) => h('code', { class: 'break' }, hex(bytes));
const text = (value: string) =>
  h('span', { class: 'description', dir: 'auto' }, visibleText(value));
const list = (items: readonly Child[]): Child =>
  items.length === 0
    ? hint('none')
    : h('ul', { class: 'plain' }, ...items.map((item) => h('li', {}, item)));

const time = (seconds: bigint): string =>
  seconds <= BigInt(Number.MAX_SAFE_INTEGER)
    ? formatTime(Number(seconds)).replace(/ \(\d+\)$/, '')
    : 'beyond any date';

const feature = (f: Feature): string =>
  `${f.bit} ${f.name ?? 'unnamed'} (${f.required ? 'required' : 'optional'}${f.known ? '' : ', unknown to this reader'})`;

const payInfo = (info: BlindedPayInfo): Child =>
  h(
    'li',
    {},
    `pay info: fee ${info.feeBaseMsat} msat + ${info.feeProportionalMillionths} ppm, CLTV delta ${info.cltvExpiryDelta}, HTLC ${info.htlcMinimumMsat} to ${info.htlcMaximumMsat} msat`,
    info.features.length === 0 ? '' : `, features ${info.features.map(feature).join(', ')}`,
    info.usable ? '' : ' — not usable: an unknown required feature',
  );

const path = (p: BlindedPath & { readonly blindedPayInfo?: BlindedPayInfo }): Child =>
  h(
    'ol',
    { class: 'hops' },
    h(
      'li',
      {},
      'introduction node ',
      'nodeId' in p.firstNodeId
        ? code(p.firstNodeId.nodeId)
        : `by channel ${p.firstNodeId.shortChannelId}, direction ${p.firstNodeId.direction}`,
      ', first path key ',
      code(p.firstPathKey),
    ),
    ...p.hops.map((hop) =>
      h(
        'li',
        {},
        'blinded node ',
        code(hop.blindedNodeId),
        `, encrypted data (${hop.encryptedRecipientData.length} bytes) `,
        code(hop.encryptedRecipientData),
      ),
    ),
    p.blindedPayInfo === undefined ? null : payInfo(p.blindedPayInfo),
  );

const fallback = (f: FallbackAddress): Child =>
  h(
    'span',
    {},
    f.address === undefined ? '' : h('code', { class: 'break' }, f.address),
    ` version ${f.version}, program `,
    code(f.program),
  );

const unknownRecord = (r: TlvRecord): Child =>
  h('span', {}, `type ${r.type}, ${r.value.length} bytes: `, code(r.value));

/** A row for a value that may be absent: the value, or "not set" and what that means. */
const row = (
  key: string,
  label: string,
  types: readonly number[],
  value: unknown,
  show: () => Child,
  note?: string,
  absent = 'not set',
): Row => ({
  key,
  label,
  types: types.map(BigInt),
  value: value === undefined ? () => null : show,
  note: value === undefined ? absent : note,
});

const MSAT = (msat: bigint) => formatMsat(msat).replace(/^\d+ msat /, 'msat ');

const offerRows = (o: OfferFields, prefix: string): Row[] => {
  const unit =
    o.currency === undefined
      ? 'msat'
      : o.currencyExponent === undefined
        ? `minor units of ${o.currency} (an unknown currency)`
        : `minor units of ${o.currency}: ${o.amount === undefined ? '' : decimal(o.amount, o.currencyExponent)} ${o.currency}`;
  return [
    row(
      `${prefix}chains`,
      'Chains',
      [2],
      o.chains,
      () => o.chains.join(', '),
      'no offer_chains means bitcoin alone',
    ),
    row(
      `${prefix}metadata`,
      'Metadata',
      [4],
      o.metadata,
      () => code(o.metadata as Uint8Array),
      'for the issuer’s own use',
    ),
    row(
      `${prefix}currency`,
      'Currency',
      [6],
      o.currency,
      () => text(o.currency as string),
      'ISO 4217',
      'not set: the amount is in msat',
    ),
    row(
      `${prefix}currencyExponent`,
      'Currency exponent',
      [6],
      o.currencyExponent,
      () => String(o.currencyExponent),
      'digits after the decimal point (ISO 4217)',
    ),
    row(
      `${prefix}amount`,
      'Amount as written',
      [8],
      o.amount,
      () => String(o.amount),
      unit,
      'not set: any amount, the payer chooses',
    ),
    row(
      `${prefix}amountMsat`,
      'Amount',
      [8],
      o.amountMsat,
      () => String(o.amountMsat),
      o.amountMsat === undefined ? undefined : MSAT(o.amountMsat),
      o.currency === undefined
        ? 'not set: any amount, the payer chooses'
        : 'not set: the amount is in a currency',
    ),
    row(`${prefix}description`, 'Description', [10], o.description, () =>
      text(o.description as string),
    ),
    row(`${prefix}features`, 'Features', [12], o.features, () => list(o.features.map(feature))),
    row(
      `${prefix}absoluteExpiry`,
      'Absolute expiry',
      [14],
      o.absoluteExpiry,
      () => String(o.absoluteExpiry),
      o.absoluteExpiry === undefined ? undefined : `seconds since 1970: ${time(o.absoluteExpiry)}`,
      'not set: the offer does not expire',
    ),
    row(`${prefix}paths`, 'Blinded paths', [16], o.paths, () => list(o.paths.map(path))),
    row(
      `${prefix}issuer`,
      'Issuer',
      [18],
      o.issuer,
      () => text(o.issuer as string),
      'text chosen by the issuer: nothing checks it',
    ),
    row(
      `${prefix}quantityMax`,
      'Quantity max',
      [20],
      o.quantityMax,
      () => String(o.quantityMax),
      o.quantityMax === 0n ? 'any quantity' : 'items per request',
      'not set: one item per request',
    ),
    row(
      `${prefix}issuerId`,
      'Issuer id',
      [22],
      o.issuerId,
      () => code(o.issuerId as Uint8Array),
      'the node’s key',
      'not set: reached through the blinded paths',
    ),
  ];
};

const requestRows = (r: InvoiceRequestFields, prefix: string, mirrored: boolean): Row[] => [
  row(
    `${prefix}invreqMetadata`,
    'Request metadata',
    [0],
    r.invreqMetadata,
    () => code(r.invreqMetadata as Uint8Array),
    'the payer’s own: makes the request unique',
  ),
  row(`${prefix}chain`, 'Chain', [80], r.chain, () => r.chain, 'no invreq_chain means bitcoin'),
  row(
    `${prefix}amountMsat`,
    'Amount',
    [82],
    r.amountMsat,
    () => String(r.amountMsat),
    r.amountMsat === undefined ? undefined : MSAT(r.amountMsat),
    'not set: the offer’s amount',
  ),
  row(`${prefix}features`, 'Features', [84], r.features, () => list(r.features.map(feature))),
  row(`${prefix}quantity`, 'Quantity', [86], r.quantity, () => String(r.quantity)),
  row(
    `${prefix}payerId`,
    'Payer id',
    [88],
    r.payerId,
    () => code(r.payerId as Uint8Array),
    mirrored ? undefined : 'a transient key: it signs the request',
  ),
  row(
    `${prefix}payerNote`,
    'Payer note',
    [89],
    r.payerNote,
    () => text(r.payerNote as string),
    'text chosen by the payer',
  ),
  row(`${prefix}paths`, 'Payer’s blinded paths', [90], r.paths, () => list(r.paths.map(path))),
  row(
    `${prefix}bip353Name`,
    'BIP 353 name',
    [91],
    r.bip353Name,
    () => `₿${r.bip353Name?.name}@${r.bip353Name?.domain}`,
    'the name the payer resolved to find the offer',
  ),
];

/** An exact decimal of `value / 10^decimals`. */
const decimal = (value: bigint, decimals: number): string => {
  if (decimals === 0) return value.toString();
  const digits = value.toString().padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
};

const NON_SIGNATURE = (m: Bolt12) => m.records.filter((r) => r.type !== 240n).map((r) => r.type);

/** Every field of `message`, in groups, each row tied to its records. */
export const bolt12Rows = (m: Bolt12): RowGroup[] => {
  const head: RowGroup = {
    title: 'Message',
    rows: [
      {
        key: 'kind',
        label: 'Kind',
        value: () => m.kind,
        note: {
          offer: 'lno: an offer',
          invoice_request: 'lnr: an invoice request',
          invoice: 'lni: an invoice',
        }[m.kind],
        types: [],
      },
      {
        key: 'uppercase',
        label: 'Upper case',
        value: () => (m.uppercase ? 'yes' : 'no'),
        note: m.uppercase ? 'as QR codes write it' : undefined,
        types: [],
      },
      {
        key: 'offerId',
        label: 'Offer id',
        value: () =>
          h(
            'ul',
            { class: 'plain' },
            h('li', {}, 'sha256 ', code(m.offerId.sha256), hint(' (Core Lightning’s offer_id)')),
            h('li', {}, 'ldk ', code(m.offerId.ldk), hint(' (LDK’s OfferId)')),
          ),
        types: [],
      },
      {
        key: 'unknownRecords',
        label: 'Unknown records',
        value: () => list(m.unknownRecords.map(unknownRecord)),
        note: m.unknownRecords.length === 0 ? undefined : 'odd types: kept as written and ignored',
        types: m.unknownRecords.map((r) => r.type),
      },
    ],
  };
  if (m.kind === 'offer') return [head, { title: 'Offer', rows: offerRows(m, '') }];
  const signed: RowGroup = {
    title: 'Signature',
    rows: [
      row(
        'signature',
        'Signature',
        [240],
        m.signature,
        () => code(m.signature as Uint8Array),
        'BIP 340',
        'missing',
      ),
      {
        key: 'verified',
        label: 'Verified',
        value: () => (m.verified ? 'yes' : 'no'),
        note: m.verified
          ? `by the ${m.kind === 'invoice' ? 'invoice node id' : 'payer id'}`
          : 'NOT checked: nothing about the signer is established',
        types: [240n],
      },
      {
        key: 'merkleRoot',
        label: 'Merkle root',
        value: () => code(m.merkleRoot),
        note: 'of every record but the signature',
        types: NON_SIGNATURE(m),
      },
      {
        key: 'signatureHash',
        label: 'Signature hash',
        value: () => code(m.signatureHash),
        note: 'what the signature signs',
        types: [],
      },
    ],
  };
  if (m.kind === 'invoice_request')
    return [
      head,
      { title: 'Invoice request', rows: requestRows(m, '', false) },
      { title: 'The offer it answers (mirrored)', rows: offerRows(m.offer, 'offer.') },
      signed,
    ];
  const invoiceRows: Row[] = [
    row(
      'amountMsat',
      'Amount',
      [170],
      m.amountMsat,
      () => String(m.amountMsat),
      MSAT(m.amountMsat),
    ),
    row('paymentHash', 'Payment hash', [168], m.paymentHash, () => code(m.paymentHash)),
    row(
      'createdAt',
      'Created',
      [164],
      m.createdAt,
      () => String(m.createdAt),
      `seconds since 1970: ${time(m.createdAt)}`,
    ),
    row(
      'relativeExpiry',
      'Relative expiry',
      [166],
      m.relativeExpiry,
      () => String(m.relativeExpiry),
      `seconds: ${formatDuration(m.relativeExpiry)}${m.records.some((r) => r.type === 166n) ? '' : ', the default (no invoice_relative_expiry)'}`,
    ),
    row(
      'expiresAt',
      'Expires',
      [164, 166],
      m.expiresAt,
      () => String(m.expiresAt),
      `seconds since 1970: ${time(m.expiresAt)}`,
    ),
    row(
      'nodeId',
      'Node id',
      [176],
      m.nodeId,
      () => code(m.nodeId),
      'the key that signs the invoice',
    ),
    row('chain', 'Chain', [80], m.chain, () => m.chain),
    row(
      'paths',
      'Blinded paths',
      [160, 162],
      m.paths,
      () => list(m.paths.map(path)),
      'each with its pay info',
    ),
    row('fallbacks', 'Fallback addresses', [172], m.fallbacks, () =>
      list(m.fallbacks.map(fallback)),
    ),
    row('features', 'Features', [174], m.features, () => list(m.features.map(feature))),
  ];
  return [
    head,
    { title: 'Invoice', rows: invoiceRows },
    { title: 'The request it answers (mirrored)', rows: requestRows(m.request, 'request.', true) },
    { title: 'The offer (mirrored)', rows: offerRows(m.offer, 'offer.') },
    signed,
  ];
};

/** The indexes of the sections that hold the records of `row`. */
export const sectionsOf = (row: Row, sections: readonly Bolt12Section[]): number[] =>
  sections.flatMap((section, index) =>
    (row.key === 'kind' && section.kind === 'prefix') ||
    (section.type !== undefined && row.types.includes(section.type))
      ? [index]
      : [],
  );

const cellOf = (row: Row): HTMLElement =>
  h(
    'td',
    {},
    h('span', { class: 'value', 'data-testid': 'value' }, row.value()),
    row.note === undefined ? null : h('span', { class: 'hint value-note' }, row.note),
  );

/** The tables: a heading row per group; rows name their sections in `data-sections`. */
export const bolt12FieldsTable = (
  groups: readonly RowGroup[],
  sections: readonly Bolt12Section[],
): HTMLElement =>
  h(
    'table',
    { class: 'fields bolt12-fields' },
    ...groups.map((group) =>
      h(
        'tbody',
        {},
        h('tr', { class: 'group' }, h('th', { colspan: 2, scope: 'rowgroup' }, group.title)),
        ...group.rows.map((row) =>
          h(
            'tr',
            {
              'data-field': row.key,
              'data-sections': sectionsOf(row, sections).join(' ') || undefined,
            },
            h('th', { scope: 'row' }, row.label),
            cellOf(row),
          ),
        ),
      ),
    ),
  );

/** What the rows read from `section` say, for the section info. */
export const rowsOfSection = (section: Bolt12Section, groups: readonly RowGroup[]): Row[] =>
  groups.flatMap((group) =>
    group.rows.filter(
      (row) =>
        (row.key === 'kind' && section.kind === 'prefix') ||
        (section.type !== undefined &&
          row.types.includes(section.type) &&
          row.key !== 'merkleRoot'),
    ),
  );

export const rowValue = (row: Row): HTMLElement =>
  h(
    'span',
    {},
    h('strong', {}, `${row.label}: `),
    h('span', { 'data-testid': 'section-value' }, row.value()),
  );
