import { issue } from '../issues.js';
import type { Check } from './types.js';

export const checkNetwork: Check = (invoice, policy) =>
  policy.network === undefined || invoice.network === policy.network
    ? []
    : [
        issue(
          'network-mismatch',
          `the invoice is for ${invoice.network} (prefix ${invoice.prefix}), the payer is on ${policy.network}`,
        ),
      ];
