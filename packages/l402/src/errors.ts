// The error of @lninvoice/l402 and every code it carries: a LninvoiceError, named by the rule
// every package follows (CONTRIBUTING.md), so that the same failure has the same code as in
// @lninvoice/core, @lninvoice/uri and @lninvoice/lnurl.
import { type ErrorDetails, LninvoiceError, type Span } from '@lninvoice/core/errors';

export type { Span };

/**
 * Every way a header can be refused. The codes are the API: they never change meaning. The
 * package README explains each one, with an example.
 */
export const L402_ERROR_CODES = [
  // the header as a whole
  'empty',
  // WWW-Authenticate: the RFC 7235 grammar, then the L402 / LSAT challenge in it
  'invalid-challenge',
  'missing-challenge',
  'duplicate-param',
  // Authorization: the credentials
  'unknown-scheme',
  'invalid-credentials',
  // the parts of both
  'missing-token',
  'invalid-token',
  'missing-invoice',
  'invalid-invoice',
  'missing-preimage',
  'invalid-preimage',
] as const;

/** One of {@link L402_ERROR_CODES}: why a header was refused. */
export type L402ErrorCode = (typeof L402_ERROR_CODES)[number];

/** The one error class of @lninvoice/l402: a stable `code`, a message naming the part and value. */
export class L402Error extends LninvoiceError<L402ErrorCode> {
  /** Always `'L402Error'`: what logs and stack traces show. */
  override readonly name = 'L402Error';

  // Declared, not inherited, so that its type reads `L402ErrorCode` instead of the whole union.
  constructor(code: L402ErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
  }
}
