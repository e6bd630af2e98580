// @lninvoice/l402: L402 (formerly LSAT) over HTTP. Challenges (WWW-Authenticate) read among any
// other schemes, their invoices decoded by @lninvoice/core; credentials (Authorization) written
// and read; preimages checked against invoices. No network and no wallet of its own.
export {
  type L402Challenge,
  type ParseChallengeOptions,
  parseL402Challenge,
} from './challenge.js';
export {
  formatL402Authorization,
  type L402Authorization,
  type L402AuthorizationParams,
  parseL402Authorization,
} from './credentials.js';
export { L402_ERROR_CODES, L402Error, type L402ErrorCode, type Span } from './errors.js';
export { checkL402Preimage } from './preimage.js';
