// The contract of the checklist's answer, whatever it was given: every finding listed with the
// severity of its code and its rule (ISSUES', or the BOLT 12 or on-chain one of the same code),
// a message with no unsafe character; ok exactly when no finding is an error; spans inside the
// input. (Nothing written to Object.prototype, and the unsafe characters, are test-support/outcome's.)
import { BOLT12_CHECK_CODES, BOLT12_ERROR_CODES } from '@lninvoice/bolt12';
import { BOLT11_ERROR_CODES } from '@lninvoice/core';
import { URI_ERROR_CODES } from '@lninvoice/uri';
import { expectNoPollution, expectSafeText } from 'test-support/outcome';
import { expect } from 'vitest';
import { BOLT12_RULES } from '../../src/bolt12/rules.js';
import { ONCHAIN_RULES } from '../../src/check/check.js';
import {
  ISSUES,
  VALIDATION_ISSUE_CODES,
  type ValidationIssue,
  type ValidationIssueCode,
} from '../../src/index.js';

/** The codes a decoder or bolt12's two-message check may give a finding. */
const FOREIGN = new Set<string>([
  ...BOLT11_ERROR_CODES,
  ...BOLT12_ERROR_CODES,
  ...BOLT12_CHECK_CODES,
  ...URI_ERROR_CODES,
]);

/** Where a finding comes from: its field and rule differ for BOLT 12 messages and addresses. */
export type Source = 'bolt11' | 'bolt12' | 'check';

/** Checks one finding of `source`, about `input` (a string, bounding the spans) when given. */
export const expectWellFormedIssue = (
  issue: ValidationIssue,
  input?: string,
  source: Source = 'bolt11',
): void => {
  const code = issue.code as ValidationIssueCode;
  const own = (VALIDATION_ISSUE_CODES as readonly string[]).includes(code)
    ? ISSUES[code]
    : undefined;
  const rules =
    own === undefined
      ? []
      : source === 'bolt11'
        ? [own.rule]
        : [own.rule, BOLT12_RULES[code], ...(source === 'check' ? [ONCHAIN_RULES[code]] : [])];
  if (own !== undefined && rules.includes(issue.rule)) {
    expect(issue.severity, code).toBe(own.severity);
    if (source === 'bolt11') expect(issue.field, code).toBe(own.field);
  } else {
    // A decoder's code, or one of bolt12's checkInvoiceForRequest (some of which validate has
    // too: amount-mismatch): their own rule.
    expect(source === 'bolt11' ? BOLT11_ERROR_CODES : [...FOREIGN], code).toContain(code);
    if (!(BOLT12_CHECK_CODES as readonly string[]).includes(code))
      expect(issue.severity, code).toBe('error');
  }
  expect(['error', 'warning']).toContain(issue.severity);
  expect(issue.rule.length, code).toBeGreaterThan(10);
  expect(issue.field.length, code).toBeGreaterThan(0);
  expect(issue.message.length, code).toBeGreaterThan(0);
  expectSafeText(issue.message, code);
  if (issue.span && input !== undefined) {
    const [start, end] = issue.span;
    expect(0 <= start && start <= end && end <= input.length, `${code} [${start}, ${end})`).toBe(
      true,
    );
  }
};

/** Checks `result` of `source` for `input` (a string, whose length bounds the spans, or an object). */
export const expectWellFormed = (
  result: { readonly ok: boolean; readonly issues: readonly ValidationIssue[] },
  input?: string,
  source: Source = 'bolt11',
): void => {
  for (const issue of result.issues) expectWellFormedIssue(issue, input, source);
  const clean = result.issues.every((i) => i.severity === 'warning');
  if (source === 'check') {
    const { decision } = result as { decision?: string };
    expect(result.ok).toBe(decision === 'pay');
    expect(decision === 'refuse' || clean).toBe(true);
  } else expect(result.ok).toBe(clean);
};

/** What a malformed policy gives: a TypeError or RangeError naming it, safe to print. */
export const expectPolicyRefusal = (error: unknown): void => {
  expect(error instanceof TypeError || error instanceof RangeError, String(error)).toBe(true);
  expect((error as Error).message).toMatch(/^policy\b/);
  expectSafeText((error as Error).message);
  expectNoPollution();
};
