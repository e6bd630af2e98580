// A DNS-over-HTTPS endpoint (RFC 8484) on 127.0.0.1 answering from a built DNS world the way a
// recursive resolver does (see `resolve` in dns-zones.ts), with the transport faults the HTTP tests
// of @lninvoice/bip353 need. Responses are written here, with name compression (RFC 1035 section
// 4.1.4) of owner names, so that the client's decompression is exercised; queries are read with
// dns-packet.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as dnsPacket from 'dns-packet';
import {
  CLASS_IN,
  labelsOf,
  type Resolution,
  type Rr,
  resolve,
  TYPE,
  type World,
} from './dns-zones.js';

/**
 * A way the endpoint misbehaves:
 * - `http-500`: status 500, a text body;
 * - `content-type`: status 200, the right DNS message, served as `text/html`;
 * - `huge`: status 200, `application/dns-message`, `hugeBytes` of body streamed without a length;
 * - `huge-length`: the same with a `content-length` header saying so;
 * - `hang`: status 200 and a few bytes of body, then nothing (the response never ends);
 * - `silent`: no response at all;
 * - `redirect`: 302 to `/elsewhere/dns-query` of this server, which answers correctly;
 * - `truncated`: the right message cut in half;
 * - `tc`: a message with the TC bit and no records;
 * - `wrong-question`: the right answer under another question name (`evil.test`);
 * - `wrong-type`: the right answer under question type A;
 * - `wrong-id`: the right answer with another message ID;
 * - `not-response`: the right answer with the QR bit clear;
 * - `servfail`, `refused`: rcode 2 or 5, no records;
 * - `nxdomain`: rcode 3, no records (an unsigned denial).
 */
export type TransportFault =
  | 'http-500'
  | 'content-type'
  | 'huge'
  | 'huge-length'
  | 'hang'
  | 'silent'
  | 'redirect'
  | 'truncated'
  | 'tc'
  | 'wrong-question'
  | 'wrong-type'
  | 'wrong-id'
  | 'not-response'
  | 'servfail'
  | 'refused'
  | 'nxdomain';

export const TRANSPORT_FAULTS: readonly TransportFault[] = [
  'http-500',
  'content-type',
  'huge',
  'huge-length',
  'hang',
  'silent',
  'redirect',
  'truncated',
  'tc',
  'wrong-question',
  'wrong-type',
  'wrong-id',
  'not-response',
  'servfail',
  'refused',
  'nxdomain',
];

/** A query the endpoint received and could read. */
export interface LoggedQuery {
  /** The question name as sent (case kept), no trailing dot; `.` for the root. */
  readonly name: string;
  /** `TXT`, `DNSKEY`, `DS`, ... */
  readonly type: string;
  readonly method: 'GET' | 'POST';
  /** `/dns-query`, `/<fault>/dns-query`, `/elsewhere/dns-query`. */
  readonly path: string;
  readonly id: number;
  /** The header's RD and CD bits, and the DO bit of its OPT record (false without one). */
  readonly rd: boolean;
  readonly cd: boolean;
  readonly do: boolean;
  readonly accept: string | undefined;
  /** The fault this query was answered with, if any. */
  readonly fault: TransportFault | undefined;
}

export interface DohServerOptions {
  /** The fault of `/dns-query` (default: none). */
  readonly fault?: TransportFault;
  /** A fault for some queries only (it wins over `fault`): e.g. SERVFAIL for one DNSKEY. */
  readonly faultFor?: (query: Omit<LoggedQuery, 'fault'>) => TransportFault | undefined;
  /**
   * Name compression: none, owner names (the default), or owner names and CNAME targets (which
   * RFC 1035 allows; DNSSEC types' RDATA is never compressed, RFC 3597/4034).
   */
  readonly compression?: 'none' | 'owners' | 'all';
  /** The body size of `huge` faults (default 2 MiB + 1 KiB). */
  readonly hugeBytes?: number;
  /** Set the AD bit on every answer, bogus ones too: a client must not trust it. */
  readonly authenticData?: boolean;
  /**
   * CORS headers, for pages of another origin (browser tests): `access-control-allow-origin: *`
   * on every response and an answer to preflight requests. Default: on.
   */
  readonly cors?: boolean;
}

