// The amount: what the payer means to pay, and its bounds.
import { issue, type ValidationIssue } from '../issues.js';
import { type Check, showMsat } from './types.js';

export const checkAmount: Check = (invoice, policy) => {
  const found: ValidationIssue[] = [];
  const asked = invoice.amountMsat;
  if (asked === undefined) {
    if (!policy.allowAmountless) {
      found.push(
        issue(
          'missing-amount',
          'the invoice names no amount and the payer does not accept amountless invoices',
        ),
      );
    } else if (policy.amountMsat === undefined) {
      found.push(
        issue(
          'amount-unspecified',
          'the invoice names no amount: the payer chooses how much to pay',
        ),
      );
    }
  } else if (policy.amountMsat !== undefined && asked !== policy.amountMsat) {
    found.push(
      issue(
        'amount-mismatch',
        `the invoice asks ${showMsat(asked)}, the payer expects ${showMsat(policy.amountMsat)}`,
      ),
    );
  }
  // The amount that would be paid: the invoice's, or the payer's own for an amountless invoice.
  const paid = asked ?? policy.amountMsat;
  if (paid !== undefined) {
    if (policy.minAmountMsat !== undefined && paid < policy.minAmountMsat) {
      found.push(
        issue(
          'amount-below-minimum',
          `${showMsat(paid)} is below the minimum of ${showMsat(policy.minAmountMsat)}`,
        ),
      );
    }
    if (policy.maxAmountMsat !== undefined && paid > policy.maxAmountMsat) {
      found.push(
        issue(
          'amount-above-maximum',
          `${showMsat(paid)} is above the maximum of ${showMsat(policy.maxAmountMsat)}`,
        ),
      );
    }
  }
  return found;
};
