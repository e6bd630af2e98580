// The payer's checklist: every check validate (BOLT 11) or validateBolt12 makes, passed or not,
// each finding explained by its message, the meaning of its code and the rule it enforces.
import { BOLT12_CHECK_CODES, type Bolt12Kind } from '@lninvoice/bolt12';
import {
  type Bolt12ValidationResult,
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
  | 'routes'
  | 'request'
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
  // BOLT 12 only.
  'amount-too-small': 'amount',
  'currency-conversion-needed': 'amount',
  'invalid-quantity': 'amount',
  'request-unchecked': 'request',
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
  'route-hint-fee-too-large': 'routes',
  'route-hint-cltv-delta-too-large': 'routes',
  'fallback-future-witness-version': 'fallbacks',
};

interface CheckInfo {
  readonly id: Check;
  readonly title: string;
  /** Why the check did not run with this policy, if it did not. */
  readonly skipped?: (policy: ValidationPolicy) => string | undefined;
}

const NETWORK_SKIPPED = (p: ValidationPolicy) =>
  p.network === undefined ? 'not checked: choose the payer’s network' : undefined;
const AMOUNT_SKIPPED = (p: ValidationPolicy) =>
  p.amountMsat === undefined && p.minAmountMsat === undefined && p.maxAmountMsat === undefined
    ? 'not checked: give the amount you mean to pay'
    : undefined;
const PAYEE_SKIPPED = (p: ValidationPolicy) =>
  p.payee === undefined ? 'not checked: give the node id you mean to pay' : undefined;

const CHAIN: CheckInfo = {
  id: 'network',
  title: 'For the payer’s chain',
  skipped: NETWORK_SKIPPED,
};
const amount = (title: string): CheckInfo => ({ id: 'amount', title, skipped: AMOUNT_SKIPPED });
const payee = (title: string): CheckInfo => ({ id: 'payee', title, skipped: PAYEE_SKIPPED });
const BOLT12_TEXT: CheckInfo = { id: 'description', title: 'Description and issuer' };
const FALLBACKS: CheckInfo = { id: 'fallbacks', title: 'Fallback addresses' };

const BOLT11_CHECKS: readonly CheckInfo[] = [
  { id: 'decode', title: 'Decodes, and the signature verifies' },
  { ...CHAIN, title: 'For the payer’s network' },
  { id: 'expiry', title: 'Not expired' },
  amount('Amount'),
  { id: 'features', title: 'Feature bits and their dependencies (BOLT 9)' },
  payee('Signed by the expected node'),
  { id: 'description', title: 'Description' },
  { id: 'cltv', title: 'Final CLTV delta' },
  { id: 'routes', title: 'Route hints: the fees and CLTV delta they add' },
  FALLBACKS,
];

/** validateBolt12's checks of each kind of message (offers are not signed, only invoices pay). */
const BOLT12_CHECKS: Readonly<Record<Bolt12Kind, readonly CheckInfo[]>> = {
  offer: [
    { id: 'decode', title: 'Decodes: every reader rule of BOLT 12' },
    CHAIN,
    { id: 'expiry', title: 'Not expired (offer_absolute_expiry)' },
    amount('Amount (offer_amount × quantity)'),
    payee('Issued by the expected node'),
    BOLT12_TEXT,
  ],
  invoice_request: [
    { id: 'decode', title: 'Decodes, and the payer’s signature verifies' },
    CHAIN,
    { id: 'expiry', title: 'The offer is not expired' },
    amount('Amount'),
    payee('For an offer of the expected node'),
    BOLT12_TEXT,
  ],
  invoice: [
    { id: 'decode', title: 'Decodes, and the signature verifies' },
    CHAIN,
    { id: 'expiry', title: 'Not expired (invoice_created_at + invoice_relative_expiry)' },
    amount('Amount'),
    {
      id: 'features',
      title: 'Feature bits the payer supports',
      skipped: (p) =>
        p.supportedFeatures === undefined
          ? 'not checked: the playground does not know which features your wallet supports'
          : undefined,
    },
    payee('Signed by the expected node'),
    { id: 'routes', title: 'Invoice paths: the fees and CLTV delta they add' },
    { id: 'request', title: 'Answers the payer’s own invoice request' },
    BOLT12_TEXT,
    FALLBACKS,
  ],
};

