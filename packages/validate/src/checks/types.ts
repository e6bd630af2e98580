import type { AnyInvoice } from '@lninvoice/core';
import { formatDecimal } from '@lninvoice/core/amount';
import type { ValidationIssue, ValidationIssueCode } from '../issues.js';
import type { CheckedPolicy } from '../policy.js';

/** One item of the checklist: the findings about `invoice` under `policy`, none when all is well. */
export type Check = (invoice: AnyInvoice, policy: CheckedPolicy) => ValidationIssue[];

/**
 * Makes the finding of `code`: BOLT 11's `issue`, or a BOLT 12 one that names its own field —
 * so that one check serves both.
 */
export type Found = (code: ValidationIssueCode, message: string) => ValidationIssue;

/** `1234567 msat (1234.567 sat)`: exact, for messages. */
export const showMsat = (msat: bigint): string => `${msat} msat (${formatDecimal(msat, 3)} sat)`;

/** A time in seconds since 1970, as an ISO date, for messages. */
export const showTime = (seconds: number): string => {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime())
    ? `${seconds} s`
    : `${date.toISOString().replace('.000Z', 'Z')} (${seconds})`;
};