export interface DohServer {
  /** `http://127.0.0.1:<port>/dns-query` */
  readonly url: string;
  readonly origin: string;
  /** The URL whose every answer has `fault`: `http://127.0.0.1:<port>/<fault>/dns-query`. */
  urlFor(fault: TransportFault): string;
  /** Every query read, in order. */
  readonly queries: LoggedQuery[];
  close(): Promise<void>;
}

// --- DNS messages --------------------------------------------------------------------------------

export interface Message {
  readonly id: number;
  /** QR, opcode, AA, TC, RD, RA, Z, AD, CD as in the header (RFC 1035 4.1.1, RFC 4035 3.1.6). */
  readonly flags: number;
  readonly rcode: number;
  readonly question: { readonly name: string; readonly type: number } | undefined;
  readonly answers: readonly Rr[];
  readonly authorities: readonly Rr[];
  /** An OPT record (RFC 6891) with the DO bit as given, or none. */
  readonly opt: { readonly do: boolean } | undefined;
}

export const FLAG = {
  QR: 0x8000,
  AA: 0x0400,
  TC: 0x0200,
  RD: 0x0100,
  RA: 0x0080,
  AD: 0x0020,
  CD: 0x0010,
} as const;

/**
 * A DNS message in wire form. With `compression`, an owner name (and a CNAME target with `all`)
 * that ends in a name written before points there (RFC 1035 section 4.1.4).
 */
export const encodeMessage = (
  message: Message,
  compression: 'none' | 'owners' | 'all' = 'owners',
): Uint8Array => {
  const bytes: number[] = [];
  const offsets = new Map<string, number>();
  const u16 = (n: number) => bytes.push((n >> 8) & 0xff, n & 0xff);
  const u32 = (n: number) => {
    u16((n >>> 16) & 0xffff);
    u16(n & 0xffff);
  };
  const name = (n: string, compress: boolean) => {
    const labels = labelsOf(n);
    for (let i = 0; i < labels.length; i++) {
      // Suffixes match as written, so that a record keeps the case its zone gives it.
      const suffix = labels.slice(i).join('.');
      const at = offsets.get(suffix);
      if (compress && at !== undefined) {
        u16(0xc000 | at);
        return;
      }
      if (bytes.length < 0x3fff && !offsets.has(suffix)) offsets.set(suffix, bytes.length);
      const label = Buffer.from(labels[i] as string, 'latin1');
      bytes.push(label.length, ...label);
    }
    bytes.push(0);
  };
  const rr = (r: Rr) => {
    // Owners as the zone writes them (a wildcard's expansion: as asked).
    name(r.name, compression !== 'none');
    u16(r.type);
    u16(CLASS_IN);
    u32(r.ttl);
    if (compression === 'all' && r.type === TYPE.CNAME && r.target !== undefined) {
      const lengthAt = bytes.length;
      u16(0);
      name(r.target, true);
      const length = bytes.length - lengthAt - 2;
      bytes[lengthAt] = length >> 8;
      bytes[lengthAt + 1] = length & 0xff;
      return;
    }
    u16(r.rdata.length);
    bytes.push(...r.rdata);
  };
  u16(message.id);
  u16((message.flags & 0xfff0) | (message.rcode & 0xf));
  u16(message.question ? 1 : 0);
  u16(message.answers.length);
  u16(message.authorities.length);
  u16(message.opt ? 1 : 0);
  if (message.question) {
    name(message.question.name, false);
    u16(message.question.type);
    u16(CLASS_IN);
  }
  for (const r of message.answers) rr(r);
  for (const r of message.authorities) rr(r);
  if (message.opt) {
    bytes.push(0);
    u16(TYPE.OPT);
    u16(1232);
    u32(message.opt.do ? 0x8000 : 0);
    u16(0);
  }
  return new Uint8Array(bytes);
};

