export { type AddressProgram, parseAddress } from './addresses.js';
export type { AmountMultiplier } from './amount.js';
export {
  type CreateInvoiceParams,
  createInvoice,
  type FieldTag,
  type RouteHintHopParams,
  type UnsignedInvoice,
} from './create.js';
export { DEFAULT_FIELD_ORDER } from './create-params.js';
export { type DecodeOptions, decode, type VerifyOptions, verifyInvoice } from './decode.js';
export { fastSecp256k1, fastVerifier } from './ec/fast.js';
export { type EncodeOptions, encode } from './encode.js';
export { BOLT11_ERROR_CODES, Bolt11Error, type Bolt11ErrorCode, type Span } from './errors.js';
export {
  describeFeatureBit,
  type Feature,
  featureBitOf,
  featureDependencies,
  type InvoiceFeatureName,
} from './features.js';
export { MAX_INVOICE_LENGTH } from './framing.js';
export type {
  FallbackAddress,
  FieldWords,
  IgnoredField,
  Invoice,
  InvoiceSignature,
  RouteHintHop,
  TaggedField,
  UnverifiedInvoice,
} from './invoice.js';
export { type HopHintJson, type InvoiceJson, invoiceToJSON, type RawFieldJson } from './json.js';
export {
  BITCOIN,
  defineNetwork,
  NETWORKS,
  type Network,
  REGTEST,
  SIGNET,
  TESTNET,
} from './networks.js';
export { createPaymentPreimage } from './preimage.js';
export { nobleSecp256k1, type Secp256k1, type Secp256k1Verifier } from './secp256k1.js';
export { invoiceSections, type Section, type SectionKind } from './sections.js';
export {
  type ExternalSigner,
  nodeKeyOf,
  type SignOptions,
  signInvoice,
  signInvoiceWith,
} from './sign.js';
export { msatToSat, type Rounding, satToMsat } from './units.js';
