// A real LNURL service for the flow tests of @lninvoice/lnurl and of the CLI: node:http on
// 127.0.0.1. Wallet-side URLs say https://svc.test; `serviceFetch` routes them here. The
// libraries it needs (to sign invoices, check them, check logins) are passed in: test-support
// depends on no package of the workspace, which all depend on it.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { getPublicKey, hashes, schnorr } from '@noble/secp256k1';

/** What the service uses of @lninvoice/core and @lninvoice/lnurl. */
export interface ServiceLibrary {
  readonly createInvoice: (params: {
    network: 'regtest' | 'bitcoin' | 'testnet';
    amountMsat: bigint;
    paymentHash: Uint8Array;
    timestamp: number;
    descriptionHash?: Uint8Array;
    description?: string;
    expiry?: number;
  }) => unknown;
  readonly signInvoice: (unsigned: never, privateKey: Uint8Array) => string;
  /** Throws when the invoice a wallet sends to withdraw to is invalid. */
  readonly decode: (invoice: string) => unknown;
  readonly verifyAuthSignature: (k1: string, sig: string, key: string) => boolean;
}

/** A WHATWG fetch, as the LNURL functions take it. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export const ORIGIN = 'https://svc.test';
export const SERVICE_KEY = new Uint8Array(32).fill(0x22);
export const SERVICE_NODE = bytesToHex(getPublicKey(SERVICE_KEY, true));
export const METADATA = '[["text/plain", "Coffee"], ["text/identifier", "alice@svc.test"]]';
/**
 * Text a hostile service puts wherever a wallet may show it: controls, DEL, line separators, a
 * bidirectional override and invisible characters (tag characters too).
 */
export const HOSTILE_TEXT =
  'Coffee \u0007\u001b[2J\u007f\u009b\u2028\u2029\u202e\u2060\u00ad\u180e\u3164\u{E0041}\u{E007F} end';
const HOSTILE_METADATA = JSON.stringify([['text/plain', HOSTILE_TEXT]]);
/** The key the service signs zap receipts with (NIP-57 `nostrPubkey`), and its x-only public key. */
export const ZAP_SERVER_KEY = new Uint8Array(32).fill(0x33);
hashes.sha256 ??= sha256;
export const ZAP_SERVER_PUBKEY = bytesToHex(schnorr.getPublicKey(ZAP_SERVER_KEY));
export const K1 = 'e2af6254a8df433264fa23f67eb8188635d15ce883e8fc020989d5f82ae6f11e';

/** An invoice the service issued, by payment hash (hex): its preimage, and whether it is paid. */
export interface Issued {
  readonly pr: string;
  readonly preimage: string;
  settled: boolean;
}

/** What the service saw, for the tests to check. */
export interface Seen {
  paths: string[];
  comment?: string | null;
  payerdata?: string | null;
  withdrawnInvoice?: string;
  loginKey?: string;
  channel?: Record<string, string | null>;
  /** Every invoice issued, by payment hash (hex); a test marks one `settled` to have it paid. */
  invoices: Map<string, Issued>;
  /** NIP-57: the `nostr` (zap request) and `lnurl` parameters of the last zap callback. */
  nostr?: string | null;
  lnurl?: string | null;
}

const payRequest = (callback: string) => ({
  tag: 'payRequest',
  callback: `${ORIGIN}${callback}`,
  minSendable: 1000,
  maxSendable: 1_000_000_000,
  metadata: METADATA,
  commentAllowed: 20,
  payerData: { name: { mandatory: false }, email: { mandatory: false } },
});

