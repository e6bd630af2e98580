// The DNS wire format: names with and without compression, the query sent to a resolver and the
// reading of its answers, each malformed form refused with its code.
import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { decodeAnswer, encodeQuery } from '../src/dns/message.js';
import { compareNames, formatName, parseName, readName } from '../src/dns/name.js';
import { BIP353_ERROR_CODES, Bip353Error } from '../src/index.js';
import { readProof } from '../src/proof.js';

const codeOf = (run: () => unknown): string => {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (!(error instanceof Bip353Error)) throw error;
    expect(BIP353_ERROR_CODES).toContain(error.code);
    return error.code;
  }
};

const bytes = (...parts: (number | string)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'number' ? [p] : Array.from(p, (c) => c.charCodeAt(0)))),
  );

describe('names', () => {
  it('reads labels and compression pointers that point back', () => {
    const message = bytes(3, 'com', 0, 7, 'example', 0xc0, 0, 1, 'a', 0xc0, 5);
    expect(readName(message, 0, true)).toEqual({ name: ['com'], next: 5 });
    expect(readName(message, 5, true)).toEqual({ name: ['example', 'com'], next: 15 });
    expect(readName(message, 15, true)).toEqual({ name: ['a', 'example', 'com'], next: 19 });
  });

  it('refuses pointers that loop or point forward, label types, long names, truncation', () => {
    expect(codeOf(() => readName(bytes(0xc0, 0), 0, true))).toBe('invalid-record');
    expect(codeOf(() => readName(bytes(1, 'a', 0xc0, 0), 0, true))).toBe('invalid-record');
    expect(codeOf(() => readName(bytes(0xc0, 2, 0), 0, true))).toBe('invalid-record');
    expect(codeOf(() => readName(bytes(0x40, 0), 0, true))).toBe('invalid-record');
    expect(codeOf(() => readName(bytes(0x80, 0), 0, true))).toBe('invalid-record');
    expect(codeOf(() => readName(bytes(1, 'a', 0xc0, 0), 2, false))).toBe('invalid-record');
    const long = bytes(...Array.from({ length: 5 }, () => [63, 'x'.repeat(63)]).flat(), 0);
    expect(codeOf(() => readName(long, 0, false))).toBe('invalid-record');
    expect(codeOf(() => readName(bytes(3, 'co'), 0, false))).toBe('truncated-record');
    expect(codeOf(() => readName(bytes(3, 'com'), 0, false))).toBe('truncated-record');
    // A chain of pointers, each further back, ends: no pointer is followed twice.
    const chain = bytes(0, 0xc0, 0, 0xc0, 1, 0xc0, 3, 0xc0, 5);
    expect(readName(chain, 7, true).name).toEqual([]);
  });

  it('orders names the DNSSEC way (RFC 4034 section 6.1 example)', () => {
    const ordered = [
      'example',
      'a.example',
      'yljkjljk.a.example',
      'Z.a.example',
      'zABC.a.EXAMPLE',
      'z.example',
      '\\001.z.example',
      '*.z.example',
      '\\200.z.example',
    ];
    const names = ordered.map((text) =>
      text
        .split('.')
        .map((label) => label.replace(/^\\(\d{3})$/, (_, d) => String.fromCharCode(Number(d)))),
    );
    const sorted = [...names].reverse().sort(compareNames);
    expect(sorted.map(formatName)).toEqual(names.map(formatName));
  });

  it('shows names escaped, and reads only printable ASCII names', () => {
    expect(formatName(['a.b', 'c\\', '\u0000\u007f'])).toBe('a\\.b.c\\\\.\\000\\127');
    expect(formatName([])).toBe('.');
    expect(parseName('example.com.')).toEqual(['example', 'com']);
    expect(codeOf(() => parseName('a..b'))).toBe('invalid-name');
    expect(codeOf(() => parseName(`${'x'.repeat(64)}.com`))).toBe('invalid-name');
  });
});

