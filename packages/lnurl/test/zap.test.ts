// NIP-57 zaps (@lninvoice/lnurl/zap): requests made here pass nostr-tools, nostr-tools' requests
// and receipts pass here, forged receipts fail with their codes, and the zap flow runs against
// the real LNURL service of test-support on 127.0.0.1.
import type { Server } from 'node:http';
import { createInvoice, decode, signInvoice } from '@lninvoice/core';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import * as nip57 from 'nostr-tools/nip57';
import { finalizeEvent, getEventHash, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import {
  METADATA,
  ORIGIN,
  type Seen,
  serviceFetch,
  startService,
  ZAP_SERVER_KEY,
  ZAP_SERVER_PUBKEY,
} from 'test-support/lnurl-service';
import { expectSafeText } from 'test-support/outcome';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeLnurl,
  type HttpOptions,
  LnurlError,
  type PayRequest,
  parsePayRequest,
  resolve,
  verifyAuthSignature,
} from '../src/index.js';
import {
  createZapRequest,
  createZapRequestWith,
  type NostrEvent,
  type NostrSigner,
  requestZapInvoice,
  validateZapReceipt,
  validateZapRequest,
  ZAP_ISSUE_CODES,
  type ZapIssue,
} from '../src/zap.js';

const SENDER_KEY = new Uint8Array(32).fill(0x44);
const SENDER = getPublicKey(SENDER_KEY);
const OTHER_KEY = new Uint8Array(32).fill(0x55);
const RECIPIENT = getPublicKey(new Uint8Array(32).fill(0x66));
const NOTE = '9ae37aa68f48645127299e9453eb5d908a0cbb6058ff340d528ed4d37c8994fb';
const LNURL = encodeLnurl(`${ORIGIN}/.well-known/lnurlp/zap`);
const RELAYS = ['wss://relay.example.com', 'ws://127.0.0.1:7777/'];
const NODE_KEY = new Uint8Array(32).fill(0x22);

const params = {
  recipientPubkey: RECIPIENT,
  amountMsat: 21_000n,
  relays: RELAYS,
  lnurl: LNURL,
  eventId: NOTE,
  eventKind: 1,
  comment: 'Zap! "great" \n\t post',
  createdAt: 1_700_000_000,
};

/** An event as nostr-tools types it (mutable tags). */
const mutable = (event: NostrEvent) => ({ ...event, tags: event.tags.map((t) => [...t]) });

const codes = (issues: readonly ZapIssue[]) => issues.map((i) => i.code);

/** A regtest invoice whose `h` commits to `description`, as a zap service issues it. */
const zapInvoice = (
  description: string,
  amountMsat = 21_000n,
  preimage = new Uint8Array(32).fill(7),
) =>
  signInvoice(
    createInvoice({
      network: 'regtest',
      amountMsat,
      paymentHash: sha256(preimage),
      descriptionHash: sha256(utf8ToBytes(description)),
      timestamp: 1_700_000_100,
    }),
    NODE_KEY,
  );

/** The receipt a zap service publishes, made by nostr-tools. */
const receiptFor = (
  zapRequest: string,
  {
    key = ZAP_SERVER_KEY,
    bolt11 = zapInvoice(zapRequest),
    preimage = bytesToHex(new Uint8Array(32).fill(7)),
  }: { key?: Uint8Array; bolt11?: string; preimage?: string } = {},
): NostrEvent =>
  finalizeEvent(
    nip57.makeZapReceipt({ zapRequest, bolt11, preimage, paidAt: new Date(1_700_000_200_000) }),
    key,
  ) as NostrEvent;

