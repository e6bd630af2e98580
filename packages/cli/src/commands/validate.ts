// `lninvoice validate <invoice | offer | ->`: the payer's checklist, one finding per line, for
// BOLT 11 invoices and BOLT 12 offers and invoices alike.
import { parseArgs } from 'node:util';
import { bolt12ToJSON } from '@lninvoice/bolt12';
import { invoiceToJSON, NETWORKS, satToMsat } from '@lninvoice/core';
import { formatIssues, type ValidationPolicy, validate, validateBolt12 } from '@lninvoice/validate';
import { type Flags, inFlags } from '../flags.js';
import { eachLine, inputSource } from '../input.js';
import { toJson, UsageError, underline, writeOut } from '../io.js';
import { LINE_TOO_LONG } from '../lines.js';
import { networkOption, safeNumber, secondsSince1970, wholeNumber } from '../options.js';

const VALIDATE_HELP = `Usage: lninvoice validate <invoice | offer> [policy options]
       lninvoice validate - [policy options]   (one per line on standard input)
       … | lninvoice validate [policy options] (the same, when standard input is not a terminal)

Checks a BOLT 11 invoice, or a BOLT 12 offer (lno1…) or invoice (lni1…), as a payer must before
paying: it decodes, its signature is valid, and it meets the policy below. Prints each finding
(error or warning) with its code and rule.

Policy options:
  --network <name>                 the payer's network (bitcoin, testnet, signet, regtest);
                                   without it, the network is not checked (a warning says so)
  --now <seconds>                  the time to check expiry at, seconds since 1970 (default:
                                   this machine's clock; milliseconds are refused)
  --clock-skew <seconds>           how far ahead a timestamp may be (default 600)
  --amount-msat <n> | --amount-sat <n>
                                   the exact amount the payer means to pay
  --min-amount-msat <n>, --max-amount-msat <n>
  --no-amountless                  refuse invoices without an amount
  --supported-features <list>      comma-separated bits or BOLT 9 names the payer supports
  --payee <hex>                    the node key the payer expects
  --description <text>             the expected description (or the preimage of h)
  --metadata <text>                LNURL-pay metadata as received (its SHA-256 must be h)
  --max-expiry <seconds>, --min-expiry-left <seconds>, --max-cltv-expiry-delta <blocks>
  --max-route-hint-fee-base <msat>, --max-route-hint-fee-ppm <n>, --max-route-hint-cltv-delta <blocks>
                                   the most a route hint (BOLT 12: an invoice path) may add
                                   (default 50000 msat, 10000 ppm, 2016 blocks)
  --legacy                         decode with the legacy wrong-length rule (BOLT 11)
  --request <lnr1…>                BOLT 12 invoices: the invoice request the payer sent
  --quantity <n>                   BOLT 12 offers: how many items the payer means to buy
  --json                           print {"ok", "issues", "invoice"} as JSON ("message" for BOLT 12)
  -h, --help                       show this help

Exit status: 0 when no finding is an error, 1 when any is, 2 on a usage error.`;

/** Options that map one to one onto policy settings, by how their value is read. */
const TEXT = {
  payee: 'payee',
  description: 'description',
  metadata: 'metadata',
};
/** The payer's ceilings on route hints: options of validate and of lnurl pay. */
export const ROUTE_HINT_OPTIONS = {
  'max-route-hint-fee-base': 'maxRouteHintFeeBaseMsat',
  'max-route-hint-fee-ppm': 'maxRouteHintFeePpm',
  'max-route-hint-cltv-delta': 'maxRouteHintCltvDelta',
} as const;

/** parseArgs' description of those options. */
export const ROUTE_HINT_FLAGS = {
  'max-route-hint-fee-base': { type: 'string' },
  'max-route-hint-fee-ppm': { type: 'string' },
  'max-route-hint-cltv-delta': { type: 'string' },
} as const;

