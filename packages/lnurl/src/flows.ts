// The wallet side of each LNURL flow, over HTTP: resolve what the user gave, then pay, withdraw,
// log in or open a channel.
import { Bolt11Error, decode, findNetwork, NETWORKS } from '@lninvoice/core';
import { isBoolean, isString, readOptions } from '@lninvoice/core/options';
import { showText } from '@lninvoice/core/text';
import { parseLightningAddress } from './address.js';
import { type AuthRequest, parseAuthRequest, signAuth } from './auth.js';
import { LnurlError } from './errors.js';
import { checkHost, getJson, HTTP_OPTIONS, type HttpOptions } from './http.js';
import {
  type CheckedInvoice,
  checkPayInvoice,
  type DescriptionHashCheck,
  type InvoiceCheck,
  parseInvoiceResponse,
  WALLET_CHECKS,
} from './invoice.js';
import { type DecodeLnurlOptions, decodeLnurl, SCHEME_TAGS } from './lnurl.js';
import { isMsat, isRecord, LENIENT, required } from './options.js';
import { type PayerData, payerDataJson } from './payer-data.js';
import {
  type ChannelRequest,
  type PayRequest,
  parsePayRequest,
  parseServiceResponse,
  parseStatusResponse,
  type WithdrawRequest,
} from './responses.js';
import type { SuccessAction } from './success-action.js';
import { appendQuery, parseServiceUrl } from './url.js';
import { checkVerifyResponse, paymentHashOf, type VerifyResult } from './verify.js';

/**
 * The options of {@link resolve}: how to talk to the service, and how leniently to read the LNURL.
 */
export type ResolveOptions = HttpOptions & DecodeLnurlOptions;
/**
 * What {@link resolve} finds: a pay, withdraw or channel request, or a login (LUD-04), by `tag`.
 */
export type Resolved = PayRequest | WithdrawRequest | ChannelRequest | AuthRequest;

/** An address, maybe after `lightning:` (which parseLightningAddress reads when lenient). */
const looksLikeAddress = (text: string): boolean => {
  const rest = text.replace(/^lightning:/i, '');
  return rest.includes('@') && !rest.includes(':');
};

/**
 * What an LNURL (bech32, LUD-17 or LUD-01 fallback) or a Lightning Address leads to. Login and
 * fast-withdraw LNURLs are answered without a request; the others are fetched and checked.
 */
export const resolve = async (input: string, options?: ResolveOptions): Promise<Resolved> => {
  if (typeof input !== 'string') throw new TypeError(`input must be a string, got ${typeof input}`);
  const { lenient, ...http } = readOptions<ResolveOptions>('options', options, {
    ...HTTP_OPTIONS,
    ...LENIENT,
  });
  const strictness = lenient === undefined ? {} : { lenient };
  const text = input.trim();
  if (looksLikeAddress(text)) {
    const address = parseLightningAddress(text, strictness);
    // LUD-16: "The response from `SERVICE` then MUST be the same as in LUD-06, step 3"
    return parsePayRequest(await getJson(address.url, http), address.domain);
  }
  const decoded = decodeLnurl(text, strictness);
  // What the URL's own parameters make it, before anything is requested: LUD-17 "`keyauth://`
  // for LNURL-auth, i.e. `login`" must carry `tag=login` (fetching it would be the GET LUD-04
  // forbids), and another scheme must not carry a login or a fast withdraw.
  const acted =
    decoded.tag === 'login' ? 'login' : decoded.withdraw ? 'withdrawRequest' : undefined;
  if (decoded.scheme && (decoded.scheme === 'keyauth' || acted !== undefined)) {
    if (acted !== SCHEME_TAGS[decoded.scheme])
      throw new LnurlError(
        'tag-mismatch',
        `a ${decoded.scheme}:// URL is a ${SCHEME_TAGS[decoded.scheme]} (LUD-17), but its tag is ${decoded.tag === undefined ? 'missing' : showText(decoded.tag)}: nothing was requested`,
      );
  }
  // LUD-04: "`tag` with value set to `login` which means no GET should be made yet"
  if (decoded.tag === 'login') return decoded.login ?? parseAuthRequest(decoded.url);
  if (decoded.withdraw) return decoded.withdraw;
  const request = parseServiceResponse(await getJson(decoded.url, http), decoded.domain);
  if (decoded.scheme && SCHEME_TAGS[decoded.scheme] !== request.tag) {
    throw new LnurlError('tag-mismatch', `a ${decoded.scheme}:// URL answered a ${request.tag}`);
  }
  return request;
};

