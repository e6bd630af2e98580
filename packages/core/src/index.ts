// @lninvoice/core: the BOLT 11 codec. The primitives every @lninvoice package shares are subpath
// modules: @lninvoice/core/errors, /text, /bech32, /amount, /address, /service-url, /options;
// @noble/secp256k1's own functions as a backend are @lninvoice/core/noble.
export { type AmountMultiplier, msatToSat, type Rounding, satToMsat } from './amount.js';
export { createInvoice } from './bolt11/create.js';
export {
  type CreateInvoiceParams,
  DEFAULT_FIELD_ORDER,
  type FieldTag,
  type RouteHintHopParams,
} from './bolt11/create-params.js';
export { type DecodeOptions, decode } from './bolt11/decode.js';
export { type EncodeOptions, encode } from './bolt11/encode.js';
export { BOLT11_ERROR_CODES, Bolt11Error, type Bolt11ErrorCode } from './bolt11/error.js';
export {
  describeFeatureBit,
  type Feature,
  featureBitOf,
  featureDependencies,
  type InvoiceFeatureName,
} from './bolt11/features.js';
export { type AddressProgram, parseAddress } from './bolt11/fields/fallback.js';
export { type HrpErrorCode, type ParsedHrp, parseHrp } from './bolt11/hrp.js';
export type {
  AnyInvoice,
  FallbackAddress,
  FieldWords,
  IgnoredField,
  Invoice,
  InvoiceSignature,
  Legacy,
  RelaxedRule,
  RouteHintHop,
  TaggedField,
  UnsignedInvoice,
  UnverifiedInvoice,
} from './bolt11/invoice.js';
export {
  type HopHintJson,
  type InvoiceJson,
  invoiceToJSON,
  type RawFieldJson,
} from './bolt11/json.js';
export { invoiceSections, type Section, type SectionKind } from './bolt11/sections.js';
export {
  type ExternalSigner,
  nodeKeyOf,
  type SignOptions,
  signInvoice,
  signInvoiceWith,
} from './bolt11/sign.js';
export { MAX_INVOICE_LENGTH } from './bolt11/spec.js';
export { type Verified, type VerifyOptions, verifyInvoice } from './bolt11/verify.js';
export { fastSecp256k1, fastVerifier } from './ec/fast.js';
export { LninvoiceError, type Span } from './errors.js';
export {
  BITCOIN,
  defineNetwork,
  findNetwork,
  NETWORKS,
  type Network,
  REGTEST,
  SIGNET,
  TESTNET,
  withNetworks,
} from './networks.js';
export { createPaymentPreimage } from './preimage.js';
export type { Secp256k1, Secp256k1Verifier } from './secp256k1.js';
