// resolveBip353: the records of a name and the whole chain above them, fetched from the
// caller's DNS-over-HTTPS resolver, then proven here as an RFC 9102 proof ("Clients resolving
// Bitcoin payment instructions MUST NOT trust a remote resolver to validate DNSSEC records on
// their behalf", BIP 353). The result is exactly what verifyBip353Proof says of that proof.
import {
  integerParam,
  isBoolean,
  isFunction,
  isString,
  type OptionCheck,
  readOptions,
} from '@lninvoice/core/options';
import { describeValue } from '@lninvoice/core/text';
import { RCODE_NXDOMAIN } from './dns/message.js';
import { formatName, isAtOrBelow, lowerName, sameName } from './dns/name.js';
import { parseRrsig, parseTarget } from './dns/rdata.js';
import { type DnsRecord, type Name, RR_TYPE } from './dns/types.js';
import { MAX_ALIASES } from './dnssec/answer.js';
import { checkResolverUrl, type Exchange, type Fetch, queryDoh } from './doh.js';
import { Bip353Error } from './errors.js';
import { parseBip353Name, recordName } from './name.js';
import { readVerifyOptions, VERIFY_CHECKS, type VerifyOptions } from './options.js';
import { type Bip353Result, proveRecords, readProof, writeProof } from './proof.js';

export type { Fetch, FetchResponse } from './doh.js';

/** The options of {@link resolveBip353}: the resolver to ask and how, and those of the proof check. */
export interface ResolveOptions extends VerifyOptions {
  /**
   * The DNS-over-HTTPS resolver to ask (RFC 8484), e.g. `https://cloudflare-dns.com/dns-query`
   * or your own: required, there is no default third party. It only carries records; their
   * DNSSEC chain is validated here.
   */
  readonly dohUrl: string;
  /** Default: the global `fetch`. */
  readonly fetch?: Fetch;
  /** `GET` (cache-friendly, the default) or `POST`. */
  readonly method?: 'GET' | 'POST';
  /** Milliseconds for the whole resolution, every query included. Default 10 000. */
  readonly timeoutMs?: number;
  /** Largest answer read per query, in bytes. Default 65 535, the largest DNS message. */
  readonly maxBytes?: number;
  /** Aborts the resolution; its reason is thrown as is. */
  readonly signal?: AbortSignal;
  /** Allow a resolver on a loopback or private address (and plain http on loopback). Default false. */
  readonly allowPrivateHosts?: boolean;
}

/** The most queries one resolution makes: aliases and zone cuts are few; a resolver inventing more is cut off. */
const MAX_QUERIES = 64;
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** The record types a proof needs; the rest of an answer (SOA, NS, OPT) is left out. */
const PROOF_TYPES = new Set<number>([
  RR_TYPE.TXT,
  RR_TYPE.CNAME,
  RR_TYPE.DNAME,
  RR_TYPE.DS,
  RR_TYPE.DNSKEY,
  RR_TYPE.RRSIG,
  RR_TYPE.NSEC,
  RR_TYPE.NSEC3,
]);

const CHECKS: { readonly [K in keyof ResolveOptions]-?: OptionCheck } = {
  ...VERIFY_CHECKS,
  dohUrl: isString,
  fetch: isFunction,
  method: (value, name) => {
    if (value !== 'GET' && value !== 'POST')
      throw new RangeError(`${name} must be 'GET' or 'POST', got ${describeValue(value)}`);
  },
  timeoutMs: (value, name) => void integerParam(name, value, 1, MAX_TIMEOUT_MS),
  maxBytes: (value, name) => void integerParam(name, value, 12, 1 << 24),
  signal: (value, name) => {
    if (typeof (value as { addEventListener?: unknown }).addEventListener !== 'function')
      throw new TypeError(`${name} must be an AbortSignal, got ${describeValue(value)}`);
  },
  allowPrivateHosts: isBoolean,
};

/** Collects the records of answers, and asks for what the chain still lacks. */
class Collector {
  readonly records: DnsRecord[] = [];
  /** Whether the resolver said a name does not exist. */
  nxdomain = false;
  readonly #asked = new Set<string>();
  #queries = 0;
  readonly #exchange: Exchange;

  constructor(exchange: Exchange) {
    this.#exchange = exchange;
  }

  asked(name: Name, type: number): boolean {
    return this.#asked.has(`${lowerName(name).join('.')}|${type}`);
  }

