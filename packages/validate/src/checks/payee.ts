import { bytesToHex } from '@noble/hashes/utils.js';
import { issue } from '../issues.js';
import type { Check } from './types.js';

export const checkPayee: Check = (invoice, policy) => {
  const expected = policy.payee;
  const actual = invoice.payeeNodeKey;
  if (expected === undefined || actual === undefined) return [];
  return bytesToHex(actual) === bytesToHex(expected)
    ? []
    : [
        issue(
          'payee-mismatch',
          `the invoice is from ${bytesToHex(actual)}, the payer expects ${bytesToHex(expected)}`,
        ),
      ];
};
