// The human-readable part: prefixes → networks, amounts → exact bigint millisatoshis.
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../src/amount.js';
import { bolt11Error } from '../src/bolt11/error.js';
import { parseHrp } from '../src/bolt11/hrp.js';
import { type Bolt11Error, decode, defineNetwork, NETWORKS } from '../src/index.js';
import { withNetworks } from '../src/networks.js';
import { craft, SIMNET } from './helpers/craft.js';

const amount = (text: string): bigint => parseAmount(text, [0, text.length], bolt11Error);
const amountCode = (text: string): string => {
  try {
    amount(text);
  } catch (e) {
    return (e as Bolt11Error).code;
  }
  return 'accepted';
};

describe('amounts', () => {
  it('multiplies by each multiplier exactly', () => {
    expect(amount('1')).toBe(100_000_000_000n);
    expect(amount('20m')).toBe(2_000_000_000n);
    expect(amount('2500u')).toBe(250_000_000n);
    expect(amount('1n')).toBe(100n);
    expect(amount('10p')).toBe(1n);
    expect(amount('9678785340p')).toBe(967_878_534n);
  });

  it('keeps amounts above 2^53 msat exact (no float anywhere)', () => {
    expect(amount('10000000000000000010p')).toBe(1_000_000_000_000_000_001n);
    expect(amount('9007199254740993n')).toBe(900_719_925_474_099_300n);
    expect(amount('184467440737095516150p')).toBe(2n ** 64n - 1n);
  });

  it('accepts non-canonical multipliers seen in the wild', () => {
    expect(amount('2500000n')).toBe(amount('2500u'));
    expect(amount('25000000000p')).toBe(amount('25m'));
  });

  it('rejects p amounts that are not whole millisatoshis (lnd-pico-below-10)', () => {
    for (let d = 1; d <= 9; d++) expect(amountCode(`${d}p`)).toBe('invalid-pico-amount');
    expect(amountCode('2500000001p')).toBe('invalid-pico-amount');
    expect(amountCode('0p')).toBe('invalid-amount');
  });

  it('rejects zero, leading zeros and digits missing before the multiplier', () => {
    expect(amountCode('0')).toBe('invalid-amount');
    expect(amountCode('0m')).toBe('invalid-amount');
    expect(amountCode('025m')).toBe('invalid-amount');
    expect(amountCode('m')).toBe('invalid-amount');
  });

  it('rejects unknown multipliers and anything after the multiplier', () => {
    expect(amountCode('2500x')).toBe('invalid-multiplier');
    expect(amountCode('2500M')).toBe('invalid-multiplier');
    expect(amountCode('25m0')).toBe('invalid-amount');
    expect(amountCode('25mm')).toBe('invalid-amount');
  });

  it('rejects amounts above 2^64-1 msat', () => {
    expect(amountCode('184467440737095516160p')).toBe('amount-too-large');
    expect(amountCode('1'.repeat(40))).toBe('amount-too-large');
  });

  it('names the amount in the message and locates it', () => {
    try {
      parseHrp('lnbc2500x', NETWORKS, 10, bolt11Error);
    } catch (e) {
      expect((e as Bolt11Error).message).toContain('2500x');
      expect((e as Bolt11Error).span).toEqual([18, 19]);
    }
    expect.assertions(2);
  });
});

describe('prefixes', () => {
  const network = (hrp: string): string => parseHrp(hrp, NETWORKS, 0, bolt11Error).network.name;

  it('maps the four BOLT 11 prefixes, longest first', () => {
    expect(network('lnbc')).toBe('bitcoin');
    expect(network('lntb')).toBe('testnet');
    expect(network('lntbs')).toBe('signet');
    expect(network('lnbcrt')).toBe('regtest');
    expect(network('lntbs10u')).toBe('signet');
    expect(network('lnbcrt1m')).toBe('regtest');
  });

  it('decodes signet invoices as signet', () => {
    const inv = decode(craft({ hrp: 'lntbs25m' }));
    expect(inv.network).toBe('signet');
    expect(inv.prefix).toBe('lntbs');
    expect(inv.amountMsat).toBe(2_500_000_000n);
  });

  it('rejects unknown prefixes, listing the known ones', () => {
    for (const hrp of ['lnsb', 'lnbcx', 'bc', 'lnxyz10m', 'ln']) {
      expect(() => parseHrp(hrp, NETWORKS, 0, bolt11Error)).toThrow(
        expect.objectContaining({
          code: 'unknown-prefix',
          message: expect.stringContaining('lnbc'),
        }),
      );
    }
  });
});

describe('custom networks', () => {
  it('decodes a custom prefix only when its network is passed', () => {
    const invoice = craft({ hrp: 'lnsb1u' });
    expect(() => decode(invoice)).toThrow(expect.objectContaining({ code: 'unknown-prefix' }));
    const inv = decode(invoice, { networks: [SIMNET] });
    expect(inv.network).toBe('simnet');
    expect(inv.amountMsat).toBe(100_000n);
  });

  it('validates definitions', () => {
    const base = { name: 'x', prefix: 'lnx', bech32: 'x', pubKeyHash: 0, scriptHash: 5 };
    expect(() => defineNetwork({ ...base, prefix: 'bc' })).toThrow(RangeError);
    expect(() => defineNetwork({ ...base, prefix: 'ln2' })).toThrow(RangeError);
    expect(() => defineNetwork({ ...base, bech32: 'B C' })).toThrow(RangeError);
    expect(() => defineNetwork({ ...base, pubKeyHash: 256 })).toThrow(RangeError);
    expect(() => defineNetwork({ ...base, name: '' })).toThrow(TypeError);
    expect(Object.isFrozen(defineNetwork(base))).toBe(true);
  });

  it('refuses a second network with a known prefix', () => {
    const clash = defineNetwork({ ...SIMNET, name: 'other', prefix: 'lnbc' });
    expect(() => withNetworks([clash], 'networks')).toThrow(RangeError);
    expect(NETWORKS.map((n) => n.prefix)).toEqual(['lnbc', 'lntb', 'lntbs', 'lnbcrt']);
  });
});
