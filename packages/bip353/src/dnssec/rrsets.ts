// The records of a proof or of resolver answers, grouped the way DNSSEC signs them: RRsets
// ("all RRs with the same owner name, class, and type", RFC 2181 section 5) and the RRSIGs
// that cover each.

import { equalBytes } from '@lninvoice/core/text';
import { lowerName } from '../dns/name.js';
import { parseRrsig, type Rrsig } from '../dns/rdata.js';
import { CLASS_IN, type DnsRecord, type Name, RR_TYPE } from '../dns/types.js';

/** An RRset, its records without duplicates ("RFC 2181 ... disallows duplicate RRs", RFC 4034 6.3). */
export interface RrSet {
  readonly name: Name;
  readonly type: number;
  readonly records: readonly DnsRecord[];
}

/** An RRSIG with the TTL its own record carried. */
export interface Signature extends Rrsig {
  readonly ttl: number;
}

const key = (name: Name, type: number): string => `${lowerName(name).join('\u0000')}|${type}`;

/** The RRsets and signatures of class IN among `records`; other classes play no part. */
export class RecordIndex {
  readonly #sets = new Map<string, { name: Name; type: number; records: DnsRecord[] }>();
  readonly #signatures = new Map<string, Signature[]>();

  constructor(records: Iterable<DnsRecord>) {
    for (const record of records) {
      if (record.class !== CLASS_IN) continue;
      if (record.type === RR_TYPE.RRSIG) {
        const rrsig = parseRrsig(record);
        const list = this.#signatures.get(key(record.name, rrsig.typeCovered)) ?? [];
        if (!list.some((s) => equalBytes(s.signature, rrsig.signature)))
          list.push({ ...rrsig, ttl: record.ttl });
        this.#signatures.set(key(record.name, rrsig.typeCovered), list);
        continue;
      }
      const set = this.#sets.get(key(record.name, record.type)) ?? {
        name: record.name,
        type: record.type,
        records: [],
      };
      if (!set.records.some((r) => equalBytes(r.rdata, record.rdata))) set.records.push(record);
      this.#sets.set(key(record.name, record.type), set);
    }
  }

  /** The RRset of `type` at `name`, if the records hold one. */
  get(name: Name, type: number): RrSet | undefined {
    return this.#sets.get(key(name, type));
  }

  /** The RRSIGs covering the RRset of `type` at `name`. */
  signatures(name: Name, type: number): readonly Signature[] {
    return this.#signatures.get(key(name, type)) ?? [];
  }

  /** Every RRset of `type`, in the order first seen. */
  all(type: number): RrSet[] {
    return [...this.#sets.values()].filter((set) => set.type === type);
  }
}
