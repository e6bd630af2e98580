// `lninvoice decode --human`: a summary for people of the JSON view of a BOLT 11 invoice or a
// BOLT 12 offer, invoice request or invoice. Read only when --human is given.
import type { Bolt12Json, FeaturesJson } from '@lninvoice/bolt12';
import type { InvoiceJson } from '@lninvoice/core';
import { formatDecimal } from '@lninvoice/core/amount';
import {
  amountText,
  duration,
  expiryText,
  isoTime,
  quoted,
  table,
  unsafeKinds,
} from '../human-format.js';
import { secondsSince1970 } from '../options.js';

type Row = readonly [string, string | undefined];

/** The warnings of text from the request: which unsafe characters it holds, shown escaped. */
const textWarnings = (fields: readonly [string, string | null | undefined][]): string[] =>
  fields.flatMap(([name, text]) => {
    const kinds = text ? unsafeKinds(text) : [];
    return kinds.length === 0
      ? []
      : [`the ${name} holds ${kinds.join(' and ')} characters, shown as \\u escapes`];
  });

/** The names of features, `basic_mpp (optional)`, or their bits when they have none. */
const featureList = (features: FeaturesJson): string | undefined => {
  const names = Object.entries(features).map(
    ([bit, f]) => `${f.name || `bit ${bit}`}${f.is_required ? '' : ' (optional)'}`,
  );
  return names.length === 0 ? undefined : names.join(', ');
};

/** The expiry row and, once it has passed, its warning. */
const expiry = (at: bigint | undefined, now: bigint, warnings: string[]): string | undefined => {
  if (at === undefined) return undefined;
  if (at <= now) warnings.push(`expired ${duration(now - at)} ago: it must not be paid`);
  return `${isoTime(at)} (${expiryText(at, now)})`;
};

const bolt11 = (json: InvoiceJson, now: bigint, verified: boolean): string => {
  const warnings: string[] = [];
  const created = BigInt(json.timestamp);
  const payee =
    json.payee_source === 'recovered'
      ? `${json.destination} (recovered from the signature)`
      : json.payee_source === 'n-field'
        ? `${json.destination} (its n field${verified ? ', the signature verified' : ''})`
        : undefined;
  if (!verified)
    warnings.push(
      'the signature was not checked (--no-verify): nothing is known of the payee, nor that the invoice is intact',
    );
  // A clock ahead of the payee's by more than BOLT 11's usual skew.
  if (created > now + 600n) warnings.push(`created ${duration(created - now)} in the future`);
  warnings.push(...textWarnings([['description', json.description]]));
  for (const { code, message } of json.relaxed) warnings.push(`${code} (--legacy): ${message}`);
  if (json.ignored_fields.length > 0)
    warnings.push(`${json.ignored_fields.length} field(s) of the wrong length ignored (--legacy)`);
  if (json.unknown_fields.length > 0)
    warnings.push(`${json.unknown_fields.length} field(s) of an unknown type, kept but not read`);
  const hops = json.route_hints.reduce((n, route) => n + route.hop_hints.length, 0);
  const rows: Row[] = [
    [
      'amount',
      json.amount_msat === null ? 'any (the payer chooses)' : amountText(BigInt(json.amount_msat)),
    ],
    ['description', json.description_hash === '' ? quoted(json.description) : undefined],
    ['description hash', json.description_hash || undefined],
    ['payee', payee],
    ['created', isoTime(created)],
    ['expires', expiry(BigInt(json.expires_at), now, warnings)],
    ['payment hash', json.payment_hash],
    ['cltv delta', `${json.cltv_expiry} blocks`],
    [
      'route hints',
      json.route_hints.length === 0 ? undefined : `${json.route_hints.length} (${hops} hops)`,
    ],
    [
      'fallbacks',
      json.fallback_addresses.length === 0
        ? undefined
        : json.fallback_addresses.map((f) => f.address).join(', '),
    ],
    ['features', featureList(json.features)],
    ['metadata', json.payment_metadata || undefined],
  ];
  return `BOLT 11 invoice on ${json.network}\n${table(rows)}${warningLines(warnings)}`;
};

/** An offer's amount: millisatoshis, or minor units of a currency. */
const offerAmount = (json: Bolt12Json): string | undefined => {
  if (json.offer_amount === null) return undefined;
  if (json.offer_currency === null) return amountText(BigInt(json.offer_amount));
  const exponent = json.offer_currency_exponent;
  return exponent === null
    ? `${json.offer_amount} minor units of ${json.offer_currency}`
    : `${formatDecimal(BigInt(json.offer_amount), exponent)} ${json.offer_currency}`;
};

