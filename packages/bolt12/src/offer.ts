// Offers: their fields, and the rules "A reader of an offer" follows.
import { sha256 } from '@lninvoice/core/hash';
import { concatBytes } from '@lninvoice/core/text';
import { currencyExponent } from './currency.js';
import { unknownRequired } from './features.js';
import { MAX_MSAT } from './fields.js';
import { merkleRoot, taggedHash } from './merkle.js';
import type { Context } from './options.js';
import { isOfferType, type ReadMessage } from './read.js';
import type { ReadRecord } from './tlv.js';
import type { OfferFields, OfferId } from './types.js';

/** The offer fields of a message (an offer, or those an invoice request or invoice mirrors). */
export const offerFields = ({ fields: f }: ReadMessage): OfferFields => {
  const currency = f.offerCurrency;
  return {
    chains: f.offerChains?.map((c) => c.name) ?? ['bitcoin'],
    metadata: f.offerMetadata,
    currency,
    currencyExponent: currency === undefined ? undefined : currencyExponent(currency),
    amount: f.offerAmount,
    amountMsat: currency === undefined ? f.offerAmount : undefined,
    description: f.offerDescription,
    features: f.offerFeatures ?? [],
    absoluteExpiry: f.offerAbsoluteExpiry,
    paths: f.offerPaths ?? [],
    issuer: f.offerIssuer,
    quantityMax: f.offerQuantityMax,
    issuerId: f.offerIssuerId,
  };
};

/** Both ids of the offer that a message (its `bytes`, read into `records`) is or mirrors. */
export const offerIdOf = (bytes: Uint8Array, records: readonly ReadRecord[]): OfferId => {
  const offer = records.filter((r) => isOfferType(r.type));
  const offerBytes = concatBytes(...offer.map((r) => bytes.subarray(r.start, r.end)));
  return {
    sha256: sha256(offerBytes),
    ldk:
      offer.length === 0
        ? sha256(offerBytes)
        : taggedHash('LDK Offer ID', merkleRoot(bytes, offer)),
  };
};

/**
 * The rules on the offer fields themselves, which hold wherever they are mirrored: "if
 * `offer_amount` is set and `offer_description` is not set", "if `offer_amount` is set and is
 * not greater than zero", "if `offer_currency` is set and `offer_amount` is not set: MUST NOT
 * respond to the offer"; an amount in millisatoshis is at most 21 million bitcoin (BOLT 1).
 */
export const checkOfferAmount = (message: ReadMessage): void => {
  const { fields: f, fail } = message;
  if (f.offerAmount !== undefined && f.offerDescription === undefined)
    fail(
      'missing-description',
      'the offer has an amount but no description (offer_description)',
      'offerAmount',
    );
  if (f.offerAmount === 0n)
    fail(
      'invalid-amount',
      'offer_amount is zero; an offer with an amount asks more than zero',
      'offerAmount',
    );
  if (f.offerCurrency !== undefined && f.offerAmount === undefined)
    fail(
      'missing-amount',
      'the offer names a currency (offer_currency) but no amount',
      'offerCurrency',
    );
  if (f.offerCurrency === undefined && f.offerAmount !== undefined && f.offerAmount > MAX_MSAT)
    fail(
      'amount-too-large',
      `offer_amount ${f.offerAmount} msat is more than 21 million bitcoin`,
      'offerAmount',
    );
};

/** The chains a message is for are among those the reader accepts. */
export const checkChains = (
  message: ReadMessage,
  chains: readonly string[],
  context: Context,
): void => {
  if (context.chains === undefined) return;
  const accepted = context.chains;
  if (!chains.some((c) => accepted.includes(c))) {
    message.fail(
      'unsupported-chain',
      `it is for ${chains.join(', ')}; this reader accepts ${accepted.join(', ')}`,
      message.fields.invreqChain ? 'invreqChain' : 'offerChains',
    );
  }
};

/** "if the current time is after `offer_absolute_expiry`: MUST NOT respond to the offer." */
export const checkOfferExpiry = (message: ReadMessage, context: Context): void => {
  const expiry = message.fields.offerAbsoluteExpiry;
  if (context.now !== undefined && expiry !== undefined && context.now > expiry)
    message.fail(
      'expired',
      `the offer expired at ${expiry}, ${context.now - expiry} s before now`,
      'offerAbsoluteExpiry',
    );
};

/** The rules of "A reader of an offer". */
export const checkOffer = (message: ReadMessage, context: Context): void => {
  const { fields: f, fail } = message;
  const unknown = unknownRequired(f.offerFeatures ?? []);
  if (unknown)
    fail(
      'unknown-required-feature',
      `offer_features sets unknown even bit ${unknown.bit}`,
      'offerFeatures',
    );
  checkOfferAmount(message);
  // "if neither `offer_issuer_id` nor `offer_paths` are set: MUST NOT respond to the offer."
  if (f.offerIssuerId === undefined && f.offerPaths === undefined)
    fail(
      'missing-issuer-id',
      'the offer has neither an issuer id (offer_issuer_id) nor paths (offer_paths)',
    );
  checkChains(message, f.offerChains?.map((c) => c.name) ?? ['bitcoin'], context);
  checkOfferExpiry(message, context);
};