export const startService = async (
  lib: ServiceLibrary,
): Promise<{ server: Server; port: number; seen: Seen }> => {
  const { createInvoice, signInvoice, decode, verifyAuthSignature } = lib;
  const seen: Seen = { paths: [], invoices: new Map() };
  /** How an invoice is made: its network, `h` or a plain `d` (as Core Lightning services do), age. */
  interface Kind {
    network?: 'regtest' | 'bitcoin' | 'testnet';
    plain?: boolean;
    expired?: boolean;
    /** A route hint asking the most a u32 allows: 4 294 967 sat + 429 496%, 65535 blocks. */
    greedy?: boolean;
  }
  const invoiceFor = (amountMsat: bigint, described: string, kind: Kind = {}): string => {
    const preimage = randomBytes(32);
    const paymentHash = sha256(preimage);
    const pr = signInvoice(
      createInvoice({
        network: kind.network ?? 'regtest',
        amountMsat,
        paymentHash,
        ...(kind.plain
          ? { description: 'Coffee' }
          : { descriptionHash: sha256(utf8ToBytes(described)) }),
        timestamp: Math.floor(Date.now() / 1000) - (kind.expired ? 7200 : 0),
        ...(kind.expired ? { expiry: 60 } : {}),
        ...(kind.greedy
          ? {
              routeHints: [
                [
                  {
                    pubkey: '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad',
                    shortChannelId: '1x2x3',
                    feeBaseMsat: 2 ** 32 - 1,
                    feeProportionalMillionths: 2 ** 32 - 1,
                    cltvExpiryDelta: 65535,
                  },
                ],
              ],
            }
          : {}),
      }) as never,
      SERVICE_KEY,
    );
    seen.invoices.set(bytesToHex(paymentHash), {
      pr,
      preimage: bytesToHex(preimage),
      settled: false,
    });
    return pr;
  };
  const json = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', ORIGIN);
    const q = (name: string) => url.searchParams.get(name);
    seen.paths.push(url.pathname);
    const payCallback = (
      amountOffset: bigint,
      described: (payerdata: string) => string,
      extra: object | ((pr: string) => object) = {},
      kind: Kind = {},
    ) => {
      seen.comment = q('comment');
      seen.payerdata = q('payerdata');
      const amount = BigInt(q('amount') ?? '0');
      const pr = invoiceFor(amount + amountOffset, described(q('payerdata') ?? ''), kind);
      json(res, { pr, routes: [], ...(typeof extra === 'function' ? extra(pr) : extra) });
    };
    /** LUD-21: the verify URL of `pr` under `path` (`/verify` answers truly). */
    const verifyOf = (path: string) => (pr: string) => {
      const hash = [...seen.invoices].find(([, issued]) => issued.pr === pr)?.[0];
      return { verify: `${ORIGIN}${path}/${hash}` };
    };
    const verifyAnswer = (hash: string, lie?: 'pr' | 'preimage' | 'unproven') => {
      const issued = seen.invoices.get(hash);
      if (!issued) return json(res, { status: 'ERROR', reason: 'Not found' });
      const other = [...seen.invoices.values()].find((i) => i.pr !== issued.pr);
      const settled = issued.settled || lie !== undefined;
      json(res, {
        status: 'OK',
        settled,
        preimage:
          lie === 'preimage'
            ? '11'.repeat(32)
            : lie === 'unproven' || !settled
              ? null
              : issued.preimage,
        pr: lie === 'pr' ? (other?.pr ?? 'lnbcrt1') : issued.pr,
      });
    };
    switch (url.pathname) {
      case '/.well-known/lnurlp/alice':
      // LUD-16 as amended by luds PR #296: `@domain` and `_@domain` are the domain's own address.
      case '/.well-known/lnurlp/_':
        return json(res, { status: 'OK', ...payRequest('/pay/cb?session=abc') });
      case '/pay/cb':
        if (q('session') !== 'abc')
          return json(res, { status: 'ERROR', reason: 'callback query was lost' });
        return payCallback(
          0n,
          (payerdata) => METADATA + payerdata,
          (pr) => ({
            successAction: { tag: 'message', message: 'Thanks!' },
            disposable: false,
            ...verifyOf('/verify')(pr),
          }),
        );
      // NIP-57 zaps: a pay request that allows them, whose invoice commits to the zap request as
      // received (`h` = SHA-256 of the `nostr` parameter), and a liar that commits to the
      // metadata as for a plain payment.
      // A service announcing zaps with a key that is no BIP 340 key: payable, the key dropped.
      // A service that asks for no payer data (LUD-18): a wallet must send none.
      case '/.well-known/lnurlp/anonymous': {
        const { payerData: _, ...request } = payRequest('/pay/cb?session=abc');
        return json(res, request);
      }
      // A hostile service: unsafe characters in its metadata and success action, and its
      // invoice wrapped in whitespace, line separators and an upper-case lightning: prefix,
      // which a reader drops (the invoice itself is valid).
      case '/.well-known/lnurlp/hostile':
        return json(res, { ...payRequest('/pay/hostile'), metadata: HOSTILE_METADATA });
      case '/pay/hostile': {
        const pr = invoiceFor(BigInt(q('amount') ?? '0'), HOSTILE_METADATA);
        return json(res, {
          pr: `\r\v\f LIGHTNING:${pr.toUpperCase()}\u2028\r`,
          routes: [],
          successAction: { tag: 'message', message: HOSTILE_TEXT },
        });
      }
      case '/.well-known/lnurlp/bad-nostr':
        return json(res, {
          ...payRequest('/pay/cb?session=abc'),
          allowsNostr: true,
          nostrPubkey: 'not a key',
        });
      case '/.well-known/lnurlp/zap':
      case '/.well-known/lnurlp/zap-liar':
        return json(res, {
          ...payRequest(url.pathname.endsWith('liar') ? '/pay/zap-liar' : '/pay/zap?session=z'),
          allowsNostr: true,
          nostrPubkey: ZAP_SERVER_PUBKEY,
        });
      case '/pay/zap':
      case '/pay/zap-liar':
        seen.nostr = q('nostr');
        seen.lnurl = q('lnurl');
        if (url.pathname === '/pay/zap' && q('session') !== 'z')
          return json(res, { status: 'ERROR', reason: 'callback query was lost' });
        return payCallback(0n, () =>
          url.pathname === '/pay/zap-liar' || seen.nostr === null
            ? METADATA
            : (seen.nostr as string),
        );
      // A service on a node that cannot commit to the metadata (LUD-06 after luds PR #234): its
      // invoice has a plain description, no `h`.
      case '/.well-known/lnurlp/cln':
        return json(res, payRequest('/pay/cln'));
      case '/pay/cln':
        return payCallback(0n, () => '', verifyOf('/verify'), { plain: true });
      // A mainnet Lightning Address that answers with another network's invoice, or an old one.
      case '/.well-known/lnurlp/testnet':
        return json(res, payRequest('/pay/testnet'));
      case '/pay/testnet':
        return payCallback(0n, () => METADATA, {}, { network: 'testnet' });
      case '/.well-known/lnurlp/mainnet':
        return json(res, payRequest('/pay/mainnet'));
      case '/pay/mainnet':
        return payCallback(0n, () => METADATA, {}, { network: 'bitcoin' });
      case '/.well-known/lnurlp/greedy':
        return json(res, payRequest('/pay/greedy'));
      case '/pay/greedy':
        return payCallback(0n, () => METADATA, {}, { greedy: true });
      case '/.well-known/lnurlp/expired':
        return json(res, payRequest('/pay/expired'));
      case '/pay/expired':
        return payCallback(0n, () => METADATA, {}, { expired: true });
      // Callbacks and verify URLs that lead to private hosts (server-side request forgery).
      case '/.well-known/lnurlp/private-callback':
        return json(res, { ...payRequest(''), callback: 'https://10.0.0.1/pay/cb?session=abc' });
      case '/.well-known/lnurlp/private-verify':
        return json(res, payRequest('/pay/private-verify'));
      case '/pay/private-verify':
        return payCallback(0n, () => METADATA, { verify: 'https://169.254.169.254/latest/' });
      case '/redirect-private':
        res.writeHead(302, { location: 'https://2130706433/.well-known/lnurlp/alice' });
        res.end();
        return;
      // LUD-21 verify answers that claim what they cannot prove.
      case '/.well-known/lnurlp/liar-pr':
      case '/.well-known/lnurlp/liar-preimage':
      case '/.well-known/lnurlp/liar-unproven':
        return json(res, payRequest(`/pay/liar?lie=${url.pathname.split('-').at(-1)}`));
      case '/pay/liar':
        return payCallback(
          0n,
          () => METADATA,
          (pr) => verifyOf(`/verify-${q('lie')}`)(pr),
        );
      case '/text':
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
        return;
      case '/lnurlp/wrong-amount':
        return json(res, payRequest('/pay/wrong-amount'));
      case '/pay/wrong-amount':
        return payCallback(1n, () => METADATA);
      case '/lnurlp/wrong-hash':
        return json(res, payRequest('/pay/wrong-hash'));
      case '/pay/wrong-hash':
        return payCallback(0n, () => METADATA.replace(', ', ','));
      case '/lnurlp/foreign-url-action':
        return json(res, payRequest('/pay/foreign-url-action'));
      case '/pay/foreign-url-action':
        return payCallback(0n, () => METADATA, {
          successAction: { tag: 'url', description: 'x', url: 'https://evil.test/order' },
        });
      case '/lnurlp/video-action':
        return json(res, payRequest('/pay/video-action'));
      case '/pay/video-action':
        return payCallback(0n, () => METADATA, {
          successAction: { tag: 'video', url: `${ORIGIN}/v` },
        });
      case '/withdraw':
        return json(res, {
          tag: 'withdrawRequest',
          callback: `${ORIGIN}/withdraw/cb`,
          k1: 'withdraw-k1',
          defaultDescription: 'Refund',
          minWithdrawable: 1000,
          maxWithdrawable: 100_000,
        });
      case '/withdraw/cb': {
        const pr = q('pr') ?? '';
        if (q('k1') !== 'withdraw-k1') return json(res, { status: 'ERROR', reason: 'unknown k1' });
        decode(pr);
        seen.withdrawnInvoice = pr;
        return json(res, { status: 'OK' });
      }
      case '/auth': {
        const sig = q('sig');
        const key = q('key');
        if (!sig || !key)
          return json(res, { status: 'ERROR', reason: 'a login URL must not be fetched unsigned' });
        if (!verifyAuthSignature(q('k1') ?? '', sig, key))
          return json(res, { status: 'ERROR', reason: 'bad signature' });
        seen.loginKey = key;
        return json(res, { status: 'OK' });
      }
      case '/channel':
        return json(res, {
          tag: 'channelRequest',
          uri: `${SERVICE_NODE}@127.0.0.1:9735`,
          callback: `${ORIGIN}/channel/cb`,
          k1: 'chan-k1',
        });
      case '/channel/cb':
        seen.channel = {
          k1: q('k1'),
          remoteid: q('remoteid'),
          private: q('private'),
          cancel: q('cancel'),
        };
        return json(res, { status: 'OK' });
      case '/verify/paid':
        return json(res, {
          status: 'OK',
          settled: true,
          preimage: '11'.repeat(32),
          pr: 'lnbcrt1…',
        });
      default:
        break;
    }
    const [, route, hash = ''] =
      /^(\/verify(?:-[a-z]+)?)\/([0-9a-f]{64})$/.exec(url.pathname) ?? [];
    if (route === '/verify') return verifyAnswer(hash);
    if (route === '/verify-pr' || route === '/verify-preimage' || route === '/verify-unproven')
      return verifyAnswer(hash, route.slice('/verify-'.length) as 'pr' | 'preimage' | 'unproven');
    switch (url.pathname) {
      case '/error':
        return json(res, { status: 'ERROR', reason: 'Not today' });
      case '/malformed':
        res.end('{"tag": "payRequest", oops');
        return;
      case '/array':
        return json(res, []);
      case '/huge':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"padding":"');
        res.write('x'.repeat(2 << 20));
        res.end('"}');
        return;
      case '/slow':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"tag":');
        return; // and nothing more: the client must give up
      case '/redirect-http':
        res.writeHead(302, { location: 'http://evil.test/.well-known/lnurlp/alice' });
        res.end();
        return;
      case '/redirect-https':
        res.writeHead(301, { location: '/.well-known/lnurlp/alice' });
        res.end();
        return;
      case '/redirect-loop':
        res.writeHead(307, { location: `${ORIGIN}/redirect-loop` });
        res.end();
        return;
      default:
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'ERROR', reason: `no ${url.pathname}` }));
    }
  };
  const server = createServer(handle);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, port: (server.address() as AddressInfo).port, seen };
};

/**
 * The wallet's transport: https://svc.test goes to the local server, and so do the `also` origins
 * (`https://10.0.0.1`, to test private hosts a caller allows); any other host is refused.
 */
export const serviceFetch =
  (port: number, refused: string[], also: readonly string[] = []): Fetch =>
  (url, init) => {
    const origin = [ORIGIN, ...also].find((o) => url.startsWith(`${o}/`));
    if (origin === undefined) {
      refused.push(url);
      return Promise.reject(new TypeError(`test network: no route to ${url}`));
    }
    return fetch(`http://127.0.0.1:${port}${url.slice(origin.length)}`, init);
  };
