// Decoding: a string to an offer, invoice request or invoice, every reader MUST of BOLT 12
// applied, signatures verified by default.
import { withToJSON } from '@lninvoice/core/text';
import { Bolt12Error } from './error.js';
import { readInvoice } from './invoice.js';
import { readInvoiceRequest } from './invoice-request.js';
import { common } from './message.js';
import { checkOffer, offerFields } from './offer.js';
import { type Context, type DecodeBolt12Options, readContext } from './options.js';
import { article, readMessage } from './read.js';
import { type Bolt12Kind, PREFIX_OF, PREFIXES, readBolt12Text } from './string.js';
import type { Bolt12, Invoice, InvoiceRequest, Offer } from './types.js';

export type { DecodeBolt12Options };

type ByKind = { offer: Offer; invoice_request: InvoiceRequest; invoice: Invoice };

/** The message of `bytes`, read as a `kind`. */
export const decodeBytes = <K extends Bolt12Kind>(
  kind: K,
  bytes: Uint8Array,
  context: Context,
  spanOf: (start: number, end: number) => readonly [number, number] = (s, e) => [s, e],
  uppercase = false,
): ByKind[K] => {
  const message = readMessage(kind, bytes, spanOf, context.features);
  let decoded: Bolt12;
  if (kind === 'invoice_request') decoded = readInvoiceRequest(message, context, uppercase);
  else if (kind === 'invoice') decoded = readInvoice(message, context, uppercase);
  else {
    checkOffer(message, context);
    decoded = { kind: 'offer', ...offerFields(message), ...common(message, uppercase) };
  }
  // JSON.stringify(message) prints it, bigints and bytes included, instead of throwing.
  return withToJSON(decoded) as ByKind[K];
};

const decodeAs = <K extends Bolt12Kind>(
  text: unknown,
  options: unknown,
  name: string,
  expected: K | undefined,
): ByKind[K] => {
  const context = readContext(options);
  const { prefix, bytes, uppercase, spanOf, prefixSpan } = readBolt12Text(text, name);
  const kind = PREFIXES[prefix];
  if (expected !== undefined && kind !== expected) {
    throw new Bolt12Error(
      'unknown-prefix',
      `this is ${article(kind)} (${prefix}1…), not ${article(expected)} (${PREFIX_OF[expected]}1…): decodeBolt12 reads any of them`,
      { span: prefixSpan },
    );
  }
  return decodeBytes(kind as K, bytes, context, spanOf, uppercase);
};

/** Any BOLT 12 string, by its prefix: `lno` an offer, `lnr` an invoice request, `lni` an invoice. */
export const decodeBolt12 = (text: string, options?: DecodeBolt12Options): Bolt12 =>
  decodeAs<Bolt12Kind>(text, options, 'the BOLT 12 string', undefined);

/** An offer (`lno1…`). */
export const decodeOffer = (text: string, options?: DecodeBolt12Options): Offer =>
  decodeAs(text, options, 'the offer', 'offer');

/** An invoice request (`lnr1…`); its signature is checked unless `verify: false`. */
export const decodeInvoiceRequest = (text: string, options?: DecodeBolt12Options): InvoiceRequest =>
  decodeAs(text, options, 'the invoice request', 'invoice_request');

/** An invoice (`lni1…`); its signature is checked unless `verify: false`. */
export const decodeInvoice = (text: string, options?: DecodeBolt12Options): Invoice =>
  decodeAs(text, options, 'the invoice', 'invoice');
