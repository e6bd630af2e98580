// DNS messages (RFC 1035 section 4.1) as DNS over HTTPS carries them (RFC 8484): the query this
// package sends and the reading of a resolver's answer.
import { concatBytes } from '@lninvoice/core/text';
import { Bip353Error } from '../errors.js';
import { formatName, nameToWire, readName, sameName } from './name.js';
import { readRecord, u16 } from './record.js';
import { CLASS_IN, type DnsRecord, type Name, RR_TYPE } from './types.js';

/** Header flags (RFC 1035 section 4.1.1, RFC 4035 section 3.2). */
const QR = 0x8000;
const TC = 0x0200;
const RD = 0x0100;
/** "CD (checking disabled)": the answer is validated here, so the resolver need not (RFC 4035 3.2.2). */
const CD = 0x0010;
/** EDNS(0)'s "DO" bit (RFC 3225): without it a resolver leaves the RRSIGs out. */
const DO = 0x8000;
/** The largest answer announced in EDNS(0); DoH has no UDP limit, RFC 8484 section 6. */
const PAYLOAD_SIZE = 4096;

/**
 * The query for `name` and `type`: recursion desired, checking disabled, EDNS(0) with DO. Its ID
 * is 0: "In order to maximize HTTP cache friendliness, DoH clients using media formats that
 * include the ID field from the DNS message header, such as "application/dns-message", SHOULD
 * use a DNS ID of 0 in every DNS request" (RFC 8484 section 4.1).
 */
export const encodeQuery = (name: Name, type: number): Uint8Array => {
  const header = new Uint8Array(12);
  const view = new DataView(header.buffer);
  view.setUint16(2, RD | CD);
  view.setUint16(4, 1);
  view.setUint16(10, 1);
  const question = new Uint8Array(4);
  new DataView(question.buffer).setUint16(0, type);
  new DataView(question.buffer).setUint16(2, CLASS_IN);
  // The OPT pseudo-record (RFC 6891 section 6.1.2): root owner, CLASS = payload size, TTL holds DO.
  const opt = new Uint8Array([
    0,
    0,
    RR_TYPE.OPT,
    PAYLOAD_SIZE >> 8,
    PAYLOAD_SIZE & 0xff,
    0,
    0,
    DO >> 8,
    0,
    0,
    0,
  ]);
  return concatBytes(header, nameToWire(name), question, opt);
};

/** RCODEs (RFC 1035 section 4.1.1, RFC 6895). */
export const RCODE_NXDOMAIN = 3;
const RCODE_NAMES: Readonly<Record<number, string>> = {
  1: 'FORMERR',
  2: 'SERVFAIL',
  4: 'NOTIMP',
  5: 'REFUSED',
};

/** What the package reads of an answer: its RCODE and the records of two sections. */
export interface DnsAnswer {
  readonly rcode: number;
  readonly answers: readonly DnsRecord[];
  readonly authority: readonly DnsRecord[];
}

const invalidResponse = (what: string, why: string): Bip353Error =>
  new Bip353Error('invalid-response', `the resolver's answer to ${what} ${why}`);

/**
 * The answer to the query for `name` and `type`, checked to be one: a response (QR), not
 * truncated, with the same question. FORMERR, SERVFAIL, NOTIMP, REFUSED and others are a
 * `service-error`; NXDOMAIN is returned for the caller to report.
 */
export const decodeAnswer = (bytes: Uint8Array, name: Name, type: number): DnsAnswer => {
  const what = `${formatName(name)} ${type}`;
  if (bytes.length < 12)
    throw invalidResponse(what, `is ${bytes.length} bytes, shorter than a DNS header`);
  const flags = u16(bytes, 2);
  if (!(flags & QR)) throw invalidResponse(what, 'is not a response (QR is 0)');
  if (flags & TC) throw invalidResponse(what, 'is truncated (TC is 1)');
  const rcode = flags & 0x0f;
  if (rcode !== 0 && rcode !== RCODE_NXDOMAIN)
    throw new Bip353Error(
      'service-error',
      `the resolver answered ${what} with RCODE ${rcode}${RCODE_NAMES[rcode] ? ` (${RCODE_NAMES[rcode]})` : ''}`,
    );
  const counts = [u16(bytes, 4), u16(bytes, 6), u16(bytes, 8)] as const;
  if (counts[0] !== 1) throw invalidResponse(what, `has ${counts[0]} questions, not 1`);
  let offset = 12;
  try {
    const question = readName(bytes, offset, true, 'the question');
    offset = question.next + 4;
    if (offset > bytes.length) throw invalidResponse(what, 'ends inside its question');
    if (
      !sameName(question.name, name) ||
      u16(bytes, offset - 4) !== type ||
      u16(bytes, offset - 2) !== CLASS_IN
    )
      throw invalidResponse(
        what,
        `is about another question (${formatName(question.name)} ${u16(bytes, offset - 4)})`,
      );
    const sections: DnsRecord[][] = [[], []];
    for (const [index, section] of sections.entries()) {
      for (let i = 0; i < (counts[index + 1] as number); i++) {
        const { record, next } = readRecord(bytes, offset, true);
        section.push(record);
        offset = next;
      }
    }
    return { rcode, answers: sections[0] as DnsRecord[], authority: sections[1] as DnsRecord[] };
  } catch (error) {
    if (error instanceof Bip353Error && error.code !== 'invalid-response')
      throw invalidResponse(what, `is not a well-formed DNS message: ${error.message}`);
    throw error;
  }
};
