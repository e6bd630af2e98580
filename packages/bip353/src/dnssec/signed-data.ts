// What an RRSIG signs (RFC 4034 section 3.1.8.1): "signature = sign(RRSIG_RDATA | RR(1) | RR(2)...)",
// where RRSIG_RDATA is the RDATA without the signature and each RR is in canonical form, in
// canonical order.
import { concatBytes } from '@lninvoice/core/text';
import { canonicalWire, lowerName, readName } from '../dns/name.js';
import type { Rrsig } from '../dns/rdata.js';
import { type Name, RR_TYPE } from '../dns/types.js';
import type { RrSet } from './rrsets.js';

/**
 * The RDATA in canonical form (RFC 4034 section 6.2 item 3): names in it lowercased for the
 * types listed there. RFC 6840 section 5.1 takes NSEC off that list; of the types read here only
 * CNAME and DNAME hold a name to lower.
 */
const canonicalRdata = (type: number, rdata: Uint8Array): Uint8Array =>
  type === RR_TYPE.CNAME || type === RR_TYPE.DNAME
    ? canonicalWire(readName(rdata, 0, false).name)
    : rdata;

/** RFC 4034 section 6.3: RRs "sorted by treating the RDATA portion ... as a left-justified unsigned octet sequence". */
const compareBytes = (a: Uint8Array, b: Uint8Array): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
};

/**
 * The bytes `rrsig` signs over `set`. The owner is "the RRset's owner name in canonical form",
 * or for a wildcard expansion (Labels below the owner's count) "*." followed by the rightmost
 * Labels labels (RFC 4035 section 5.3.2). Each RR carries the RRSIG's Original TTL.
 */
export const signedData = (rrsig: Rrsig, set: RrSet, owner: Name): Uint8Array => {
  const name = canonicalWire(owner);
  const header = new Uint8Array(8);
  const view = new DataView(header.buffer);
  view.setUint16(0, set.type);
  view.setUint16(2, set.records[0]?.class ?? 1);
  view.setUint32(4, rrsig.originalTtl);
  const rdatas = set.records.map((r) => canonicalRdata(set.type, r.rdata)).sort(compareBytes);
  const unique = rdatas.filter(
    (rdata, i) => i === 0 || compareBytes(rdata, rdatas[i - 1] as Uint8Array) !== 0,
  );
  const parts: Uint8Array[] = [rrsig.signedFields];
  for (const rdata of unique)
    parts.push(name, header, Uint8Array.of(rdata.length >> 8, rdata.length & 0xff), rdata);
  return concatBytes(...parts);
};

/** The owner the signature covers: the name itself, or its wildcard (RFC 4035 section 5.3.2). */
export const signedOwner = (name: Name, labels: number): Name =>
  labels < name.length ? ['*', ...lowerName(name.slice(name.length - labels))] : name;
