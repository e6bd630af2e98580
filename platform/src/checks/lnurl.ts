// @lninvoice/lnurl on its vectors (packages/lnurl/test/vectors/cases.json), run the way the
// package's own vectors.test.ts runs them: strict by default, `interop` forms only with
// { lenient: true }. `got` is what each call returned or the error it threw.
import {
  authCallbackUrl,
  checkPayInvoice,
  decodeLnurl,
  decryptSuccessAction,
  descriptionToHash,
  encodeLnurl,
  LUD13_MESSAGE,
  linkingKeyPath,
  metadataHash,
  parseAuthRequest,
  parseInvoiceResponse,
  parseLightningAddress,
  parseMetadata,
  parsePayRequest,
  parseServiceResponse,
  parseSuccessAction,
  parseVerifyResponse,
  payCallbackUrl,
  payerDataJson,
  verifyAuthSignature,
  withdrawCallbackUrl,
} from '@lninvoice/lnurl';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { attemptAsync, codeOf, matches, type Plain, type Result } from '../view.js';

export interface LnurlCase {
  readonly id: string;
  readonly op: string;
  readonly level: string;
  readonly input: unknown;
  readonly expect?: Record<string, unknown>;
  readonly lenient_expect?: Record<string, unknown>;
  readonly expect_reason?: string;
  readonly error?: string;
}

/** The fields the vectors' object inputs use (typed loosely: each op reads its own). */
type Inputs = {
  readonly [K in
    | 'pr'
    | 'amountMsat'
    | 'metadata'
    | 'payerdataUrlEncoded'
    | 'payerData'
    | 'provided'
    | 'k1'
    | 'sig'
    | 'key'
    | 'url'
    | 'hashingPrivKey'
    | 'domain'
    | 'successAction'
    | 'preimage'
    | 'callback']: never;
};

/** A pay request that accepts any amount, for cases that only give a callback. */
const anyAmount = (callback: string) =>
  parsePayRequest({
    tag: 'payRequest',
    callback,
    minSendable: 1,
    maxSendable: 2 ** 53 - 1,
    metadata: '[["text/plain","x"]]',
  });

/** Runs one vector's operation; returns an object to compare with its `expect`. */
const run = async (c: LnurlCase, lenient: boolean): Promise<Record<string, unknown>> => {
  const input = c.input as never;
  const i = c.input as Inputs;
  switch (c.op) {
    case 'decode': {
      const d = decodeLnurl(input, { lenient });
      const withdraw = d.withdraw && {
        ...d.withdraw,
        minWithdrawable: Number(d.withdraw.minWithdrawable),
        maxWithdrawable: Number(d.withdraw.maxWithdrawable),
      };
      return { ...d, ...d.login, ...withdraw, url: d.url, tag: d.tag, domain: d.domain };
    }
    case 'encode':
      return { lnurl: encodeLnurl(input), lnurl_upper: encodeLnurl(input, { uppercase: true }) };
    case 'lightning-address':
      return { ...parseLightningAddress(input, { lenient }) };
    case 'parse-metadata':
      return { ...parseMetadata(input), sha256: metadataHash(input) };
    case 'hash-metadata':
      return { sha256: metadataHash(input) };
    case 'parse-pay-response': {
      const p = parsePayRequest(input);
      return {
        ...p,
        minSendable: Number(p.minSendable),
        maxSendable: Number(p.maxSendable),
        description: p.metadata.description,
        identifier: p.metadata.identifier,
      };
    }
    case 'parse-response':
      return { ...parseServiceResponse(input) };
    case 'verify-invoice': {
      const r = checkPayInvoice(i.pr, { amountMsat: BigInt(i.amountMsat), metadata: i.metadata });
      return {
        ok: true,
        descriptionHash: bytesToHex(r.invoice.descriptionHash as Uint8Array),
        amountMsat: Number(r.invoice.amountMsat),
      };
    }
    case 'payer-data-hash': {
      const text = descriptionToHash(i.metadata, decodeURIComponent(i.payerdataUrlEncoded));
      return { descriptionToBeHashed: text, sha256: bytesToHex(sha256(utf8ToBytes(text))) };
    }
    case 'check-payer-data':
      return { json: payerDataJson(i.payerData, i.provided) };
    case 'verify-auth-sig':
      return { valid: verifyAuthSignature(i.k1, i.sig, i.key) };
    case 'auth-request':
      return { ...parseAuthRequest(input) };
    case 'build-auth-callback':
      return { url: authCallbackUrl(parseAuthRequest(i.url), i.sig, i.key) };
    case 'lud05-path':
      return { ...linkingKeyPath(hexToBytes(i.hashingPrivKey), i.domain) };
    case 'lud13-message':
      return {
        same: input === LUD13_MESSAGE,
        sha256: bytesToHex(sha256(utf8ToBytes(LUD13_MESSAGE))),
      };
    case 'decrypt-aes-success-action': {
      const action = parseSuccessAction(i.successAction, 'https://x.com/cb');
      return { plaintext: await decryptSuccessAction(action as never, hexToBytes(i.preimage)) };
    }
    case 'validate-success-action': {
      const action = i.successAction ?? input;
      return { ok: parseSuccessAction(action, i.callback ?? 'https://x.com/cb') !== undefined };
    }
    case 'parse-invoice-response':
      return { ...parseInvoiceResponse(input, 'https://x.com/cb') };
    case 'build-pay-callback':
      return {
        url: payCallbackUrl(anyAmount(i.callback), { amountMsat: BigInt(i.amountMsat) }).url,
      };
    case 'build-withdraw-callback': {
      const request = {
        tag: 'withdrawRequest',
        callback: i.callback,
        k1: i.k1,
        defaultDescription: '',
        minWithdrawable: 0n,
        maxWithdrawable: 10n ** 12n,
        domain: 'x',
      } as const;
      return { url: withdrawCallbackUrl(request, i.pr) };
    }
    case 'parse-verify-response':
      return { ...parseVerifyResponse(input) };
    default:
      throw new Error(`no runner for op ${c.op}`);
  }
};

/** Whether the outcomes meet the case: its error (and lenient result), or its expected fields. */
const meets = (c: LnurlCase, strict: Result['got'], lenient: Result['got']): boolean => {
  const value = (outcome: Plain) => (outcome as { value?: Plain }).value;
  const error = (outcome: Plain) => (outcome as { error?: { reason?: Plain } }).error;
  const code = (outcome: Plain) => codeOf(outcome as { value: Plain });
  if (c.op === 'lud13-message' && !matches(value(strict), { same: true })) return false;
  if (c.error !== undefined)
    return (
      code(strict) === c.error &&
      (c.expect_reason === undefined || error(strict)?.reason === c.expect_reason) &&
      (c.lenient_expect === undefined || matches(value(lenient), c.lenient_expect))
    );
  if (c.level === 'interop')
    return code(strict) === 'non-standard-form' && matches(value(lenient), c.expect);
  return matches(value(strict), c.expect);
};

export const check = async (cases: readonly LnurlCase[]): Promise<Result[]> => {
  const results: Result[] = [];
  for (const c of cases) {
    const strict = await attemptAsync(() => run(c, false));
    const lenient = await attemptAsync(() => run(c, true));
    results.push({ id: c.id, pass: meets(c, strict, lenient), got: { strict, lenient } });
  }
  return results;
};
