// Decoding: a string to an offer, invoice request or invoice, every reader MUST of BOLT 12
// applied, signatures verified by default.
import { withToJSON } from '@lninvoice/core/text';
import { Bolt12Error } from './error.js';
import { readInvoice } from './invoice.js';
import { readInvoiceRequest } from './invoice-request.js';
import { common, withOfferId } from './message.js';
import { checkOffer, offerFields } from './offer.js';
import { type Context, type DecodeBolt12Options, readContext } from './options.js';
import { article, type ReadMessage, readMessage } from './read.js';
import { type Bolt12Kind, PREFIX_OF, PREFIXES, readBolt12Text } from './string.js';
import type { Bolt12, Invoice, InvoiceRequest, Offer } from './types.js';

export type { DecodeBolt12Options };

type ByKind = { offer: Offer; invoice_request: InvoiceRequest; invoice: Invoice };

/** What reads a message of one kind, its records read, into its decoded form. */
type Reader<K extends Bolt12Kind> = (
  message: ReadMessage,
  context: Context,
  uppercase: boolean,
) => ByKind[K];

/** An offer: the rules of "A reader of an offer", then its fields. */
const readOffer: Reader<'offer'> = (message, context, uppercase) => {
  checkOffer(message, context);
  return withOfferId(
    { kind: 'offer' as const, ...offerFields(message), ...common(message, uppercase) },
    message,
  );
};

const READERS: { readonly [K in Bolt12Kind]: Reader<K> } = {
  offer: readOffer,
  invoice_request: readInvoiceRequest,
  invoice: readInvoice,
};

/** The reader of the message's own kind (what decodeBolt12 needs: any of them). */
const readAny = <K extends Bolt12Kind>(
  kind: K,
  message: ReadMessage,
  context: Context,
  uppercase: boolean,
): ByKind[K] => (READERS[kind] as Reader<K>)(message, context, uppercase);

/** The message of `bytes`, read as a `kind`. */
export const decodeBytes = <K extends Bolt12Kind>(
  kind: K,
  bytes: Uint8Array,
  context: Context,
  spanOf: (start: number, end: number) => readonly [number, number] = (s, e) => [s, e],
  uppercase = false,
): ByKind[K] =>
  // JSON.stringify(message) prints it, bigints and bytes included, instead of throwing.
  withToJSON(readAny(kind, readMessage(kind, bytes, spanOf, context.features), context, uppercase));

/**
 * `text` read as a message of the kind its prefix names, which must be `expected` when one is,
 * by `read`. decodeOffer passes the offer's reader alone, so that a bundle decoding only offers
 * carries neither the invoice readers nor BIP 340.
 */
const decodeAs = <K extends Bolt12Kind>(
  text: unknown,
  options: unknown,
  name: string,
  expected: K | undefined,
  read: (kind: K, message: ReadMessage, context: Context, uppercase: boolean) => ByKind[K],
): ByKind[K] => {
  const context = readContext(options);
  const { prefix, bytes, uppercase, spanOf, prefixSpan } = readBolt12Text(text, name);
  const kind = PREFIXES[prefix] as K;
  if (expected !== undefined && kind !== expected) {
    throw new Bolt12Error(
      'unknown-prefix',
      `this is ${article(kind)} (${prefix}1…), not ${article(expected)} (${PREFIX_OF[expected]}1…): decodeBolt12 reads any of them`,
      { span: prefixSpan },
    );
  }
  return withToJSON(
    read(kind, readMessage(kind, bytes, spanOf, context.features), context, uppercase),
  );
};

/** Any BOLT 12 string, by its prefix: `lno` an offer, `lnr` an invoice request, `lni` an invoice. */
export const decodeBolt12 = (text: string, options?: DecodeBolt12Options): Bolt12 =>
  decodeAs<Bolt12Kind>(text, options, 'the BOLT 12 string', undefined, readAny);

/** An offer (`lno1…`). */
export const decodeOffer = (text: string, options?: DecodeBolt12Options): Offer =>
  decodeAs(text, options, 'the offer', 'offer', (_, message, context, uppercase) =>
    readOffer(message, context, uppercase),
  );

/** An invoice request (`lnr1…`); its signature is checked unless `verify: false`. */
export const decodeInvoiceRequest = (text: string, options?: DecodeBolt12Options): InvoiceRequest =>
  decodeAs(
    text,
    options,
    'the invoice request',
    'invoice_request',
    (_, message, context, uppercase) => readInvoiceRequest(message, context, uppercase),
  );

/** An invoice (`lni1…`); its signature is checked unless `verify: false`. */
export const decodeInvoice = (text: string, options?: DecodeBolt12Options): Invoice =>
  decodeAs(text, options, 'the invoice', 'invoice', (_, message, context, uppercase) =>
    readInvoice(message, context, uppercase),
  );