/** The route hint ceilings given on the command line, as policy settings. */
export const routeHintPolicy = (
  values: Record<string, unknown>,
): Partial<Record<(typeof ROUTE_HINT_OPTIONS)[keyof typeof ROUTE_HINT_OPTIONS], number>> => {
  const policy: Record<string, number> = {};
  for (const [option, setting] of Object.entries(ROUTE_HINT_OPTIONS)) {
    const text = values[option];
    if (typeof text === 'string') policy[setting] = safeNumber(option, text);
  }
  return policy;
};

const SECONDS = {
  'clock-skew': 'clockSkew',
  'max-expiry': 'maxExpiry',
  'min-expiry-left': 'minExpiryLeft',
  'max-cltv-expiry-delta': 'maxCltvExpiryDelta',
};
const MSAT = {
  'amount-msat': 'amountMsat',
  'min-amount-msat': 'minAmountMsat',
  'max-amount-msat': 'maxAmountMsat',
};

/** The policy's setting names, as the options that give them (see flags.ts). */
const FLAGS: Flags = Object.fromEntries(
  Object.entries({
    ...TEXT,
    ...SECONDS,
    ...MSAT,
    ...ROUTE_HINT_OPTIONS,
    network: 'network',
    now: 'now',
    'supported-features': 'supportedFeatures',
    'no-amountless': 'allowAmountless',
    request: 'request',
    quantity: 'quantity',
  }).map(([option, setting]) => [setting, `--${option}`]),
);

const policyFrom = (values: Record<string, string | boolean | undefined>): ValidationPolicy => {
  const policy: Record<string, unknown> = {
    now:
      typeof values.now === 'string'
        ? secondsSince1970('now', values.now)
        : Math.floor(Date.now() / 1000),
  };
  const each = (table: Record<string, string>, read: (option: string, text: string) => unknown) => {
    for (const [option, setting] of Object.entries(table)) {
      const text = values[option];
      if (typeof text === 'string') policy[setting] = read(option, text);
    }
  };
  if (typeof values.network === 'string') policy.network = networkOption(values.network).name;
  each(TEXT, (_, text) => text);
  each(SECONDS, safeNumber);
  Object.assign(policy, routeHintPolicy(values));
  each(MSAT, wholeNumber);
  if (typeof values['amount-sat'] === 'string') {
    if (typeof values['amount-msat'] === 'string')
      throw new UsageError('give --amount-msat or --amount-sat, not both');
    policy.amountMsat = satToMsat(wholeNumber('amount-sat', values['amount-sat']));
  }
  if (values['no-amountless']) policy.allowAmountless = false;
  if (values.legacy) policy.legacy = true;
  if (typeof values['supported-features'] === 'string') {
    policy.supportedFeatures = values['supported-features']
      .split(',')
      .map((f) => f.trim())
      .map((f) => (/^\d+$/.test(f) ? Number(f) : f));
  }
  return policy as ValidationPolicy;
};

/** The finding for a line of `validate -` too long to be read (see `readLines`). */
const TOO_LONG = {
  ok: false,
  issues: [
    {
      code: 'too-long',
      severity: 'error',
      message: LINE_TOO_LONG,
      field: 'input',
      rule: 'no payment request is longer: BOLT 12 strings travel in onion messages of at most 32 834 bytes; readers refuse BOLT 11 invoices of more than 7089 characters',
    },
  ],
  json: { invoice: null },
} as const;

const BOLT12 = /^\s*(?:lightning:)?ln[ori]1/i;
const BOLT12_ONLY = ['request', 'quantity'] as const;

/** validate for BOLT 11, validateBolt12 for BOLT 12 (by prefix), with the JSON view of each. */
const validateAny = (
  text: string,
  policy: ValidationPolicy,
  values: Record<string, string | boolean | undefined>,
) => {
  if (BOLT12.test(text)) {
    if (values.legacy || typeof values.metadata === 'string')
      throw new UsageError('--legacy and --metadata are for BOLT 11 invoices, not BOLT 12');
    const bolt12Policy: Record<string, unknown> = { ...policy };
    if (typeof values.request === 'string') bolt12Policy.request = values.request;
    if (typeof values.quantity === 'string')
      bolt12Policy.quantity = wholeNumber('quantity', values.quantity);
    const result = validateBolt12(text, bolt12Policy as Parameters<typeof validateBolt12>[1]);
    return {
      ok: result.ok,
      issues: result.issues,
      json: { message: result.message ? bolt12ToJSON(result.message) : null },
    };
  }
  for (const option of BOLT12_ONLY)
    if (typeof values[option] === 'string')
      throw new UsageError(`--${option} is for BOLT 12 offers and invoices, not BOLT 11`);
  const result = validate(text, policy);
  return {
    ok: result.ok,
    issues: result.issues,
    json: { invoice: result.invoice ? invoiceToJSON(result.invoice) : null },
  };
};

