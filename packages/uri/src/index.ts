export { normalizeBolt12 } from './classify/bolt12.js';
export { type Span, URI_ERROR_CODES, UriError, type UriErrorCode } from './errors.js';
export {
  type BitcoinUriParts,
  type FormatOptions,
  formatUri,
  type LightningUriParts,
  type UriParts,
} from './format.js';
export { parseInput } from './parse-input.js';
export { parseUri } from './parse-uri.js';
export type {
  Bip353Input,
  BitcoinAmount,
  BitcoinUri,
  Bolt11Input,
  Bolt12Input,
  Bolt12InputOf,
  Input,
  InputKind,
  InstructionKey,
  LightningAddressInput,
  LightningPayload,
  LightningUri,
  LnurlInput,
  Lud17Input,
  Network,
  NodeIdInput,
  NodeUriInput,
  OnchainAddressInput,
  ParsedUri,
  ParseOptions,
  ProofOfPayment,
  UriWarning,
} from './types.js';
