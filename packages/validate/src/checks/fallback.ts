// On-chain fallbacks. An `f` field holds a version and a program, not a network: decode writes
// the address for the invoice's own network, so only what the output would be is left to check.
import { issue } from '../issues.js';
import type { Check } from './types.js';

export const checkFallbacks: Check = (invoice) =>
  invoice.fallbackAddresses.flatMap(({ version, program, address }, i) =>
    // BIP 341 gives meaning to version 1 programs of 32 bytes only; other versions have none yet.
    (version === 1 && program.length !== 32) || (version >= 2 && version <= 16)
      ? [
          issue(
            'fallback-future-witness-version',
            `fallback ${i} (${address}) is a version ${version} witness program of ${program.length} bytes: anyone could spend it`,
          ),
        ]
      : [],
  );