describe('createZapRequest', () => {
  it('makes a kind 9734 event that nostr-tools validates and verifies', () => {
    const event = createZapRequest(params, SENDER_KEY);
    expect(event).toMatchObject({
      kind: 9734,
      pubkey: SENDER,
      created_at: 1_700_000_000,
      content: params.comment,
      tags: [
        ['relays', ...RELAYS],
        ['amount', '21000'],
        ['lnurl', LNURL.toLowerCase()],
        ['p', RECIPIENT],
        ['e', NOTE],
        ['k', '1'],
      ],
    });
    expect(event.id).toBe(getEventHash(mutable(event)));
    expect(verifyEvent(mutable(event))).toBe(true);
    expect(nip57.validateZapRequest(JSON.stringify(event))).toBeNull();
    expect(validateZapRequest(event, { amountMsat: 21_000n, lnurl: LNURL })).toMatchObject({
      ok: true,
      issues: [],
      request: {
        sender: SENDER,
        recipient: RECIPIENT,
        amountMsat: 21_000n,
        relays: RELAYS,
        eventId: NOTE,
        comment: params.comment,
      },
    });
  });

  it('serialises content and tags as nostr-tools does, escapes and all', () => {
    for (const comment of [
      '',
      '"\\\n\r\t\b\f',
      '\u0000\u001f\u007f',
      '\u202e⚡ 𝄞',
      '\ud800 lone',
    ]) {
      const event = createZapRequest({ ...params, comment }, SENDER_KEY);
      expect(event.id, JSON.stringify(comment)).toBe(getEventHash(mutable(event)));
      expect(verifyEvent(mutable(event))).toBe(true);
    }
  });

  it('reads the clock once when created_at is not given; takes a hex secret key', () => {
    const { createdAt: _, ...rest } = params;
    const before = Math.floor(Date.now() / 1000);
    const event = createZapRequest(rest, bytesToHex(SENDER_KEY));
    expect(event.created_at).toBeGreaterThanOrEqual(before);
    expect(event.created_at).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(event.pubkey).toBe(SENDER);
  });

  it('checks its parameters like createInvoice: TypeError or RangeError naming them', () => {
    const bad: [object, ErrorConstructor, string][] = [
      [{ ...params, amountMsat: 21000 }, TypeError, 'params.amountMsat'],
      [{ ...params, amountMsat: 0n }, RangeError, 'params.amountMsat'],
      [
        { ...params, recipientPubkey: RECIPIENT.toUpperCase() },
        RangeError,
        'params.recipientPubkey',
      ],
      [{ ...params, recipientPubkey: 'ab' }, RangeError, 'params.recipientPubkey'],
      [{ ...params, relays: [] }, RangeError, 'params.relays'],
      [{ ...params, relays: 'wss://r.com' }, TypeError, 'params.relays'],
      [{ ...params, relays: ['https://r.com'] }, RangeError, 'params.relays[0]'],
      [{ ...params, relays: ['wss://r.com', 7] }, TypeError, 'params.relays[1]'],
      [{ ...params, lnurl: 'https://svc.test/' }, RangeError, 'params.lnurl'],
      [{ ...params, eventId: 'xyz' }, RangeError, 'params.eventId'],
      [{ ...params, eventCoordinate: '30023:abc:d' }, RangeError, 'params.eventCoordinate'],
      [{ ...params, eventKind: 70000 }, RangeError, 'params.eventKind'],
      [{ ...params, createdAt: -1 }, RangeError, 'params.createdAt'],
      [{ ...params, comment: 5 }, TypeError, 'params.comment'],
      [{ ...params, amount: 5n }, TypeError, 'params has no option "amount"'],
    ];
    for (const [p, type, name] of bad) {
      expect(() => createZapRequest(p as never, SENDER_KEY), name).toThrow(type);
      expect(() => createZapRequest(p as never, SENDER_KEY), name).toThrow(name);
    }
    expect(() => createZapRequest(params, new Uint8Array(31))).toThrow(/secretKey/);
    expect(() => createZapRequest(params, new Uint8Array(32))).toThrow(RangeError);
    expect(() => createZapRequest(params, 'zz'.repeat(32))).toThrow(/secretKey/);
  });

  it('writes an a tag for an addressable event', () => {
    const a = `30023:${RECIPIENT}:my-article`;
    const event = createZapRequest({ ...params, eventCoordinate: a, eventKind: 30023 }, SENDER_KEY);
    expect(event.tags).toContainEqual(['a', a]);
    expect(validateZapRequest(event).request?.eventCoordinate).toBe(a);
  });
});

