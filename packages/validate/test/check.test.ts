// check: from pasted or scanned text to a decision, for every kind of input parseInput knows.
import fc from 'fast-check';
import { BOLT11_INVALID as invalid } from 'test-support/bolt11-vectors';
import { expectNoPollution } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { ONCHAIN_RULES } from '../src/check/check.js';
import { type CheckResult, check, validate } from '../src/index.js';
import { codes12 as codes, ISSUER_HEX, invoice, offer, request } from './helpers/bolt12.js';
import { make, PUBKEY, T0 } from './helpers/index.js';
import { expectWellFormed } from './helpers/outcome.js';

const MAINNET = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
const TESTNET = 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx';
const LNURL =
  'LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS';
const LNURL_URL =
  'https://service.com/api?q=3fc3645b439ce8e7f2553a69e5267081d96dcd340693afabe04be7b0ccd178df';
const NODE = `03${'22'.repeat(32)}`;

/** check, and the contract every answer keeps. */
const checked = (text: string, policy = {}): CheckResult => {
  const result = check(text, policy);
  expectWellFormed(result, text, 'check');
  for (const option of result.options)
    expectWellFormed({ ...option, ok: option.decision === 'pay' }, text, 'check');
  return result;
};

describe('BOLT 11 invoices', () => {
  it('describes the payment and passes it to validate', () => {
    const text = make();
    const r = checked(text, { now: T0, network: 'bitcoin' });
    expect(r).toEqual({
      ok: true,
      decision: 'pay',
      kind: 'bolt11',
      payment: {
        format: 'bolt11',
        value: text,
        amountMsat: 1_000_000n,
        description: 'coffee',
        payee: PUBKEY,
        networks: ['bitcoin'],
        expiresAt: T0 + 3600,
      },
      issues: [],
      next: [],
      options: [],
    });
    const late = checked(`  LIGHTNING:${text.toUpperCase()}\n`, { now: T0 + 3601 });
    expect([late.decision, late.kind, codes(late)]).toEqual(['refuse', 'bolt11', ['expired']]);
  });

  it('refuses every invalid example of BOLT 11, its spans into the text pasted', () => {
    let moved = 0;
    for (const v of invalid) {
      const text = `  ${v.invoice}`;
      const r = checked(text);
      expect([r.ok, r.decision], v.name).toEqual([false, 'refuse']);
      const own = validate(v.invoice).issues[0];
      const found = r.issues.find((i) => i.code === own?.code);
      // Either core's finding (moved by the two spaces) or uri's, which reads the checksum first.
      if (found?.span && own?.span && found.rule === own.rule) {
        expect(found.span, v.name).toEqual([own.span[0] + 2, own.span[1] + 2]);
        moved++;
      }
    }
    expect(moved).toBeGreaterThan(2);
  });
});

