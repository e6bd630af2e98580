import { issue } from '../issues.js';
import type { Check } from './types.js';

/** lnd's default limit on a route's total CLTV: two weeks of blocks. */
export const LARGE_CLTV_DELTA = 2016;

export const checkCltv: Check = (invoice, policy) => {
  const delta = invoice.minFinalCltvExpiryDelta;
  if (policy.maxCltvExpiryDelta !== undefined) {
    return delta > policy.maxCltvExpiryDelta
      ? [
          issue(
            'cltv-delta-too-large',
            `the invoice asks a final CLTV delta of ${delta} blocks, more than the ${policy.maxCltvExpiryDelta} accepted`,
          ),
        ]
      : [];
  }
  return delta > LARGE_CLTV_DELTA
    ? [
        issue(
          'large-cltv-delta',
          `the invoice asks a final CLTV delta of ${delta} blocks (about ${Math.round(delta / 144)} days)`,
        ),
      ]
    : [];
};
