// On-chain fallbacks: of the invoice's chain, and to outputs that are actually protected.
import { NETWORKS, type Network, parseAddress } from '@lninvoice/core';
import { issue, type ValidationIssue } from '../issues.js';
import type { Check } from './types.js';

export const checkFallbacks: Check = (invoice, policy) => {
  const found: ValidationIssue[] = [];
  const network = [...NETWORKS, ...(policy.networks ?? [])].find(
    (n: Network) => n.name === invoice.network,
  );
  invoice.fallbackAddresses.forEach((fallback, i) => {
    const { version, program, address } = fallback;
    if (network) {
      try {
        parseAddress(address, network, `fallback ${i}`);
      } catch (error) {
        found.push(issue('fallback-network-mismatch', (error as Error).message));
      }
    }
    // BIP 341 gives meaning to version 1 programs of 32 bytes only; other versions have none yet.
    if ((version === 1 && program.length !== 32) || (version >= 2 && version <= 16)) {
      found.push(
        issue(
          'fallback-future-witness-version',
          `fallback ${i} (${address}) is a version ${version} witness program of ${program.length} bytes: anyone could spend it`,
        ),
      );
    }
  });
  return found;
};
