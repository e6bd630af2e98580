// The payer's policy, read from the form: what the checklist checks the invoice against.
import type { ValidationPolicy } from '@lninvoice/validate';
import { parseMsat } from '../../lib/format';

export interface PolicyReading {
  readonly policy: ValidationPolicy;
  /** Inputs that could not be read, said for people; the checklist runs without them. */
  readonly problems: readonly string[];
}

const value = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

export const readPolicy = (form: HTMLFormElement, legacy: boolean): PolicyReading => {
  const data = new FormData(form);
  const problems: string[] = [];
  let policy: ValidationPolicy = { legacy };

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

  return { policy, problems };
};