describe('BOLT 12', () => {
  it('checks an offer, and names the invoice request as the next call', () => {
    const text = offer();
    const r = checked(text, { network: 'bitcoin' });
    expect(r).toEqual({
      ok: true,
      decision: 'pay',
      kind: 'bolt12-offer',
      payment: {
        format: 'bolt12-offer',
        value: text,
        amountMsat: 5000n,
        description: 'coffee',
        payee: ISSUER_HEX,
        networks: ['bitcoin'],
      },
      issues: [],
      next: [{ call: 'createInvoiceRequest', package: '@lninvoice/bolt12', input: text }],
      options: [],
    });
    expect(checked(text, { network: 'signet' }).decision).toBe('refuse');
  });

  it('converts a price in a currency once, and shows both', () => {
    const usd = offer({ amountMsat: undefined, amount: 250, currency: 'USD', issuer: 'shop' });
    let calls = 0;
    const convert = (amount: bigint) => {
      calls++;
      return amount * 10_000n;
    };
    const r = checked(usd, { convert, quantity: 1 });
    expect(calls).toBe(1);
    expect(r.payment).toMatchObject({
      amountMsat: 2_500_000n,
      currency: { code: 'USD', amount: 250n },
      issuer: 'shop',
    });
    const unconverted = checked(usd);
    expect([unconverted.ok, codes(unconverted)]).toEqual([true, ['currency-conversion-needed']]);
    expect(unconverted.payment?.amountMsat).toBeUndefined();
  });

  it('checks an invoice against the payer’s request', () => {
    const req = request();
    const text = invoice({}, req);
    const r = checked(text, { now: T0, request: req });
    expect([r.ok, r.kind, r.payment?.amountMsat, r.payment?.expiresAt]).toEqual([
      true,
      'bolt12-invoice',
      5000n,
      T0 + 7200,
    ]);
    expect(codes(checked(text, { now: T0 }))).toEqual(['request-unchecked']);
  });

  it('refuses an invoice request: there is nothing to pay', () => {
    const r = checked(request());
    expect([r.decision, r.kind, codes(r)]).toEqual([
      'refuse',
      'bolt12-invoice-request',
      ['unsupported-input'],
    ]);
    expect(r.payment?.format).toBe('bolt12-invoice-request');
  });

  it('reads lightning:lno1… (no spec defines it) with a warning', () => {
    const r = checked(`lightning:${offer()}`);
    expect([r.decision, r.kind, codes(r)]).toEqual(['pay', 'bolt12-offer', ['non-standard-form']]);
    expect(r.issues[0]?.rule).toContain('no spec defines');
  });

  it('refuses a broken offer with the decoder’s code, its span into the text', () => {
    const text = offer();
    const broken = `${text.slice(0, 12)}${text[12] === 'q' ? 'p' : 'q'}${text.slice(13)}`;
    const r = checked(`\t${broken}`);
    expect(r.decision).toBe('refuse');
    expect(r.payment).toMatchObject({ format: 'bolt12-offer', networks: [] });
  });
});