/** What the checklist is about: a BOLT 11 invoice, or a BOLT 12 message of a kind. */
export type ChecklistSubject =
  | { readonly format: 'bolt11'; readonly result: ValidationResult }
  | {
      readonly format: 'bolt12';
      readonly result: Bolt12ValidationResult;
      /** The kind its prefix names, for a string that does not decode. */
      readonly kind: Bolt12Kind | undefined;
    };

const isOwnCode = (code: string): code is ValidationIssueCode => Object.hasOwn(ISSUES, code);

const BOLT12_CHECK_CODE_SET: ReadonlySet<string> = new Set(BOLT12_CHECK_CODES);

/**
 * The package whose README explains `code`: validate's own findings; the decoder's codes (core's
 * for BOLT 11, bolt12's for BOLT 12); bolt12's for the findings of checkInvoiceForRequest.
 */
const sourceOf = (
  code: string,
  format: ChecklistSubject['format'],
  decoder: boolean,
): CodeSource =>
  !decoder && isOwnCode(code) ? 'validate' : format === 'bolt11' ? 'core' : 'bolt12';

/**
 * The check a finding belongs to: "decodes" for the decoder's own findings, else the check of its
 * code (bolt12's check codes come from checkInvoiceForRequest: the payer's request).
 */
const checkOf = (code: string, format: ChecklistSubject['format'], decoder: boolean): Check =>
  decoder
    ? 'decode'
    : isOwnCode(code)
      ? CHECK_OF[code]
      : format === 'bolt12' && BOLT12_CHECK_CODE_SET.has(code)
        ? 'request'
        : 'decode';

/**
 * The findings of the decoder (a code can mean a rule of the decoder and a finding of validate:
 * BOLT 12's `missing-amount` is a malformed offer): BOLT 11's are the codes of core; BOLT 12's all
 * of them when nothing decodes, else the signature's.
 */
const decoderFindings = (subject: ChecklistSubject): ReadonlySet<ValidationIssue> =>
  new Set(
    subject.format === 'bolt11'
      ? subject.result.issues.filter((issue) => !isOwnCode(issue.code))
      : subject.result.message === undefined
        ? subject.result.issues
        : subject.result.issues.filter((issue) => issue.code === 'invalid-signature'),
  );

const findingView = (
  issue: ValidationIssue,
  format: ChecklistSubject['format'],
  decoder: boolean,
): HTMLElement => {
  const source = sourceOf(issue.code, format, decoder);
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

export const checklistView = (subject: ChecklistSubject, policy: ValidationPolicy): HTMLElement => {
  const { format, result } = subject;
  const checks =
    subject.format === 'bolt11'
      ? BOLT11_CHECKS
      : BOLT12_CHECKS[subject.result.message?.kind ?? subject.kind ?? 'offer'];
  const decoder = decoderFindings(subject);
  // BOLT 12: a message whose signature fails is still read and checked; one that does not decode
  // is not. BOLT 11: every decoding failure stops validate.
  const decodeFailed =
    subject.format === 'bolt12' ? subject.result.message === undefined : decoder.size > 0;
  const items = checks.map((check) => {
    const findings = result.issues.filter(
      (issue) => checkOf(issue.code, format, decoder.has(issue)) === check.id,
    );
    const skipped =
      decodeFailed && check.id !== 'decode'
        ? `not reached: the ${format === 'bolt11' ? 'invoice' : 'string'} does not decode`
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
      findings.length === 0
        ? null
        : h(
            'ul',
            { class: 'findings' },
            ...findings.map((f) => findingView(f, format, decoder.has(f))),
          ),
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
