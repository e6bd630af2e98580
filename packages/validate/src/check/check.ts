// check: from whatever a user pastes or scans to a decision. @lninvoice/uri tells what the text
// is; invoices and offers go through the payer's checklist; addresses are checked for the
// payer's network; what needs the network (LNURL, Lightning Address, BIP 353) is named as the
// call to make next, never fetched here.
import { type Bolt12, Bolt12Error, type OfferFields } from '@lninvoice/bolt12';
import type { AnyInvoice } from '@lninvoice/core';
import { describeValue, showText, toHex } from '@lninvoice/core/text';
import {
  type BitcoinUri,
  type Input,
  type InputKind,
  type OnchainAddressInput,
  parseInput,
  UriError,
} from '@lninvoice/uri';
import { priceOf, validateBolt12With } from '../bolt12/validate-bolt12.js';
import { amountIssues } from '../checks/amount.js';
import { displayIssues } from '../checks/display.js';
import { fallbackIssues } from '../checks/fallback.js';
import type { Found } from '../checks/types.js';
import { ISSUES, issue, type ValidationIssue, type ValidationIssueCode } from '../issues.js';
import { type CheckedPolicy, checkPolicy, type ValidationPolicy } from '../policy.js';
import { validateWith } from '../validate.js';
import { uriIssue } from './uri-rules.js';

/** What a payment is made with. */
export type PaymentFormat =
  | 'bolt11'
  | 'bolt12-offer'
  | 'bolt12-invoice-request'
  | 'bolt12-invoice'
  | 'onchain-address';

/** The payment a text describes, in the terms every format shares. */
export interface PaymentSummary {
  /** The kind of invoice, offer or address. */
  readonly format: PaymentFormat;
  /** The invoice, offer or address to pay, as written. */
  readonly value: string;
  /**
   * Millisatoshis asked: an invoice's amount; an offer's price times `policy.quantity` (converted
   * by `policy.convert` when in a currency); a `bitcoin:` URI's amount for its address.
   */
  readonly amountMsat?: bigint;
  /** An offer priced in a currency: its ISO 4217 code and the amount in minor units, as written. */
  readonly currency?: {
    /** The ISO 4217 code, e.g. `USD`. */
    readonly code: string;
    /** The amount in the currency's minor units (cents for `USD`). */
    readonly amount: bigint;
  };
  /** What it is for: `d`, `offer_description`, a `bitcoin:` URI's `message`. */
  readonly description?: string;
  /** Who is paid, as a node key (hex): BOLT 11's payee, `offer_issuer_id`, `invoice_node_id`. */
  readonly payee?: string;
  /** Who is paid, in the payee's own words: `offer_issuer`, a `bitcoin:` URI's `label`. */
  readonly issuer?: string;
  /** The networks (BOLT 12: chains) it can be paid on. */
  readonly networks: readonly string[];
  /** Seconds since 1970 after which it must not be paid. */
  readonly expiresAt?: number;
}

/** A call to make before the text can be checked: it fetches what the text points to. */
export interface NextStep {
  /**
   * The function to call: `resolve` of the package, or bolt12's `createInvoiceRequest` for an
   * offer.
   */
  readonly call: 'resolve' | 'createInvoiceRequest';
  /** The package whose function it is. */
  readonly package: '@lninvoice/lnurl' | '@lninvoice/bip353' | '@lninvoice/bolt12';
  /** What to pass it. */
  readonly input: string;
  /** What the call reaches: the HTTPS (or onion) URL of an LNURL or a Lightning Address. */
  readonly url?: string;
  /** What the call reaches: the DNS name of a BIP 353 TXT record (DNSSEC validated). */
  readonly dnsName?: string;
}

/** Where a `bitcoin:` URI holds a payment instruction ("onchain": the address before `?`). */
export type InstructionSource = 'input' | 'lno' | 'lightning' | 'bc' | 'tb' | 'onchain';

/**
 * - `pay`: a payment the payer can make (warnings may remain); for an offer, by requesting an
 *   invoice (`next`).
 * - `resolve`: the text names a service or a name: make the `next` call, and check what it gives.
 * - `refuse`: an error, or nothing to pay.
 */
export type Decision = 'pay' | 'resolve' | 'refuse';

