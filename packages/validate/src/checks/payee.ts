import { toHex } from '@lninvoice/core/text';
import { issue } from '../issues.js';
import type { Check } from './types.js';

export const checkPayee: Check = (invoice, policy) => {
  const expected = policy.payee;
  const actual = invoice.payeeNodeKey;
  if (expected === undefined || actual === undefined) return [];
  return toHex(actual) === toHex(expected)
    ? []
    : [
        issue(
          'payee-mismatch',
          `the invoice is from ${toHex(actual)}, the payer expects ${toHex(expected)}`,
        ),
      ];
};
