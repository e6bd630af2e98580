// BOLT 11: "`prefix`: `ln` + BIP-0173 currency prefix (e.g. `lnbc` for Bitcoin mainnet, `lntb` for
// Bitcoin testnet, `lntbs` for Bitcoin signet, and `lnbcrt` for Bitcoin regtest)".
import { describeValue } from './text.js';

/** A chain an invoice can be for, and how that chain writes its on-chain (fallback) addresses. */
export interface Network {
  /** Name reported as `invoice.network`, e.g. `'bitcoin'`. */
  readonly name: string;
  /** Invoice prefix: `ln` + the BIP 173 currency prefix, e.g. `'lnbc'`. */
  readonly prefix: string;
  /** Human-readable part of segwit addresses, e.g. `'bc'`. */
  readonly bech32: string;
  /** Base58check version byte of P2PKH addresses. */
  readonly pubKeyHash: number;
  /** Base58check version byte of P2SH addresses. */
  readonly scriptHash: number;
}

/** Bitcoin mainnet: invoices `lnbc…`, addresses `bc1…`, `1…`, `3…`. */
export const BITCOIN: Network = Object.freeze({
  name: 'bitcoin',
  prefix: 'lnbc',
  bech32: 'bc',
  pubKeyHash: 0x00,
  scriptHash: 0x05,
});
/** Bitcoin testnet: invoices `lntb…`, addresses `tb1…`, `m…`/`n…`, `2…`. */
export const TESTNET: Network = Object.freeze({
  name: 'testnet',
  prefix: 'lntb',
  bech32: 'tb',
  pubKeyHash: 0x6f,
  scriptHash: 0xc4,
});
/** Signet shares testnet's address formats (`tb1…`, `m…`/`n…`, `2…`). */
export const SIGNET: Network = Object.freeze({
  name: 'signet',
  prefix: 'lntbs',
  bech32: 'tb',
  pubKeyHash: 0x6f,
  scriptHash: 0xc4,
});
/** Bitcoin regtest: invoices `lnbcrt…`, addresses `bcrt1…`, `m…`/`n…`, `2…`. */
export const REGTEST: Network = Object.freeze({
  name: 'regtest',
  prefix: 'lnbcrt',
  bech32: 'bcrt',
  pubKeyHash: 0x6f,
  scriptHash: 0xc4,
});

/** The networks BOLT 11 names. Pass more to `decode` with the `networks` option. */
export const NETWORKS: readonly Network[] = Object.freeze([BITCOIN, TESTNET, SIGNET, REGTEST]);

/**
 * Every network checked by `defineNetwork`, and the built-in ones: the functions that take
 * networks take only these, so that each is checked once, where it is made.
 */
const CHECKED = new WeakSet<Network>(NETWORKS);

const NAME = /^[A-Za-z0-9_-]{1,40}$/;
const PREFIX = /^ln[a-z]+$/;
const BECH32_HRP = /^[a-z]{1,40}$/;
const isByte = (n: unknown): boolean =>
  Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 255;

/**
 * A custom network (simnet, a signet of your own, a sidechain), checked and frozen. `label`
 * names it in messages.
 *
 * ```ts
 * const simnet = defineNetwork({ name: 'simnet', prefix: 'lnsb', bech32: 'sb', pubKeyHash: 0x3f, scriptHash: 0x7b });
 * decode(invoice, { networks: [simnet] });
 * ```
 */
export const defineNetwork = (network: Network, label = 'network'): Network => {
  if (typeof network !== 'object' || network === null)
    throw new TypeError(`${label} must be an object, got ${describeValue(network)}`);
  const { name, prefix, bech32, pubKeyHash, scriptHash } = network;
  if (typeof name !== 'string' || !NAME.test(name))
    throw new TypeError(
      `${label}.name must be 1-40 letters, digits, - or _, got ${describeValue(name)}`,
    );
  if (typeof prefix !== 'string' || !PREFIX.test(prefix))
    throw new RangeError(
      `${label}.prefix must be "ln" followed by lowercase letters, got ${describeValue(prefix)}`,
    );
  if (typeof bech32 !== 'string' || !BECH32_HRP.test(bech32))
    throw new RangeError(
      `${label}.bech32 must be 1-40 lowercase letters, got ${describeValue(bech32)}`,
    );
  if (!isByte(pubKeyHash) || !isByte(scriptHash))
    throw new RangeError(`${label}.pubKeyHash and .scriptHash must be integers 0-255`);
  const checked = Object.freeze({ name, prefix, bech32, pubKeyHash, scriptHash });
  CHECKED.add(checked);
  return checked;
};

/** `network` when `defineNetwork` made it (or it is built in); a TypeError naming `label` otherwise. */
export const checkedNetwork = (network: unknown, label: string): Network => {
  if (!CHECKED.has(network as Network))
    throw new TypeError(
      `${label} must be a network from defineNetwork(), got ${describeValue(network)}`,
    );
  return network as Network;
};

/**
 * The built-in networks followed by `extra`, each made by `defineNetwork`; a name or prefix
 * defined twice is a RangeError. `name` is the option's name, for messages.
 */
export const withNetworks = (extra: unknown, name: string): readonly Network[] => {
  if (extra === undefined) return NETWORKS;
  if (!Array.isArray(extra))
    throw new TypeError(
      `${name} must be an array of defineNetwork() results, got ${describeValue(extra)}`,
    );
  const all = [...NETWORKS];
  extra.forEach((given, i) => {
    const network = checkedNetwork(given, `${name}[${i}]`);
    if (all.some((known) => known.prefix === network.prefix || known.name === network.name))
      throw new RangeError(`${name}[${i}]: ${network.name} (${network.prefix}) is defined twice`);
    all.push(network);
  });
  return all;
};

/** The network called `value` among `networks`; a RangeError listing their names otherwise. */
export const findNetwork = (
  value: unknown,
  networks: readonly Network[],
  name: string,
): Network => {
  if (typeof value !== 'string')
    throw new TypeError(`${name} must be a network name, got ${describeValue(value)}`);
  const found = networks.find((n) => n.name === value);
  if (found === undefined)
    throw new RangeError(
      `${name}: ${describeValue(value)} is not a network; the networks are ${networks.map((n) => n.name).join(', ')}`,
    );
  return found;
};
