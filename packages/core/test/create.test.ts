// createInvoice: typed parameters, defaults, and the writer rules of BOLT 11.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex as hex, hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wordsToChars } from '../src/bech32.js';
import {
  type CreateInvoiceParams,
  createInvoice,
  createPaymentPreimage,
  decode,
  signInvoice,
} from '../src/index.js';
import { SIMNET, SPEC_KEY, SPEC_PUBKEY } from './helpers/craft.js';

const BASE: CreateInvoiceParams = {
  network: 'bitcoin',
  paymentHash: '00'.repeat(32),
  paymentSecret: '11'.repeat(32),
  description: 'coffee',
  timestamp: 1700000000,
};
const make = (
  extra: Partial<Record<keyof CreateInvoiceParams, unknown>> = {},
  base: object = BASE,
) => decode(signInvoice(createInvoice({ ...base, ...extra } as CreateInvoiceParams), SPEC_KEY));
const rejects = (
  extra: Record<string, unknown>,
  kind: typeof TypeError | typeof RangeError,
  text: string,
) =>
  expect(() => createInvoice({ ...BASE, ...extra } as CreateInvoiceParams)).toThrow(
    expect.objectContaining({ constructor: kind, message: expect.stringContaining(text) }),
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('defaults', () => {
  it('writes p, s, d and 9 (var_onion_optin + payment_secret required), nothing else', () => {
    const inv = make();
    expect(inv.fields.map((f) => f.tag)).toEqual(['p', 's', 'd', '9']);
    expect(wordsToChars(inv.fields[3]?.words ?? new Uint8Array())).toBe('sgq');
    expect([inv.expiry, inv.minFinalCltvExpiryDelta, inv.amountMsat]).toEqual([
      3600,
      18,
      undefined,
    ]);
    expect(hex(inv.payeeNodeKey)).toBe(SPEC_PUBKEY);
  });

  it('stamps the current time', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-21T12:00:00.999Z'));
    const { timestamp: _t, ...rest } = BASE;
    expect(make({}, rest).timestamp).toBe(Date.UTC(2026, 10, 21, 12) / 1000);
  });

  it('draws a random 32-byte payment secret when none is given', () => {
    const { paymentSecret: _s, ...rest } = BASE;
    const a = createInvoice(rest).fields.find((f) => f.tag === 's');
    const b = createInvoice(rest).fields.find((f) => f.tag === 's');
    expect(a?.words.length).toBe(52);
    expect(a?.words).not.toEqual(b?.words);
  });

  it('hashes a preimage into the payment hash; a new preimage comes with its hash', () => {
    const { preimage, paymentHash } = createPaymentPreimage();
    expect(paymentHash).toEqual(sha256(preimage));
    const { paymentHash: _h, ...rest } = BASE;
    expect(make({ preimage }, rest).paymentHash).toEqual(paymentHash);
    expect(make({ preimage: hex(preimage), paymentHash }, rest).paymentHash).toEqual(paymentHash);
  });
});

describe('amounts', () => {
  const hrpOf = (amountMsat: bigint, amountMultiplier?: string) =>
    createInvoice({
      ...BASE,
      amountMsat,
      ...(amountMultiplier === undefined ? {} : { amountMultiplier }),
    } as CreateInvoiceParams).hrp;

  it('writes the shortest amount: the largest multiplier that is exact', () => {
    expect(hrpOf(100_000_000_000n)).toBe('lnbc1');
    expect(hrpOf(250_000_000n)).toBe('lnbc2500u');
    expect(hrpOf(1000n)).toBe('lnbc10n');
    expect(hrpOf(1n)).toBe('lnbc10p');
    expect(hrpOf(967_878_534n)).toBe('lnbc9678785340p');
    expect(hrpOf(2n ** 64n - 1n)).toBe('lnbc184467440737095516150p');
  });

  it('writes the multiplier asked for when it is exact', () => {
    expect(hrpOf(250_000_000n, 'n')).toBe('lnbc2500000n');
    expect(hrpOf(250_000_000n, 'p')).toBe('lnbc2500000000p');
    expect(() => hrpOf(250_000_001n, 'u')).toThrow(RangeError);
    expect(
      decode(
        signInvoice(createInvoice({ ...BASE, amountMsat: 5n, amountMultiplier: 'p' }), SPEC_KEY),
      ).amountMsat,
    ).toBe(5n);
  });

  it('refuses floats, zero and amounts beyond 2^64-1 msat', () => {
    rejects({ amountMsat: 1000 }, TypeError, 'bigint');
    rejects({ amountMsat: 0n }, RangeError, 'amountMsat');
    rejects({ amountMsat: 2n ** 64n }, RangeError, 'amountMsat');
    rejects({ amountMultiplier: 'm' }, TypeError, 'amountMultiplier needs amountMsat');
  });
});

