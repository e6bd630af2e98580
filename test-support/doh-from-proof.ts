// A stand-in DNS-over-HTTPS resolver (RFC 8484) that answers from the records of one RFC 9102
// proof, such as BIP 353's examples: enough to run a BIP 353 resolution end to end without the
// internet, as a `fetch` (`dohFetch`, in a browser too) or a server on 127.0.0.1
// (`serveDohFromProof` in doh-from-proof-server.ts, Node only). It answers each query with the proof's records of that name and type (a TXT query
// also gets a CNAME or DNAME of the name), their RRSIGs, and for TXT every NSEC and NSEC3 record
// as authority: what a resolver answers for a wildcard. It signs nothing and checks nothing: the
// client proves what it is sent.

/** One record of a proof: its owner name in lower case (`a.b.`), type, and wire bytes. */
export interface ProofRecord {
  readonly owner: string;
  readonly type: number;
  /** For an RRSIG, the type it covers. */
  readonly covered: number | undefined;
  readonly bytes: Uint8Array;
  readonly rdata: Uint8Array;
}

const TXT = 16;
const CNAME = 5;
const DNAME = 39;
const RRSIG = 46;
const NSEC = 47;
const NSEC3 = 50;

/** The name at `offset` (uncompressed labels) in lower case with a final dot, and where it ends. */
const readName = (bytes: Uint8Array, offset: number): { name: string; next: number } => {
  const labels: string[] = [];
  let at = offset;
  for (;;) {
    const length = bytes[at];
    if (length === undefined || length > 63) throw new Error(`no DNS name at ${offset}`);
    at++;
    if (length === 0) break;
    labels.push(String.fromCharCode(...bytes.subarray(at, at + length)).toLowerCase());
    at += length;
  }
  return { name: `${labels.join('.')}.`, next: at };
};

const u16 = (bytes: Uint8Array, offset: number): number =>
  ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);

/** The records of `proof`, in order. */
export const readProofRecords = (proof: Uint8Array): ProofRecord[] => {
  const records: ProofRecord[] = [];
  for (let offset = 0; offset < proof.length; ) {
    const { name, next } = readName(proof, offset);
    const type = u16(proof, next);
    const end = next + 10 + u16(proof, next + 8);
    if (end > proof.length) throw new Error(`the record at ${offset} goes past the proof's end`);
    const covered = type === RRSIG ? u16(proof, next + 10) : undefined;
    const bytes = proof.subarray(offset, end);
    records.push({ owner: name, type, covered, bytes, rdata: proof.subarray(next + 10, end) });
    offset = end;
  }
  return records;
};

/** Whether `record` answers a query for `type`: it is of that type, or an RRSIG over it. */
const isOf = (record: ProofRecord, type: number): boolean =>
  record.type === type || (record.type === RRSIG && record.covered === type);

/** The records of `name` for a query of `type`: a TXT query also gets the name's CNAME or DNAME. */
const recordsAt = (records: readonly ProofRecord[], name: string, type: number): ProofRecord[] => {
  const types = type === TXT ? [TXT, CNAME, DNAME] : [type];
  return records.filter(
    (r) =>
      types.some((t) => isOf(r, t)) &&
      (r.owner === name || (isOf(r, DNAME) && name.endsWith(`.${r.owner}`))),
  );
};

/** The name the CNAME of `name` among `records` points to. */
const cnameTarget = (records: readonly ProofRecord[], name: string): string | undefined => {
  const cname = records.find((r) => r.type === CNAME && r.owner === name);
  return cname === undefined ? undefined : readName(cname.rdata, 0).name;
};

/** The DNS answer (RFC 1035 section 4.1) to `query` from `records`. */
export const answer = (
  records: readonly ProofRecord[],
  query: Uint8Array,
): Uint8Array<ArrayBuffer> => {
  const { name, next } = readName(query, 12);
  const type = u16(query, next);
  // As a recursive resolver does, the answer follows a CNAME chain (RFC 1034 section 3.6.2).
  const answers: ProofRecord[] = [];
  const visited = new Set<string>();
  for (let at: string | undefined = name; at !== undefined && !visited.has(at); ) {
    visited.add(at);
    answers.push(...recordsAt(records, at, type));
    at = type === TXT ? cnameTarget(records, at) : undefined;
  }
  const authority = type === TXT ? records.filter((r) => isOf(r, NSEC) || isOf(r, NSEC3)) : [];
  const header = new Uint8Array(12);
  header.set(query.subarray(0, 2)); // the ID
  header.set([0x81, 0x80, 0, 1], 2); // QR, RD, RA; one question
  header.set([answers.length >> 8, answers.length & 0xff], 6);
  header.set([authority.length >> 8, authority.length & 0xff], 8);
  const parts = [
    header,
    query.subarray(12, next + 4),
    ...[...answers, ...authority].map((r) => r.bytes),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/** RFC 4648 base64url without padding, as a GET's `dns` parameter carries the query. */
const fromBase64url = (text: string): Uint8Array => {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) =>
    c.charCodeAt(0),
  );
};

/** A query as the resolver saw it: `name type` (`a.b. 16`) and the HTTP method. */
export interface SeenQuery {
  readonly name: string;
  readonly type: number;
  readonly method: string;
}

/** The query of a GET (`?dns=`) or POST (body) request; undefined when there is none. */
export const queryOf = (
  url: string,
  method: string,
  body: Uint8Array | undefined,
): Uint8Array | undefined => {
  if (method === 'POST') return body;
  const dns = new URL(url).searchParams.get('dns');
  return dns === null ? undefined : fromBase64url(dns);
};

export const seen = (query: Uint8Array, method: string): SeenQuery => {
  const { name, next } = readName(query, 12);
  return { name, type: u16(query, next), method };
};

/**
 * A `fetch` that answers DNS-over-HTTPS requests from `proof`'s records, whatever the URL; each
 * query is pushed to `queries`.
 */
export const dohFetch = (proof: Uint8Array, queries: SeenQuery[] = []) => {
  const records = readProofRecords(proof);
  return async (url: string, init: { method?: string; body?: Uint8Array }): Promise<Response> => {
    const method = init.method ?? 'GET';
    const query = queryOf(url, method, init.body);
    if (query === undefined) return new Response('no dns query', { status: 400 });
    queries.push(seen(query, method));
    return new Response(answer(records, query), {
      status: 200,
      headers: { 'content-type': 'application/dns-message' },
    });
  };
};
