// Resource records on the wire (RFC 1035 section 4.1.3): read from a proof or a DNS message,
// written uncompressed into a proof (RFC 9102 section 3: "the DNS wire format").
import { concatBytes } from '@lninvoice/core/text';
import { Bip353Error } from '../errors.js';
import { nameToWire, readName } from './name.js';
import { type DnsRecord, RR_TYPE } from './types.js';

const u16 = (bytes: Uint8Array, offset: number): number =>
  ((bytes[offset] as number) << 8) | (bytes[offset + 1] as number);

const u32 = (bytes: Uint8Array, offset: number): number =>
  u16(bytes, offset) * 0x10000 + u16(bytes, offset + 2);

/** Types whose RDATA is one name that a DNS message may compress (RFC 3597 section 4). */
const COMPRESSIBLE_TARGET = new Set<number>([RR_TYPE.CNAME]);

/**
 * The record at `offset` and the offset after it. In a DNS message (`compression`) owner names
 * and a CNAME's target may be compressed: the target is stored expanded, so the record can go
 * into a proof as is.
 */
export const readRecord = (
  bytes: Uint8Array,
  offset: number,
  compression: boolean,
): { record: DnsRecord; next: number } => {
  const { name, next: fixed } = readName(
    bytes,
    offset,
    compression,
    `the record at byte ${offset}`,
  );
  if (fixed + 10 > bytes.length)
    throw new Bip353Error(
      'truncated-record',
      `the record at byte ${offset} ends at byte ${bytes.length}, inside its type, class, TTL and length`,
    );
  const type = u16(bytes, fixed);
  const rdLength = u16(bytes, fixed + 8);
  const start = fixed + 10;
  const end = start + rdLength;
  if (end > bytes.length)
    throw new Bip353Error(
      'truncated-record',
      `the record at byte ${offset} declares ${rdLength} bytes of data; ${bytes.length - start} follow`,
    );
  let rdata: Uint8Array = bytes.slice(start, end);
  if (compression && COMPRESSIBLE_TARGET.has(type)) {
    const target = readName(bytes, start, true, `the target of the record at byte ${offset}`);
    if (target.next !== end)
      throw new Bip353Error(
        'invalid-record',
        `the record at byte ${offset} has bytes after its target`,
      );
    rdata = nameToWire(target.name);
  }
  const record = { name, type, class: u16(bytes, fixed + 2), ttl: u32(bytes, fixed + 4), rdata };
  return { record, next: end };
};

/** The record, uncompressed: owner, type, class, TTL, RDLENGTH, RDATA. */
export const writeRecord = (record: DnsRecord): Uint8Array => {
  const fixed = new Uint8Array(10);
  const view = new DataView(fixed.buffer);
  view.setUint16(0, record.type);
  view.setUint16(2, record.class);
  view.setUint32(4, record.ttl);
  view.setUint16(8, record.rdata.length);
  return concatBytes(nameToWire(record.name), fixed, record.rdata);
};

export { u16, u32 };
