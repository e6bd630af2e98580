// BOLT 11: "`prefix`: `ln` + BIP-0173 currency prefix (e.g. `lnbc` for Bitcoin mainnet, `lntb` for
// Bitcoin testnet, `lntbs` for Bitcoin signet, and `lnbcrt` for Bitcoin regtest)".
import { describe } from './params.js';

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

export const BITCOIN: Network = Object.freeze({
  name: 'bitcoin',
  prefix: 'lnbc',
  bech32: 'bc',
  pubKeyHash: 0x00,
  scriptHash: 0x05,
});
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
export const REGTEST: Network = Object.freeze({
  name: 'regtest',
  prefix: 'lnbcrt',
  bech32: 'bcrt',
  pubKeyHash: 0x6f,
  scriptHash: 0xc4,
});

/** The networks BOLT 11 names. Pass more to `decode` with the `networks` option. */
export const NETWORKS: readonly Network[] = Object.freeze([BITCOIN, TESTNET, SIGNET, REGTEST]);

const PREFIX = /^ln[a-z]+$/;
const BECH32_HRP = /^[a-z]{1,40}$/;
const isByte = (n: unknown): boolean =>
  Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 255;

/**
 * A custom network (simnet, a signet of your own, a sidechain), checked and frozen.
 *
 * ```ts
 * const simnet = defineNetwork({ name: 'simnet', prefix: 'lnsb', bech32: 'sb', pubKeyHash: 0x3f, scriptHash: 0x7b });
 * decode(invoice, { networks: [simnet] });
 * ```
 */
export const defineNetwork = (network: Network): Network => {
  if (typeof network !== 'object' || network === null)
    throw new TypeError('network must be an object');
  const { name, prefix, bech32, pubKeyHash, scriptHash } = network;
  if (typeof name !== 'string' || name.length === 0)
    throw new TypeError('network.name must be a non-empty string');
  if (typeof prefix !== 'string' || !PREFIX.test(prefix))
    throw new RangeError(
      `network.prefix must be "ln" followed by lowercase letters, got ${describe(prefix)}`,
    );
  if (typeof bech32 !== 'string' || !BECH32_HRP.test(bech32))
    throw new RangeError(`network.bech32 must be 1-40 lowercase letters, got ${describe(bech32)}`);
  if (!isByte(pubKeyHash) || !isByte(scriptHash))
    throw new RangeError('network.pubKeyHash and network.scriptHash must be integers 0-255');
  return Object.freeze({ name, prefix, bech32, pubKeyHash, scriptHash });
};
