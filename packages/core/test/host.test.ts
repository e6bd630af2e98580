// classifyHost reads a host as the WHATWG URL parser (and so fetch) reads it: every spelling of a
// loopback, private or link-local address is found, and the address it finds is the one Node's
// URL connects to.
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { classifyHost, type HostKind, isPublicHost } from '../src/host.js';

/** The hostname Node's WHATWG URL gives `host` (what fetch connects to), or undefined if refused. */
const whatwg = (host: string): string | undefined => {
  try {
    return new URL(`https://${host}/`).hostname;
  } catch {
    return undefined;
  }
};

// biome-ignore format: a table
const SPELLINGS: [host: string, kind: HostKind, address?: string][] = [
  // loopback, in every spelling the URL parser reads as 127.0.0.1
  ['127.0.0.1', 'loopback', '127.0.0.1'],
  ['127.1', 'loopback', '127.0.0.1'],
  ['127.0.1', 'loopback', '127.0.0.1'],
  ['2130706433', 'loopback', '127.0.0.1'],
  ['0x7f000001', 'loopback', '127.0.0.1'],
  ['0x7f.1', 'loopback', '127.0.0.1'],
  ['0X7F.0.0.1', 'loopback', '127.0.0.1'],
  ['0177.0.0.1', 'loopback', '127.0.0.1'],
  ['017700000001', 'loopback', '127.0.0.1'],
  ['127.0.0.1.', 'loopback', '127.0.0.1'],
  ['127.255.255.254', 'loopback', '127.255.255.254'],
  ['%31%32%37.0.0.1', 'loopback', '127.0.0.1'],
  ['\uff11\uff12\uff17\u3002\uff10\u3002\uff10\u3002\uff11', 'loopback', '127.0.0.1'],
  ['localhost', 'loopback'],
  ['LOCALHOST', 'loopback'],
  ['localhost.', 'loopback'],
  ['api.localhost', 'loopback'],
  ['[::1]', 'loopback', '::1'],
  ['[0:0:0:0:0:0:0:1]', 'loopback', '::1'],
  ['[::ffff:127.0.0.1]', 'loopback', '::ffff:7f00:1'],
  ['[::ffff:7f00:1]', 'loopback', '::ffff:7f00:1'],
  ['[::127.0.0.1]', 'loopback', '::7f00:1'],
  ['[64:ff9b::127.0.0.1]', 'loopback', '64:ff9b::7f00:1'],
  ['[2002:7f00:1::]', 'loopback', '2002:7f00:1::'],
  // unspecified: 0.0.0.0 reaches the machine itself
  ['0.0.0.0', 'unspecified', '0.0.0.0'],
  ['0', 'unspecified', '0.0.0.0'],
  ['0x0', 'unspecified', '0.0.0.0'],
  ['[::]', 'unspecified', '::'],
  ['[0::0]', 'unspecified', '::'],
  // cloud metadata (link-local)
  ['169.254.169.254', 'link-local', '169.254.169.254'],
  ['2852039166', 'link-local', '169.254.169.254'],
  ['0xa9fea9fe', 'link-local', '169.254.169.254'],
  ['0251.0376.0251.0376', 'link-local', '169.254.169.254'],
  ['169.254.43518', 'link-local', '169.254.169.254'],
  ['[::ffff:169.254.169.254]', 'link-local', '::ffff:a9fe:a9fe'],
  ['[::ffff:a9fe:a9fe]', 'link-local', '::ffff:a9fe:a9fe'],
  ['[fe80::1]', 'link-local', 'fe80::1'],
  ['[febf::1]', 'link-local', 'febf::1'],
  ['printer.local', 'link-local'],
  // private networks
  ['10.0.0.1', 'private', '10.0.0.1'],
  ['10.1', 'private', '10.0.0.1'],
  ['012.0.0.1', 'private', '10.0.0.1'],
  ['172.16.0.1', 'private', '172.16.0.1'],
  ['172.31.255.255', 'private', '172.31.255.255'],
  ['192.168.1.1', 'private', '192.168.1.1'],
  ['0xc0.0xa8.1.1', 'private', '192.168.1.1'],
  ['100.64.0.1', 'private', '100.64.0.1'],
  ['100.127.255.255', 'private', '100.127.255.255'],
  ['[fc00::1]', 'private', 'fc00::1'],
  ['[fd12:3456::1]', 'private', 'fd12:3456::1'],
  ['[fec0::1]', 'private', 'fec0::1'],
  ['[::ffff:10.0.0.1]', 'private', '::ffff:a00:1'],
  ['[64:ff9b:1::1]', 'private', '64:ff9b:1::1'],
  ['metadata', 'private'],
  ['router', 'private'],
  ['metadata.google.internal', 'private'],
  ['nas.home.arpa', 'private'],
  // reserved
  ['224.0.0.1', 'reserved', '224.0.0.1'],
  ['255.255.255.255', 'reserved', '255.255.255.255'],
  ['4294967295', 'reserved', '255.255.255.255'],
  ['192.0.2.1', 'reserved', '192.0.2.1'],
  ['198.18.0.1', 'reserved', '198.18.0.1'],
  ['[ff02::1]', 'reserved', 'ff02::1'],
  ['[2001:db8::1]', 'reserved', '2001:db8::1'],
  // public
  ['service.com', 'public'],
  ['svc.test', 'public'],
  ['examplennnnnnnn.onion', 'public'],
  ['localhost.example.com', 'public'],
  ['8.8.8.8', 'public', '8.8.8.8'],
  ['134744072', 'public', '8.8.8.8'],
  ['100.63.255.255', 'public', '100.63.255.255'],
  ['100.128.0.0', 'public', '100.128.0.0'],
  ['172.15.255.255', 'public', '172.15.255.255'],
  ['172.32.0.0', 'public', '172.32.0.0'],
  ['169.253.255.255', 'public', '169.253.255.255'],
  ['11.0.0.1', 'public', '11.0.0.1'],
  ['1x.com', 'public'],
  ['0x7f.example', 'public'],
  ['[2606:4700::1111]', 'public', '2606:4700::1111'],
  ['[::ffff:8.8.8.8]', 'public', '::ffff:808:808'],
  // refused by the URL parser: a host that ends in a number but is no IPv4 address
  ['1.2.3.4.5', 'invalid'],
  ['256.0.0.1', 'invalid'],
  ['4294967296', 'invalid'],
  ['0x100000000', 'invalid'],
  ['foo.1', 'invalid'],
  ['09.0.0.1', 'invalid'],
  ['1.2.3.0x', 'public', '1.2.3.0'],
  ['[::1%25eth0]', 'invalid'],
  ['[1::2::3]', 'invalid'],
  ['[12345::]', 'invalid'],
  ['%zz', 'invalid'],
  ['', 'invalid'],
];

