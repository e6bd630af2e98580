import type { ValidationIssue } from './issues.js';

/**
 * The findings for people, one line each: severity, code, message and the rule enforced.
 * Descriptions quoted in messages are JSON-escaped, so control characters cannot reach a terminal.
 */
export const formatIssues = (issues: readonly ValidationIssue[]): string =>
  issues
    .map(
      (i) =>
        `${i.severity === 'error' ? 'error  ' : 'warning'} ${i.code}: ${i.message} — ${i.rule}`,
    )
    .join('\n');
