// checkL402Preimage: whether a preimage pays an invoice, "H = sha256(r)".
import { Bolt11Error, decode } from '@lninvoice/core';
import { sha256 } from '@lninvoice/core/hash';
import { bytesParam } from '@lninvoice/core/options';
import { describeValue, showText } from '@lninvoice/core/text';
import { L402Error } from './errors.js';

/**
 * True when SHA-256 of `preimage` is the payment hash of `invoice`, else false (a preimage of
 * another length than 32 bytes never is). `invoice` is a BOLT 11 string — only its payment hash
 * is read, the signature is not checked (legacy invoices too) — or an object with `paymentHash`,
 * such as a decoded invoice or `challenge.decoded`. `preimage` is hex or bytes.
 * Throws `invalid-invoice` for a string that is no invoice; a TypeError or RangeError for a wrong
 * argument.
 */
export const checkL402Preimage = (
  invoice: string | { readonly paymentHash: Uint8Array },
  preimage: string | Uint8Array,
): boolean => {
  let paymentHash: Uint8Array;
  if (typeof invoice === 'string') {
    try {
      paymentHash = decode(invoice, { verify: false, legacy: true }).paymentHash;
    } catch (error) {
      if (!(error instanceof Bolt11Error)) throw error;
      throw new L402Error(
        'invalid-invoice',
        `the invoice ${showText(invoice, 40)} is not a valid BOLT 11 invoice (${error.code}): ${error.message}`,
        { cause: error },
      );
    }
  } else if (typeof invoice === 'object' && invoice !== null) {
    paymentHash = invoice.paymentHash;
    if (!(paymentHash instanceof Uint8Array) || paymentHash.length !== 32)
      throw new TypeError(
        `invoice.paymentHash must be a Uint8Array of 32 bytes, got ${describeValue(paymentHash)}`,
      );
  } else
    throw new TypeError(
      `invoice must be a BOLT 11 string or an object with paymentHash, got ${describeValue(invoice)}`,
    );
  const bytes = bytesParam('preimage', preimage);
  if (bytes.length !== 32) return false;
  const hash = sha256(bytes);
  // Compared in full whatever differs (the hash is public, but a server need not say more).
  let difference = 0;
  for (let i = 0; i < 32; i++) difference |= (hash[i] as number) ^ (paymentHash[i] as number);
  return difference === 0;
};
