// Time: expired, too little time left, a timestamp from the future, validity too long.
import { issue, type ValidationIssue } from '../issues.js';
import type { CheckedPolicy } from '../policy.js';
import { type Check, type Found, showTime } from './types.js';

/** BOLT 11 lets invoices live a week (its own example) and more; beyond 30 days we say so. */
export const LONG_EXPIRY = 30 * 24 * 3600;

/** When something payable was made, for how long, and until when (seconds). */
export interface Lifetime {
  /** When it was made (BOLT 11 `timestamp`, `invoice_created_at`); offers do not say. */
  readonly createdAt?: number;
  /** How long it is valid (`x`, `invoice_relative_expiry`); an offer gives only its end. */
  readonly expiry?: number;
  /** After it, it must not be paid. */
  readonly expiresAt: number;
}

/** The findings about the lifetime of `what` (an invoice, an offer) under `policy`. */
export const lifetimeIssues = (
  { createdAt, expiry, expiresAt }: Lifetime,
  policy: CheckedPolicy,
  what: string,
  found: Found,
): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const { now } = policy;
  if (expiry !== undefined) {
    if (policy.maxExpiry !== undefined && expiry > policy.maxExpiry) {
      issues.push(
        found(
          'expiry-too-long',
          `the ${what} is valid for ${expiry} s, more than the ${policy.maxExpiry} s accepted`,
        ),
      );
    } else if (policy.maxExpiry === undefined && expiry > LONG_EXPIRY) {
      issues.push(
        found(
          'long-expiry',
          `the ${what} is valid for ${expiry} s (${Math.floor(expiry / 86400)} days)`,
        ),
      );
    }
  }
  if (now === undefined) {
    issues.push(
      found(
        'expiry-unchecked',
        `no clock was given: the ${what} expires at ${showTime(expiresAt)}`,
      ),
    );
    return issues;
  }
  // "after the `timestamp` plus `expiry` has passed", "greater than `invoice_created_at` plus
  // `seconds_from_creation`", "after `offer_absolute_expiry`": at expiresAt itself, not yet.
  if (now > expiresAt) {
    issues.push(
      found(
        'expired',
        `the ${what} expired at ${showTime(expiresAt)}, ${now - expiresAt} s before now, ${showTime(now)}`,
      ),
    );
  } else if (policy.minExpiryLeft !== undefined && expiresAt - now < policy.minExpiryLeft) {
    issues.push(
      found(
        'expires-too-soon',
        `the ${what} expires in ${expiresAt - now} s, less than the ${policy.minExpiryLeft} s needed`,
      ),
    );
  }
  if (createdAt !== undefined && createdAt > now + policy.clockSkew) {
    issues.push(
      found(
        'timestamp-in-future',
        `the ${what} was created at ${showTime(createdAt)}, ${createdAt - now} s after now (more than ${policy.clockSkew} s of clock skew)`,
      ),
    );
  }
  return issues;
};

export const checkExpiry: Check = (invoice, policy) =>
  lifetimeIssues(
    { createdAt: invoice.timestamp, expiry: invoice.expiry, expiresAt: invoice.expiresAt },
    policy,
    'invoice',
    issue,
  );
