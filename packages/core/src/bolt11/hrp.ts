// The human-readable part: `ln` + currency prefix + optional amount.
import { parseAmount } from '../amount.js';
import type { Network } from '../networks.js';
import { showText } from '../text.js';
import { Bolt11Error, bolt11Error } from './error.js';

export interface ParsedHrp {
  readonly network: Network;
  readonly amountMsat: bigint | undefined;
}

/**
 * Network and amount of a lowercase human-readable part: the longest prefix that is followed by
 * nothing or an amount (so that `lnbcrt` wins over `lnbc`). `offset` is where `hrp` starts in
 * the input, for spans.
 *
 * BOLT 11: "if it does NOT understand the `prefix`: MUST fail the payment."
 */
export const parseHrp = (hrp: string, networks: readonly Network[], offset: number): ParsedHrp => {
  let found: Network | undefined;
  for (const network of networks) {
    const end = network.prefix.length;
    const next = hrp.charCodeAt(end); // NaN past the end: no amount
    if (!hrp.startsWith(network.prefix) || (next >= 0 && !(next >= 48 && next <= 57))) continue;
    if (found === undefined || end > found.prefix.length) found = network;
  }
  if (found === undefined) {
    throw new Bolt11Error(
      'unknown-prefix',
      `unknown prefix ${showText(hrp)}: expected one of ${networks.map((n) => n.prefix).join(', ')}, optionally followed by an amount`,
      { span: [offset, offset + hrp.length] },
    );
  }
  const end = found.prefix.length;
  if (end === hrp.length) return { network: found, amountMsat: undefined };
  const span = [offset + end, offset + hrp.length] as const;
  return { network: found, amountMsat: parseAmount(hrp.slice(end), span, bolt11Error) };
};
