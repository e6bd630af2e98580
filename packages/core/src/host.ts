// Which hosts a client may contact on behalf of someone else's data: a URL from a QR code, a
// service's callback or redirect. A request to a loopback, private or link-local address (a
// router's admin page, a cloud's metadata service at 169.254.169.254, a wallet's own node on
// 127.0.0.1) is server-side request forgery, whatever the spelling of the address: fetch reads
// hosts with the WHATWG URL parser, which takes `2130706433`, `0x7f.1`, `0177.0.0.1` or `127.1`
// for 127.0.0.1. Hosts are read here the way that parser reads them (its IPv4 and IPv6 parsers,
// https://url.spec.whatwg.org/#host-parsing), without depending on a `URL` class (React Native's
// is incomplete). Names are classified by the names set aside for local use; what a public name
// resolves to is for DNS, which this module does not see.

/**
 * What a host is: `public` (may be contacted), or why not: `loopback` (127/8, ::1, localhost),
 * `private` (RFC 1918, 100.64/10 shared, fc00::/7, site-local, single-label and local-use names),
 * `link-local` (169.254/16, fe80::/10, `.local`), `unspecified` (0.0.0.0/8, ::), `reserved`
 * (multicast, broadcast, documentation, benchmarking, 240/4) or `invalid` (a host the URL parser
 * refuses, such as `1.2.3.4.5` or `0x100000000`).
 */
export type HostKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unspecified'
  | 'reserved'
  | 'invalid';

/** What {@link classifyHost} finds a host to be. */
export interface HostClass {
  /**
   * Whether a client may contact it: only `public` hosts, unless the caller allows private ones.
   */
  readonly kind: HostKind;
  /** The IP address the host is, in its canonical form (`127.0.0.1`, `::ffff:7f00:1`), if it is one. */
  readonly address?: string;
}

/** Ranges of IPv4 addresses that are not public, as [first address, prefix length, kind]. */
// biome-ignore format: a table
const IPV4_RANGES: readonly (readonly [number, number, Exclude<HostKind, 'public' | 'invalid'>])[] = [
  [0x00000000, 8, 'unspecified'], // 0.0.0.0/8 "this network" (0.0.0.0 reaches the host itself)
  [0x0a000000, 8, 'private'], // 10/8, RFC 1918
  [0x64400000, 10, 'private'], // 100.64/10, shared address space (carrier-grade NAT), RFC 6598
  [0x7f000000, 8, 'loopback'], // 127/8
  [0xa9fe0000, 16, 'link-local'], // 169.254/16 (cloud metadata services live here)
  [0xac100000, 12, 'private'], // 172.16/12, RFC 1918
  [0xc0000000, 24, 'reserved'], // 192.0.0/24, IETF protocol assignments
  [0xc0000200, 24, 'reserved'], // 192.0.2/24, documentation
  [0xc0a80000, 16, 'private'], // 192.168/16, RFC 1918
  [0xc6120000, 15, 'reserved'], // 198.18/15, benchmarking
  [0xc6336400, 24, 'reserved'], // 198.51.100/24, documentation
  [0xcb007100, 24, 'reserved'], // 203.0.113/24, documentation
  [0xe0000000, 4, 'reserved'], // 224/4 multicast
  [0xf0000000, 4, 'reserved'], // 240/4 reserved, and 255.255.255.255 broadcast
];

const ipv4Kind = (address: number): HostKind => {
  for (const [first, bits, kind] of IPV4_RANGES) {
    // `>>> 0` keeps the comparison unsigned.
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((address & mask) >>> 0 === first) return kind;
  }
  return 'public';
};

const ipv4Text = (address: number): string =>
  [24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join('.');

/** One part of a WHATWG IPv4 address: decimal, `0x` hex (possibly empty) or `0` octal. */
const ipv4Number = (part: string): number | undefined => {
  if (part === '') return undefined;
  let digits = part;
  let radix = 10;
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    radix = 16;
  } else if (part.length > 1 && part.startsWith('0')) {
    digits = part.slice(1);
    radix = 8;
  }
  if (digits === '') return 0;
  const valid = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  // More digits than any valid part holds: refused before a number loses precision.
  if (digits.length > 12) return Number.POSITIVE_INFINITY;
  return Number.parseInt(digits, radix);
};

/**
 * The URL standard's "ends in a number checker": a host whose last label is a number is parsed
 * as IPv4 (and refused if it is not one), never looked up as a name.
 */
const endsInNumber = (labels: readonly string[]): boolean => {
  const last = labels.at(-1) ?? '';
  return /^[0-9]+$/.test(last) || /^0x[0-9a-f]*$/i.test(last);
};

/** The IPv4 address a host is (as a 32-bit number), `undefined` for a name, `null` if invalid. */
const parseIpv4 = (host: string): number | undefined | null => {
  const labels = host.split('.');
  if (labels.length > 1 && labels.at(-1) === '') labels.pop();
  if (!endsInNumber(labels)) return undefined;
  if (labels.length > 4) return null;
  const numbers = labels.map(ipv4Number);
  if (numbers.some((n) => n === undefined)) return null;
  const values = numbers as number[];
  const last = values.pop() as number;
  if (values.some((n) => n > 255) || last >= 256 ** (4 - values.length)) return null;
  return values.reduce((sum, n, i) => sum + n * 256 ** (3 - i), last);
};

