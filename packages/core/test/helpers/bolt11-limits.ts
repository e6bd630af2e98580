// What bitcoinjs `bolt11` reads and writes correctly, for the differential tests to stay inside.
// Each limit is a difference pinned by a test in bolt11-differences.test.ts.
import { NETWORKS } from '../../src/index.js';

/** bolt11 refuses amounts above 21 million bitcoin; we read up to 2^64−1 msat. */
export const BOLT11_MAX_MSAT = 2_100_000_000_000_000_000n;

/** bolt11 knows no signet. */
export const BOLT11_NETWORKS: readonly string[] = ['bitcoin', 'testnet', 'regtest'];

/**
 * bolt11 computes `timestamp + expiry` as a JavaScript Date, which ends at 8.64e12 seconds
 * (year 275760): beyond it, decoding throws a RangeError.
 */
export const BOLT11_MAX_EXPIRES_AT = 8_640_000_000_000;

/** bolt11's network object for one of ours (segwit versions 0 and 1 are all its encoder takes). */
export const bolt11Network = (name: string) => {
  const network = NETWORKS.find((n) => n.name === name);
  if (network === undefined) throw new Error(`no network ${name}`);
  const { bech32, pubKeyHash, scriptHash } = network;
  return { bech32, pubKeyHash, scriptHash, validWitnessVersions: [0, 1] };
};