describe('createZapRequestWith (a NIP-07 signer)', () => {
  const signerOf = (key: Uint8Array, edit?: (e: NostrEvent) => NostrEvent): NostrSigner => ({
    getPublicKey: async () => getPublicKey(key),
    signEvent: async (template) => {
      const signed = finalizeEvent(
        { ...template, tags: template.tags.map((t) => [...t]) },
        key,
      ) as NostrEvent;
      return edit ? edit(signed) : signed;
    },
  });

  it('signs with the signer, and the result checks out here and in nostr-tools', async () => {
    const event = await createZapRequestWith(params, signerOf(SENDER_KEY));
    expect(event.pubkey).toBe(SENDER);
    expect(nip57.validateZapRequest(JSON.stringify(event))).toBeNull();
    expect(event.id).toBe(createZapRequest(params, SENDER_KEY).id);
    expect(validateZapRequest(event).ok).toBe(true);
  });

  it('refuses what a signer returns unless its id, signature, key and fields check out', async () => {
    const lying: [string, NostrSigner][] = [
      ['another key', { ...signerOf(OTHER_KEY), getPublicKey: async () => SENDER }],
      [
        'changed content',
        signerOf(
          SENDER_KEY,
          (e) => finalizeEvent({ ...e, content: 'other' } as never, SENDER_KEY) as NostrEvent,
        ),
      ],
      [
        'a broken signature',
        signerOf(SENDER_KEY, (e) => ({ ...e, sig: `${e.sig.slice(0, -2)}00` })),
      ],
      ['a wrong id', signerOf(SENDER_KEY, (e) => ({ ...e, id: '00'.repeat(32) }))],
      ['no event', signerOf(SENDER_KEY, () => 'signed!' as never)],
      ['a bad key', { ...signerOf(SENDER_KEY), getPublicKey: async () => 'npub1…' }],
    ];
    for (const [what, signer] of lying) {
      const error = await createZapRequestWith(params, signer).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, what).toBeInstanceOf(RangeError);
      expect((error as Error).message, what).toMatch(/^signer/);
    }
    await expect(createZapRequestWith(params, {} as never)).rejects.toThrow(TypeError);
  });
});

