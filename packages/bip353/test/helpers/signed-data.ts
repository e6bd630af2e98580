// The data an RRSIG signs (RFC 4034 section 3.1.8.1), built here for the tests on their own,
// apart from the library's construction:
//   signature = sign(RRSIG_RDATA | RR(1) | RR(2)... )
//   "RRSIG_RDATA is the wire format of the RRSIG RDATA fields with the Signer's Name field in
//   canonical form and the Signature field excluded"; "RR(i) = owner | type | class | TTL | RDATA
//   length | RDATA", the TTL being the RRSIG's Original TTL, the records in canonical order.
import { canonicalName, labelsOf, nameLength } from './proofs.js';

/** A record of an RRset: owner in canonical wire form, and RDATA. */
export interface SignedRecord {
  readonly owner: Uint8Array;
  readonly type: number;
  readonly class: number;
  readonly rdata: Uint8Array;
}

/** The RRSIG RDATA before the signature: 18 octets of fields, then the signer's name. */
export const rrsigPrefixLength = (rrsigRdata: Uint8Array): number =>
  18 + nameLength(rrsigRdata, 18);

/** The signature field of an RRSIG RDATA. */
export const rrsigSignature = (rrsigRdata: Uint8Array): Uint8Array =>
  rrsigRdata.subarray(rrsigPrefixLength(rrsigRdata));

/** Types whose RDATA is one domain name that RFC 4034 section 6.2 lowercases (CNAME, DNAME). */
const NAME_RDATA = new Set([5, 39]);

const canonicalRdata = (type: number, rdata: Uint8Array): Uint8Array =>
  NAME_RDATA.has(type) ? canonicalName(rdata) : rdata;

/** RFC 4034 section 6.3: RDATA "treated as a left-justified unsigned octet sequence". */
const compareRdata = (a: Uint8Array, b: Uint8Array): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
};

/**
 * The signed data of the RRSIG `rrsigRdata` over `rrset`. A wildcard expansion (the RRSIG's
 * Labels below the owner's label count) is signed as "*." and the owner's rightmost Labels
 * labels (RFC 4035 section 5.3.2).
 */
export const signedData = (rrsigRdata: Uint8Array, rrset: readonly SignedRecord[]): Uint8Array => {
  const prefixLength = rrsigPrefixLength(rrsigRdata);
  const prefix = Buffer.concat([
    rrsigRdata.subarray(0, 18),
    canonicalName(rrsigRdata.subarray(18, prefixLength)),
  ]);
  const labels = rrsigRdata[3] as number;
  const originalTtl = rrsigRdata.subarray(4, 8);
  const rdatas = rrset
    .map((rr) => canonicalRdata(rr.type, rr.rdata))
    .sort(compareRdata)
    .filter((rdata, i, all) => i === 0 || compareRdata(rdata, all[i - 1] as Uint8Array) !== 0);
  const first = rrset[0];
  if (first === undefined) throw new Error('an empty RRset');
  const ownerLabels = labelsOf(first.owner);
  const owner =
    labels < ownerLabels.length
      ? Buffer.concat([
          Uint8Array.of(1, 0x2a),
          ...ownerLabels
            .slice(ownerLabels.length - labels)
            .map((l) => Buffer.concat([Uint8Array.of(l.length), l])),
          Uint8Array.of(0),
        ])
      : first.owner;
  const head = Buffer.alloc(8);
  head.writeUInt16BE(first.type, 0);
  head.writeUInt16BE(first.class, 2);
  head.set(originalTtl, 4);
  return Buffer.concat([
    prefix,
    ...rdatas.map((rdata) => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(rdata.length);
      return Buffer.concat([owner, head, length, rdata]);
    }),
  ]);
};