/** One payment instruction, checked. */
export interface PaymentOption {
  /** Where in the text the instruction is. */
  readonly from: InstructionSource;
  /** What to do with this instruction. */
  readonly decision: Decision;
  /**
   * The payment it describes; undefined when it names none (a service to resolve, or an invalid
   * one).
   */
  readonly payment: PaymentSummary | undefined;
  /** The findings about this instruction. */
  readonly issues: readonly ValidationIssue[];
  /** The calls to make for it, in order of preference. */
  readonly next: readonly NextStep[];
}

/**
 * What {@link check} finds in a pasted or scanned text: a decision, the payment and the findings.
 */
export interface CheckResult {
  /** `decision` is `pay`. */
  readonly ok: boolean;
  /** What to do: pay, resolve first, or refuse. */
  readonly decision: Decision;
  /** What the text is (`parseInput`'s kind); `unknown` when it is none of them. */
  readonly kind: InputKind | 'unknown';
  /** The payment it describes (for a `bitcoin:` URI, the instruction to prefer). */
  readonly payment: PaymentSummary | undefined;
  /** The findings about it, of validate or validateBolt12, and about the text itself. */
  readonly issues: readonly ValidationIssue[];
  /** The calls to make, in order of preference, when `decision` is `resolve` (or for an offer). */
  readonly next: readonly NextStep[];
  /**
   * Every instruction of a `bitcoin:` URI, the one to prefer first (`payment`, `issues` and
   * `next` are its own); empty for other texts.
   */
  readonly options: readonly PaymentOption[];
}

const LNURL = '@lninvoice/lnurl';
const BIP353 = '@lninvoice/bip353';

/** The rule of the findings about addresses and URI text, where ISSUES quotes BOLT 11. */
export const ONCHAIN_RULES: Partial<Record<ValidationIssueCode, string>> = {
  'network-mismatch':
    'BIP 173 / BIP 350 ("bc" for mainnet, "tb" for testnet) and base58check version bytes: the address is for another network than the payer\'s',
  'amount-unspecified':
    'BIP 321: the amount is optional: without it the payer chooses how much to pay',
  'description-control-characters':
    "BIP 321: `label` and `message` are the payee's text, shown to the payer — control characters can rewrite a terminal or hide text",
  'description-bidi-characters':
    "BIP 321: `label` and `message` are the payee's text, shown to the payer — bidirectional overrides can show text in another order than it is written",
  'description-invisible-characters':
    "BIP 321: `label` and `message` are the payee's text, shown to the payer — invisible characters make different texts look the same",
};

const onchain =
  (field: string): Found =>
  (code, message) =>
    issue(code, message, field, ONCHAIN_RULES[code] ?? ISSUES[code].rule);

/** `issues` with their spans moved to where `value` stands in `text`, or without spans. */
const placed = (
  issues: readonly ValidationIssue[],
  text: string,
  value: string,
): ValidationIssue[] => {
  const offset = text.indexOf(value);
  return issues.map(({ span, ...rest }) =>
    span === undefined || offset < 0
      ? rest
      : { ...rest, span: [span[0] + offset, span[1] + offset] as const },
  );
};

const decisionOf = (issues: readonly ValidationIssue[], next: readonly NextStep[]): Decision =>
  issues.some((i) => i.severity === 'error')
    ? 'refuse'
    : next.some((n) => n.call === 'resolve')
      ? 'resolve'
      : 'pay';

const option = (
  from: InstructionSource,
  payment: PaymentSummary | undefined,
  issues: readonly ValidationIssue[],
  next: readonly NextStep[] = [],
): PaymentOption => ({ from, decision: decisionOf(issues, next), payment, issues, next });

const bolt11Option = (
  from: InstructionSource,
  value: string,
  network: string,
  policy: CheckedPolicy,
): PaymentOption => {
  const { issues, invoice } = validateWith(value, policy);
  const read: AnyInvoice | undefined = invoice;
  return option(
    from,
    {
      format: 'bolt11',
      value,
      ...(read?.amountMsat === undefined ? {} : { amountMsat: read.amountMsat }),
      ...(read?.description === undefined ? {} : { description: read.description }),
      ...(read?.payeeNodeKey === undefined ? {} : { payee: toHex(read.payeeNodeKey) }),
      networks: [read?.network ?? network],
      ...(read === undefined ? {} : { expiresAt: read.expiresAt }),
    },
    issues,
  );
};