/** What the payer chooses for an LNURL-pay: the amount, a comment and payer data. */
export interface PayParams {
  /** The amount chosen, millisatoshis, within minSendable..maxSendable. */
  readonly amountMsat: bigint;
  /** LUD-12 comment, at most `commentAllowed` characters. */
  readonly comment?: string;
  /** LUD-18 payer identities, as the service asked for them. */
  readonly payerData?: PayerData;
}

export const PAY = { amountMsat: isMsat, comment: isString, payerData: isRecord } as const;

/** "`<callback><?|&>amount=<milliSatoshi>`" (and `&comment=…`, `&payerdata=…`), with every rule checked. */
export const payCallbackUrl = (
  request: PayRequest,
  params: PayParams,
): {
  /** The callback URL to request for the invoice. */
  url: string;
  /** The `payerdata` JSON sent, which the invoice's `h` must commit to; undefined when none. */
  payerData: string | undefined;
} => {
  const { comment, payerData: payer, ...rest } = readOptions<PayParams>('params', params, PAY);
  const amountMsat = required(rest.amountMsat, 'params.amountMsat', isMsat);
  if (amountMsat < request.minSendable || amountMsat > request.maxSendable) {
    throw new LnurlError(
      'amount-out-of-range',
      `${amountMsat} msat is outside what the service accepts: ${request.minSendable} to ${request.maxSendable} msat`,
    );
  }
  if (comment !== undefined) {
    const length = [...comment].length;
    // "max character count is equal or less than `commentAllowed` value"
    if (length > request.commentAllowed) {
      throw new LnurlError(
        'comment-too-long',
        `the comment has ${length} characters; the service accepts ${request.commentAllowed}`,
      );
    }
  }
  const payerData = payerDataJson(request.payerData, payer);
  const query: [string, string][] = [['amount', amountMsat.toString()]];
  if (comment !== undefined && comment !== '') query.push(['comment', comment]);
  if (payerData !== undefined) query.push(['payerdata', payerData]);
  return { url: appendQuery(parseServiceUrl(request.callback, 'callback'), query), payerData };
};

/**
 * The options of {@link requestInvoice}: the payment chosen, how to talk to the service, and how to
 * check its invoice.
 */
export interface RequestInvoiceOptions extends PayParams, HttpOptions {
  /**
   * When `h` is not the hash of the metadata: `warn` (default: a warning in `warnings`, LUD-06
   * after luds PR #234), `strict` (fail with `description-hash-mismatch`) or `off`.
   */
  readonly descriptionHash?: DescriptionHashCheck;
  /** The wallet's network: `'bitcoin'` (default), `'testnet'`, `'signet'` or `'regtest'`. */
  readonly network?: string;
  /** The current time, seconds since 1970: an invoice already expired is refused (`expired`). */
  readonly now?: number;
}

/**
 * The invoice {@link requestInvoice} got and checked, with what the service said to do after
 * paying.
 */
export interface RequestedInvoice extends CheckedInvoice {
  /** Show after the payment succeeds (LUD-09/10); checked already. */
  readonly successAction: SuccessAction | undefined;
  /** LUD-11: false when the LNURL may be stored for reuse. */
  readonly disposable: boolean;
  /** LUD-21: where `verifyPayment` asks whether the invoice is paid; checked like the callback. */
  readonly verify: string | undefined;
}

/**
 * LUD-06 steps 4-6: asks the service for an invoice and checks it: signature, network, exact
 * amount, expiry (given `now`), supported success action, LUD-21 verify URL; the description hash
 * of the metadata (and payer data) is a warning unless `descriptionHash: 'strict'`.
 */
export const requestInvoice = async (
  request: PayRequest,
  options: RequestInvoiceOptions,
): Promise<RequestedInvoice> => {
  const {
    amountMsat,
    comment,
    payerData: payer,
    descriptionHash,
    network,
    now,
    ...http
  } = readOptions<RequestInvoiceOptions>('options', options, {
    ...PAY,
    ...HTTP_OPTIONS,
    ...WALLET_CHECKS,
  });
  const params = {
    amountMsat: required(amountMsat, 'options.amountMsat', isMsat),
    ...(comment === undefined ? {} : { comment }),
    ...(payer === undefined ? {} : { payerData: payer }),
  };
  const { url, payerData } = payCallbackUrl(request, params);
  const check = {
    amountMsat: params.amountMsat,
    metadata: request.metadata.raw,
    ...(payerData === undefined ? {} : { payerData }),
    ...(descriptionHash === undefined ? {} : { descriptionHash }),
    ...(network === undefined ? {} : { network }),
    ...(now === undefined ? {} : { now }),
  };
  return fetchPayInvoice(request, url, check, http);
};

/**
 * LUD-06 steps 5-6 for a callback URL built already (`requestInvoice`, and the zaps of
 * @lninvoice/lnurl/zap): the service's answer, its invoice checked by `checkPayInvoice`, its
 * verify URL by the host checks.
 */
