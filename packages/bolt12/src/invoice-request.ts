// Invoice requests: their fields, and the rules "The reader" of one follows.
import { unknownRequired } from './features.js';
import { common, withOfferId } from './message.js';
import { checkChains, checkOfferAmount, checkOfferExpiry, offerFields } from './offer.js';
import type { Context } from './options.js';
import type { ReadMessage } from './read.js';
import { checkSignature } from './signature.js';
import type { InvoiceRequest, InvoiceRequestFields } from './types.js';

/** The invoice request fields of a message (an invoice request, or those an invoice mirrors). */
export const requestFields = ({ fields: f }: ReadMessage): InvoiceRequestFields => ({
  invreqMetadata: f.invreqMetadata,
  chain: f.invreqChain?.name ?? 'bitcoin',
  amountMsat: f.invreqAmount,
  features: f.invreqFeatures ?? [],
  quantity: f.invreqQuantity,
  payerId: f.invreqPayerId,
  payerNote: f.invreqPayerNote,
  paths: f.invreqPaths ?? [],
  bip353Name: f.invreqBip353Name,
});

/** An offer is being answered: "if `offer_issuer_id` or `offer_paths` are present". */
export const answersOffer = ({ fields: f }: ReadMessage): boolean =>
  f.offerIssuerId !== undefined || f.offerPaths !== undefined;

/**
 * The quantity and amount rules a request must meet against the offer fields it mirrors, which
 * need no more than the request itself.
 */
const checkAgainstOffer = (message: ReadMessage): void => {
  const { fields: f, fail } = message;
  checkOfferAmount(message);
  // "if `offer_chains` is set: MUST set `invreq_chain` to one of `offer_chains` unless that chain
  // is bitcoin …; otherwise: if it sets `invreq_chain` it MUST set it to bitcoin."
  const chain = f.invreqChain?.name ?? 'bitcoin';
  const offered = f.offerChains?.map((c) => c.name) ?? ['bitcoin'];
  if (!offered.includes(chain))
    fail(
      'chain-mismatch',
      `invreq_chain is ${chain}, not a chain of the offer (${offered.join(', ')})`,
      f.invreqChain ? 'invreqChain' : 'offerChains',
    );
  if (f.offerQuantityMax !== undefined) {
    // "MUST reject the invoice request if there is no `invreq_quantity` field"; "if
    // `offer_quantity_max` is non-zero: MUST reject … if `invreq_quantity` is zero, OR greater
    // than `offer_quantity_max`" (a writer "MUST set `invreq_quantity` to greater than zero").
    const quantity =
      f.invreqQuantity ??
      fail(
        'missing-quantity',
        'the offer has a quantity_max, so the request must give invreq_quantity',
        'offerQuantityMax',
      );
    if (quantity === 0n) fail('invalid-quantity', 'invreq_quantity is zero', 'invreqQuantity');
    if (f.offerQuantityMax > 0n && quantity > f.offerQuantityMax)
      fail(
        'invalid-quantity',
        `invreq_quantity ${quantity} is more than offer_quantity_max ${f.offerQuantityMax}`,
        'invreqQuantity',
      );
  } else if (f.invreqQuantity !== undefined) {
    fail(
      'unexpected-field',
      'invreq_quantity is set, but the offer has no offer_quantity_max',
      'invreqQuantity',
    );
  }
  if (f.offerAmount === undefined) {
    if (f.invreqAmount === undefined)
      fail('missing-amount', 'the offer has no amount, so the request must give invreq_amount');
  } else if (f.offerCurrency === undefined && f.invreqAmount !== undefined) {
    // "MUST reject the invoice request if `invreq_amount`.`msat` is less than the expected amount".
    const expected = f.offerAmount * (f.invreqQuantity ?? 1n);
    if (f.invreqAmount < expected)
      fail(
        'amount-too-small',
        `invreq_amount ${f.invreqAmount} msat is less than the ${expected} msat the offer asks`,
        'invreqAmount',
      );
  }
};

/** A request that answers no offer: "MUST reject the invoice request if any of the following are present: `offer_chains`, `offer_features` or `offer_quantity_max`", "if `invreq_amount` is not present". */
const checkWithoutOffer = (message: ReadMessage): void => {
  const { fields: f, fail } = message;
  for (const key of ['offerChains', 'offerFeatures', 'offerQuantityMax'] as const)
    if (f[key] !== undefined)
      fail('unexpected-field', 'a request that answers no offer cannot carry it', key);
  if (f.invreqAmount === undefined)
    fail('missing-amount', 'a request that answers no offer must give invreq_amount');
};

/** The rules of an invoice request's reader, then its signature. */
export const readInvoiceRequest = (
  message: ReadMessage,
  context: Context,
  uppercase: boolean,
): InvoiceRequest => {
  const { fields: f, fail } = message;
  // "MUST reject the invoice request if `invreq_payer_id` or `invreq_metadata` are not present."
  const invreqMetadata =
    f.invreqMetadata ?? fail('missing-invreq-metadata', 'the request has no invreq_metadata');
  const payerId = f.invreqPayerId ?? fail('missing-payer-id', 'the request has no invreq_payer_id');
  const unknown = unknownRequired(f.invreqFeatures ?? []);
  if (unknown)
    fail(
      'unknown-required-feature',
      `invreq_features sets unknown even bit ${unknown.bit}`,
      'invreqFeatures',
    );
  const offer = answersOffer(message);
  if (offer) checkAgainstOffer(message);
  else checkWithoutOffer(message);
  // A request answering an offer is signed; one published without an offer "MUST NOT include
  // `signature`", so there it is checked only when present.
  if (offer && f.signature === undefined && !context.unsigned)
    fail('missing-signature', 'the request has no signature');
  checkChains(message, [f.invreqChain?.name ?? 'bitcoin'], context);
  checkOfferExpiry(message, context);
  const signature = checkSignature(message, payerId, 'invreqPayerId', context.verify);
  return withOfferId(
    {
      kind: 'invoice_request' as const,
      ...requestFields(message),
      invreqMetadata,
      payerId,
      offer: offerFields(message),
      signature: f.signature,
      ...signature,
      ...common(message, uppercase),
    },
    message,
  );
};
