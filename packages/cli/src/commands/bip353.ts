// `lninvoice resolve <₿user@domain> --doh <url>` and `lninvoice verify-proof <name> <proof>`:
// BIP 353 payment instructions, proven by DNSSEC here (never by the resolver). The library is
// in on-demand/bip353.ts, read once the arguments are checked.
import { isatty } from 'node:tty';
import { parseArgs } from 'node:util';
import { UsageError } from '../io.js';
import { safeNumber, secondsSince1970 } from '../options.js';
import { readCappedSync } from '../read-capped.js';

const RESOLVE_HELP = `Usage: lninvoice resolve <₿user@domain> --doh <url> [options]

Resolves a BIP 353 name to its payment instructions: asks the DNS-over-HTTPS resolver --doh
names (RFC 8484; there is no default) for the TXT record of
<user>.user._bitcoin-payment.<domain> and for every DNSKEY and DS record up to the root, then
checks the DNSSEC chain here, from IANA's root keys: the resolver is trusted with nothing.
Prints the bitcoin: URI, the name, the path through CNAME and DNAME aliases, the TTL (the
longest it may be cached), the time it was checked at, the URI read as "uri parse" reads it,
and the proof (RFC 9102, hex), which "lninvoice verify-proof" checks again offline.

Options:
  --doh <url>               the resolver: https, e.g. https://cloudflare-dns.com/dns-query
  --post                    send the queries with POST (default GET)
  --timeout <ms>            give up after this long, every query included (default 10000)
  --allow-private-hosts     also contact a resolver on a loopback, private or link-local host
                            (and over plain http on loopback: a local test resolver)
  --now <seconds>           check the signatures at this time, seconds since 1970 (default:
                            this machine's clock; milliseconds are refused)
  --json                    print {"name", "dns_name", "uri", "parsed", "ttl", "path", "now",
                            "proof"} as JSON
  -h, --help                show this help

Exit status: 0 when the name resolves to proven payment instructions, 1 when the name, the
resolver's answer or the proof is refused (the code and message are printed), 2 on a usage
error.`;

const VERIFY_HELP = `Usage: lninvoice verify-proof <₿user@domain> <proof hex>
       lninvoice verify-proof <₿user@domain> -                    (the proof on standard input;
                                                                  also when no proof is given
                                                                  and standard input is piped)
       lninvoice verify-proof <₿user@domain> --proof-file <path>

Checks a BIP 353 DNSSEC proof offline: an RFC 9102 AuthenticationChain (DNS records in wire
form, as "lninvoice resolve" prints it and BIP 353's PSBT_OUT_DNSSEC_PROOF carries it) must
prove the name's one bitcoin: TXT record from IANA's root keys, at --now. Prints what resolve
prints, but the proof. The proof is hex (whitespace ignored), or in a file or on standard input
hex or raw bytes. BIP 353's PSBT form, the name (a length byte, then the name without ₿) before
the proof, is read too when that name is <₿user@domain> (in any case).

Options:
  --proof-file <path>       read the proof from this file (- : standard input)
  --now <seconds>           check the signatures at this time, seconds since 1970 (default:
                            this machine's clock; milliseconds are refused)
  --json                    print {"name", "dns_name", "uri", "parsed", "ttl", "path", "now",
                            "proof"} as JSON
  -h, --help                show this help

Exit status: 0 when the proof proves payment instructions for the name, 1 when the name or the
proof is refused (the code and message are printed), 2 on a usage error.`;

type OnDemand = typeof import('../on-demand/bip353.js');
/** @lninvoice/bip353 and its printing, read on first need. A computed path, left to Node. */
const load = (): OnDemand => require(['..', 'on-demand', 'bip353.cjs'].join('/')) as OnDemand;

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

const nowOption = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : secondsSince1970('now', text);