type Bolt12Format = 'bolt12-offer' | 'bolt12-invoice-request' | 'bolt12-invoice';

/** The summary of a BOLT 12 message. */
const bolt12Summary = (
  format: Bolt12Format,
  value: string,
  message: Bolt12 | undefined,
  policy: CheckedPolicy,
): PaymentSummary => {
  if (message === undefined) return { format, value, networks: [] };
  const offer: OfferFields = message.kind === 'offer' ? message : message.offer;
  const quantity =
    (message.kind === 'offer'
      ? policy.quantity
      : message.kind === 'invoice'
        ? message.request.quantity
        : message.quantity) ?? 1n;
  const amountMsat =
    message.kind === 'offer'
      ? priceOf(offer, quantity, policy, [])
      : (message.amountMsat ?? priceOf(offer, quantity, policy, []));
  const key = message.kind === 'invoice' ? message.nodeId : offer.issuerId;
  const expiresAt = message.kind === 'invoice' ? message.expiresAt : offer.absoluteExpiry;
  return {
    format,
    value,
    ...(amountMsat === undefined ? {} : { amountMsat }),
    ...(offer.currency === undefined || offer.amount === undefined
      ? {}
      : { currency: { code: offer.currency, amount: offer.amount * quantity } }),
    ...(offer.description === undefined ? {} : { description: offer.description }),
    ...(key === undefined ? {} : { payee: toHex(key) }),
    ...(offer.issuer === undefined ? {} : { issuer: offer.issuer }),
    networks: message.kind === 'offer' ? offer.chains : [message.chain],
    ...(expiresAt === undefined ? {} : { expiresAt: Number(expiresAt) }),
  };
};

const BOLT12_KINDS: Readonly<Record<string, Bolt12Format>> = {
  lno: 'bolt12-offer',
  lnr: 'bolt12-invoice-request',
  lni: 'bolt12-invoice',
};

/**
 * The kind of a BOLT 12 string `parseInput` refused because its decoder did (the UriError's
 * cause): validateBolt12 then reports the decoder's own code, field and span, as for BOLT 11.
 */
const refusedBolt12 = (error: UriError, value: string): Bolt12Format | undefined =>
  error.cause instanceof Bolt12Error
    ? BOLT12_KINDS[
        value
          .trim()
          .replace(/^lightning:/i, '')
          .slice(0, 3)
          .toLowerCase()
      ]
    : undefined;

const bolt12Option = (
  from: InstructionSource,
  kind: Bolt12Format,
  value: string,
  policy: CheckedPolicy,
): PaymentOption => {
  const { issues, message } = validateBolt12With(value, policy);
  const found = [...issues];
  const next: NextStep[] = [];
  if (kind === 'bolt12-invoice-request')
    found.push(
      issue(
        'unsupported-input',
        'an invoice request asks its reader for an invoice: there is nothing to pay (a payee answers it with createInvoice of @lninvoice/bolt12)',
      ),
    );
  if (kind === 'bolt12-offer' && message !== undefined)
    next.push({ call: 'createInvoiceRequest', package: '@lninvoice/bolt12', input: value });
  return option(from, bolt12Summary(kind, value, message, policy), found, next);
};

/** An on-chain address: its networks, its amount (a `bitcoin:` URI's), what anyone could spend. */
const addressOption = (
  from: InstructionSource,
  address: OnchainAddressInput,
  uri: BitcoinUri | undefined,
  policy: CheckedPolicy,
): PaymentOption => {
  const issues: ValidationIssue[] = [];
  const { networks, value, witnessVersion, program } = address;
  if (policy.network !== undefined && !(networks as readonly string[]).includes(policy.network))
    issues.push(
      onchain('address')(
        'network-mismatch',
        `the address ${showText(value)} is for ${networks.join(', ')}, the payer is on ${policy.network}`,
      ),
    );
  const amountMsat = uri?.amount?.msat;
  issues.push(...amountIssues(amountMsat, policy, 'address', onchain('amount')));
  if (witnessVersion !== undefined)
    issues.push(
      ...fallbackIssues(
        [{ version: witnessVersion, program, address: value }],
        'address',
        onchain('address'),
      ),
    );
  if (uri !== undefined)
    issues.push(
      ...displayIssues(uri.label, 'label', onchain('label')),
      ...displayIssues(uri.message, 'message', onchain('message')),
    );
  return option(
    from,
    {
      format: 'onchain-address',
      value,
      ...(amountMsat === undefined ? {} : { amountMsat }),
      ...(uri?.message === undefined ? {} : { description: uri.message }),
      ...(uri?.label === undefined ? {} : { issuer: uri.label }),
      networks,
    },
    issues,
  );
};