describe('validateZapRequest (NIP-57 Appendix D)', () => {
  /** A zap request made by nostr-tools, with `tags` changed, signed by the sender. */
  const made = (edit: (tags: string[][]) => string[][] = (t) => t, content = '') =>
    finalizeEvent(
      {
        ...nip57.makeZapRequest({
          pubkey: RECIPIENT,
          amount: 21_000,
          relays: RELAYS,
          comment: content,
        }),
        created_at: 1_700_000_000,
        tags: edit([
          ['p', RECIPIENT],
          ['amount', '21000'],
          ['relays', ...RELAYS],
        ]),
      },
      SENDER_KEY,
    );

  it('passes zap requests nostr-tools makes', () => {
    const event = finalizeEvent(
      nip57.makeZapRequest({
        event: { ...made(), kind: 1, id: NOTE, pubkey: RECIPIENT } as never,
        amount: 5000,
        relays: RELAYS,
        comment: 'hi',
      }),
      SENDER_KEY,
    );
    const result = validateZapRequest(JSON.stringify(event), { amountMsat: 5000n });
    expect(result).toMatchObject({ ok: true, issues: [] });
    expect(result.request).toMatchObject({ eventId: NOTE, amountMsat: 5000n, comment: 'hi' });
  });

  it('finds each rule broken, with its code, severity and field', () => {
    const cases: [unknown, object, ZapIssue['code'], 'error' | 'warning', string][] = [
      ['{"kind":', {}, 'invalid-json', 'error', 'input'],
      [[], {}, 'invalid-event', 'error', 'input'],
      [{ ...made(), pubkey: SENDER.toUpperCase() }, {}, 'invalid-event', 'error', 'pubkey'],
      [{ ...made(), tags: [['p', RECIPIENT], []] }, {}, 'invalid-event', 'error', 'tags'],
      [finalizeEvent({ ...made(), kind: 1 }, SENDER_KEY), {}, 'invalid-kind', 'error', 'kind'],
      [{ ...made(), content: 'edited' }, {}, 'id-mismatch', 'error', 'id'],
      [
        { ...made(), sig: made().sig.replace(/^./, (c) => (c === '0' ? '1' : '0')) },
        {},
        'invalid-signature',
        'error',
        'sig',
      ],
      [finalizeEvent({ ...made(), tags: [] }, SENDER_KEY), {}, 'missing-tags', 'error', 'tags'],
      [made((t) => t.filter(([n]) => n !== 'p')), {}, 'missing-recipient-tag', 'error', 'tags.p'],
      [made((t) => [...t, ['p', SENDER]]), {}, 'duplicate-recipient-tag', 'error', 'tags.p'],
      [
        made((t) => [['p', 'npub1xyz'], ...t.slice(1)]),
        {},
        'invalid-recipient-tag',
        'error',
        'tags.p',
      ],
      [made((t) => [...t, ['e', NOTE], ['e', NOTE]]), {}, 'duplicate-event-tag', 'error', 'tags.e'],
      [made((t) => [...t, ['e', 'note1xyz']]), {}, 'invalid-event-tag', 'error', 'tags.e'],
      [made((t) => [...t, ['a', '30023:npub:x']]), {}, 'invalid-coordinate-tag', 'error', 'tags.a'],
      [
        made((t) => t.filter(([n]) => n !== 'relays')),
        {},
        'missing-relays-tag',
        'warning',
        'tags.relays',
      ],
      [
        made((t) => [...t.slice(0, 2), ['relays', 'https://r.com']]),
        {},
        'invalid-relays-tag',
        'warning',
        'tags.relays',
      ],
      [
        made((t) => [t[0] as string[], ['amount', '21 sat'], t[2] as string[]]),
        {},
        'invalid-amount-tag',
        'error',
        'tags.amount',
      ],
      [made(), { amountMsat: 1000n }, 'amount-mismatch', 'error', 'tags.amount'],
      [
        made((t) => [...t, ['lnurl', 'https://svc.test']]),
        {},
        'invalid-lnurl-tag',
        'warning',
        'tags.lnurl',
      ],
      [
        made((t) => [...t, ['lnurl', encodeLnurl('https://evil.test/')]]),
        { lnurl: LNURL },
        'lnurl-mismatch',
        'warning',
        'tags.lnurl',
      ],
      [
        made((t) => [...t, ['P', SENDER], ['P', SENDER]]),
        {},
        'duplicate-sender-tag',
        'error',
        'tags.P',
      ],
      [
        made((t) => [...t, ['P', SENDER]]),
        { nostrPubkey: ZAP_SERVER_PUBKEY },
        'sender-mismatch',
        'error',
        'tags.P',
      ],
      [made(), { now: 1_700_000_000 + 7200 }, 'created-at-out-of-range', 'warning', 'created_at'],
    ];
    for (const [input, options, code, severity, field] of cases) {
      const result = validateZapRequest(input, options);
      const issue = result.issues.find((i) => i.code === code);
      expect(issue, `${code} in ${JSON.stringify(codes(result.issues))}`).toMatchObject({
        severity,
        field,
      });
      expect(issue?.rule.length, code).toBeGreaterThan(20);
      expect(result.ok, code).toBe(result.issues.every((i) => i.severity === 'warning'));
      for (const i of result.issues) expectSafeText(i.message);
    }
  });

  it('shows untrusted text escaped in its messages', () => {
    const result = validateZapRequest(made((t) => [['p', '\u202etxet'], ...t.slice(1)]));
    expect(result.issues[0]?.message).toContain('\\u202e');
    expectSafeText(result.issues[0]?.message ?? '');
  });

  it('checks its options like parameters', () => {
    expect(() => validateZapRequest(made(), { amountMsat: 5 } as never)).toThrow(TypeError);
    expect(() => validateZapRequest(made(), { lnurl: 'x' })).toThrow(RangeError);
    expect(() => validateZapRequest(made(), { amount: 5n } as never)).toThrow(/no option "amount"/);
  });
});