export const fetchPayInvoice = async (
  request: PayRequest,
  url: string,
  check: InvoiceCheck,
  http: HttpOptions,
): Promise<RequestedInvoice> => {
  // A misspelt network is the caller's mistake: found before the service is asked.
  findNetwork(check.network ?? 'bitcoin', NETWORKS, 'options.network');
  const response = parseInvoiceResponse(await getJson(url, http), request.callback);
  const checked = checkPayInvoice(response.pr, check);
  // The verify URL is handed back to be fetched: it must be a host that would be fetched now.
  if (response.verify !== undefined && http.allowPrivateHosts !== true)
    checkHost(parseServiceUrl(response.verify, 'verify'), 'verify');
  return {
    ...checked,
    successAction: response.successAction,
    disposable: response.disposable,
    verify: response.verify,
  };
};

/** LUD-03 step 5: "`<callback><?|&>k1=<k1>&pr=<lightning invoice>`". */
export const withdrawCallbackUrl = (request: WithdrawRequest, pr: string): string => {
  let amount: bigint | undefined;
  try {
    amount = decode(pr, { verify: false }).amountMsat;
  } catch (error) {
    if (!(error instanceof Bolt11Error)) throw error;
    throw new LnurlError(
      'invalid-invoice',
      `the invoice to withdraw to is invalid: ${error.code}: ${error.message}`,
      { cause: error },
    );
  }
  if (
    amount === undefined ||
    amount < request.minWithdrawable ||
    amount > request.maxWithdrawable
  ) {
    throw new LnurlError(
      'amount-out-of-range',
      `the invoice asks ${amount === undefined ? 'no amount' : `${amount} msat`}; the service pays ${request.minWithdrawable} to ${request.maxWithdrawable} msat`,
    );
  }
  return appendQuery(parseServiceUrl(request.callback, 'callback'), [
    ['k1', request.k1],
    ['pr', pr],
  ]);
};

/** LUD-03 steps 5-6: hands the service an invoice to pay. Resolves once it answers OK. */
export const withdraw = async (
  request: WithdrawRequest,
  pr: string,
  options: HttpOptions = {},
): Promise<void> => {
  parseStatusResponse(await getJson(withdrawCallbackUrl(request, pr), options));
};

/** LUD-04 step 3: signs the challenge and sends it. Resolves once the service answers OK. */
export const login = async (
  request: AuthRequest,
  linkingPrivateKey: Uint8Array,
  options: HttpOptions = {},
): Promise<void> => {
  parseStatusResponse(await getJson(signAuth(request, linkingPrivateKey).url, options));
};

/** What the wallet answers an LNURL-channel request (LUD-02) with. */
export interface ChannelParams {
  /** The wallet's node id (33-byte hex). */
  readonly nodeId: string;
  /** Ask for a private channel. */
  readonly private?: boolean;
  /** Tell the service the user gave up. */
  readonly cancel?: boolean;
}

/** LUD-02 step 5: `<callback><?/&>k1=<k1>&remoteid=<node id>&private=<1/0>` (or `&cancel=1`). */
export const openChannel = async (
  request: ChannelRequest,
  params: ChannelParams,
  options: HttpOptions = {},
): Promise<void> => {
  const {
    nodeId,
    private: only,
    cancel,
  } = readOptions<ChannelParams>('params', params, {
    nodeId: isString,
    private: isBoolean,
    cancel: isBoolean,
  });
  const node = required(nodeId, 'params.nodeId', isString);
  if (!/^0[23][0-9a-f]{64}$/i.test(node))
    throw new RangeError(`params.nodeId ${showText(node)} is not a 33-byte node key in hex`);
  const query: [string, string][] = [
    ['k1', request.k1],
    ['remoteid', node],
    cancel ? ['cancel', '1'] : ['private', only ? '1' : '0'],
  ];
  parseStatusResponse(
    await getJson(appendQuery(parseServiceUrl(request.callback, 'callback'), query), options),
  );
};

/**
 * LUD-21: whether `pr`, the invoice `requestInvoice` gave with `verify`, is paid. The answer is
 * checked against `pr`: the same invoice, and settled only with a preimage that hashes to its
 * payment hash (`invoice-mismatch`, `preimage-mismatch` otherwise).
 */
export const verifyPayment = async (
  verifyUrl: string,
  pr: string,
  options: HttpOptions = {},
): Promise<VerifyResult> => {
  if (typeof verifyUrl !== 'string')
    throw new TypeError(`verifyUrl must be a string, got ${typeof verifyUrl}`);
  paymentHashOf(pr); // a wrong pr is the caller's mistake: found before the service is asked
  return checkVerifyResponse(await getJson(verifyUrl, options), pr);
};
