// LUD-21 verify: whether the invoice a service gave has been paid, checked so that a service (or
// whoever answers for it) cannot claim a payment it cannot prove. "The field `verify` provides an
// URL to a `SERVICE` to check if the invoice has been settled": `GET verify` →
// `{"status":"OK","settled":bool,"preimage":hex|null,"pr":string}` (lnurl/luds PR #264).
import { decode } from '@lninvoice/core';
import { sha256 } from '@lninvoice/core/hash';
import { bytesParam } from '@lninvoice/core/options';
import { equalBytes, showText } from '@lninvoice/core/text';
import { LnurlError } from './errors.js';
import { parseVerifyResponse } from './responses.js';

/** What the service says of the invoice, checked: settled only with the preimage that proves it. */
export type VerifyResult =
  | {
      /** The invoice is paid. */
      readonly settled: true;
      /** 32 bytes, hex (lowercase): its SHA-256 is the invoice's payment hash. */
      readonly preimage: string;
      /** The invoice as the answer names it: the one asked about, checked. */
      readonly pr: string;
    }
  | {
      /** The invoice is not paid yet. */
      readonly settled: false;
      /** No preimage before it is paid. */
      readonly preimage: null;
      /** The invoice as the answer names it: the one asked about, checked. */
      readonly pr: string;
    };

/** An invoice as compared: bech32 is case-insensitive, and `lightning:` is no part of it. */
const canonical = (pr: string): string =>
  pr
    .trim()
    .replace(/^lightning:/i, '')
    .toLowerCase();

/**
 * The payment hash of `pr`, the invoice the caller was given (a RangeError if it is none): its
 * signature was checked when it was received (`requestInvoice`), and is not needed here.
 */
export const paymentHashOf = (pr: string): Uint8Array => {
  if (typeof pr !== 'string') throw new TypeError(`pr must be a string, got ${typeof pr}`);
  try {
    return decode(pr, { verify: false }).paymentHash;
  } catch (error) {
    throw new RangeError(`pr is not a BOLT 11 invoice: ${(error as Error).message}`, {
      cause: error,
    });
  }
};

/**
 * A verify answer checked against `pr`, the invoice it is about: the `pr` it names must be that
 * invoice (`invoice-mismatch`), and a `preimage` must hash to its payment hash
 * (`preimage-mismatch`); `settled: true` without a preimage, or `settled: false` with the right
 * one, is an answer that contradicts itself (`invalid-response`). A mismatch is never "settled".
 */
export const checkVerifyResponse = (value: unknown, pr: string): VerifyResult => {
  const paymentHash = paymentHashOf(pr);
  const answer = parseVerifyResponse(value);
  if (canonical(answer.pr) !== canonical(pr)) {
    throw new LnurlError(
      'invoice-mismatch',
      `the verify answer is about ${showText(answer.pr, 40)}, not the invoice it was asked about`,
    );
  }
  if (answer.preimage === null) {
    if (answer.settled)
      throw new LnurlError(
        'invalid-response',
        'the verify answer says settled but gives no preimage to prove it',
      );
    return { settled: false, preimage: null, pr: answer.pr };
  }
  if (!/^[0-9a-f]{64}$/i.test(answer.preimage)) {
    throw new LnurlError(
      'invalid-response',
      `verify.preimage ${showText(answer.preimage, 70)} is not 32 bytes of hex`,
    );
  }
  if (!equalBytes(sha256(bytesParam('preimage', answer.preimage)), paymentHash)) {
    throw new LnurlError(
      'preimage-mismatch',
      `the verify answer's preimage ${showText(answer.preimage, 70)} does not hash to the invoice's payment hash`,
    );
  }
  if (!answer.settled)
    throw new LnurlError(
      'invalid-response',
      "the verify answer says not settled but gives the invoice's preimage",
    );
  return { settled: true, preimage: answer.preimage.toLowerCase(), pr: answer.pr };
};