export const runValidate = async (args: string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      network: { type: 'string' },
      now: { type: 'string' },
      'clock-skew': { type: 'string' },
      'amount-msat': { type: 'string' },
      'amount-sat': { type: 'string' },
      'min-amount-msat': { type: 'string' },
      'max-amount-msat': { type: 'string' },
      'no-amountless': { type: 'boolean', default: false },
      'supported-features': { type: 'string' },
      payee: { type: 'string' },
      description: { type: 'string' },
      metadata: { type: 'string' },
      'max-expiry': { type: 'string' },
      'min-expiry-left': { type: 'string' },
      'max-cltv-expiry-delta': { type: 'string' },
      ...ROUTE_HINT_FLAGS,
      legacy: { type: 'boolean', default: false },
      request: { type: 'string' },
      quantity: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${VALIDATE_HELP}\n`);
    return 0;
  }
  const source = inputSource(
    positionals,
    'validate takes one invoice or offer, or - to read them from standard input',
  );
  const policy = policyFrom(values);
  // As the checklist says when it has no time: an invoice for any network passes. Said once,
  // after the first check (a policy refused is a usage error, with nothing before it).
  let unchecked = policy.network === undefined;
  const warnNetwork = (): void => {
    if (!unchecked) return;
    unchecked = false;
    process.stderr.write(
      `lninvoice: warning: the network was not checked: --network names the payer's (${NETWORKS.map((n) => n.name).join(', ')})\n`,
    );
  };

  const check = async (text: string | undefined, label: string): Promise<boolean> => {
    let result: { ok: boolean; issues: ReturnType<typeof validate>['issues']; json: unknown };
    try {
      result = text === undefined ? TOO_LONG : validateAny(text, policy, values);
    } catch (error) {
      // A policy the library refuses (e.g. min above max) is a usage error of this command.
      if (error instanceof TypeError || error instanceof RangeError)
        throw new UsageError(
          inFlags(
            error.message,
            values['amount-sat'] === undefined ? FLAGS : { ...FLAGS, amountMsat: '--amount-sat' },
          ),
        );
      throw error;
    }
    warnNetwork();
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    if (values.json) {
      const issues = result.issues.map((i) => ({ ...i }));
      await writeOut(
        `${toJson({ ok: result.ok, issues, ...(result.json as object) }, source.from === 'stdin' ? undefined : 2)}\n`,
      );
    } else {
      const lines = result.issues.length === 0 ? '' : `${formatIssues(result.issues)}\n`;
      const spanned = result.issues.find((i) => i.span);
      const marks = spanned && text !== undefined ? underline(text, spanned.span) : '';
      const verdict = result.ok
        ? `valid${result.issues.length ? ` (${result.issues.length} warning${result.issues.length > 1 ? 's' : ''})` : ''}`
        : `invalid: ${errors} error${errors > 1 ? 's' : ''}, ${result.issues.length - errors} warning${result.issues.length - errors === 1 ? '' : 's'}`;
      await writeOut(`${label}${lines}${marks}${verdict}\n`);
    }
    return result.ok;
  };

  if (source.from === 'argument') return (await check(source.text, '')) ? 0 : 1;
  const label = (line: number): string => (values.json ? '' : `line ${line}:\n`);
  return eachLine(
    source,
    'invoice or offer',
    (text, line) => check(text, label(line)),
    (line) => check(undefined, label(line)),
  );
};
