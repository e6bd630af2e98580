// BOLT 11 invoices as a classifier sees them: the bech32 checksum, the network and the amount of
// the human-readable part, read with core's bech32 and human-readable-part readers. Decoding the
// fields and the signature is @lninvoice/core's `decode`.
import { MAX_INVOICE_LENGTH, NETWORKS, parseHrp } from '@lninvoice/core';
import { readBech32 } from '@lninvoice/core/bech32';
import { uriError } from '../errors.js';
import type { Bolt11Input, Network } from '../types.js';

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
  // "if it does NOT understand the `prefix`: MUST fail the payment."
  const { network, amountMsat } = parseHrp(hrp, NETWORKS, offset, uriError);
  const { prefix } = network;
  const base = { kind: 'bolt11', value: text, prefix, network: network.name as Network } as const;
  return amountMsat === undefined ? base : { ...base, amountMsat };
};