/** The records a resolver sends: RRSIG, NSEC and NSEC3 only to a query with the DO bit. */
const forDo = (records: readonly Rr[], dnssecOk: boolean): Rr[] =>
  dnssecOk
    ? [...records]
    : records.filter((r) => r.type !== TYPE.RRSIG && r.type !== TYPE.NSEC && r.type !== TYPE.NSEC3);

/** The response to a query read by dns-packet, from `world`. */
export const answerQuery = (
  world: World,
  query: dnsPacket.DecodedPacket,
  options: { authenticData?: boolean } = {},
): Message => {
  const q = query.questions?.[0];
  const opt = query.additionals?.find((a): a is dnsPacket.OptAnswer => a.type === 'OPT');
  const dnssecOk = opt?.flag_do ?? false;
  const flags =
    FLAG.QR |
    FLAG.RA |
    (query.flag_rd ? FLAG.RD : 0) |
    (query.flag_cd ? FLAG.CD : 0) |
    (options.authenticData ? FLAG.AD : 0);
  const base = { id: query.id ?? 0, flags, opt: opt ? { do: dnssecOk } : undefined };
  const type = q ? typeNumber(q.type) : undefined;
  if (!q || type === undefined || (q.class ?? 'IN') !== 'IN')
    return { ...base, rcode: 4, question: undefined, answers: [], authorities: [] };
  const question = { name: q.name, type };
  const result: Resolution = resolve(world, q.name, type);
  return {
    ...base,
    rcode: result.rcode,
    question,
    answers: forDo(result.answers, dnssecOk),
    authorities: forDo(result.authorities, dnssecOk),
  };
};

const typeNumber = (type: string | number): number | undefined => {
  if (typeof type === 'number') return type;
  const known = (TYPE as Record<string, number>)[type];
  if (known !== undefined) return known;
  const generic = /^(?:TYPE|UNKNOWN_)(\d+)$/i.exec(type)?.[1];
  return generic === undefined ? undefined : Number(generic);
};

// --- the server ----------------------------------------------------------------------------------

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const MAX_QUERY_BYTES = 65535;

const readBody = (req: IncomingMessage): Promise<Buffer | undefined> =>
  new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_QUERY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => done(size <= MAX_QUERY_BYTES ? Buffer.concat(chunks) : undefined));
    req.on('error', () => done(undefined));
  });