const KINDS = { offer: 'offer', invoice_request: 'invoice request', invoice: 'invoice' } as const;

const bolt12 = (json: Bolt12Json, now: bigint): string => {
  const warnings: string[] = [];
  const request = json.kind === 'offer' ? undefined : json;
  const invoice = json.kind === 'invoice' ? json : undefined;
  if (request && !request.verified)
    warnings.push('the signature was not checked (--no-verify): nothing is known of the signer');
  warnings.push(
    ...textWarnings([
      ['description', json.offer_description],
      ['issuer', json.offer_issuer],
      ['payer note', request?.invreq_payer_note],
    ]),
  );
  if (json.unknown_records.length > 0)
    warnings.push(`${json.unknown_records.length} record(s) of an unknown type, kept but not read`);
  const perItem = json.offer_quantity_max === null ? '' : ' per item';
  const price = offerAmount(json);
  const offerPrice = price === undefined ? undefined : `${price}${perItem}`;
  // What is asked: the invoice's amount, the request's, or for an offer its price.
  const asked = invoice ? invoice.invoice_amount : (request?.invreq_amount ?? null);
  const offerExpiry = json.offer_absolute_expiry;
  const rows: Row[] = [
    [
      'amount',
      asked !== null
        ? amountText(BigInt(asked))
        : request
          ? undefined
          : (offerPrice ?? 'any (the payer chooses)'),
    ],
    ['offer amount', request ? offerPrice : undefined],
    ['quantity', request?.invreq_quantity ?? undefined],
    [
      'quantity max',
      json.offer_quantity_max === null
        ? undefined
        : json.offer_quantity_max === '0'
          ? 'any'
          : json.offer_quantity_max,
    ],
    ['description', json.offer_description === null ? undefined : quoted(json.offer_description)],
    ['issuer', json.offer_issuer === null ? undefined : quoted(json.offer_issuer)],
    ['issuer id', json.offer_issuer_id ?? undefined],
    ['payer id', request?.invreq_payer_id ?? undefined],
    [
      'payer note',
      request?.invreq_payer_note == null ? undefined : quoted(request.invreq_payer_note),
    ],
    ['node id', invoice?.invoice_node_id],
    ['chains', json.offer_chains.join(', ')],
    ['created', invoice ? isoTime(BigInt(invoice.invoice_created_at)) : undefined],
    ['expires', invoice ? expiry(BigInt(invoice.expires_at), now, warnings) : undefined],
    [
      'offer expires',
      expiry(offerExpiry === null ? undefined : BigInt(offerExpiry), now, invoice ? [] : warnings),
    ],
    ['payment hash', invoice?.invoice_payment_hash],
    [
      'paths',
      invoice
        ? String(invoice.invoice_paths.length)
        : json.offer_paths.length === 0
          ? undefined
          : String(json.offer_paths.length),
    ],
    [
      'fallbacks',
      invoice && invoice.invoice_fallbacks.length > 0
        ? invoice.invoice_fallbacks
            .map((f) => f.address ?? `version ${f.version} ${f.program}`)
            .join(', ')
        : undefined,
    ],
    [
      'signature',
      request ? (request.verified ? 'verified' : 'not checked') : 'none (offers are not signed)',
    ],
    ['offer id', json.offer_id.sha256],
  ];
  return `BOLT 12 ${KINDS[json.kind]}\n${table(rows)}${warningLines(warnings)}`;
};

const warningLines = (warnings: readonly string[]): string =>
  warnings.map((w) => `\nwarning: ${w}`).join('');

/** The time to say expiry from: `--now` (seconds since 1970), or this machine's clock. */
export const humanNow = (text: string | undefined): number =>
  text === undefined ? Math.floor(Date.now() / 1000) : secondsSince1970('now', text);

/**
 * The summary of a request's JSON view (BOLT 12 views have a `kind`) for a person, at `now`
 * (seconds since 1970): what it asks, of whom, until when, and what to beware of. `verified`:
 * the signature was checked (a BOLT 12 view says so itself).
 */
export const humanView = (json: unknown, now: number, verified: boolean): string =>
  typeof json === 'object' && json !== null && 'kind' in json
    ? bolt12(json as Bolt12Json, BigInt(now))
    : bolt11(json as InvoiceJson, BigInt(now), verified);