/** The BIP 353 call for `user@domain`: a DNS TXT record, DNSSEC validated. */
const dnsStep = (input: { user: string; domain: string; dnsName: string }): NextStep => ({
  call: 'resolve',
  package: BIP353,
  input: `₿${input.user}@${input.domain}`,
  dnsName: input.dnsName,
});

/** The calls that fetch what a name or an LNURL points to. */
const nextOf = (input: Input): NextStep[] => {
  switch (input.kind) {
    case 'lnurl':
    case 'lud17':
      return [{ call: 'resolve', package: LNURL, input: input.value, url: input.url }];
    case 'lightning-address':
      // BIP 353: try DNS first; "MAY fall back to existing \"Lightning Address\" logic".
      return [
        dnsStep(input),
        { call: 'resolve', package: LNURL, input: input.value, url: input.url },
      ];
    case 'bip353':
      return [dnsStep(input)];
    default:
      return [];
  }
};

/** A refusal of `text`: it names no payment this package checks. */
const unsupported = (from: InstructionSource, why: string): PaymentOption =>
  option(from, undefined, [issue('unsupported-input', why)]);

/** The payment instruction `input`, found as `from` of `text`. */
const optionOf = (
  from: InstructionSource,
  input: Input,
  text: string,
  policy: CheckedPolicy,
  uri?: BitcoinUri,
): PaymentOption => {
  switch (input.kind) {
    case 'bolt11': {
      const found = bolt11Option(from, input.value, input.network, policy);
      return { ...found, issues: placed(found.issues, text, input.value) };
    }
    case 'bolt12-offer':
    case 'bolt12-invoice-request':
    case 'bolt12-invoice': {
      const found = bolt12Option(from, input.kind, input.value, policy);
      return { ...found, issues: placed(found.issues, text, input.value) };
    }
    case 'onchain-address':
      return addressOption(from, input, uri, policy);
    case 'lnurl':
    case 'lud17':
    case 'lightning-address':
    case 'bip353':
      return option(from, undefined, [], nextOf(input));
    case 'node-id':
    case 'node-uri':
      return unsupported(
        from,
        `this is a Lightning node (${showText(input.value)}), not a payment request: there is nothing to check`,
      );
    default:
      // A bitcoin: URI as the payment instruction of another.
      return unsupported(from, `a ${input.kind} inside a bitcoin: URI`);
  }
};

/** BIP 321: instructions in query keys are the newer formats, the address the fallback. */
const PREFERENCE: readonly InstructionSource[] = [
  'input',
  'lno',
  'lightning',
  'bc',
  'tb',
  'onchain',
];
const RANK: Readonly<Record<Decision, number>> = { pay: 0, resolve: 1, refuse: 2 };
/** Where a part that parseUri left out was (`sp` and `pay` are not checked here: the URI's). */
const WARNED_FROM: Readonly<Record<BitcoinUri['warnings'][number]['key'], InstructionSource>> = {
  address: 'onchain',
  lightning: 'lightning',
  lno: 'lno',
  bc: 'bc',
  tb: 'tb',
  sp: 'input',
  pay: 'input',
};