/** Starts the endpoint on 127.0.0.1, an ephemeral port. */
export const startDohServer = async (
  world: World,
  options: DohServerOptions = {},
): Promise<DohServer> => {
  const queries: LoggedQuery[] = [];
  const compression = options.compression ?? 'owners';
  const hugeBytes = options.hugeBytes ?? 2 * 1024 * 1024 + 1024;
  let origin = '';

  const plain = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(text);
  };
  const dnsMessage = (res: ServerResponse, body: Uint8Array, maxAge: number) => {
    res.writeHead(200, {
      'content-type': 'application/dns-message',
      'content-length': body.length,
      'cache-control': `max-age=${maxAge}`,
    });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (options.cors ?? true) {
      res.setHeader('access-control-allow-origin', '*');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type, accept',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
    }
    const [, prefix = ''] = /^\/(?:([a-z0-9-]+)\/)?dns-query$/.exec(url.pathname) ?? [];
    const pathFault = (TRANSPORT_FAULTS as readonly string[]).includes(prefix)
      ? (prefix as TransportFault)
      : undefined;
    if (
      !/^\/(?:[a-z0-9-]+\/)?dns-query$/.test(url.pathname) ||
      (prefix && !pathFault && prefix !== 'elsewhere')
    )
      return plain(res, 404, `no ${url.pathname}`);
    let wire: Buffer | undefined;
    if (req.method === 'GET') {
      const dns = url.searchParams.get('dns');
      // RFC 8484 section 4.1: base64url without padding.
      if (dns === null || !BASE64URL.test(dns))
        return plain(res, 400, 'the dns parameter must be base64url without padding');
      wire = Buffer.from(dns, 'base64url');
    } else if (req.method === 'POST') {
      if (req.headers['content-type'] !== 'application/dns-message')
        return plain(res, 415, 'a POST body must be application/dns-message');
      wire = await readBody(req);
      if (!wire) return plain(res, 413, 'too large');
    } else {
      res.setHeader('allow', 'GET, POST');
      return plain(res, 405, 'GET or POST');
    }
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(wire);
    } catch {
      return plain(res, 400, 'not a DNS message');
    }
    const q = query.questions?.[0];
    if (!q || query.type !== 'query') return plain(res, 400, 'not a DNS query');
    const opt = query.additionals?.find((a): a is dnsPacket.OptAnswer => a.type === 'OPT');
    const seen = {
      name: q.name,
      type: String(q.type),
      method: req.method,
      path: url.pathname,
      id: query.id ?? 0,
      rd: query.flag_rd,
      cd: query.flag_cd,
      do: opt?.flag_do ?? false,
      accept: req.headers.accept,
    } as const;
    const fault = options.faultFor?.(seen) ?? pathFault ?? (prefix ? undefined : options.fault);
    queries.push({ ...seen, fault });

    const message = answerQuery(world, query, options);
    const ttls = [...message.answers, ...message.authorities].map((r) => r.ttl);
    const maxAge = ttls.length ? Math.min(...ttls) : 0;
    const encode = (m: Message) => encodeMessage(m, compression);
    const empty = (rcode: number): Message => ({ ...message, rcode, answers: [], authorities: [] });
    switch (fault) {
      case undefined:
        return dnsMessage(res, encode(message), maxAge);
      case 'http-500':
        return plain(res, 500, 'internal error');
      case 'content-type':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(encode(message));
        return;
      case 'huge':
      case 'huge-length': {
        res.writeHead(200, {
          'content-type': 'application/dns-message',
          ...(fault === 'huge-length' ? { 'content-length': hugeBytes } : {}),
        });
        const chunk = Buffer.alloc(64 * 1024);
        let left = hugeBytes;
        const pump = () => {
          while (left > 0) {
            const part = chunk.subarray(0, Math.min(chunk.length, left));
            left -= part.length;
            if (!res.write(part)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => {});
        return pump();
      }
      case 'hang':
        res.writeHead(200, { 'content-type': 'application/dns-message' });
        res.write(encode(message).subarray(0, 6));
        return; // and nothing more
      case 'silent':
        return; // not even a status line
      case 'redirect':
        res.writeHead(302, { location: `${origin}/elsewhere/dns-query${url.search}` });
        res.end();
        return;
      case 'truncated': {
        const body = encode(message);
        return dnsMessage(res, body.subarray(0, body.length >> 1), 0);
      }
      case 'tc':
        return dnsMessage(res, encode({ ...empty(0), flags: message.flags | FLAG.TC }), 0);
      case 'wrong-question':
        return dnsMessage(
          res,
          encode({
            ...message,
            question: { name: 'evil.test', type: message.question?.type ?? 16 },
          }),
          maxAge,
        );
      case 'wrong-type':
        return dnsMessage(
          res,
          encode({ ...message, question: { name: q.name, type: TYPE.A } }),
          maxAge,
        );
      case 'wrong-id':
        return dnsMessage(res, encode({ ...message, id: (message.id + 1) & 0xffff }), maxAge);
      case 'not-response':
        return dnsMessage(res, encode({ ...message, flags: message.flags & ~FLAG.QR }), maxAge);
      case 'servfail':
        return dnsMessage(res, encode(empty(2)), 0);
      case 'refused':
        return dnsMessage(res, encode(empty(5)), 0);
      case 'nxdomain':
        return dnsMessage(res, encode(empty(3)), 0);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) plain(res, 500, String(error));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/dns-query`,
    origin,
    urlFor: (fault) => `${origin}/${fault}/dns-query`,
    queries,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
};
