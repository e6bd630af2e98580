import { escapeUnsafe } from '@lninvoice/core/text';
import type { ValidationIssue } from './issues.js';

/**
 * The findings for people, one line each: severity, code, message and the rule enforced. Texts
 * quoted in messages are escaped already (`showText`); each line is escaped again with core's
 * `escapeUnsafe`, so that no control (DEL included), bidirectional or invisible character reaches
 * a terminal, and no finding spans two lines, whatever issues are passed in.
 */
export const formatIssues = (issues: readonly ValidationIssue[]): string =>
  issues
    .map((i) =>
      escapeUnsafe(
        `${i.severity === 'error' ? 'error  ' : 'warning'} ${i.code}: ${i.message} — ${i.rule}`,
      ),
    )
    .join('\n');
