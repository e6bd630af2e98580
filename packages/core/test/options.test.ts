// Options are checked like parameters: a misspelt, unknown or wrong-typed option is a TypeError
// naming it, never silently ignored; networks are only those defineNetwork checked.
import { describe, expect, it } from 'vitest';
import {
  createInvoice,
  decode,
  defineNetwork,
  encode,
  invoiceSections,
  signInvoice,
  verifyInvoice,
} from '../src/index.js';
import { findNetwork, withNetworks } from '../src/networks.js';
import { checkedWhereUsed, isBoolean, readOptions } from '../src/options.js';
import { craft, SPEC_KEY } from './helpers/craft.js';

const INVOICE = craft();

describe('options of core functions', () => {
  it('refuses a misspelt option, naming it and listing the options', () => {
    expect(() => decode(INVOICE, { verfy: false } as never)).toThrow(
      new TypeError(
        'options has no option "verfy"; the options are verify, legacy, networks, secp256k1',
      ),
    );
    expect(() => decode(INVOICE, { network: 'signet' } as never)).toThrow(/no option "network"/);
    expect(() => encode(decode(INVOICE), { upperCase: true } as never)).toThrow(
      /no option "upperCase"/,
    );
    expect(() => verifyInvoice(decode(INVOICE), { verify: true } as never)).toThrow(
      /no option "verify"/,
    );
    expect(() => invoiceSections(INVOICE, { legacy: true } as never)).toThrow(/no option "legacy"/);
    const unsigned = createInvoice({
      network: 'bitcoin',
      paymentHash: new Uint8Array(32),
      description: 'x',
    });
    expect(() => signInvoice(unsigned, SPEC_KEY, { upper: true } as never)).toThrow(
      /no option "upper"/,
    );
  });

  it('refuses options of the wrong type, naming them', () => {
    expect(() => decode(INVOICE, { verify: 'no' } as never)).toThrow(
      new TypeError('options.verify must be true or false, got "no"'),
    );
    expect(() => decode(INVOICE, { legacy: 1 } as never)).toThrow(/options.legacy must be true/);
    expect(() => decode(INVOICE, { networks: 'simnet' } as never)).toThrow(
      /options.networks must be an array/,
    );
    expect(() => decode(INVOICE, null as never)).toThrow(/options must be an object, got null/);
    expect(() => decode(INVOICE, [] as never)).toThrow(/options must be an object/);
  });

  it('takes undefined as "not given", and reads inherited options rather than dropping them', () => {
    expect(decode(INVOICE, { verify: undefined } as never).payeeSource).toBe('recovered');
    const inherited = Object.create({ verify: false }) as { verify?: boolean };
    expect(decode(INVOICE, inherited as never)).not.toHaveProperty('payeeSource');
  });
});

describe('readOptions', () => {
  const checks = { flag: isBoolean, any: checkedWhereUsed };

  it('returns the defined options it knows, each checked', () => {
    expect(readOptions('opts', undefined, checks)).toEqual({});
    expect(readOptions('opts', { flag: true, any: 3 }, checks)).toEqual({ flag: true, any: 3 });
    expect(readOptions('opts', { flag: undefined }, checks)).toEqual({});
  });

  it('never takes an inherited name of Object.prototype for an option', () => {
    expect(() => readOptions('opts', JSON.parse('{"toString":1}'), checks)).toThrow(
      /no option "toString"/,
    );
    expect(() => readOptions('opts', JSON.parse('{"__proto__":{"flag":1}}'), checks)).toThrow(
      /no option "__proto__"/,
    );
  });

  it('shows a hostile key without its control characters', () => {
    expect(() => readOptions('opts', { 'fl\u202eag': 1 }, checks)).toThrow(
      'opts has no option "fl\\u202eag"',
    );
  });
});

describe('networks', () => {
  const simnet = defineNetwork({
    name: 'simnet',
    prefix: 'lnsb',
    bech32: 'sb',
    pubKeyHash: 0x3f,
    scriptHash: 0x7b,
  });

  it('are taken only from defineNetwork, which checks them', () => {
    expect(withNetworks([simnet], 'networks').map((n) => n.name)).toContain('simnet');
    expect(() => withNetworks([{ ...simnet }], 'options.networks')).toThrow(
      new TypeError('options.networks[0] must be a network from defineNetwork(), got an object'),
    );
    expect(() => withNetworks([simnet, simnet], 'networks')).toThrow(/defined twice/);
    expect(() => defineNetwork({ ...simnet, name: 'sim\u202enet' }, 'policy.networks[0]')).toThrow(
      'policy.networks[0].name must be 1-40 letters, digits, - or _, got "sim\\u202enet"',
    );
  });

  it('are named only by their names, the valid ones listed', () => {
    expect(findNetwork('signet', withNetworks(undefined, 'n'), 'network').prefix).toBe('lntbs');
    expect(() => findNetwork('mainnet', withNetworks(undefined, 'n'), 'policy.network')).toThrow(
      new RangeError(
        'policy.network: "mainnet" is not a network; the networks are bitcoin, testnet, signet, regtest',
      ),
    );
    expect(() =>
      createInvoice({ network: 'mainnet', paymentHash: new Uint8Array(32), description: 'x' }),
    ).toThrow(/the networks are bitcoin, testnet, signet, regtest/);
  });
});
