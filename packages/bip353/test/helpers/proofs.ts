// BIP 353's example proofs (test-support/vectors/bip353/example-proofs.json) read into records, for the crypto
// tests. The records' bounds are found here, and dns-packet reads every record's fields on its
// own: the tests use its reading of DNSKEY, DS and RRSIG fields, not offsets of this file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as dnsPacket from 'dns-packet';

export interface ProofVector {
  readonly name: string;
  readonly source: string;
  readonly valid: boolean;
  readonly validOn?: string;
  readonly note: string;
  readonly proofHex: string;
}

/** The vectors, each with the PSBT field (name and proof) as `proofHex`, which readProof splits. */
export const PROOFS = (
  JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve('test-support/vectors/bip353/example-proofs.json'),
      'utf8',
    ),
  ).vectors as (ProofVector & { psbtHex: string })[]
).map((v) => ({ ...v, proofHex: v.psbtHex }));

/** dns-packet's reading of the RDATA of the types the tests look at (its own field names). */
export interface DecodedData {
  // DNSKEY
  readonly flags?: number;
  readonly algorithm?: number;
  readonly key?: Uint8Array;
  // DS
  readonly keyTag?: number;
  readonly digestType?: number;
  readonly digest?: Uint8Array;
  // RRSIG
  readonly typeCovered?: string;
  readonly labels?: number;
  readonly originalTTL?: number;
  readonly signersName?: string;
  readonly signature?: Uint8Array;
}

export interface ProofRecord {
  /** The owner name in canonical wire form (RFC 4034 section 6.2: lowercase, uncompressed). */
  readonly owner: Uint8Array;
  /** The owner name as dns-packet reads it, for messages. */
  readonly ownerText: string;
  readonly type: number;
  readonly class: number;
  readonly ttl: number;
  readonly rdata: Uint8Array;
  readonly data: DecodedData;
}

/** The length of the uncompressed wire name at `at` in `bytes` (RFC 1035 section 3.1). */
export const nameLength = (bytes: Uint8Array, at: number): number => {
  let i = at;
  for (;;) {
    const length = bytes[i];
    if (length === undefined || length > 63) throw new Error(`no uncompressed name at ${at}`);
    i += 1 + length;
    if (length === 0) return i - at;
  }
};

/** A wire name with every ASCII capital lowercased (length octets are below 64: never letters). */
export const canonicalName = (wire: Uint8Array): Uint8Array =>
  wire.map((b) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b));

/** The wire form of a name written with dots ("" or "." is the root). */
export const wireName = (text: string): Uint8Array => {
  const labels = text.split('.').filter((label) => label !== '');
  return Uint8Array.from([
    ...labels.flatMap((label) => [label.length, ...Buffer.from(label, 'latin1')]),
    0,
  ]);
};

/** The labels of a wire name, root excluded. */
export const labelsOf = (wire: Uint8Array): Uint8Array[] => {
  const labels: Uint8Array[] = [];
  for (let i = 0; (wire[i] as number) > 0; i += 1 + (wire[i] as number))
    labels.push(wire.subarray(i + 1, i + 1 + (wire[i] as number)));
  return labels;
};

/** The name a proof is for, and its records. */
export const readProof = (hex: string): { name: string; records: ProofRecord[] } => {
  const bytes = Buffer.from(hex, 'hex');
  const nameEnd = 1 + (bytes[0] as number);
  const bounds: { start: number; rdataStart: number; end: number }[] = [];
  for (let at = nameEnd; at < bytes.length; ) {
    const rdataStart = at + nameLength(bytes, at) + 10;
    const end = rdataStart + bytes.readUInt16BE(rdataStart - 2);
    if (end > bytes.length) throw new Error(`the record at ${at} runs past the proof`);
    bounds.push({ start: at, rdataStart, end });
    at = end;
  }
  // The same records as the answer section of a DNS message, for dns-packet's reading.
  const header = Buffer.alloc(12);
  header.writeUInt16BE(bounds.length, 6);
  const message = dnsPacket.decode(Buffer.concat([header, bytes.subarray(nameEnd)]));
  const answers = (message.answers ?? []) as unknown as { name: string; data: DecodedData }[];
  if (answers.length !== bounds.length) throw new Error('dns-packet reads another record count');
  const records = bounds.map(({ start, rdataStart, end }, i): ProofRecord => {
    const owner = bytes.subarray(start, rdataStart - 10);
    return {
      owner: canonicalName(owner),
      ownerText: (answers[i] as { name: string }).name,
      type: bytes.readUInt16BE(rdataStart - 10),
      class: bytes.readUInt16BE(rdataStart - 8),
      ttl: bytes.readUInt32BE(rdataStart - 6),
      rdata: new Uint8Array(bytes.subarray(rdataStart, end)),
      data: (answers[i] as { data: DecodedData }).data,
    };
  });
  return { name: bytes.subarray(1, nameEnd).toString('latin1'), records };
};
