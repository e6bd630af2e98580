// On-chain fallbacks. An `f` field holds a version and a program, not a network: decode writes
// the address for the invoice's own network, so only what the output would be is left to check.
import { toHex } from '@lninvoice/core/text';
import { issue, type ValidationIssue } from '../issues.js';
import type { Check, Found } from './types.js';

/** A witness output: BOLT 11's `f` fields, BOLT 12's `invoice_fallbacks`, an address. */
export interface WitnessOutput {
  readonly version: number;
  readonly program: Uint8Array;
  readonly address: string | undefined;
}

/** Outputs that anyone could spend: witness versions without consensus rules yet. */
export const fallbackIssues = (
  outputs: readonly WitnessOutput[],
  what: string,
  found: Found,
): ValidationIssue[] =>
  outputs.flatMap(({ version, program, address }, i) =>
    // BIP 341 gives meaning to version 1 programs of 32 bytes only; other versions have none yet.
    (version === 1 && program.length !== 32) || (version >= 2 && version <= 16)
      ? [
          found(
            'fallback-future-witness-version',
            `${what} ${i} (${address ?? toHex(program)}) is a version ${version} witness program of ${program.length} bytes: anyone could spend it`,
          ),
        ]
      : [],
  );

export const checkFallbacks: Check = (invoice) =>
  fallbackIssues(invoice.fallbackAddresses, 'fallback', issue);
