// The payer's checklist: every check validate makes, passed or not, each finding explained by
// its message, the meaning of its code and the rule it enforces.
import {
  ISSUES,
  type ValidationIssue,
  type ValidationIssueCode,
  type ValidationPolicy,
  type ValidationResult,
} from '@lninvoice/validate';
import { type CodeSource, codeLink, meaningOf } from '../../lib/codes';
import { h } from '../../lib/dom';
import { visibleText } from '../../lib/visible-text';

type Check =
  | 'decode'
  | 'network'
  | 'expiry'
  | 'amount'
  | 'features'
  | 'payee'
  | 'description'
  | 'cltv'
  | 'fallbacks';

/** The check each finding belongs to; TypeScript insists that every code has one. */
const CHECK_OF: Readonly<Record<ValidationIssueCode, Check>> = {
  'network-mismatch': 'network',
  expired: 'expiry',
  'expires-too-soon': 'expiry',
  'expiry-unchecked': 'expiry',
  'timestamp-in-future': 'expiry',
  'expiry-too-long': 'expiry',
  'long-expiry': 'expiry',
  'amount-mismatch': 'amount',
  'amount-below-minimum': 'amount',
  'amount-above-maximum': 'amount',
  'missing-amount': 'amount',
  'amount-unspecified': 'amount',
  // BOLT 12 and check() only: the playground's checklist runs validate on BOLT 11 invoices.
  'amount-too-small': 'amount',
  'currency-conversion-needed': 'amount',
  'invalid-quantity': 'amount',
  'request-unchecked': 'payee',
  'non-standard-form': 'decode',
  'unsupported-input': 'decode',
  'unsupported-feature': 'features',
  'missing-feature-dependency': 'features',
  'payee-mismatch': 'payee',
  'description-mismatch': 'description',
  'description-hash-mismatch': 'description',
  'metadata-hash-mismatch': 'description',
  'description-hash-unchecked': 'description',
  'description-control-characters': 'description',
  'description-bidi-characters': 'description',
  'description-invisible-characters': 'description',
  'cltv-delta-too-large': 'cltv',
  'large-cltv-delta': 'cltv',
  'fallback-future-witness-version': 'fallbacks',
};

const CHECKS: readonly {
  readonly id: Check;
  readonly title: string;
  /** Why the check did not run with this policy, if it did not. */
  readonly skipped?: (policy: ValidationPolicy) => string | undefined;
}[] = [
  { id: 'decode', title: 'Decodes, and the signature verifies' },
  {
    id: 'network',
    title: 'For the payer’s network',
    skipped: (p) =>
      p.network === undefined ? 'not checked: choose the payer’s network' : undefined,
  },
  { id: 'expiry', title: 'Not expired' },
  {
    id: 'amount',
    title: 'Amount',
    skipped: (p) =>
      p.amountMsat === undefined && p.minAmountMsat === undefined && p.maxAmountMsat === undefined
        ? 'not checked: give the amount you mean to pay'
        : undefined,
  },
  { id: 'features', title: 'Feature bits and their dependencies (BOLT 9)' },
  {
    id: 'payee',
    title: 'Signed by the expected node',
    skipped: (p) =>
      p.payee === undefined ? 'not checked: give the node id you mean to pay' : undefined,
  },
  { id: 'description', title: 'Description' },
  { id: 'cltv', title: 'Final CLTV delta' },
  { id: 'fallbacks', title: 'Fallback addresses' },
];

const isOwnCode = (code: string): code is ValidationIssueCode => Object.hasOwn(ISSUES, code);

/** Decoding failures carry @lninvoice/core codes; the rest are validate's own. */
const sourceOf = (code: string): CodeSource => (isOwnCode(code) ? 'validate' : 'core');

const findingView = (issue: ValidationIssue): HTMLElement => {
  const source = sourceOf(issue.code);
  const meaning = meaningOf(source, issue.code);
  return h(
    'li',
    { class: `finding finding-${issue.severity}`, 'data-code': issue.code },
    h(
      'p',
      {},
      h('span', { class: `badge badge-${issue.severity}` }, issue.severity),
      ' ',
      codeLink(source, issue.code),
    ),
    h('p', { class: 'finding-message' }, visibleText(issue.message)),
    meaning === undefined
      ? null
      : h('p', { class: 'meaning' }, h('strong', {}, 'Meaning: '), meaning),
    h('p', { class: 'rule' }, h('strong', {}, 'Rule: '), visibleText(issue.rule)),
  );
};

type Status = 'ok' | 'warning' | 'error' | 'skipped';

const LABELS: Readonly<Record<Status, string>> = {
  ok: 'pass',
  warning: 'warning',
  error: 'fail',
  skipped: 'skipped',
};

export const checklistView = (result: ValidationResult, policy: ValidationPolicy): HTMLElement => {
  const decodeFailed = result.issues.some((issue) => !isOwnCode(issue.code));
  const items = CHECKS.map((check) => {
    const findings = result.issues.filter((issue) =>
      isOwnCode(issue.code) ? CHECK_OF[issue.code] === check.id : check.id === 'decode',
    );
    const skipped =
      decodeFailed && check.id !== 'decode'
        ? 'not reached: the invoice does not decode'
        : check.skipped?.(policy);
    const status: Status = findings.some((f) => f.severity === 'error')
      ? 'error'
      : findings.some((f) => f.severity === 'warning')
        ? 'warning'
        : skipped !== undefined
          ? 'skipped'
          : 'ok';
    return h(
      'li',
      { class: `check-item check-${status}`, 'data-check': check.id, 'data-status': status },
      h(
        'p',
        { class: 'check-title' },
        h('span', { class: `badge badge-${status}` }, LABELS[status]),
        ' ',
        check.title,
      ),
      status === 'skipped' && skipped !== undefined ? h('p', { class: 'hint' }, skipped) : null,
      findings.length === 0 ? null : h('ul', { class: 'findings' }, ...findings.map(findingView)),
    );
  });
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  const warnings = result.issues.length - errors;
  const verdict = result.ok
    ? `Acceptable by this policy${warnings > 0 ? `, with ${warnings} warning${warnings > 1 ? 's' : ''} to show the payer` : ''}.`
    : `Do not pay: ${errors} error${errors > 1 ? 's' : ''}${warnings > 0 ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}.`;
  return h(
    'div',
    { class: 'checklist' },
    h(
      'p',
      { class: `verdict ${result.ok ? 'verdict-ok' : 'verdict-error'}`, 'data-testid': 'verdict' },
      verdict,
    ),
    h('ul', { class: 'checks' }, ...items),
  );
};