describe('classifyHost', () => {
  it.each(SPELLINGS)('%s is %s', (host, kind, address) => {
    const found = classifyHost(host);
    expect(found.kind).toBe(kind);
    expect(found.address).toBe(address);
    expect(isPublicHost(host)).toBe(kind === 'public');
  });

  it('finds the address Node’s URL parser (and so fetch) connects to', () => {
    for (const [host, kind, address] of SPELLINGS) {
      const parsed = whatwg(host);
      if (kind === 'invalid') {
        expect(parsed, host).toBeUndefined();
        continue;
      }
      if (address === undefined) continue;
      expect(parsed, host).toBe(address.includes(':') ? `[${address}]` : address);
    }
  });

  it('agrees with the URL parser on every IPv4 spelling: parts in decimal, hex or octal', () => {
    const spelling = fc
      .tuple(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom('dec', 'hex', 'HEX', 'oct'), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
      )
      .map(([address, parts, radixes, dot]) => {
        const bytes = [24, 16, 8, 0].map((s) => (address >>> s) & 0xff);
        const values = [...bytes.slice(0, parts - 1)];
        values.push(bytes.slice(parts - 1).reduce((n, b) => n * 256 + b, 0));
        const text = values
          .map((v, i) =>
            radixes[i] === 'dec'
              ? String(v)
              : radixes[i] === 'oct'
                ? `0${v.toString(8)}`
                : `${radixes[i] === 'hex' ? '0x' : '0X'}${v.toString(16)}`,
          )
          .join('.');
        return dot ? `${text}.` : text;
      });
    checkProperty(
      'host-ipv4-spellings',
      fc.property(spelling, (host) => {
        const found = classifyHost(host);
        expect(found.address).toBe(whatwg(host));
        expect(found.kind === 'public').toBe(isPublicHost(found.address as string));
      }),
      { seed: 127, numRuns: 1000 },
    );
  });

  it('agrees with the URL parser on IPv6 with an IPv4 address inside', () => {
    const ipv4 = fc.ipV4();
    checkProperty(
      'host-ipv6-mapped',
      fc.property(ipv4, fc.constantFrom('::ffff:', '::', '64:ff9b::'), (v4, prefix) => {
        const host = `[${prefix}${v4}]`;
        expect(`[${classifyHost(host).address}]`).toBe(whatwg(host));
        expect(classifyHost(host).kind).toBe(classifyHost(v4).kind);
      }),
      { seed: 6, numRuns: 500 },
    );
  });

  it('refuses what is not a string, naming the parameter', () => {
    expect(() => classifyHost(1 as never)).toThrow(/^host must be a string/);
  });
});
