export { type DecodeOptions, decode, type VerifyOptions, verifyInvoice } from './decode.js';
export { BOLT11_ERROR_CODES, Bolt11Error, type Bolt11ErrorCode, type Span } from './errors.js';
export { describeFeatureBit, type Feature, featureBitOf } from './features.js';
export { MAX_INVOICE_LENGTH } from './framing.js';
export type {
  FallbackAddress,
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
export { nobleSecp256k1, type Secp256k1 } from './secp256k1.js';
export { invoiceSections, type Section, type SectionKind } from './sections.js';