  async ask(name: Name, type: number): Promise<readonly DnsRecord[]> {
    const id = `${lowerName(name).join('.')}|${type}`;
    if (this.#asked.has(id)) return [];
    this.#asked.add(id);
    if (++this.#queries > MAX_QUERIES)
      throw new Bip353Error(
        'invalid-response',
        `the resolver's answers called for more than ${MAX_QUERIES} queries`,
      );
    const answer = await queryDoh(this.#exchange, name, type);
    if (answer.rcode === RCODE_NXDOMAIN) this.nxdomain = true;
    const records = [...answer.answers, ...answer.authority].filter((r) => PROOF_TYPES.has(r.type));
    this.records.push(...records);
    return records;
  }

  /** The zones whose keys signed something collected and are not yet asked for. */
  signers(): Name[] {
    const zones: Name[] = [];
    for (const record of this.records) {
      if (record.type !== RR_TYPE.RRSIG) continue;
      const { signer } = parseRrsig(record);
      if (!zones.some((zone) => sameName(zone, signer))) zones.push(signer);
    }
    return zones;
  }
}

/** The name the records lead to next when `current` has no TXT: a CNAME's or DNAME's target. */
const nextName = (records: readonly DnsRecord[], current: Name): Name | undefined => {
  for (const record of records) {
    if (record.type === RR_TYPE.CNAME && sameName(record.name, current))
      return parseTarget(record, 'CNAME');
  }
  for (const record of records) {
    if (
      record.type === RR_TYPE.DNAME &&
      record.name.length < current.length &&
      isAtOrBelow(current, record.name)
    )
      return [
        ...current.slice(0, current.length - record.name.length),
        ...parseTarget(record, 'DNAME'),
      ];
  }
  return undefined;
};

/** Fetches the TXT record of the name, following aliases the resolver did not follow itself. */
const fetchAnswer = async (collector: Collector, start: Name): Promise<void> => {
  let current = start;
  for (let round = 0; round <= MAX_ALIASES; round++) {
    if (collector.asked(current, RR_TYPE.TXT)) return;
    await collector.ask(current, RR_TYPE.TXT);
    // A resolver answers a CNAME or DNAME chain in full: walk it through what it sent, and ask
    // again only where it stopped.
    for (let hop = 0; hop <= MAX_ALIASES; hop++) {
      const here = current;
      if (collector.records.some((r) => r.type === RR_TYPE.TXT && sameName(r.name, here))) return;
      const next = nextName(collector.records, current);
      if (next === undefined) break;
      current = next;
    }
  }
};

/**
 * The records without the CNAMEs a resolver synthesised from a DNAME (RFC 6672 section 5.3.1:
 * unsigned, below a DNAME's owner); any other unsigned record stays, for the proof to refuse.
 */
const withoutSynthesised = (records: readonly DnsRecord[]): DnsRecord[] => {
  const signedCnames = new Set<string>();
  const dnames: Name[] = [];
  for (const r of records) {
    if (r.type === RR_TYPE.DNAME) dnames.push(r.name);
    if (r.type === RR_TYPE.RRSIG && parseRrsig(r).typeCovered === RR_TYPE.CNAME)
      signedCnames.add(lowerName(r.name).join('.'));
  }
  return records.filter(
    (r) =>
      r.type !== RR_TYPE.CNAME ||
      signedCnames.has(lowerName(r.name).join('.')) ||
      !dnames.some((owner) => r.name.length > owner.length && isAtOrBelow(r.name, owner)),
  );
};

/** Fetches every zone's DNSKEY and DS up to the root, for every zone that signed a record. */
const fetchChain = async (collector: Collector): Promise<void> => {
  const done: Name[] = [];
  for (;;) {
    const pending = collector.signers().filter((zone) => !done.some((d) => sameName(d, zone)));
    if (pending.length === 0) return;
    for (const zone of pending) {
      done.push(zone);
      await collector.ask(zone, RR_TYPE.DNSKEY);
      if (zone.length > 0) await collector.ask(zone, RR_TYPE.DS);
    }
  }
};

/**
 * Resolves `name` (`₿user@domain` or `user@domain`) to its payment instructions: the TXT record
 * at `<user>.user._bitcoin-payment.<domain>` and its DNSSEC chain, fetched from `dohUrl`, proven
 * here to the trust anchors. Throws a `Bip353Error` saying what failed.
 */
export const resolveBip353 = async (
  name: string,
  options: ResolveOptions,
): Promise<Bip353Result> => {
  const parsed = parseBip353Name(name);
  if (options === undefined) throw new TypeError('options must be an object with dohUrl');
  const opts = readOptions<ResolveOptions>('options', options, CHECKS);
  if (opts.dohUrl === undefined)
    throw new TypeError('options.dohUrl is required: the DNS-over-HTTPS resolver to ask');
  const { now, trustAnchors } = readVerifyOptions({
    ...(opts.now === undefined ? {} : { now: opts.now }),
    ...(opts.trustAnchors === undefined ? {} : { trustAnchors: opts.trustAnchors }),
  });
  const url = checkResolverUrl(opts.dohUrl, opts.allowPrivateHosts ?? false);
  const fetcher = opts.fetch ?? (globalThis.fetch as unknown as Fetch | undefined);
  if (typeof fetcher !== 'function') throw new TypeError('no fetch: pass options.fetch');
  const timeoutMs = opts.timeoutMs ?? 10_000;
  if (opts.signal?.aborted) throw opts.signal.reason;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const abort = () => controller.abort();
  opts.signal?.addEventListener('abort', abort);
  const collector = new Collector({
    url,
    fetch: fetcher,
    method: opts.method ?? 'GET',
    signal: controller.signal,
    maxBytes: opts.maxBytes ?? 65_535,
  });
  try {
    await fetchAnswer(collector, recordName(parsed));
    await fetchChain(collector);
  } catch (error) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (controller.signal.aborted)
      throw new Bip353Error(
        'timeout',
        `the resolver did not answer ${formatName(recordName(parsed))} within ${timeoutMs} ms`,
      );
    throw error;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', abort);
  }
  // The proof alone decides: what is verified is what a caller can store and verify again.
  const proof = writeProof(withoutSynthesised(collector.records));
  if (proof.length === 0)
    throw new Bip353Error(
      'missing-record',
      `the resolver has no records for ${formatName(recordName(parsed))}${collector.nxdomain ? ' (NXDOMAIN)' : ''}`,
    );
  return proveRecords(name, readProof(proof), now, trustAnchors, proof);
};
