// ┌──────────────────────────────────────────────────────────────────────────────────────────────┐
// │ PLACE OF THE BOLT 12 CHECKLIST.                                                              │
// │ BOLT 11 strings get the payer's checklist of @lninvoice/validate (../checklist.ts). Its      │
// │ BOLT 12 counterpart, validateBolt12, is being added to @lninvoice/validate (issue 14); until │
// │ it is there, this shows the reader's own verdict instead: what decodeBolt12 decides with the │
// │ context the payer gives it (the signature, `now` from the policy form — this computer's      │
// │ clock by default — and the payer's chain). When validateBolt12 lands, replace this module    │
// │ with a view of its result, as checklistView does for validate.                               │
// └──────────────────────────────────────────────────────────────────────────────────────────────┘
import {
  type Bolt12,
  Bolt12Error,
  type DecodeBolt12Options,
  decodeBolt12,
} from '@lninvoice/bolt12';
import { codeLink } from '../../../lib/codes';
import { type Child, h } from '../../../lib/dom';
import { formatTime } from '../../../lib/format';
import { visibleText } from '../../../lib/visible-text';
import type { Bolt12Reading } from './read';

export interface ReaderContext {
  /** Seconds since 1970, from the policy form. */
  readonly now: number | undefined;
  /** The payer's chain, from the policy form's network. */
  readonly chain: string | undefined;
  /** Whether the decoder verified signatures (the "verify the signature" box). */
  readonly verify: boolean;
}

type Status = 'ok' | 'error' | 'skipped';
const LABELS: Readonly<Record<Status, string>> = { ok: 'pass', error: 'fail', skipped: 'skipped' };

interface Check {
  readonly id: string;
  readonly title: string;
  readonly status: Status;
  readonly detail?: Child;
}

/** The library's answer with these options: the message, or its error. */
const attempt = (text: string, options: DecodeBolt12Options): Bolt12 | Bolt12Error => {
  try {
    return decodeBolt12(text, options);
  } catch (error) {
    if (error instanceof Bolt12Error) return error;
    throw error;
  }
};

const finding = (error: Bolt12Error): HTMLElement =>
  h(
    'div',
    { class: 'finding finding-error', 'data-code': error.code },
    h('p', {}, codeLink('bolt12', error.code)),
    h('p', { class: 'finding-message' }, visibleText(error.message)),
  );

const expiryOf = (message: Bolt12): bigint | undefined =>
  message.kind === 'invoice'
    ? message.expiresAt
    : message.kind === 'offer'
      ? message.absoluteExpiry
      : message.offer.absoluteExpiry;

const hint = (text: string) => h('p', { class: 'hint' }, text);

/** A check that failed with the library's error, or passed with a note. */
const outcome = (
  id: string,
  title: string,
  failure: Bolt12Error | undefined,
  note: Child = null,
): Check =>
  failure === undefined
    ? { id, title, status: 'ok', detail: note }
    : { id, title, status: 'error', detail: finding(failure) };

const skipped = (id: string, title: string, why: string): Check => ({
  id,
  title,
  status: 'skipped',
  detail: hint(why),
});

/** The error the library reports with `options`, if it is `code`. */
const failsWith = (
  text: string,
  options: DecodeBolt12Options,
  code: Bolt12Error['code'],
): Bolt12Error | undefined => {
  const read = attempt(text, options);
  return read instanceof Bolt12Error && read.code === code ? read : undefined;
};

const time = (seconds: bigint): string =>
  seconds <= BigInt(Number.MAX_SAFE_INTEGER) ? formatTime(Number(seconds)) : String(seconds);

const checks = (reading: Bolt12Reading, context: ReaderContext): Check[] => {
  const { text, message, error } = reading;
  // The fields read (message) and yet an error: only the signature failed.
  const decoded = outcome(
    'decode',
    'Decodes: every reader rule of BOLT 12',
    message === undefined ? error : undefined,
  );
  if (message === undefined) {
    const why = 'not reached: the string does not decode';
    return [
      decoded,
      skipped('signature', 'Signature', why),
      skipped('expiry', 'Not expired', why),
      skipped('chain', 'For the payer’s chain', why),
    ];
  }

  const signatureTitle = 'Signature verifies (BIP 340)';
  const signature =
    message.kind === 'offer'
      ? skipped('signature', 'Signature', 'offers are not signed')
      : error === undefined && !context.verify
        ? skipped('signature', signatureTitle, 'not checked: verify the signature is off')
        : outcome(
            'signature',
            signatureTitle,
            error,
            hint(`signed by the ${message.kind === 'invoice' ? 'invoice node id' : 'payer id'}`),
          );

  const until = expiryOf(message);
  const expiry =
    context.now === undefined
      ? skipped('expiry', 'Not expired', 'not checked: give the time now')
      : outcome(
          'expiry',
          `Not expired at ${formatTime(context.now)}`,
          failsWith(text, { verify: false, now: context.now }, 'expired'),
          hint(
            until === undefined
              ? 'no expiry: the offer does not expire'
              : `expires at ${time(until)}`,
          ),
        );

  const chain =
    context.chain === undefined
      ? skipped('chain', 'For the payer’s chain', 'not checked: choose the payer’s network')
      : outcome(
          'chain',
          `For the payer’s chain (${context.chain})`,
          failsWith(text, { verify: false, chains: [context.chain] }, 'unsupported-chain'),
        );
  return [decoded, signature, expiry, chain];
};

/** The reader's verdict on `reading` with the payer's context: the stand-in for a checklist. */
export const readerVerdictView = (reading: Bolt12Reading, context: ReaderContext): HTMLElement => {
  const items = checks(reading, context);
  const failed = items.filter((c) => c.status === 'error').length;
  return h(
    'div',
    { class: 'checklist bolt12-verdict', 'data-testid': 'bolt12-verdict' },
    h(
      'p',
      { class: 'hint placeholder-note' },
      'The payer’s checklist for BOLT 12 (validateBolt12 of @lninvoice/validate) is on its way. Until then, this is the reader’s own verdict: what decodeBolt12 decides with the signature, the time now and the payer’s chain. The amount and the expected payee are not checked here yet.',
    ),
    h(
      'p',
      {
        class: `verdict ${failed === 0 ? 'verdict-ok' : 'verdict-error'}`,
        'data-testid': 'verdict',
      },
      failed === 0
        ? 'The reader accepts it with this context.'
        : `The reader refuses it: ${failed} check${failed > 1 ? 's' : ''} failed.`,
    ),
    h(
      'ul',
      { class: 'checks' },
      ...items.map((check) =>
        h(
          'li',
          {
            class: `check-item check-${check.status}`,
            'data-check': check.id,
            'data-status': check.status,
          },
          h(
            'p',
            { class: 'check-title' },
            h('span', { class: `badge badge-${check.status}` }, LABELS[check.status]),
            ' ',
            check.title,
          ),
          check.detail ?? null,
        ),
      ),
    ),
  );
};