/** The eight 16-bit pieces of an IPv6 address (the text between the brackets), or undefined. */
const parseIpv6 = (text: string): number[] | undefined => {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const piecesOf = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const groups = half.split(':');
    for (const [i, group] of groups.entries()) {
      if (i === groups.length - 1 && group.includes('.')) {
        // A trailing dotted IPv4 address, strictly decimal ("::ffff:127.0.0.1").
        if (
          !/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(
            group,
          )
        )
          return undefined;
        const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
        out.push((a << 8) | b, (c << 8) | d);
      } else {
        if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
        out.push(Number.parseInt(group, 16));
      }
    }
    return out;
  };
  const head = piecesOf(halves[0] as string);
  const tail = halves.length === 2 ? piecesOf(halves[1] as string) : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const zeros = 8 - head.length - tail.length;
  return zeros < 1 ? undefined : [...head, ...new Array<number>(zeros).fill(0), ...tail];
};

const ipv6Text = (pieces: readonly number[]): string => {
  // RFC 5952: the longest run of two or more zero pieces (the first of equals) becomes "::".
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && pieces[j] === 0) j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = pieces.map((p) => p.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
};

/** An IPv4 address carried in the last 32 bits (or another pair of pieces) of an IPv6 one. */
const embedded = (pieces: readonly number[], at = 6): number =>
  (((pieces[at] as number) << 16) >>> 0) + (pieces[at + 1] as number);

const ipv6Kind = (p: readonly number[]): HostKind => {
  const zeroUntil = (n: number) => p.slice(0, n).every((x) => x === 0);
  if (zeroUntil(8)) return 'unspecified'; // ::
  if (zeroUntil(7) && p[7] === 1) return 'loopback'; // ::1
  // IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d, IPv4-compatible ::a.b.c.d: an
  // IPv4 address in IPv6 clothes, reached as that IPv4 address.
  if (zeroUntil(5) && p[5] === 0xffff) return ipv4Kind(embedded(p));
  if (zeroUntil(4) && p[4] === 0xffff && p[5] === 0) return ipv4Kind(embedded(p));
  if (zeroUntil(6)) return ipv4Kind(embedded(p));
  const first = p[0] as number;
  // NAT64 64:ff9b::/96 reaches the IPv4 address it ends in; 64:ff9b:1::/48 is for local use.
  if (first === 0x64 && p[1] === 0xff9b) {
    if (p[2] === 1) return 'private';
    if (p.slice(2, 6).every((x) => x === 0)) return ipv4Kind(embedded(p));
  }
  if (first === 0x2002) return ipv4Kind(embedded(p, 1)); // 6to4 2002:a.b.c.d::/48
  if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((first & 0xffc0) === 0xfec0) return 'private'; // fec0::/10 site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return 'reserved'; // ff00::/8 multicast
  if (first === 0x2001 && p[1] === 0x0db8) return 'reserved'; // 2001:db8::/32 documentation
  if (first === 0x0100 && p.slice(1, 4).every((x) => x === 0)) return 'reserved'; // 100::/64 discard
  return 'public';
};

/**
 * Names set aside for one machine or one network: RFC 6761 `localhost`, RFC 6762 `.local`
 * (multicast DNS), RFC 8375 `home.arpa`, ICANN's `.internal`. A name of one label (`router`,
 * `metadata`) is completed by the local resolver's search domains: never a public host either.
 */
const nameKind = (name: string): HostKind => {
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback';
  if (name === 'local' || name.endsWith('.local')) return 'link-local';
  if (/(^|\.)(internal|home\.arpa)$/.test(name) || !name.includes('.')) return 'private';
  return 'public';
};

/** The label separators IDNA maps to "." (ideographic and full-width full stops). */
const DOTS = /[\u3002\uff0e\uff61]/g;

/**
 * What `host` is — a host name, an IPv4 address in any spelling the WHATWG URL parser reads, or
 * a bracketed IPv6 address — as the parser would read it: percent-decoded, NFKC-normalised (full-
 * width digits are digits), lowercase, without a trailing dot.
 *
 * ```ts
 * classifyHost('0x7f.1');                      // { kind: 'loopback', address: '127.0.0.1' }
 * classifyHost('[::ffff:169.254.169.254]');    // { kind: 'link-local', address: '::ffff:a9fe:a9fe' }
 * classifyHost('service.com');                 // { kind: 'public' }
 * ```
 */
export const classifyHost = (host: string): HostClass => {
  if (typeof host !== 'string') throw new TypeError(`host must be a string, got ${typeof host}`);
  let text: string;
  try {
    text = decodeURIComponent(host);
  } catch {
    return { kind: 'invalid' };
  }
  text = text.normalize('NFKC').replace(DOTS, '.').toLowerCase();
  if (text.startsWith('[') || text.includes(':')) {
    const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
    const pieces = parseIpv6(inner);
    if (pieces === undefined) return { kind: 'invalid' };
    return { kind: ipv6Kind(pieces), address: ipv6Text(pieces) };
  }
  if (text === '' || text === '.') return { kind: 'invalid' };
  const ipv4 = parseIpv4(text);
  if (ipv4 === null) return { kind: 'invalid' };
  if (ipv4 !== undefined) return { kind: ipv4Kind(ipv4), address: ipv4Text(ipv4) };
  return { kind: nameKind(text.replace(/\.$/, '')) };
};

/** Whether `host` is `public` (see `classifyHost`): not loopback, private, link-local or reserved. */
export const isPublicHost = (host: string): boolean => classifyHost(host).kind === 'public';
