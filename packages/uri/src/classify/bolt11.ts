// BOLT 11 invoices as a classifier sees them: the bech32 checksum, the network and the amount of
// the human-readable part, read with core's bech32 reader and amounts. Decoding the fields and
// the signature is @lninvoice/core's `decode`.
import { type Network as CoreNetwork, MAX_INVOICE_LENGTH, NETWORKS } from '@lninvoice/core';
import { parseAmount } from '@lninvoice/core/amount';
import { readBech32 } from '@lninvoice/core/bech32';
import { showText } from '@lninvoice/core/text';
import { UriError, uriError } from '../errors.js';
import type { Bolt11Input, Network } from '../types.js';

/**
 * The network whose prefix `hrp` starts with, followed by nothing or an amount: the longest such
 * prefix, so that `lnbcrt` wins over `lnbc` and `lntbs` over `lntb`.
 */
const networkOf = (hrp: string): CoreNetwork | undefined => {
  let found: CoreNetwork | undefined;
  for (const network of NETWORKS) {
    const next = hrp.charCodeAt(network.prefix.length); // NaN past the end: no amount
    if (!hrp.startsWith(network.prefix) || (next >= 0 && !(next >= 48 && next <= 57))) continue;
    if (found === undefined || network.prefix.length > found.prefix.length) found = network;
  }
  return found;
};

/** The BOLT 11 invoice `text`, found at `offset` of the input. */
export const classifyBolt11 = (text: string, offset: number): Bolt11Input => {
  // BOLT 11: "MUST parse the address as Bech32, as specified in BIP-0173 (also without the
  // character limit)" and "if the checksum is incorrect: MUST fail the payment."
  const { hrp } = readBech32(text, {
    limit: MAX_INVOICE_LENGTH,
    checksum: 'bech32',
    what: 'the BOLT 11 invoice',
    offset,
    error: uriError,
  });
  const network = networkOf(hrp);
  // "if it does NOT understand the `prefix`: MUST fail the payment."
  if (network === undefined) {
    throw new UriError(
      'unknown-prefix',
      `BOLT 11 invoice: unknown prefix ${showText(hrp)}; expected ${NETWORKS.map((n) => n.prefix).join(', ')}, optionally followed by an amount`,
      { span: [offset, offset + hrp.length] },
    );
  }
  const { prefix } = network;
  const base = { kind: 'bolt11', value: text, prefix, network: network.name as Network } as const;
  if (hrp.length === prefix.length) return base;
  const span = [offset + prefix.length, offset + hrp.length] as const;
  return { ...base, amountMsat: parseAmount(hrp.slice(prefix.length), span, uriError) };
};