/** Each instruction of a `bitcoin:` URI, checked, the one to prefer first. */
const uriOptions = (uri: BitcoinUri, text: string, policy: CheckedPolicy): PaymentOption[] => {
  // The URI's amount is what the payer was shown: each instruction must ask it.
  const shown =
    uri.amount === undefined || policy.amountMsat !== undefined
      ? policy
      : { ...policy, amountMsat: uri.amount.msat };
  const read = (from: InstructionSource, value: string): PaymentOption => {
    let input: Input;
    try {
      input = parseInput(value, { lenient: true });
    } catch (error) {
      if (!(error instanceof UriError)) throw error;
      const kind = refusedBolt12(error, value);
      if (kind !== undefined) {
        const found = bolt12Option(from, kind, value, policy);
        return { ...found, issues: placed(found.issues, text, value) };
      }
      return option(from, undefined, placed([uriIssue(error)], text, value));
    }
    return optionOf(from, input, text, shown, uri);
  };
  const options = [
    ...uri.lno.map((v) => read('lno', v)),
    ...uri.lightning.map((v) => read('lightning', v)),
    ...uri.bc.map((v) => read('bc', v)),
    ...uri.tb.map((v) => read('tb', v)),
    ...(uri.address === '' ? [] : [read('onchain', uri.address)]),
  ];
  if (options.length === 0) {
    const others = [...uri.sp.map(() => 'sp'), ...uri.pay.map(() => 'pay')];
    options.push(
      unsupported(
        'input',
        `the URI's only payment instructions are ${[...new Set(others)].join(', ')} (BIP 352 / BIP 351), which this package does not check`,
      ),
    );
  }
  // What parseUri left out: refused, with the reason it gave (spans are the URI's already).
  options.push(...uri.warnings.map((w) => option(WARNED_FROM[w.key], undefined, [uriIssue(w)])));
  // Stable: among options of one decision, BIP 321's order above.
  return options.sort(
    (a, b) =>
      RANK[a.decision] - RANK[b.decision] ||
      PREFERENCE.indexOf(a.from) - PREFERENCE.indexOf(b.from),
  );
};

const result = (
  kind: InputKind | 'unknown',
  found: readonly ValidationIssue[],
  chosen: PaymentOption,
  options: readonly PaymentOption[],
): CheckResult => {
  const issues = [...found, ...chosen.issues];
  const decision = found.some((i) => i.severity === 'error') ? 'refuse' : chosen.decision;
  return {
    ok: decision === 'pay',
    decision,
    kind,
    payment: chosen.payment,
    issues,
    next: chosen.next,
    options,
  };
};

/** The policy with its `convert` called once per amount and currency (the summary reuses it). */
const convertingOnce = (policy: CheckedPolicy): CheckedPolicy => {
  const { convert } = policy;
  if (convert === undefined) return policy;
  const seen = new Map<string, bigint>();
  return {
    ...policy,
    convert: (amount, currency) => {
      const key = `${amount} ${currency}`;
      const known = seen.get(key);
      if (known !== undefined) return known;
      const msat = convert(amount, currency);
      seen.set(key, msat);
      return msat;
    },
  };
};

/**
 * What `text` (pasted or scanned) is, the payment it describes, and whether to pay it, under
 * `policy`. Never throws on the text: what it cannot read is a finding. TypeError for a
 * non-string, TypeError or RangeError for a malformed policy.
 */
export const check = (text: string, policy: ValidationPolicy = {}): CheckResult => {
  const checked = convertingOnce(checkPolicy(policy));
  if (typeof text !== 'string')
    throw new TypeError(`text must be a string, got ${describeValue(text)}`);
  const found: ValidationIssue[] = [];
  let input: Input;
  try {
    input = parseInput(text);
  } catch (strict) {
    if (!(strict instanceof UriError)) throw strict;
    try {
      input = parseInput(text, { lenient: true });
    } catch (error) {
      if (!(error instanceof UriError)) throw error;
      const kind = refusedBolt12(error, text);
      if (kind !== undefined) {
        const value = text.trim();
        const found = bolt12Option('input', kind, value, checked);
        return result(kind, [], { ...found, issues: placed(found.issues, text, value) }, []);
      }
      const refused = option('input', undefined, [uriIssue(error)]);
      return result('unknown', [], refused, []);
    }
    found.push(issue('non-standard-form', `read in a form no spec defines: ${strict.message}`));
  }
  // A bitcoin: URI read without a part that only a lenient reader takes (an LNURL in lightning=).
  if (input.kind === 'bitcoin-uri' && input.warnings.length > 0) {
    const relaxed = parseInput(text, { lenient: true }) as BitcoinUri;
    const taken = input.warnings.find(
      (w) => !relaxed.warnings.some((r) => r.span[0] === w.span[0]),
    );
    if (taken !== undefined) {
      found.push(issue('non-standard-form', `read in a form no spec defines: ${taken.message}`));
      input = relaxed;
    }
  }
  if (input.kind === 'bitcoin-uri') {
    const options = uriOptions(input, text, checked);
    return result(input.kind, found, options[0] as PaymentOption, options);
  }
  return result(input.kind, found, optionOf('input', input, text, checked), []);
};
