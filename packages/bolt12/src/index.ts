// @lninvoice/bolt12: BOLT 12 offers, invoice requests and invoices.
export { CHAINS, type Chain } from './chains.js';
export {
  BOLT12_CHECK_CODES,
  type Bolt12CheckCode,
  type Bolt12CheckResult,
  type Bolt12Finding,
  type CheckInvoiceOptions,
  type CheckRequestOptions,
  checkInvoiceForRequest,
  checkRequestForOffer,
} from './check.js';
export { type CreateInvoiceParams, createInvoice } from './create-invoice.js';
export { type CreateInvoiceRequestParams, createInvoiceRequest } from './create-invoice-request.js';
export { type CreateOfferParams, createOffer } from './create-offer.js';
export { currencyExponent } from './currency.js';
export {
  type DecodeBolt12Options,
  decodeBolt12,
  decodeInvoice,
  decodeInvoiceRequest,
  decodeOffer,
} from './decode.js';
export { type Bolt12Records, type EncodeBolt12Options, encodeBolt12 } from './encode.js';
export { BOLT12_ERROR_CODES, Bolt12Error, type Bolt12ErrorCode, type Span } from './error.js';
export type { Feature } from './features.js';
export type { Bip353Name, FallbackAddress } from './fields.js';
export { DEFAULT_RELATIVE_EXPIRY } from './invoice.js';
export {
  decodeInvoiceError,
  encodeInvoiceError,
  type InvoiceError,
  type InvoiceErrorParams,
} from './invoice-error.js';
export {
  type BlindedHopJson,
  type BlindedPathJson,
  type BlindedPayInfoJson,
  type Bolt12Json,
  bolt12ToJSON,
  type FeatureJson,
  type FeaturesJson,
  type InvoiceJson,
  type InvoicePathJson,
  type InvoiceRequestFieldsJson,
  type InvoiceRequestJson,
  type OfferFieldsJson,
  type OfferJson,
  type UnknownRecordJson,
} from './json.js';
export type {
  BlindedHop,
  BlindedPath,
  BlindedPayInfo,
  IntroductionNode,
  InvoicePath,
  ShortChannelIdDirection,
} from './paths.js';
export { type Bolt12Section, type Bolt12SectionKind, bolt12Sections } from './sections.js';
export { type Bolt12Signer, type SignBolt12Options, signBolt12, signBolt12With } from './sign.js';
export { type Bolt12Kind, MAX_BOLT12_LENGTH } from './string.js';
export type { TlvRecord } from './tlv.js';
export type {
  Bolt12,
  Invoice,
  InvoiceRequest,
  InvoiceRequestFields,
  Offer,
  OfferFields,
  OfferId,
} from './types.js';
export type { UnsignedBolt12 } from './unsigned.js';
