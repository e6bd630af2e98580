// The error base every @lninvoice package builds on: a stable `code` (the API), a message that
// names the part and the value at fault, where it helps a `span` into the input, and the `cause`.

/** Character offsets `[start, end)` into the string that was passed in. */
export type Span = readonly [start: number, end: number];

/** What every package's error may carry besides its code and message. */
export interface ErrorDetails {
  /** The part of the input at fault, when one part is. */
  readonly span?: Span | undefined;
  /** The error this one explains, when there is one. */
  readonly cause?: unknown;
}

/**
 * The base of `Bolt11Error`, `UriError`, `LnurlError`, `ValidationError` and the other packages'
 * errors: `error instanceof LninvoiceError` catches any of them. Codes follow one naming rule
 * (CONTRIBUTING.md): the same failure has the same code in every package.
 */
export class LninvoiceError<Code extends string = string> extends Error {
  /** The class's name (`'Bolt11Error'`, …): what logs and stack traces show. */
  override readonly name: string = 'LninvoiceError';
  /** Why: a stable code of the package's list, the API (messages may change, codes do not). */
  readonly code: Code;
  /** The part of the input at fault, when one part is. */
  readonly span: Span | undefined;

  constructor(code: Code, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.span = details.span;
  }
}

/**
 * Makes the caller's own error: the shared readers (bech32, amounts, addresses) report a failure
 * through it, so that each package throws its own class with the same codes (or a RangeError,
 * where the text was a parameter).
 */
export type ErrorFactory<Code extends string> = (code: Code, message: string, span?: Span) => Error;

/** The ErrorFactory of a package's error class: `errorFactory(UriError)`. */
export const errorFactory =
  <Code extends string, E extends Error>(
    ErrorClass: new (code: Code, message: string, details: ErrorDetails) => E,
  ): ((code: Code, message: string, span?: Span) => E) =>
  (code, message, span) =>
    new ErrorClass(code, message, { span });