describe('fields', () => {
  it('writes expiry, cltv delta, metadata and n as given', () => {
    const inv = make({
      expiry: 60,
      minFinalCltvExpiryDelta: 144,
      metadata: '01fafaf0',
      payeeNodeKey: SPEC_PUBKEY,
    });
    expect([inv.expiry, inv.minFinalCltvExpiryDelta, hex(inv.metadata as Uint8Array)]).toEqual([
      60,
      144,
      '01fafaf0',
    ]);
    expect(inv.payeeSource).toBe('n-field');
  });

  it('writes a description hash instead of a description', () => {
    const { description: _d, ...rest } = BASE;
    const inv = make({ descriptionHash: sha256(new TextEncoder().encode('a long story')) }, rest);
    expect(inv.description).toBeUndefined();
    expect(inv.descriptionHash).toEqual(sha256(new TextEncoder().encode('a long story')));
  });

  it('turns fallback addresses into f fields of the invoice network', () => {
    const addresses = [
      'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx',
      'mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP',
      '2N3ENDJN2RDzKxCKwLBp5sHZ9Kntia8sBex',
      'TB1PQURSWPC8QURSWPC8QURSWPC8QURSWPC8QURSWPC8QURSWPC8QURSU6SL2D',
    ];
    for (const network of ['testnet', 'signet']) {
      const inv = make({ network, fallbackAddresses: addresses.slice(0, 3) });
      expect(inv.fallbackAddresses.map((f) => f.address)).toEqual(addresses.slice(0, 3));
      expect(inv.fallbackAddresses.map((f) => f.version)).toEqual([0, 17, 18]);
    }
  });

  it('writes route hints, one r field per route', () => {
    const hop = {
      pubkey: SPEC_PUBKEY,
      shortChannelId: '589390x3312x1',
      feeBaseMsat: 1000,
      feeProportionalMillionths: 2500,
      cltvExpiryDelta: 40,
    };
    const inv = make({
      routeHints: [[hop], Array(12).fill({ ...hop, shortChannelId: '16777215x16777215x65535' })],
    });
    expect(inv.routeHints.map((r) => r.length)).toEqual([1, 12]);
    expect(inv.routeHints[0]?.[0]).toEqual({ ...hop, pubkey: hexToBytes(SPEC_PUBKEY) });
    expect(inv.routeHints[1]?.[11]?.shortChannelId).toBe('16777215x16777215x65535');
  });

  it('writes features by name and extra bits by number', () => {
    const inv = make({
      features: {
        var_onion_optin: 'required',
        payment_secret: 'optional',
        basic_mpp: 'optional',
        option_route_blinding: 'optional',
      },
      featureBits: [99, 201],
    });
    expect(inv.features.map((f) => [f.bit, f.name ?? null, f.required])).toEqual([
      [8, 'var_onion_optin', true],
      [15, 'payment_secret', false],
      [17, 'basic_mpp', false],
      [25, 'option_route_blinding', false],
      [99, null, false],
      [201, null, false],
    ]);
  });

  it('writes fields in the order asked for', () => {
    const inv = make({ expiry: 60, fieldOrder: ['9', 'x', 'd', 's', 'p'] });
    expect(inv.fields.map((f) => f.tag)).toEqual(['9', 'x', 'd', 's', 'p']);
  });

  it('takes a custom network', () => {
    const inv = decode(
      signInvoice(createInvoice({ ...BASE, network: SIMNET, amountMsat: 1000n }), SPEC_KEY),
      {
        networks: [SIMNET],
      },
    );
    expect([inv.network, inv.hrp]).toEqual(['simnet', 'lnsb10n']);
  });
});

