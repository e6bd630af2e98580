// The payer's policy, read from the form: what the checklist checks the invoice against.
import type { ValidationPolicy } from '@lninvoice/validate';
import { parseMsat } from '../../lib/format';

export interface PolicyReading {
  readonly policy: ValidationPolicy;
  /** Inputs that could not be read, said for people; the checklist runs without them. */
  readonly problems: readonly string[];
}

const value = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

/** What the policy is for: a BOLT 11 invoice (read with or without the legacy rule), or BOLT 12. */
export type PolicySubject =
  | { readonly format: 'bolt11'; readonly legacy: boolean }
  | { readonly format: 'bolt12'; readonly invoice: boolean };

/**
 * The policy for a BOLT 11 invoice (with the legacy option) or a BOLT 12 message (a BOLT 12
 * invoice with the payer's own invoice request, which only invoices are checked against).
 */
export const readPolicy = (form: HTMLFormElement, subject: PolicySubject): PolicyReading => {
  const data = new FormData(form);
  const problems: string[] = [];
  let policy: ValidationPolicy = subject.format === 'bolt11' ? { legacy: subject.legacy } : {};

  const network = value(data, 'network');
  if (network !== '') policy = { ...policy, network };

  const amountText = value(data, 'amount');
  const amountMsat = parseMsat(amountText);
  if (amountMsat !== undefined) policy = { ...policy, amountMsat };
  else if (amountText !== '')
    problems.push(`Amount: whole millisatoshis in digits, got ${JSON.stringify(amountText)}`);

  const nowText = value(data, 'now');
  const now = /^\d+$/.test(nowText) ? Number(nowText) : Number.NaN;
  if (Number.isSafeInteger(now)) policy = { ...policy, now };
  else if (nowText !== '')
    problems.push(`Now: whole seconds since 1970, got ${JSON.stringify(nowText)}`);

  const payee = value(data, 'payee').toLowerCase();
  if (/^[0-9a-f]{66}$/.test(payee)) policy = { ...policy, payee };
  else if (payee !== '') problems.push('Expected payee: a node id is 66 hex characters (33 bytes)');

  const request = value(data, 'request');
  if (subject.format === 'bolt12' && subject.invoice && request !== '') {
    if (/^lnr1/i.test(request.replace(/[+\s]/g, ''))) policy = { ...policy, request };
    else problems.push('Your invoice request: a BOLT 12 invoice request starts with lnr1');
  }

  return { policy, problems };
};
