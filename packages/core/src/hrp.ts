// The human-readable part: `ln` + currency prefix + optional amount.
import { parseAmount } from './amount.js';
import { Bolt11Error } from './errors.js';
import { defineNetwork, NETWORKS, type Network } from './networks.js';
import { describe } from './params.js';

export interface ParsedHrp {
  readonly network: Network;
  readonly amountMsat: bigint | undefined;
}

const byLongestPrefix = (networks: readonly Network[]): readonly Network[] =>
  [...networks].sort((a, b) => b.prefix.length - a.prefix.length);

const BUILT_IN = byLongestPrefix(NETWORKS);

/** Built-in networks followed by `extra`, longest prefix first (so `lnbcrt` wins over `lnbc`). */
export const networksFor = (extra: readonly Network[] | undefined): readonly Network[] => {
  if (extra === undefined) return BUILT_IN;
  if (!Array.isArray(extra))
    throw new TypeError(
      `networks must be an array of defineNetwork() results, got ${describe(extra)}`,
    );
  if (extra.length === 0) return BUILT_IN;
  const all = [...NETWORKS];
  for (const n of extra.map(defineNetwork)) {
    if (all.some((known) => known.prefix === n.prefix)) {
      throw new RangeError(`network prefix "${n.prefix}" is defined twice`);
    }
    all.push(n);
  }
  return byLongestPrefix(all);
};

/**
 * Network and amount of a lowercase human-readable part. `offset` is where `hrp` starts in the
 * input, for error spans.
 *
 * BOLT 11: "if it does NOT understand the `prefix`: MUST fail the payment."
 */
export const parseHrp = (hrp: string, networks: readonly Network[], offset: number): ParsedHrp => {
  for (const network of networks) {
    if (!hrp.startsWith(network.prefix)) continue;
    const amountText = hrp.slice(network.prefix.length);
    if (amountText === '') return { network, amountMsat: undefined };
    const first = amountText.charCodeAt(0);
    if (first < 48 || first > 57) continue; // another prefix, e.g. `lnbc` + `rt…`
    const amountMsat = parseAmount(amountText, [
      offset + network.prefix.length,
      offset + hrp.length,
    ]);
    return { network, amountMsat };
  }
  const known = networks.map((n) => n.prefix).join(', ');
  throw new Bolt11Error(
    'unknown-prefix',
    `unknown prefix "${hrp}": expected one of ${known}, optionally followed by an amount`,
    { span: [offset, offset + hrp.length] },
  );
};
