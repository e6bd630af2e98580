// The data part, written: "`timestamp` (35 bits), zero or more tagged parts, `signature`".
import { bytesToWords, encodeBech32 } from '../bech32.js';
import { integerToFixedWords } from './fields/integer.js';
import type { FieldWords, InvoiceSignature } from './invoice.js';
import { MAX_FIELD_WORDS, TIMESTAMP_WORDS } from './spec.js';

/** The words the signature covers: the timestamp, then each field's type, length and data. */
export const signedWords = (timestamp: number, fields: readonly FieldWords[]): Uint8Array => {
  let length = TIMESTAMP_WORDS;
  for (const f of fields) length += 3 + f.words.length;
  const out = new Uint8Array(length);
  out.set(integerToFixedWords(timestamp, TIMESTAMP_WORDS));
  let at = TIMESTAMP_WORDS;
  for (const f of fields) {
    if (f.words.length > MAX_FIELD_WORDS) {
      throw new RangeError(
        `field "${f.tag}" has ${f.words.length} words; a field holds at most ${MAX_FIELD_WORDS}`,
      );
    }
    out[at] = f.type;
    out[at + 1] = f.words.length >> 5;
    out[at + 2] = f.words.length & 31;
    out.set(f.words, at + 3);
    at += 3 + f.words.length;
  }
  return out;
};

/** The invoice string: hrp, signed words and the 104 words of R || S || recovery id. */
export const invoiceString = (
  hrp: string,
  signed: Uint8Array,
  signature: InvoiceSignature,
  uppercase = false,
): string => {
  const sigBytes = new Uint8Array(65);
  sigBytes.set(signature.compact);
  sigBytes[64] = signature.recoveryId;
  const sigWords = bytesToWords(sigBytes);
  const words = new Uint8Array(signed.length + sigWords.length);
  words.set(signed);
  words.set(sigWords, signed.length);
  const text = encodeBech32(hrp, words);
  // BOLT 11: "SHOULD use upper case for QR codes"
  return uppercase ? text.toUpperCase() : text;
};
