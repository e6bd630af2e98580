// parseL402Challenge: the L402 (or LSAT) challenge of a WWW-Authenticate value, among any other
// schemes, with its token and its BOLT 11 invoice decoded by @lninvoice/core.
import { Bolt11Error, decode, type Invoice, type Legacy, type Network } from '@lninvoice/core';
import { checkedWhereUsed, isBoolean, readOptions } from '@lninvoice/core/options';
import { describeValue, showText, withToJSON } from '@lninvoice/core/text';
import { type AuthChallenge, type AuthParam, readChallenges } from './auth-header.js';
import { decodeBase64 } from './base64.js';
import { L402Error } from './errors.js';

/** What `parseL402Challenge` reads from a WWW-Authenticate value. */
export interface L402Challenge {
  /** The scheme as the specification spells it; in the header it may be in any case. */
  readonly scheme: 'L402' | 'LSAT';
  /** The `version` parameter ("0" today), or undefined when the server sent none. */
  readonly version: string | undefined;
  /** The token as sent (base64), from `token=` or the legacy `macaroon=`: what a credential repeats. */
  readonly token: string;
  /** The token's bytes (a macaroon, usually). */
  readonly tokenBytes: Uint8Array;
  /** The BOLT 11 invoice to pay, as sent. */
  readonly invoice: string;
  /** The invoice decoded by @lninvoice/core, its signature verified. */
  readonly decoded: Legacy<Invoice>;
  /** Every auth-param of the challenge, names in lower case, values unquoted (unknown ones too). */
  readonly params: Readonly<Record<string, string>>;
}

/** The options of {@link parseL402Challenge}: how leniently the invoice in it is decoded. */
export interface ParseChallengeOptions {
  /**
   * Decode the invoice as @lninvoice/core's `legacy` does: accept one without a payment secret
   * (the specification's own example is one, from 2019), wrong-length fields skipped. Every
   * rule let pass is in `decoded.relaxed`. Default false.
   */
  readonly legacy?: boolean;
  /** Networks beyond bitcoin, testnet, signet and regtest (see core's `defineNetwork`). */
  readonly networks?: readonly Network[];
}

const OPTIONS = { legacy: isBoolean, networks: checkedWhereUsed } as const;

/** The scheme of `challenge` when it is L402 or LSAT: "the scheme name is case-insensitive". */
const schemeOf = (challenge: AuthChallenge): 'L402' | 'LSAT' | undefined => {
  const scheme = challenge.scheme.toUpperCase();
  return scheme === 'L402' || scheme === 'LSAT' ? scheme : undefined;
};

/** The schemes found, for a message: each shown safely, at most five. */
const listSchemes = (challenges: readonly AuthChallenge[]): string => {
  const names = challenges.slice(0, 5).map((c) => showText(c.scheme, 20));
  return challenges.length > 5 ? `${names.join(', ')}, …` : names.join(', ');
};

/**
 * The L402 challenge of the WWW-Authenticate value `header` (RFC 7235: one or more challenges,
 * separated by commas; several WWW-Authenticate headers joined with ", ", as `Headers.get` does).
 * L402 is preferred to LSAT, the name it had before; of two challenges of one scheme the first
 * is read. The token is `token=`, or `macaroon=` as earlier versions of the specification named
 * it; unknown parameters are kept in `params` and otherwise ignored, as the specification asks.
 * Throws `L402Error`; a `TypeError` or `RangeError` for a wrong argument.
 */
export const parseL402Challenge = (
  header: string,
  options?: ParseChallengeOptions,
): L402Challenge => {
  if (typeof header !== 'string')
    throw new TypeError(`header must be a string, got ${describeValue(header)}`);
  const { legacy = false, networks } = readOptions<ParseChallengeOptions>(
    'options',
    options,
    OPTIONS,
  );
  const challenges = readChallenges(header);
  if (challenges.length === 0)
    throw new L402Error('empty', 'WWW-Authenticate holds no challenge', {
      span: [0, header.length],
    });
  const challenge =
    challenges.find((c) => schemeOf(c) === 'L402') ??
    challenges.find((c) => schemeOf(c) === 'LSAT');
  if (challenge === undefined)
    throw new L402Error(
      'missing-challenge',
      `WWW-Authenticate holds no L402 or LSAT challenge, only ${listSchemes(challenges)}`,
    );
  const scheme = schemeOf(challenge) as 'L402' | 'LSAT';

  // RFC 7235 section 2.1: "Each parameter name MUST only occur once per challenge."
  const byName = new Map<string, AuthParam>();
  for (const param of challenge.params) {
    if (byName.has(param.name))
      throw new L402Error(
        'duplicate-param',
        `${scheme} challenge: the parameter ${showText(param.name, 40)} occurs twice`,
        { span: param.span },
      );
    byName.set(param.name, param);
  }

  // "token: The authentication token, encoded as base64"; "Clients SHOULD accept both `token=`
  // and `macaroon=`". With both, the current name wins.
  const tokenParam = byName.get('token') ?? byName.get('macaroon');
  if (tokenParam === undefined)
    throw new L402Error(
      'missing-token',
      `${scheme} challenge has no token= (or macaroon=) parameter`,
      { span: challenge.span },
    );
  const token = tokenParam.value;
  const tokenBytes = decodeBase64(token);
  if (tokenBytes === undefined)
    throw new L402Error(
      'invalid-token',
      `${scheme} challenge: the ${tokenParam.name} ${showText(token, 40)} is not base64 (standard alphabet)`,
      { span: tokenParam.valueSpan },
    );

  // "invoice: A BOLT 11 payment request that the client MUST pay"
  const invoiceParam = byName.get('invoice');
  if (invoiceParam === undefined)
    throw new L402Error('missing-invoice', `${scheme} challenge has no invoice= parameter`, {
      span: challenge.span,
    });
  const invoice = invoiceParam.value;
  let decoded: Legacy<Invoice>;
  try {
    decoded = decode(invoice, { legacy, ...(networks === undefined ? {} : { networks }) });
  } catch (error) {
    if (!(error instanceof Bolt11Error)) throw error;
    throw new L402Error(
      'invalid-invoice',
      `${scheme} challenge: the invoice ${showText(invoice, 40)} is not a valid BOLT 11 invoice (${error.code}): ${error.message}`,
      { span: invoiceParam.valueSpan, cause: error },
    );
  }

  const params: Record<string, string> = Object.create(null);
  for (const [name, param] of byName) params[name] = param.value;
  return withToJSON({
    scheme,
    version: byName.get('version')?.value,
    token,
    tokenBytes,
    invoice,
    decoded,
    params,
  });
};
