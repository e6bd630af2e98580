// TLV streams (BOLT 1): "a sequence of `tlv_record`s", each a BigSize `type`, a BigSize `length`
// and `length` bytes of value, read strictly: minimal BigSizes, strictly increasing types, no
// record past the end. Records keep their bytes, so a message re-encodes byte for byte.
import { concatBytes } from '@lninvoice/core/text';
import { Bolt12Error, type Span } from './error.js';

/** One TLV record as written. */
export interface TlvRecord {
  /** The record type. */
  readonly type: bigint;
  /** The record value, as written. */
  readonly value: Uint8Array;
}

/** A record read from a stream, with where it stands in the stream's bytes. */
export interface ReadRecord extends TlvRecord {
  /** The type as a number (types above 2^53 are never known ones; they read as Infinity). */
  readonly number: number;
  /** Byte offsets of the whole record (type, length and value). */
  readonly start: number;
  readonly end: number;
}

const TWO_32 = 0x100000000;

/** Where the BigSize just read ends, and its exact value when it needed 8 bytes (above 2^53). */
let next = 0;
let wide = 0n;

/**
 * The BigSize at `at` as a number (exact below 2^53; `wide` holds an 8-byte one exactly), `next`
 * set to where it ends; -1 when `bytes` end inside it. No allocation: this runs twice a record.
 * "A value is said to be minimally encoded if it could not be encoded using fewer bytes";
 * readers MUST fail on one that is not.
 */
const readBigSize = (
  bytes: Uint8Array,
  at: number,
  what: string,
  span: (from: number, to: number) => Span,
): number => {
  const first = bytes[at];
  if (first === undefined) return -1;
  if (first < 0xfd) {
    next = at + 1;
    return first;
  }
  const size = first === 0xfd ? 2 : first === 0xfe ? 4 : 8;
  if (at + 1 + size > bytes.length) return -1;
  let number = 0;
  for (let i = 1; i <= size; i++) number = number * 256 + (bytes[at + i] as number);
  if (size === 8) {
    // Eight bytes exceed 2^53: read them exactly as two halves.
    const view = new DataView(bytes.buffer, bytes.byteOffset + at + 1, 8);
    wide = (BigInt(view.getUint32(0)) << 32n) | BigInt(view.getUint32(4));
  }
  const minimum = first === 0xfd ? 0xfd : first === 0xfe ? 0x10000 : TWO_32;
  if (number < minimum) {
    throw new Bolt12Error(
      'non-minimal-encoding',
      `the ${what} ${size === 8 ? wide : number} at byte ${at} is written in ${size + 1} bytes; BOLT 1 requires the fewest`,
      { span: span(at, at + 1 + size) },
    );
  }
  next = at + 1 + size;
  return number;
};

const truncation = (
  part: string,
  start: number,
  end: number,
  span: (from: number, to: number) => Span,
) =>
  new Bolt12Error(
    'truncated-record',
    `the data ends inside the ${part} of the record at byte ${start}`,
    {
      span: span(start, end),
    },
  );

/** The BigSize encoding of `value`. */
export const writeBigSize = (value: bigint): Uint8Array => {
  if (value < 0xfdn) return Uint8Array.of(Number(value));
  const size = value < 0x10000n ? 2 : value < 0x100000000n ? 4 : 8;
  const out = new Uint8Array(1 + size);
  out[0] = size === 2 ? 0xfd : size === 4 ? 0xfe : 0xff;
  for (let i = size, v = value; i >= 1; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
};

/**
 * The records of `bytes`. BOLT 1: "if a `type` or `length` is not minimally encoded", "if the
 * end of the stream is reached while reading a type's length or value", "if `length` exceeds the
 * number of bytes remaining", "if decoded `type`s are not strictly-increasing (including
 * situations when two or more occurrences of the same `type` are met): MUST fail to parse".
 */
export const readTlvStream = (
  bytes: Uint8Array,
  span: (from: number, to: number) => Span,
): ReadRecord[] => {
  const records: ReadRecord[] = [];
  let at = 0;
  let previous: ReadRecord | undefined;
  while (at < bytes.length) {
    const start = at;
    const truncated = (part: string) => truncation(part, start, bytes.length, span);
    const number = readBigSize(bytes, at, 'type', span);
    if (number < 0) throw truncated('type');
    const type = number > Number.MAX_SAFE_INTEGER ? wide : BigInt(number);
    const length = readBigSize(bytes, next, 'length', span);
    if (length < 0) throw truncated('length');
    // A length beyond 2^53 is far beyond any input: the comparison holds for it too.
    if (length > bytes.length - next) throw truncated('value');
    const end = next + length;
    const record: ReadRecord = {
      type,
      number,
      value: bytes.subarray(next, end),
      start,
      end,
    };
    if (previous !== undefined && record.type <= previous.type) {
      const same = record.type === previous.type;
      throw new Bolt12Error(
        same ? 'duplicate-record' : 'invalid-record-order',
        same
          ? `type ${record.type} appears twice; each type appears at most once`
          : `type ${record.type} follows type ${previous.type}; types must increase`,
        { span: span(start, end) },
      );
    }
    records.push(record);
    previous = record;
    at = end;
  }
  return records;
};

/** The bytes of `records`, in the order given. */
export const writeTlvStream = (records: readonly TlvRecord[]): Uint8Array =>
  concatBytes(
    ...records.flatMap(({ type, value }) => [
      writeBigSize(type),
      writeBigSize(BigInt(value.length)),
      value,
    ]),
  );
