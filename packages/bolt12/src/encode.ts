// Encoding: a message's records, as written, back to its string, byte for byte.
import { describeValue } from '@lninvoice/core/text';
import { MAX_BOLT12_LENGTH, PREFIX_OF, PREFIXES, writeBolt12Text } from './string.js';
import { type TlvRecord, writeTlvStream } from './tlv.js';

/** The options of {@link encodeBolt12}. */
export interface EncodeBolt12Options {
  /** Upper case, as BOLT 12 advises for QR codes ("SHOULD use uppercase for QR codes"). */
  readonly uppercase?: boolean;
}

/** What `encodeBolt12` needs: the kind of message and its records (a decoded message has both). */
export interface Bolt12Records {
  /** The kind of message: it decides the prefix (`lno`, `lnr`, `lni`). */
  readonly kind: keyof typeof PREFIX_OF;
  /** The TLV records, written in this order. */
  readonly records: readonly TlvRecord[];
}

/**
 * The string of a decoded (or built) message: its records written in order, so that
 * `encodeBolt12(decodeBolt12(s))` is `s` in lower case without `+` continuations.
 */
export const encodeBolt12 = (message: Bolt12Records, options: EncodeBolt12Options = {}): string => {
  if (typeof message !== 'object' || message === null)
    throw new TypeError(`message must be a decoded BOLT 12 message, got ${describeValue(message)}`);
  const prefix = PREFIX_OF[message.kind];
  if (!Object.hasOwn(PREFIX_OF, message.kind) || prefix === undefined)
    throw new RangeError(
      `message.kind must be one of ${Object.values(PREFIXES).join(', ')}, got ${describeValue(message.kind)}`,
    );
  if (!Array.isArray(message.records))
    throw new TypeError(`message.records must be an array, got ${describeValue(message.records)}`);
  message.records.forEach((record, i) => {
    if (typeof record?.type !== 'bigint' || record.type < 0n || record.type >= 2n ** 64n)
      throw new TypeError(`message.records[${i}].type must be a bigint from 0 to 2^64-1`);
    if (!(record.value instanceof Uint8Array))
      throw new TypeError(`message.records[${i}].value must be a Uint8Array`);
    if (i > 0 && record.type <= (message.records[i - 1] as TlvRecord).type)
      throw new RangeError(`message.records[${i}]: types must increase (BOLT 1)`);
  });
  const text = writeBolt12Text(prefix, writeTlvStream(message.records), options.uppercase === true);
  if (text.length > MAX_BOLT12_LENGTH)
    throw new RangeError(
      `the message is ${text.length} characters long; at most ${MAX_BOLT12_LENGTH} can be read back`,
    );
  return text;
};
