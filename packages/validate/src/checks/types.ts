import type { AnyInvoice } from '@lninvoice/core';
import type { ValidationIssue } from '../issues.js';
import type { CheckedPolicy } from '../policy.js';

/** One item of the checklist: the findings about `invoice` under `policy`, none when all is well. */
export type Check = (invoice: AnyInvoice, policy: CheckedPolicy) => ValidationIssue[];

/** `1234567 msat (1234.567 sat)`: exact, for messages. */
export const showMsat = (msat: bigint): string => {
  const sat = msat / 1000n;
  const rest = msat % 1000n;
  return `${msat} msat (${sat}${rest === 0n ? '' : `.${rest.toString().padStart(3, '0').replace(/0+$/, '')}`} sat)`;
};

/** A time in seconds since 1970, as an ISO date, for messages. */
export const showTime = (seconds: number): string => {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime())
    ? `${seconds} s`
    : `${date.toISOString().replace('.000Z', 'Z')} (${seconds})`;
};

/** Characters that JSON leaves as they are but that could disguise text on a screen. */
const UNSAFE = /[\u0080-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** `text` quoted for a message: JSON-escaped, long text cut, disguising characters as \uXXXX. */
export const quote = (text: string): string =>
  JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text).replace(
    UNSAFE,
    (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  );