describe('rejected parameters, before anything is signed', () => {
  it('names unknown parameters (a typo must not silently drop an amount)', () => {
    rejects({ amount: 1000n }, TypeError, '"amount"');
  });

  it('requires a known network', () => {
    rejects({ network: 'mainnet' }, RangeError, '"mainnet"');
    rejects({ network: 42 }, TypeError, 'network');
  });

  it('requires a payment hash or a matching preimage', () => {
    const { paymentHash: _h, ...rest } = BASE;
    expect(() => createInvoice(rest)).toThrow(/paymentHash or preimage/);
    rejects({ preimage: '22'.repeat(32) }, RangeError, 'not the SHA-256 of preimage');
    rejects({ paymentHash: '00'.repeat(31) }, RangeError, 'paymentHash must be 32 bytes');
    rejects({ paymentHash: 'zz'.repeat(32) }, RangeError, 'paymentHash must be hex');
    rejects({ paymentSecret: 7 }, TypeError, 'paymentSecret');
  });

  it('requires exactly one of description and description hash', () => {
    rejects(
      { descriptionHash: '00'.repeat(32) },
      TypeError,
      'exactly one of description and descriptionHash',
    );
    const { description: _d, ...rest } = BASE;
    expect(() => createInvoice(rest)).toThrow(TypeError);
  });

  it('refuses descriptions a d field cannot hold, or that are not text', () => {
    expect(make({ description: 'é'.repeat(319) }).description).toBe('é'.repeat(319));
    rejects({ description: 'é'.repeat(320) }, RangeError, 'descriptionHash');
    rejects({ description: 'broken \ud800 surrogate' }, RangeError, 'surrogate');
    rejects({ description: 42 }, TypeError, 'description');
  });

  it('refuses out-of-range numbers', () => {
    rejects({ expiry: 0 }, RangeError, 'expiry');
    rejects({ expiry: 1.5 }, RangeError, 'expiry');
    rejects({ minFinalCltvExpiryDelta: 2 ** 32 }, RangeError, 'minFinalCltvExpiryDelta');
    rejects({ timestamp: 2 ** 35 }, RangeError, 'timestamp');
    rejects({ metadata: new Uint8Array(640) }, RangeError, 'metadata');
  });

  it('refuses fallback addresses that are invalid or of another network', () => {
    rejects(
      { fallbackAddresses: ['tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx'] },
      RangeError,
      'a testnet/signet address, but the invoice is for bitcoin',
    );
    rejects(
      { fallbackAddresses: ['mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP'] },
      RangeError,
      'the invoice is for bitcoin',
    );
    rejects(
      { fallbackAddresses: ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5'] },
      RangeError,
      'checksum',
    );
    rejects(
      { fallbackAddresses: ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8f3t4'] },
      RangeError,
      'mixes',
    );
    rejects(
      { fallbackAddresses: ['1RustyRX2oai4EYYDpQGWvEL62BBGqN9t'] },
      RangeError,
      'checksum does not match',
    );
    rejects({ fallbackAddresses: 'bc1q…' }, TypeError, 'fallbackAddresses');
  });

  it('refuses malformed route hints', () => {
    const hop = {
      pubkey: SPEC_PUBKEY,
      shortChannelId: '1x2x3',
      feeBaseMsat: 1,
      feeProportionalMillionths: 1,
      cltvExpiryDelta: 1,
    };
    rejects({ routeHints: [[]] }, RangeError, 'routeHints[0]');
    rejects({ routeHints: [Array(13).fill(hop)] }, RangeError, '1 to 12 hops');
    rejects(
      { routeHints: [[{ ...hop, pubkey: `05${SPEC_PUBKEY.slice(2)}` }]] },
      RangeError,
      'routeHints[0][0].pubkey',
    );
    rejects(
      { routeHints: [[{ ...hop, shortChannelId: '16777216x1x1' }]] },
      RangeError,
      'shortChannelId',
    );
    rejects({ routeHints: [[{ ...hop, shortChannelId: 42 }]] }, RangeError, 'shortChannelId');
    rejects({ routeHints: [[{ ...hop, feeBaseMsat: 2 ** 32 }]] }, RangeError, 'feeBaseMsat');
    rejects({ routeHints: [[{ ...hop, cltvExpiryDelta: -1 }]] }, RangeError, 'cltvExpiryDelta');
  });

  it('refuses feature sets BOLT 9 forbids', () => {
    rejects(
      {
        features: {
          var_onion_optin: 'required',
          payment_secret: 'required',
          option_anchors: 'required',
        },
      },
      RangeError,
      'option_anchors',
    );
    rejects(
      { features: { var_onion_optin: 'required', payment_secret: 'maybe' } },
      RangeError,
      'payment_secret',
    );
    rejects({ features: { var_onion_optin: 'required' } }, RangeError, 'payment_secret');
    rejects({ featureBits: [100] }, RangeError, 'required bit 100 is unknown');
    rejects({ featureBits: [9] }, RangeError, 'bits 8 and 9');
    expect(make({ featureBits: [17] }).features.map((f) => f.bit)).toEqual([8, 14, 17]);
    rejects(
      { features: { var_onion_optin: 'required', basic_mpp: 'optional' } },
      RangeError,
      'needs payment_secret',
    );
    rejects({ featureBits: [5115] }, RangeError, 'featureBits[0]');
  });

  it('refuses a payee key off the curve and an incomplete field order', () => {
    rejects({ payeeNodeKey: `04${SPEC_PUBKEY.slice(2)}` }, RangeError, 'payeeNodeKey');
    rejects({ fieldOrder: ['p', 's', 'd'] }, RangeError, 'does not place the "9" field');
    rejects({ fieldOrder: ['p', 's', 'd', '9', 'p'] }, RangeError, 'listed twice');
    rejects({ fieldOrder: ['p', 's', 'd', '9', 'z'] }, RangeError, 'not a field tag');
  });
});
