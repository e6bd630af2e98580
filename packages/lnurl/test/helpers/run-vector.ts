// One LNURL vector's operation, run on a given build of @lninvoice/lnurl: its source (the vector
// tests) or its bundled dist in a bare V8 context and in Chromium (platform/). One runner, so both
// ask the library exactly the same questions.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { LnurlCase } from 'test-support/lnurl-vectors';
import type * as Lnurl from '../../src/index.js';

export type { LnurlCase };

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
const anyAmount = (lnurl: typeof Lnurl, callback: string) =>
  lnurl.parsePayRequest({
    tag: 'payRequest',
    callback,
    minSendable: 1,
    maxSendable: 2 ** 53 - 1,
    metadata: '[["text/plain","x"]]',
  });

/** Runs one vector's operation; returns an object to compare with its `expect`. */
export const runVector = async (
  lnurl: typeof Lnurl,
  c: LnurlCase,
  lenient: boolean,
): Promise<Record<string, unknown>> => {
  const input = c.input as never;
  const i = c.input as unknown as Inputs;
  switch (c.op) {
    case 'decode': {
      const d = lnurl.decodeLnurl(input, { lenient });
      const withdraw = d.withdraw && {
        ...d.withdraw,
        minWithdrawable: Number(d.withdraw.minWithdrawable),
        maxWithdrawable: Number(d.withdraw.maxWithdrawable),
      };
      return { ...d, ...d.login, ...withdraw, url: d.url, tag: d.tag, domain: d.domain };
    }
    case 'encode':
      return {
        lnurl: lnurl.encodeLnurl(input),
        lnurl_upper: lnurl.encodeLnurl(input, { uppercase: true }),
      };
    case 'lightning-address':
      return { ...lnurl.parseLightningAddress(input, { lenient }) };
    case 'parse-metadata':
      return { ...lnurl.parseMetadata(input), sha256: lnurl.metadataHash(input) };
    case 'hash-metadata':
      return { sha256: lnurl.metadataHash(input) };
    case 'parse-pay-response': {
      const p = lnurl.parsePayRequest(input);
      return {
        ...p,
        minSendable: Number(p.minSendable),
        maxSendable: Number(p.maxSendable),
        description: p.metadata.description,
        identifier: p.metadata.identifier,
      };
    }
    case 'parse-response':
      return { ...lnurl.parseServiceResponse(input) };
    case 'verify-invoice': {
      // The vectors follow LUD-06 as on disk, before luds PR #234 made a wrong `h` a warning:
      // its rule is the strict mode's.
      const r = lnurl.checkPayInvoice(i.pr, {
        amountMsat: BigInt(i.amountMsat),
        metadata: i.metadata,
        descriptionHash: 'strict',
      });
      return {
        ok: true,
        descriptionHash: bytesToHex(r.invoice.descriptionHash as Uint8Array),
        amountMsat: Number(r.invoice.amountMsat),
      };
    }
    case 'payer-data-hash': {
      const text = lnurl.descriptionToHash(i.metadata, decodeURIComponent(i.payerdataUrlEncoded));
      return { descriptionToBeHashed: text, sha256: bytesToHex(sha256(utf8ToBytes(text))) };
    }
    case 'check-payer-data':
      return { json: lnurl.payerDataJson(i.payerData, i.provided) };
    case 'verify-auth-sig':
      return { valid: lnurl.verifyAuthSignature(i.k1, i.sig, i.key) };
    case 'auth-request':
      return { ...lnurl.parseAuthRequest(input) };
    case 'build-auth-callback':
      return { url: lnurl.authCallbackUrl(lnurl.parseAuthRequest(i.url), i.sig, i.key) };
    case 'lud05-path':
      return { ...lnurl.linkingKeyPath(hexToBytes(i.hashingPrivKey), i.domain) };
    case 'lud13-message':
      return {
        same: input === lnurl.LUD13_MESSAGE,
        sha256: bytesToHex(sha256(utf8ToBytes(lnurl.LUD13_MESSAGE))),
      };
    case 'decrypt-aes-success-action': {
      const action = lnurl.parseSuccessAction(i.successAction, 'https://x.com/cb');
      return {
        plaintext: await lnurl.decryptSuccessAction(action as never, hexToBytes(i.preimage)),
      };
    }
    case 'validate-success-action': {
      const action = i.successAction ?? input;
      return {
        ok: lnurl.parseSuccessAction(action, i.callback ?? 'https://x.com/cb') !== undefined,
      };
    }
    case 'parse-invoice-response':
      return { ...lnurl.parseInvoiceResponse(input, 'https://x.com/cb') };
    case 'build-pay-callback':
      return {
        url: lnurl.payCallbackUrl(anyAmount(lnurl, i.callback), {
          amountMsat: BigInt(i.amountMsat),
        }).url,
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
      return { url: lnurl.withdrawCallbackUrl(request, i.pr) };
    }
    case 'parse-verify-response':
      return { ...lnurl.parseVerifyResponse(input) };
    default:
      throw new Error(`no runner for op ${c.op}`);
  }
};