describe('validateZapReceipt (NIP-57 Appendix F)', () => {
  const request = createZapRequest(params, SENDER_KEY);
  const text = JSON.stringify(request);

  it('passes a receipt nostr-tools makes, and reads out the zap', () => {
    const receipt = receiptFor(text);
    const result = validateZapReceipt(JSON.stringify(receipt), {
      nostrPubkey: ZAP_SERVER_PUBKEY,
      zapRequest: text,
      lnurl: LNURL,
    });
    expect(result).toMatchObject({ ok: true, issues: [] });
    expect(result.zap).toMatchObject({
      sender: SENDER,
      recipient: RECIPIENT,
      amountMsat: 21_000n,
      eventId: NOTE,
      comment: params.comment,
      paidAt: 1_700_000_200,
      zapRequest: request,
    });
  });

  it('fails forged receipts with their codes', () => {
    const check = { nostrPubkey: ZAP_SERVER_PUBKEY };
    const other = createZapRequest({ ...params, amountMsat: 1000n }, SENDER_KEY);
    const edited = JSON.stringify({ ...request, content: 'I zapped 1 BTC' });
    const forged: [string, NostrEvent | string, ZapIssue['code'], string][] = [
      ['signed by another key', receiptFor(text, { key: OTHER_KEY }), 'pubkey-mismatch', 'pubkey'],
      [
        'another amount',
        receiptFor(text, { bolt11: zapInvoice(text, 1000n) }),
        'amount-mismatch',
        'tags.bolt11',
      ],
      ['edited content', { ...receiptFor(text), content: 'edited' }, 'id-mismatch', 'id'],
      [
        'edited description',
        receiptFor(edited, { bolt11: zapInvoice(edited) }),
        'id-mismatch',
        'description.id',
      ],
      [
        'bad bolt11',
        receiptFor(text, {
          bolt11: zapInvoice(text).replace(/.$/, (c) => (c === 'q' ? 'p' : 'q')),
        }),
        'invalid-invoice',
        'tags.bolt11',
      ],
      [
        'invoice of another request',
        receiptFor(JSON.stringify(other), { bolt11: zapInvoice(JSON.stringify(other), 21_000n) }),
        'zap-request-mismatch',
        'tags.description',
      ],
      [
        'no bolt11',
        finalizeEvent(
          {
            ...receiptFor(text),
            tags: receiptFor(text).tags.filter(([n]) => n !== 'bolt11'),
          } as never,
          ZAP_SERVER_KEY,
        ) as NostrEvent,
        'missing-bolt11-tag',
        'tags.bolt11',
      ],
      [
        'no description',
        finalizeEvent(
          {
            ...receiptFor(text),
            tags: receiptFor(text).tags.filter(([n]) => n !== 'description'),
          } as never,
          ZAP_SERVER_KEY,
        ) as NostrEvent,
        'missing-description-tag',
        'tags.description',
      ],
      [
        'another recipient',
        finalizeEvent(
          {
            ...receiptFor(text),
            tags: receiptFor(text).tags.map((t) => (t[0] === 'p' ? ['p', SENDER] : [...t])),
          } as never,
          ZAP_SERVER_KEY,
        ) as NostrEvent,
        'recipient-mismatch',
        'tags.p',
      ],
      [
        'another event',
        finalizeEvent(
          { ...receiptFor(text), tags: receiptFor(text).tags.filter(([n]) => n !== 'e') } as never,
          ZAP_SERVER_KEY,
        ) as NostrEvent,
        'event-mismatch',
        'tags.e',
      ],
      [
        'another sender',
        finalizeEvent(
          {
            ...receiptFor(text),
            tags: receiptFor(text).tags.map((t) => (t[0] === 'P' ? ['P', RECIPIENT] : [...t])),
          } as never,
          ZAP_SERVER_KEY,
        ) as NostrEvent,
        'sender-mismatch',
        'tags.P',
      ],
      [
        'a kind 1',
        finalizeEvent({ ...receiptFor(text), kind: 1 } as never, ZAP_SERVER_KEY) as NostrEvent,
        'invalid-kind',
        'kind',
      ],
    ];
    for (const [what, receipt, code, field] of forged) {
      const result = validateZapReceipt(receipt, {
        ...check,
        zapRequest: what.includes('another request') ? text : undefined,
      } as never);
      expect(result.ok, what).toBe(false);
      expect(
        result.issues.find((i) => i.code === code),
        `${what}: ${codes(result.issues)}`,
      ).toMatchObject({ severity: 'error', field });
      for (const i of result.issues) expectSafeText(i.message);
    }
  });

  it('warns where NIP-57 says SHOULD or MAY: description hash, lnurl, content, preimage', () => {
    const check = { nostrPubkey: ZAP_SERVER_PUBKEY };
    const warned: [string, NostrEvent, ZapIssue['code'], object?][] = [
      [
        'an invoice that commits to the metadata',
        receiptFor(text, { bolt11: zapInvoice(METADATA) }),
        'description-hash-mismatch',
      ],
      [
        'another lnurl',
        receiptFor(text),
        'lnurl-mismatch',
        { lnurl: encodeLnurl('https://other.test/') },
      ],
      [
        'content',
        finalizeEvent(
          { ...receiptFor(text), content: 'thanks' } as never,
          ZAP_SERVER_KEY,
        ) as NostrEvent,
        'invalid-content',
      ],
      ['a wrong preimage', receiptFor(text, { preimage: '11'.repeat(32) }), 'preimage-mismatch'],
      ['a preimage that is no hex', receiptFor(text, { preimage: 'paid!' }), 'invalid-preimage'],
    ];
    for (const [what, receipt, code, extra] of warned) {
      const result = validateZapReceipt(receipt, { ...check, ...extra });
      expect(codes(result.issues), what).toEqual([code]);
      expect(result.issues[0]?.severity, what).toBe('warning');
      expect(result.ok, what).toBe(true);
    }
  });

  it('requires nostrPubkey, a BIP 340 key', () => {
    expect(() => validateZapReceipt(receiptFor(text), {} as never)).toThrow(TypeError);
    expect(() => validateZapReceipt(receiptFor(text), { nostrPubkey: 'ab' })).toThrow(RangeError);
  });
});