describe('proofs', () => {
  it('refuses an empty proof, a record cut short, a compressed name', () => {
    expect(codeOf(() => readProof(new Uint8Array()))).toBe('empty');
    expect(codeOf(() => readProof(bytes(0, 0, 16, 0, 1, 0, 0, 0, 30, 0, 5, 4)))).toBe(
      'truncated-record',
    );
    expect(codeOf(() => readProof(bytes(0, 0, 16)))).toBe('truncated-record');
    expect(codeOf(() => readProof(bytes(0xc0, 0, 0, 16, 0, 1, 0, 0, 0, 30, 0, 0)))).toBe(
      'invalid-record',
    );
  });
});

describe('queries and answers (RFC 8484, RFC 1035)', () => {
  it('asks with ID 0, RD and CD, and EDNS(0) with DO', () => {
    const query = dnsPacket.decode(
      Buffer.from(encodeQuery(['alice', 'user', '_bitcoin-payment', 'example', 'com'], 16)),
    );
    expect(query.id).toBe(0);
    expect(query.flags).toBe(dnsPacket.RECURSION_DESIRED | dnsPacket.CHECKING_DISABLED);
    expect(query.questions).toEqual([
      { name: 'alice.user._bitcoin-payment.example.com', type: 'TXT', class: 'IN' },
    ]);
    expect(query.additionals).toHaveLength(1);
    expect(query.additionals?.[0]).toMatchObject({
      type: 'OPT',
      udpPayloadSize: 4096,
      flags: dnsPacket.DNSSEC_OK,
    });
  });

  const answer = (overrides: Partial<dnsPacket.Packet> = {}) =>
    new Uint8Array(
      dnsPacket.encode({
        type: 'response',
        id: 0,
        flags: dnsPacket.RECURSION_DESIRED,
        questions: [{ name: 'a.example', type: 'TXT', class: 'IN' }],
        answers: [{ name: 'a.example', type: 'TXT', class: 'IN', ttl: 60, data: ['bitcoin:?x=1'] }],
        ...overrides,
      }),
    );

  it('reads the records of an answer', () => {
    const read = decodeAnswer(answer(), ['a', 'example'], 16);
    expect(read.rcode).toBe(0);
    expect(read.answers).toHaveLength(1);
    expect(read.answers[0]).toMatchObject({ name: ['a', 'example'], type: 16, ttl: 60 });
  });

  it('expands a compressed CNAME target so the record can go into a proof', () => {
    // Question a.example at 12; the answer's owner and target point into it.
    const header = bytes(0, 0, 0x81, 0x00, 0, 1, 0, 1, 0, 0, 0, 0);
    const question = bytes(1, 'a', 7, 'example', 0, 0, 16, 0, 1);
    const record = bytes(0xc0, 12, 0, 5, 0, 1, 0, 0, 0, 60, 0, 4, 1, 'b', 0xc0, 14);
    const read = decodeAnswer(
      new Uint8Array([...header, ...question, ...record]),
      ['a', 'example'],
      16,
    );
    expect(read.answers[0]?.rdata).toEqual(bytes(1, 'b', 7, 'example', 0));
  });

  it('refuses what is not the answer to the question', () => {
    expect(codeOf(() => decodeAnswer(answer(), ['b', 'example'], 16))).toBe('invalid-response');
    expect(codeOf(() => decodeAnswer(answer(), ['a', 'example'], 48))).toBe('invalid-response');
    expect(codeOf(() => decodeAnswer(answer({ type: 'query' }), ['a', 'example'], 16))).toBe(
      'invalid-response',
    );
    expect(
      codeOf(() =>
        decodeAnswer(answer({ flags: dnsPacket.TRUNCATED_RESPONSE }), ['a', 'example'], 16),
      ),
    ).toBe('invalid-response');
    expect(codeOf(() => decodeAnswer(answer().slice(0, 40), ['a', 'example'], 16))).toBe(
      'invalid-response',
    );
    expect(codeOf(() => decodeAnswer(new Uint8Array(5), ['a', 'example'], 16))).toBe(
      'invalid-response',
    );
    expect(codeOf(() => decodeAnswer(answer({ flags: 2 }), ['a', 'example'], 16))).toBe(
      'service-error',
    );
    expect(decodeAnswer(answer({ flags: 3, answers: [] }), ['a', 'example'], 16).rcode).toBe(3);
  });
});
