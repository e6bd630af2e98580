// The amount: what the payer means to pay, and its bounds.
import { issue, type ValidationIssue } from '../issues.js';
import type { CheckedPolicy } from '../policy.js';
import { type Check, type Found, showMsat } from './types.js';

/**
 * The findings about an amount `asked` by `what` (undefined: the payer chooses). An invoice asks
 * exactly its amount; an offer (`atLeast`) asks at least its price, and the payer may pay more.
 */
export const amountIssues = (
  asked: bigint | undefined,
  policy: CheckedPolicy,
  what: string,
  found: Found,
  atLeast = false,
): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const expected = policy.amountMsat;
  if (asked === undefined) {
    if (!policy.allowAmountless) {
      issues.push(
        found(
          'missing-amount',
          `the ${what} names no amount and the payer does not accept amountless ${what}s`,
        ),
      );
    } else if (expected === undefined) {
      issues.push(
        found(
          'amount-unspecified',
          `the ${what} names no amount: the payer chooses how much to pay`,
        ),
      );
    }
  } else if (expected !== undefined && (atLeast ? expected < asked : expected !== asked)) {
    issues.push(
      atLeast
        ? found(
            'amount-too-small',
            `the ${what} asks ${showMsat(asked)}, more than the ${showMsat(expected)} the payer means to pay`,
          )
        : found(
            'amount-mismatch',
            `the ${what} asks ${showMsat(asked)}, the payer expects ${showMsat(expected)}`,
          ),
    );
  }
  // The amount that would be paid: an invoice's own, or the payer's for an amountless one; for an
  // offer, the larger of its price and the payer's amount (paying more is allowed).
  const paid =
    atLeast && asked !== undefined && expected !== undefined && expected > asked
      ? expected
      : (asked ?? expected);
  if (paid !== undefined) {
    if (policy.minAmountMsat !== undefined && paid < policy.minAmountMsat) {
      issues.push(
        found(
          'amount-below-minimum',
          `${showMsat(paid)} is below the minimum of ${showMsat(policy.minAmountMsat)}`,
        ),
      );
    }
    if (policy.maxAmountMsat !== undefined && paid > policy.maxAmountMsat) {
      issues.push(
        found(
          'amount-above-maximum',
          `${showMsat(paid)} is above the maximum of ${showMsat(policy.maxAmountMsat)}`,
        ),
      );
    }
  }
  return issues;
};

export const checkAmount: Check = (invoice, policy) =>
  amountIssues(invoice.amountMsat, policy, 'invoice', issue);