describe('requestZapInvoice, against the LNURL service', () => {
  let server: Server;
  let seen: Seen;
  let http: HttpOptions;
  beforeAll(async () => {
    const started = await startService({ createInvoice, signInvoice, decode, verifyAuthSignature });
    server = started.server;
    seen = started.seen;
    http = { fetch: serviceFetch(started.port, []), timeoutMs: 2000 };
  });
  afterAll(() => {
    server.close();
  });
  const REGTEST = { network: 'regtest' } as const;

  it('zaps: sends the request as nostr= and lnurl=, checks h, and the receipt checks out', async () => {
    const pay = (await resolve('zap@svc.test', http)) as PayRequest;
    expect(pay).toMatchObject({ allowsNostr: true, nostrPubkey: ZAP_SERVER_PUBKEY, warnings: [] });
    const request = createZapRequest(params, SENDER_KEY);
    const zap = await requestZapInvoice(pay, request, { ...http, ...REGTEST, amountMsat: 21_000n });
    expect(zap.zapRequest).toBe(JSON.stringify(request));
    expect(seen.nostr).toBe(zap.zapRequest);
    expect(seen.lnurl).toBe(LNURL.toLowerCase());
    expect(zap.warnings).toEqual([]);
    expect(bytesToHex(zap.invoice.descriptionHash as Uint8Array)).toBe(
      bytesToHex(sha256(utf8ToBytes(zap.zapRequest))),
    );
    expect(zap.invoice.amountMsat).toBe(21_000n);
    // The service is paid and publishes its receipt: the client checks it against nostrPubkey.
    const issued = [...seen.invoices.values()].find((i) => i.pr === zap.pr);
    const receipt = finalizeEvent(
      nip57.makeZapReceipt({
        zapRequest: seen.nostr as string,
        bolt11: zap.pr,
        preimage: issued?.preimage as string,
        paidAt: new Date(),
      }),
      ZAP_SERVER_KEY,
    );
    const checked = validateZapReceipt(receipt, {
      nostrPubkey: pay.nostrPubkey as string,
      zapRequest: zap.zapRequest,
      lnurl: LNURL,
    });
    expect(checked).toMatchObject({ ok: true, issues: [] });
  });

  it('sends a zap request string exactly as given, and nostr-tools’ requests too', async () => {
    const pay = (await resolve('zap@svc.test', http)) as PayRequest;
    const made = finalizeEvent(
      nip57.makeZapRequest({
        pubkey: RECIPIENT,
        amount: 3000,
        relays: RELAYS,
        comment: 'ünïcode ⚡',
      }),
      SENDER_KEY,
    );
    const text = JSON.stringify(made, null, 1); // whitespace and all: h commits to these bytes
    const zap = await requestZapInvoice(pay, text, {
      ...http,
      ...REGTEST,
      amountMsat: 3000n,
      lnurl: LNURL,
    });
    expect(seen.nostr).toBe(text);
    expect(zap.zapRequest).toBe(text);
    expect(seen.lnurl).toBe(LNURL.toLowerCase());
  });

  it('refuses an invoice that commits to the metadata (strict by default; warn when told)', async () => {
    const pay = (await resolve('zap-liar@svc.test', http)) as PayRequest;
    const request = createZapRequest(params, SENDER_KEY);
    const error = await requestZapInvoice(pay, request, {
      ...http,
      ...REGTEST,
      amountMsat: 21_000n,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LnurlError);
    expect(error).toMatchObject({ code: 'description-hash-mismatch' });
    expect((error as Error).message).toMatch(/metadata/);
    const warned = await requestZapInvoice(pay, request, {
      ...http,
      ...REGTEST,
      amountMsat: 21_000n,
      descriptionHash: 'warn',
    });
    expect(warned.warnings.map((w) => w.code)).toEqual(['description-hash-mismatch']);
  });

  it('refuses before any request: no zaps, a dropped nostrPubkey, a bad zap request, another amount', async () => {
    const alice = (await resolve('alice@svc.test', http)) as PayRequest;
    const request = createZapRequest(params, SENDER_KEY);
    const before = seen.paths.length;
    await expect(
      requestZapInvoice(alice, request, { ...http, amountMsat: 21_000n }),
    ).rejects.toMatchObject({ code: 'unsupported-zap' });
    const bad = parsePayRequest({
      tag: 'payRequest',
      callback: `${ORIGIN}/pay/zap`,
      minSendable: 1000,
      maxSendable: 10_000_000,
      metadata: METADATA,
      allowsNostr: true,
      nostrPubkey: ZAP_SERVER_PUBKEY.toUpperCase(),
    });
    expect(bad.nostrPubkey).toBeUndefined();
    expect(bad.warnings.map((w) => w.code)).toEqual(['invalid-nostr-pubkey']);
    await expect(
      requestZapInvoice(bad, request, { ...http, amountMsat: 21_000n }),
    ).rejects.toMatchObject({ code: 'invalid-nostr-pubkey' });
    const pay = (await resolve('zap@svc.test', http)) as PayRequest;
    const sent = seen.paths.length;
    await expect(requestZapInvoice(pay, request, { ...http, amountMsat: 1000n })).rejects.toThrow(
      /amount-mismatch/,
    );
    await expect(
      requestZapInvoice(pay, { ...request, content: 'x' }, { ...http, amountMsat: 21_000n }),
    ).rejects.toThrow(/id-mismatch/);
    await expect(
      requestZapInvoice(pay, request, {
        ...http,
        amountMsat: 21_000n,
        lnurl: encodeLnurl('https://o.test/'),
      }),
    ).rejects.toThrow(RangeError);
    expect(seen.paths.length).toBe(sent);
    expect(seen.paths.length - before).toBe(1);
  });

  it('reads nostrPubkey only as a BIP 340 key: not hex, not a point, not a string', () => {
    const base = {
      tag: 'payRequest',
      callback: `${ORIGIN}/cb`,
      minSendable: 1,
      maxSendable: 2,
      metadata: METADATA,
    };
    expect(parsePayRequest(base)).toMatchObject({
      allowsNostr: false,
      nostrPubkey: undefined,
      warnings: [],
    });
    expect(parsePayRequest({ ...base, allowsNostr: 'true' }).allowsNostr).toBe(false);
    for (const nostrPubkey of ['ab', 'f'.repeat(64), 7, `${ZAP_SERVER_PUBKEY}00`, '\u202e']) {
      const read = parsePayRequest({ ...base, allowsNostr: true, nostrPubkey });
      expect(read.nostrPubkey).toBeUndefined();
      expect(read.warnings[0]?.code).toBe('invalid-nostr-pubkey');
      expectSafeText(read.warnings[0]?.message ?? '');
    }
  });
});

describe('README', () => {
  it('lists every zap finding code, in order, with its severity', async () => {
    const { readFileSync } = await import('node:fs');
    const { ZAP_ISSUE_SEVERITY } = await import('../src/zap.js');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Zap findings'), readme.indexOf('## Security'));
    const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` *\| *(error|warning) *\|(.*)\|(.*)\|$/gm)];
    expect(rows.map((m) => m[1])).toEqual([...ZAP_ISSUE_CODES]);
    for (const [, code, severity, meaning, rule] of rows) {
      expect(severity, code).toBe(ZAP_ISSUE_SEVERITY[code as ZapIssue['code']]);
      expect(meaning?.trim().length, code).toBeGreaterThan(10);
      expect(rule?.trim().length, code).toBeGreaterThan(5);
    }
  });
});
