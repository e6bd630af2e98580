// The human-readable part: `ln` + currency prefix + optional amount.
import { type AmountErrorCode, parseAmount } from '../amount.js';
import type { ErrorFactory } from '../errors.js';
import type { Network } from '../networks.js';
import { showText } from '../text.js';

/** The codes `parseHrp` fails with. */
export type HrpErrorCode = 'unknown-prefix' | AmountErrorCode;

/** What {@link parseHrp} reads from a human-readable part. */
export interface ParsedHrp {
  /** The network whose prefix it starts with. */
  readonly network: Network;
  /** The amount in millisatoshis, exactly; undefined when the payer chooses it. */
  readonly amountMsat: bigint | undefined;
}

/**
 * Network and amount of a lowercase BOLT 11 human-readable part (`lnbc2500u`): the longest prefix
 * among `networks` that is followed by nothing or an amount (so that `lnbcrt` wins over `lnbc`).
 * `offset` is where `hrp` starts in the input, for spans; `error` makes the caller's own error
 * (core's `decode` passes one that makes Bolt11Errors).
 *
 * BOLT 11: "if it does NOT understand the `prefix`: MUST fail the payment."
 */
export const parseHrp = (
  hrp: string,
  networks: readonly Network[],
  offset: number,
  error: ErrorFactory<HrpErrorCode>,
): ParsedHrp => {
  let found: Network | undefined;
  for (const network of networks) {
    const end = network.prefix.length;
    const next = hrp.charCodeAt(end); // NaN past the end: no amount
    if (!hrp.startsWith(network.prefix) || (next >= 0 && !(next >= 48 && next <= 57))) continue;
    if (found === undefined || end > found.prefix.length) found = network;
  }
  if (found === undefined) {
    throw error(
      'unknown-prefix',
      `unknown prefix ${showText(hrp)}: expected one of ${networks.map((n) => n.prefix).join(', ')}, optionally followed by an amount`,
      [offset, offset + hrp.length],
    );
  }
  const end = found.prefix.length;
  if (end === hrp.length) return { network: found, amountMsat: undefined };
  const span = [offset + end, offset + hrp.length] as const;
  return { network: found, amountMsat: parseAmount(hrp.slice(end), span, error) };
};
