// encode: a decoded invoice back to its string, exactly as it was signed.
import { isBoolean, readOptions } from '../options.js';
import type { AnyInvoice } from './invoice.js';
import { signatureParam, writableInvoiceParam } from './invoice-params.js';
import { invoiceString, signedWords } from './serialize.js';

/** The options of {@link encode}. */
export interface EncodeOptions {
  /** Write the invoice in upper case, which QR codes store in their compact alphanumeric mode. */
  readonly uppercase?: boolean;
}

/**
 * The string of a decoded invoice, byte for byte: its human-readable part as written (a
 * non-canonical amount stays), every field in its order with its words as written (unknown and
 * skipped fields too), and its signature. The typed values (`amountMsat`, `description`, …) are
 * views of those words and are not re-serialised: to change an invoice, create and sign a new one.
 */
export const encode = (invoice: AnyInvoice, options?: EncodeOptions): string => {
  const { hrp, timestamp, fields } = writableInvoiceParam('invoice', invoice, 'decode');
  const signature = signatureParam('invoice.signature', invoice.signature);
  const { uppercase } = readOptions<EncodeOptions>('options', options, { uppercase: isBoolean });
  return invoiceString(hrp, signedWords(timestamp, fields), signature, uppercase === true);
};
