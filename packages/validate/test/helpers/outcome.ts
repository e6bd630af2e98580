// The contract of the checklist's answer, whatever it was given: every finding listed with the
// severity, field and rule of its code, and a message with no unsafe character; ok exactly when
// no finding is an error; spans inside the input. (Nothing written to Object.prototype, and the
// unsafe characters, are test-support/outcome's.)
import { BOLT11_ERROR_CODES, type Bolt11ErrorCode } from '@lninvoice/core';
import { expectSafeText } from 'test-support/outcome';
import { expect } from 'vitest';
import { ISSUES, VALIDATION_ISSUE_CODES, type ValidationResult } from '../../src/index.js';

/** Checks `result` for `input` (a string, whose length bounds the spans, or an invoice object). */
export const expectWellFormed = (result: ValidationResult, input?: string): void => {
  for (const issue of result.issues) {
    if ((VALIDATION_ISSUE_CODES as readonly string[]).includes(issue.code)) {
      const { severity, field, rule } = ISSUES[issue.code as keyof typeof ISSUES];
      expect(issue).toMatchObject({ severity, field, rule });
    } else {
      expect(BOLT11_ERROR_CODES).toContain(issue.code as Bolt11ErrorCode);
      expect(issue.severity).toBe('error');
      expect(issue.rule.length).toBeGreaterThan(10);
    }
    expect(issue.message.length).toBeGreaterThan(0);
    expectSafeText(issue.message, issue.code);
    if (issue.span && input !== undefined) {
      const [start, end] = issue.span;
      expect(
        0 <= start && start <= end && end <= input.length,
        `${issue.code} [${start}, ${end})`,
      ).toBe(true);
    }
  }
  expect(result.ok).toBe(result.issues.every((i) => i.severity === 'warning'));
};
