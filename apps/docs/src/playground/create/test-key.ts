// A throwaway signing key for the create tool: random, made in this tab, shown on screen.
// It signs test invoices only; nothing about it is secret or safe for funds.
import { nodeKeyOf } from '@lninvoice/core';
import { hex } from '../../lib/format';

export interface TestKey {
  readonly privateKey: Uint8Array;
  readonly nodeId: string;
}

export const newTestKey = (): TestKey => {
  for (;;) {
    const privateKey = crypto.getRandomValues(new Uint8Array(32));
    try {
      return { privateKey, nodeId: hex(nodeKeyOf(privateKey)) };
    } catch {
      // Zero or above the curve order: about one draw in 2^128. Draw again.
    }
  }
};