export const runResolve = async (args: string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      doh: { type: 'string' },
      post: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'allow-private-hosts': { type: 'boolean', default: false },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${RESOLVE_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('resolve takes one name: ₿user@domain');
  if (values.doh === undefined)
    throw new UsageError(
      'resolve needs --doh <url>, the DNS-over-HTTPS resolver to ask (there is no default)',
    );
  if (!URL.canParse(values.doh))
    throw new UsageError(`--doh must be an https URL, got ${JSON.stringify(values.doh)}`);
  const timeoutMs = values.timeout === undefined ? 10_000 : safeNumber('timeout', values.timeout);
  if (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS)
    throw new UsageError(`--timeout must be from 1 to ${MAX_TIMEOUT_MS} ms, got ${timeoutMs}`);
  const now = nowOption(values.now);
  return load().resolveName({
    name: positionals[0] as string,
    dohUrl: values.doh,
    method: values.post ? 'POST' : 'GET',
    timeoutMs,
    allowPrivateHosts: values['allow-private-hosts'],
    now,
    json: values.json,
  });
};

/** Printable ASCII and whitespace only: what a hex file holds, and a raw proof never does. */
const TEXT = /^[\t\n\r\x20-\x7e]*$/;

/**
 * The proof in `raw`: hex, whitespace ignored; from a file or standard input (`bytes`) also the
 * raw bytes, which always hold bytes that are not text (a DNS name's length, a type's zero).
 */
const readProof = (raw: string, where: string, bytes?: Buffer): Uint8Array => {
  const hex = raw.replace(/\s+/g, '');
  if (/^(?:[0-9a-fA-F]{2})*$/.test(hex)) return Uint8Array.from(Buffer.from(hex, 'hex'));
  if (bytes !== undefined && !TEXT.test(raw)) return new Uint8Array(bytes);
  const bad = /[^0-9a-fA-F]/.exec(hex);
  throw new UsageError(
    bad === null
      ? `${where} has an odd number of hex digits (${hex.length})`
      : `${where} must be hex, but holds ${JSON.stringify(bad[0])}`,
  );
};

/**
 * The most a proof's file or standard input may hold: a proof is at most 65,535 bytes, twice
 * that in hex, with room for line breaks and spaces.
 */
const MAX_PROOF_INPUT = 256 * 1024;

/** A proof's bytes from a file or standard input (`-`), refused beyond `MAX_PROOF_INPUT`. */
const readProofInput = (path: string, where: string): Buffer => {
  let bytes: Buffer | undefined;
  try {
    bytes = readCappedSync(path, MAX_PROOF_INPUT);
  } catch (error) {
    throw new UsageError(`cannot read ${where}: ${(error as Error).message}`);
  }
  if (bytes === undefined)
    throw new UsageError(
      `${where} holds more than ${MAX_PROOF_INPUT} bytes: no proof is that long`,
    );
  return bytes;
};

const readProofFile = (path: string): Uint8Array => {
  const where = `--proof-file ${path}`;
  const bytes = readProofInput(path, where);
  return readProof(bytes.toString('latin1'), where, bytes);
};

export const runVerifyProof = async (args: string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'proof-file': { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${VERIFY_HELP}\n`);
    return 0;
  }
  const [name, given, ...extra] = positionals;
  const file = values['proof-file'];
  // No proof named, and one piped in: read it as with "-", as every command reads its input.
  const source = given === undefined && file === undefined && !isatty(0) ? '-' : given;
  if (name === undefined || extra.length > 0 || (source === undefined) === (file === undefined))
    throw new UsageError(
      'verify-proof takes a name and a proof: hex, - for standard input, or --proof-file <path>',
    );
  const now = nowOption(values.now);
  let proof: Uint8Array;
  if (file !== undefined && file !== '-') proof = readProofFile(file);
  else if (source === '-' || file === '-') {
    const bytes = readProofInput('-', 'standard input');
    if (given === undefined && file === undefined && bytes.toString('latin1').trim() === '')
      throw new UsageError('no proof: none given as an argument, and none on standard input');
    proof = readProof(bytes.toString('latin1'), 'standard input', bytes);
  } else proof = readProof(source as string, 'the proof', undefined);
  return load().verifyProof({ name, proof, now, json: values.json });
};