describe('bitcoin: URIs (BIP 321)', () => {
  const inv = make({ amountMsat: 1_000_000n });
  const lno = offer({ amountMsat: 1_000_000n });

  it('describes every instruction and prefers the offer, then the invoice, then the address', () => {
    const text = `bitcoin:${MAINNET}?amount=0.00001&label=shop&lightning=${inv}&lno=${lno}`;
    const r = checked(text, { now: T0, network: 'bitcoin' });
    expect([r.ok, r.kind, r.payment?.format]).toEqual([true, 'bitcoin-uri', 'bolt12-offer']);
    expect(r.options.map((o) => [o.from, o.decision])).toEqual([
      ['lno', 'pay'],
      ['lightning', 'pay'],
      ['onchain', 'pay'],
    ]);
    expect(r.options[2]?.payment).toEqual({
      format: 'onchain-address',
      value: MAINNET,
      amountMsat: 1_000_000n,
      issuer: 'shop',
      networks: ['bitcoin'],
    });
    expect(r.next).toEqual([
      { call: 'createInvoiceRequest', package: '@lninvoice/bolt12', input: lno },
    ]);
  });

  it('checks each instruction against the URI’s amount, and falls back to what passes', () => {
    const other = make({ amountMsat: 2_000_000n });
    const r = checked(`bitcoin:${MAINNET}?amount=0.00001&lightning=${other}`, { now: T0 });
    expect(r.options.map((o) => [o.from, o.decision, codes(o as never)])).toEqual([
      ['onchain', 'pay', []],
      ['lightning', 'refuse', ['amount-mismatch']],
    ]);
    expect([r.ok, r.payment?.format]).toEqual([true, 'onchain-address']);
    // An expired invoice leaves the address.
    const late = checked(`bitcoin:${MAINNET}?lightning=${inv}`, { now: T0 + 3601 });
    expect([late.payment?.format, late.options[1]?.issues[0]?.code]).toEqual([
      'onchain-address',
      'expired',
    ]);
  });

  it('refuses a URI whose every instruction fails, with the first one’s findings', () => {
    const bad = `${MAINNET.slice(0, -1)}5`;
    const text = `bitcoin:${bad}?amount=1`;
    const r = checked(text);
    expect([r.decision, codes(r)]).toEqual(['refuse', ['invalid-checksum']]);
    const span = r.issues[0]?.span as readonly [number, number];
    expect(text.slice(span[0], span[1])).toBe(bad.slice(-6));
  });

  it('refuses each part the URI reader left out, with its code and span, and pays with the rest', () => {
    const text = `bitcoin:${MAINNET}?lno=lno1bogusoffer&lightning=${inv}&bc=bc1pw5dgrnzv`;
    const r = checked(text, { now: T0, network: 'bitcoin' });
    expect([r.ok, r.payment?.format]).toEqual([true, 'bolt11']);
    expect(r.options.map((o) => [o.from, o.decision, codes(o as never)])).toEqual([
      ['lightning', 'pay', []],
      ['onchain', 'pay', ['amount-unspecified']],
      ['lno', 'refuse', ['invalid-lno-param']],
      ['bc', 'refuse', ['invalid-address']],
    ]);
    const span = r.options[3]?.issues[0]?.span as readonly [number, number];
    expect(text.slice(span[0], span[1])).toBe('bc1pw5dgrnzv');
  });

  it('checks the address for the payer’s network, and the label and message shown', () => {
    const r = checked(`bitcoin:${TESTNET}?message=pay%E2%80%AEnow`, { network: 'bitcoin' });
    expect(codes(r)).toEqual([
      'network-mismatch',
      'amount-unspecified',
      'description-bidi-characters',
    ]);
    expect(r.issues.map((i) => i.field)).toEqual(['address', 'amount', 'message']);
    expect(r.issues[2]?.rule).toBe(ONCHAIN_RULES['description-bidi-characters']);
    expect(r.payment?.description).toBe('pay\u202enow');
  });

  it('refuses a URI with no instruction this package checks (silent payments)', () => {
    const r = checked(
      'bitcoin:?sp=sp1qqgste7k9hx0qftg6qmwlkqtwuy6cycyavzmzj85c6qdfhjdpdjtdgqjuexzk6murw56suy3e0rd2cgqvycxttddwsvgxe2usfpxumr70xc9pkqwv',
    );
    expect([r.decision, codes(r), r.payment]).toEqual(['refuse', ['unsupported-input'], undefined]);
  });

  it('names the call to make for an LNURL in the lightning parameter (a form no spec defines)', () => {
    const r = checked(`bitcoin:${MAINNET}?lightning=${LNURL}`);
    expect(codes(r)).toContain('non-standard-form');
    expect(r.options.map((o) => [o.from, o.decision])).toEqual([
      ['onchain', 'pay'],
      ['lightning', 'resolve'],
    ]);
    expect(r.options[1]?.next).toEqual([
      { call: 'resolve', package: '@lninvoice/lnurl', input: LNURL, url: LNURL_URL },
    ]);
  });
});

describe('what needs the network', () => {
  it('names the LNURL call for an LNURL or a LUD-17 URL', () => {
    const r = checked(LNURL);
    expect(r).toEqual({
      ok: false,
      decision: 'resolve',
      kind: 'lnurl',
      payment: undefined,
      issues: [],
      next: [{ call: 'resolve', package: '@lninvoice/lnurl', input: LNURL, url: LNURL_URL }],
      options: [],
    });
    expect(checked('lnurlp://example.com/pay').next).toEqual([
      {
        call: 'resolve',
        package: '@lninvoice/lnurl',
        input: 'lnurlp://example.com/pay',
        url: 'https://example.com/pay',
      },
    ]);
  });

  it('tries BIP 353 first for a Lightning Address, then LUD-16', () => {
    const r = checked('alice@example.com');
    expect([r.decision, r.kind]).toEqual(['resolve', 'lightning-address']);
    expect(r.next).toEqual([
      {
        call: 'resolve',
        package: '@lninvoice/bip353',
        input: '₿alice@example.com',
        dnsName: 'alice.user._bitcoin-payment.example.com',
      },
      {
        call: 'resolve',
        package: '@lninvoice/lnurl',
        input: 'alice@example.com',
        url: 'https://example.com/.well-known/lnurlp/alice',
      },
    ]);
  });

  it('resolves a BIP 353 name by DNS only', () => {
    const r = checked('₿alice@example.com');
    expect([r.decision, r.kind, r.next.map((n) => n.package)]).toEqual([
      'resolve',
      'bip353',
      ['@lninvoice/bip353'],
    ]);
  });
});

