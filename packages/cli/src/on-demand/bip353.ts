// What `lninvoice resolve` and `lninvoice verify-proof` read once their arguments are checked:
// @lninvoice/bip353 (the DNS reader, DNSSEC from the root keys, DNS over HTTPS) and how its
// results and refusals are printed. One copy for both commands, and --help or a usage error
// starts without it.
import {
  Bip353Error,
  type Bip353ErrorCode,
  type Bip353Result,
  parseBip353Name,
  resolveBip353,
  verifyBip353Proof,
} from '@lninvoice/bip353';
import { oneLine, printAll, toJson, UsageError } from '../io.js';

/** What the command line says about a refusal the library words for its own options. */
const HINTS: Partial<Record<Bip353ErrorCode, string>> = {
  'insecure-host': ' (--allow-private-hosts allows it)',
  'insecure-scheme': ' (plain http only to a loopback resolver, with --allow-private-hosts)',
  expired: ' (--now checks it at another time)',
  'not-yet-valid': ' (--now checks it at another time)',
};

/**
 * Why Node's fetch failed, which its message ("fetch failed") does not say: under the library's
 * cause, the system error's code (ECONNREFUSED, ENOTFOUND, …) or else its message.
 */
const networkReason = (error: Bip353Error): string => {
  if (error.code !== 'network-error') return '';
  const reason = (error.cause as { cause?: { code?: unknown; message?: unknown } } | undefined)
    ?.cause;
  if (typeof reason?.code === 'string' && /^[A-Z_]+$/.test(reason.code)) return ` (${reason.code})`;
  return typeof reason?.message === 'string'
    ? ` (${JSON.stringify(reason.message.slice(0, 100))})`
    : '';
};

/** The library's names of its options, as the command line spells them. */
const OPTION_NAMES: readonly [RegExp, string][] = [
  [/\boptions\.dohUrl\b/g, '--doh'],
  [/\boptions\.timeoutMs\b/g, '--timeout'],
  [/\boptions\.now\b/g, '--now'],
];

/** `seconds` as `2025-08-08T00:00:00Z`. */
const isoTime = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * Prints `result`: `key: value` lines, the URI first (`| head -1` is the URI line), the parsed
 * instructions as `uri parse` prints them, and with `withProof` the proof as hex; or with
 * `json` one JSON object. Text from the DNS (the URI, its fields) is escaped for the terminal.
 */
const printResult = (result: Bip353Result, now: number, json: boolean, withProof: boolean) => {
  if (json) {
    printAll(
      `${toJson(
        {
          name: result.name,
          dns_name: result.dnsName,
          uri: result.uri,
          parsed: result.parsed,
          ttl: result.ttl,
          path: result.path,
          now,
          proof: result.proof,
        },
        2,
      )}\n`,
    );
    return;
  }
  const lines = [
    `uri: ${oneLine(result.uri)}`,
    `name: ₿${oneLine(result.name)}`,
    `path: ${result.path.map(oneLine).join(' -> ')}`,
    `ttl: ${result.ttl}`,
    `checked at: ${isoTime(now)} (${now})`,
    `parsed: ${toJson(result.parsed, 2)}`,
    ...(withProof ? [`proof: ${Buffer.from(result.proof).toString('hex')}`] : []),
  ];
  printAll(`${lines.join('\n')}\n`);
};

/**
 * The exit status of a refusal, printed as `lninvoice: <code>: <message>`: 1 for a Bip353Error;
 * an option the library refuses (TypeError, RangeError naming `options.…`) is a usage error
 * in the command line's words; anything else is a bug, thrown.
 */
const refused = (error: unknown): number => {
  if (error instanceof Bip353Error) {
    process.stderr.write(
      `lninvoice: ${error.code}: ${oneLine(error.message + networkReason(error))}${HINTS[error.code] ?? ''}\n`,
    );
    return 1;
  }
  if (
    (error instanceof RangeError || error instanceof TypeError) &&
    /^options\./.test(error.message)
  )
    throw new UsageError(
      OPTION_NAMES.reduce((message, [name, flag]) => message.replace(name, flag), error.message),
    );
  throw error;
};

/** The seconds to check signatures at: `now`, or this machine's clock. */
const clock = (now: number | undefined): number => now ?? Math.floor(Date.now() / 1000);

export interface ResolveRequest {
  readonly name: string;
  readonly dohUrl: string;
  readonly method: 'GET' | 'POST';
  readonly timeoutMs: number;
  readonly allowPrivateHosts: boolean;
  readonly now: number | undefined;
  readonly json: boolean;
}

/** `lninvoice resolve`: the name's records from the resolver, proven here; the exit status. */
export const resolveName = async (request: ResolveRequest): Promise<number> => {
  const now = clock(request.now);
  try {
    const result = await resolveBip353(request.name, {
      dohUrl: request.dohUrl,
      method: request.method,
      timeoutMs: request.timeoutMs,
      allowPrivateHosts: request.allowPrivateHosts,
      now,
    });
    printResult(result, now, request.json, true);
    return 0;
  } catch (error) {
    return refused(error);
  }
};

/**
 * The name BIP 353's PSBT field puts before the proof (a length byte, then the name without ₿),
 * if `proof` starts with one: printable ASCII with an "@". A bare proof starts with a DNS name,
 * whose first label holds no "@" in any real zone.
 */
const namePrefixOf = (proof: Uint8Array): string | undefined => {
  const length = proof[0] ?? 0;
  if (length < 3 || proof.length <= length) return undefined;
  const prefix = String.fromCharCode(...proof.subarray(1, 1 + length));
  return /^[\x21-\x7e]+@[\x21-\x7e]+$/.test(prefix) ? prefix : undefined;
};

/**
 * `proof` without the name of BIP 353's PSBT form when that name is `name` (in any case), or as
 * it is when it has none. A proof for another name is a usage error: the two arguments do not
 * belong together.
 */
export const withoutNamePrefix = (proof: Uint8Array, name: string): Uint8Array => {
  const prefix = namePrefixOf(proof);
  if (prefix === undefined) return proof;
  if (prefix.toLowerCase() !== name.toLowerCase())
    throw new UsageError(
      `the proof starts with the name ${JSON.stringify(`₿${prefix}`)} (BIP 353's PSBT form), not ₿${name}`,
    );
  return proof.subarray(1 + prefix.length);
};

export interface VerifyRequest {
  readonly name: string;
  readonly proof: Uint8Array;
  readonly now: number | undefined;
  readonly json: boolean;
}

/** `lninvoice verify-proof`: the proof checked offline for the name; the exit status. */
export const verifyProof = async (request: VerifyRequest): Promise<number> => {
  const now = clock(request.now);
  try {
    // The name first: a mistyped name is said as such, not as a proof that does not match it.
    const { name } = parseBip353Name(request.name);
    const proof = withoutNamePrefix(request.proof, name);
    printResult(await verifyBip353Proof(request.name, proof, { now }), now, request.json, false);
    return 0;
  } catch (error) {
    return refused(error);
  }
};
