// Time: expired, too little time left, a timestamp from the future, validity too long.
import { issue, type ValidationIssue } from '../issues.js';
import { type Check, showTime } from './types.js';

/** BOLT 11 lets invoices live a week (its own example) and more; beyond 30 days we say so. */
export const LONG_EXPIRY = 30 * 24 * 3600;

export const checkExpiry: Check = (invoice, policy) => {
  const found: ValidationIssue[] = [];
  const { now } = policy;
  if (policy.maxExpiry !== undefined && invoice.expiry > policy.maxExpiry) {
    found.push(
      issue(
        'expiry-too-long',
        `the invoice is valid for ${invoice.expiry} s, more than the ${policy.maxExpiry} s accepted`,
      ),
    );
  } else if (policy.maxExpiry === undefined && invoice.expiry > LONG_EXPIRY) {
    found.push(
      issue(
        'long-expiry',
        `the invoice is valid for ${invoice.expiry} s (${Math.floor(invoice.expiry / 86400)} days)`,
      ),
    );
  }
  if (now === undefined) {
    found.push(
      issue(
        'expiry-unchecked',
        `no clock was given: the invoice expires at ${showTime(invoice.expiresAt)}`,
      ),
    );
    return found;
  }
  // "after the `timestamp` plus `expiry` has passed": at expiresAt itself, it has not yet passed.
  if (now > invoice.expiresAt) {
    found.push(
      issue(
        'expired',
        `the invoice expired at ${showTime(invoice.expiresAt)}, ${now - invoice.expiresAt} s before now, ${showTime(now)}`,
      ),
    );
  } else if (policy.minExpiryLeft !== undefined && invoice.expiresAt - now < policy.minExpiryLeft) {
    found.push(
      issue(
        'expires-too-soon',
        `the invoice expires in ${invoice.expiresAt - now} s, less than the ${policy.minExpiryLeft} s needed`,
      ),
    );
  }
  if (invoice.timestamp > now + policy.clockSkew) {
    found.push(
      issue(
        'timestamp-in-future',
        `the invoice was created at ${showTime(invoice.timestamp)}, ${invoice.timestamp - now} s after now (more than ${policy.clockSkew} s of clock skew)`,
      ),
    );
  }
  return found;
};