describe('on-chain addresses', () => {
  it('describes the address and its networks; the payer chooses the amount', () => {
    const r = checked(MAINNET, { network: 'bitcoin' });
    expect([r.ok, r.kind, codes(r)]).toEqual([true, 'onchain-address', ['amount-unspecified']]);
    expect(r.issues[0]?.rule).toBe(ONCHAIN_RULES['amount-unspecified']);
    expect(r.payment).toEqual({ format: 'onchain-address', value: MAINNET, networks: ['bitcoin'] });
    expect(codes(checked(MAINNET, { allowAmountless: false }))).toEqual(['missing-amount']);
  });

  it('refuses an address of another network', () => {
    const r = checked(TESTNET, { network: 'bitcoin', amountMsat: 1000n });
    expect(codes(r)).toEqual(['network-mismatch']);
    expect(r.issues[0]?.message).toBe(
      `the address "${TESTNET}" is for testnet, signet, the payer is on bitcoin`,
    );
    expect(checked(TESTNET, { network: 'signet', amountMsat: 1000n }).ok).toBe(true);
  });

  it('warns of an output anyone could spend', () => {
    const r = checked('bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', { amountMsat: 1000n });
    expect([r.ok, codes(r)]).toEqual([true, ['fallback-future-witness-version']]);
    expect(r.issues[0]?.field).toBe('address');
  });
});

describe('what is no payment', () => {
  it('refuses a node id or node URI', () => {
    for (const text of [NODE, `${NODE}@127.0.0.1:9735`]) {
      const r = checked(text);
      expect([r.decision, codes(r), r.payment]).toEqual([
        'refuse',
        ['unsupported-input'],
        undefined,
      ]);
    }
  });

  it('answers unrecognised text with a finding, not a throw', () => {
    const r = checked('hello');
    expect([r.decision, r.kind, codes(r)]).toEqual(['refuse', 'unknown', ['unknown-input']]);
    expect(r.issues[0]?.span).toEqual([0, 5]);
    expect(codes(checked('  '))).toEqual(['empty']);
    expect(codes(checked('https://example.com'))).toEqual(['unknown-input']);
  });

  it('throws only for a non-string or a malformed policy', () => {
    for (const text of [42, null, undefined, {}, ['lnbc']])
      expect(() => check(text as never), String(text)).toThrow(/^text must be a string, got /);
    expect(() => check(make(), { netwrok: 'bitcoin' } as never)).toThrow(TypeError);
    expect(() => check(make(), { quantity: -1 })).toThrow(RangeError);
  });

  it('never throws on whatever text it is given', () => {
    const samples = [make(), offer(), invoice(), `bitcoin:${MAINNET}?lightning=${make()}`, LNURL];
    checkProperty(
      'check-random-text',
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc
            .tuple(fc.constantFrom(...samples), fc.nat(), fc.string({ maxLength: 3 }))
            .map(
              ([s, at, edit]) => s.slice(0, at % s.length) + edit + s.slice((at % s.length) + 1),
            ),
        ),
        (text) => {
          const r = checked(text, { now: T0, network: 'bitcoin' });
          expect(['pay', 'resolve', 'refuse']).toContain(r.decision);
          expectNoPollution();
        },
      ),
      { seed: 61, numRuns: 300 },
    );
  });
});
