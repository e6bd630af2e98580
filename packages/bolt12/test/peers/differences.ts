// Where LDK 0.1 (npm `lightningdevkit` 0.1.0) and lninvoice give different verdicts on the same
// message, each case with what LDK does, what we do, and the BOLT 12 (or BOLT 1) sentence that
// decides. Every other disagreement fails test/differential.test.ts. A difference is matched by a
// predicate on the message itself, not by its name, so generated messages are covered too.
import { decodeBytes } from '../../src/decode.js';
import { readContext } from '../../src/options.js';
import { readTlvStream, type TlvRecord, writeTlvStream } from '../../src/tlv.js';
import type { Sample } from './generate.js';
import type { LdkInvoice, LdkInvoiceRequest } from './ldk.js';

export interface Difference {
  readonly id: string;
  /** The vectors (offers-test.json descriptions) and generated cases it covers. */
  readonly cases: string;
  /** LDK's verdict on such a message. */
  readonly ldk: 'accepts' | 'rejects';
  /** Ours: the codes we refuse it with (when LDK accepts), or 'accepts'. */
  readonly ours: readonly string[] | 'accepts';
  readonly what: string;
  /** The spec sentence that decides, quoted. */
  readonly spec: string;
  /** Who follows the spec. */
  readonly verdict: string;
  /** True when the message is such a case. */
  readonly applies: (message: Sample) => boolean;
}

/** The records of a message, when its TLV stream reads (leniently: no field rules). */
const recordsOf = (message: Sample): readonly TlvRecord[] => {
  try {
    return readTlvStream(message.bytes, (s, e) => [s, e]);
  } catch {
    return [];
  }
};
const value = (message: Sample, type: bigint): Uint8Array | undefined =>
  recordsOf(message).find((r) => r.type === type)?.value;
const uint = (bytes: Uint8Array): bigint => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};
/** The set bits of a feature bitmap. */
const bits = (bitmap: Uint8Array): number[] =>
  [...bitmap].flatMap((byte, i) =>
    [0, 1, 2, 3, 4, 5, 6, 7]
      .filter((b) => (byte >> b) & 1)
      .map((b) => (bitmap.length - 1 - i) * 8 + b),
  );

const MAX_MSAT = 0x1d24b2dfac520000n;

export const DIFFERENCES: readonly Difference[] = [
  {
    id: 'currency-not-utf8',
    cases: 'vector "Malformed: invalid currency UTF-8"; damaged offers',
    ldk: 'accepts',
    ours: ['invalid-utf8'],
    what: 'offer_currency is 3 bytes that are not UTF-8: LDK reads it as [u8; 3] and accepts it; we refuse it.',
    spec: 'BOLT 12 types offer_currency as "[`...*utf8`:`iso4217`]"; BOLT 1: "`utf8`: a byte as part of a UTF-8 string. A writer MUST ensure an array of these is a valid UTF-8 string, a reader MAY reject any messages containing an array of these which is not a valid UTF-8 string." offers-test.json lists "Malformed: invalid currency UTF-8" as invalid.',
    verdict: 'Both allowed by BOLT 1 (MAY); we follow the vector, which marks the offer invalid.',
    applies: (m) => {
      const currency = value(m, 6n);
      return currency?.length === 3 && !isUtf8(currency);
    },
  },
  {
    id: 'currency-not-three-bytes',
    cases: 'probes ("US", "USDT"); damaged offers',
    ldk: 'rejects',
    ours: 'accepts',
    what: 'offer_currency is valid UTF-8 but not 3 bytes long: LDK reads it as [u8; 3] and refuses the offer; we read it as text (an unknown code, with no exponent).',
    spec: 'offer_currency is "[`...*utf8`:`iso4217`]" (any length); the writer "MUST specify `offer_currency` `iso4217` as an ISO 4217 three-letter code", and no reader rule refuses another length.',
    verdict: 'LDK is stricter than the reader rules; we treat it like any currency we do not know.',
    applies: (m) => {
      const currency = value(m, 6n);
      return currency !== undefined && currency.length !== 3 && isUtf8(currency);
    },
  },
  {
    id: 'offer-unknown-even-feature',
    cases: 'vector "Contains unknown feature 122"; damaged offers',
    ldk: 'accepts',
    ours: ['unknown-required-feature'],
    what: 'offer_features sets an even (required) bit nobody defines: LDK parses the offer and only refuses to request an invoice from it later (UnknownRequiredFeatures); we refuse it when decoding.',
    spec: '"if `offer_features` contains unknown _even_ bits that are non-zero: MUST NOT respond to the offer. SHOULD indicate the unknown bit to the user."',
    verdict:
      'Same rule, applied at different times; offers-test.json marks the offer invalid, as we do.',
    applies: (m) => {
      const features = value(m, 12n);
      return (
        m.kind === 'offer' && features !== undefined && bits(features).some((b) => b % 2 === 0)
      );
    },
  },
  {
    id: 'zero-offer-amount',
    cases:
      'vectors "Invalid: zero offer_amount", "Invalid: zero offer_amount with currency"; damaged offers and requests',
    ldk: 'accepts',
    ours: ['invalid-amount'],
    what: 'offer_amount is zero (an empty tu64): LDK accepts it, with or without offer_currency; we refuse it.',
    spec: '"if `offer_amount` is set and is not greater than zero: MUST NOT respond to the offer." (and the writer "MUST set `offer_amount` greater than zero")',
    verdict: 'LDK misses the rule; we follow it.',
    applies: (m) => {
      const amount = value(m, 8n);
      return amount !== undefined && uint(amount) === 0n;
    },
  },
  {
    id: 'empty-offer-chains',
    cases: 'vector "offer_chains with zero entries"; damaged offers',
    ldk: 'accepts',
    ours: ['empty-chains'],
    what: 'offer_chains is present with no chain: LDK accepts the offer (its requests then fail UnsupportedChain); we refuse it.',
    spec: '"An empty `offer_chains` (present but with zero entries) is explicitly invalid because it would make invoice requests impossible." Reader: "otherwise: (`offer_chains` is set): if the node does not accept invoices for at least one of the `chains`: MUST NOT respond to the offer".',
    verdict: 'LDK misses the rule; we follow it.',
    applies: (m) => value(m, 2n)?.length === 0,
  },
  {
    id: 'bech32-padding',
    cases: 'vector "Bech32 padding exceeds 4-bit limit"; probe with non-zero padding bits',
    ldk: 'accepts',
    ours: ['invalid-padding'],
    what: 'the last character of the string leaves 5 or more padding bits, or padding bits that are not zero: LDK drops them; we refuse the string.',
    spec: 'BOLT 12 strings are "a bech32-style data string of the TLVs"; BIP 173, which defines the conversion: "Any incomplete group at the end MUST be 4 bits or less, MUST be all zeroes, and is discarded." offers-test.json lists "Bech32 padding exceeds 4-bit limit" as invalid.',
    verdict: 'LDK is lax; we follow BIP 173 and the vector.',
    applies: (m) => {
      const text = m.text.replace(/\+\s*/g, '').toLowerCase();
      const data = text.slice(text.lastIndexOf('1') + 1);
      const padding = (data.length * 5) % 8;
      const last = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.indexOf(data[data.length - 1] ?? 'q');
      return padding >= 5 || (last & ((1 << padding) - 1)) !== 0;
    },
  },
  {
    id: 'expected-amount-too-large',
    cases: 'generated invoice requests and invoices (large offer_amount times invreq_quantity)',
    ldk: 'rejects',
    ours: 'accepts',
    what: 'no invreq_amount, and offer_amount (msat) times invreq_quantity is above 21 million bitcoin or 2^64: LDK refuses the request (InvalidAmount) and any invoice mirroring it; we accept it, as no reader rule refuses it.',
    spec: 'Reader of an invoice request: "MUST calculate the *expected amount* using the `offer_amount`: … if `invreq_quantity` is present, multiply by `invreq_quantity`.`quantity`." and "if `invreq_amount` is present: MUST reject the invoice request if `invreq_amount`.`msat` is less than the *expected amount*." No sentence bounds the expected amount; BOLT 1 bounds amounts as written ("milli-satoshi amounts MUST be at most `0x1d24b2dfac520000`"), which every field here meets.',
    verdict:
      'Not decided by the spec: such a request cannot be answered (the invoice writer "MUST set `invoice_amount` to the *expected amount*"), and LDK refuses it early; we only apply the written reader rules.',
    applies: (m) => {
      if (m.kind === 'offer' || value(m, 6n) !== undefined || value(m, 82n) !== undefined)
        return false;
      const amount = value(m, 8n);
      const quantity = value(m, 86n);
      return amount !== undefined && uint(amount) * (quantity ? uint(quantity) : 1n) > MAX_MSAT;
    },
  },
  {
    id: 'currency-request',
    cases:
      'signed vector in signature-test.json (USD offer); generated requests and invoices for currency offers',
    ldk: 'rejects',
    ours: 'accepts',
    what: 'an invoice request (or invoice) answering an offer priced in a currency (offer_currency): LDK 0.1 cannot convert currencies and refuses it (UnsupportedCurrency); we accept it.',
    spec: 'Reader of an invoice request: "if `offer_currency` is not the `invreq_chain` currency, convert to the `invreq_chain` currency." Writer: "MUST specify `invreq_amount`.`msat` as greater or equal to amount expected by `offer_amount` (and, if present, `offer_currency` and `invreq_quantity`)."',
    verdict: 'LDK limitation (no currency conversion); the spec allows such requests.',
    applies: (m) => m.kind !== 'offer' && value(m, 6n) !== undefined,
  },
  {
    id: 'invreq-paths',
    cases: 'generated invoice requests with invreq_paths, and invoices mirroring them',
    ldk: 'rejects',
    ours: 'accepts',
    what: 'invreq_paths is present: LDK 0.1 refuses any invoice request (and invoice) that has it (UnexpectedPaths); we read the paths.',
    spec: 'invreq_paths is defined ("type: 90 (`invreq_paths`)"); reader: "if `num_hops` is 0 in any `blinded_path` in `invreq_paths`: MUST reject the invoice request" and "MUST use `invreq_paths` if present, otherwise MUST use `invreq_payer_id` as the node id to send to."',
    verdict: 'LDK limitation (it does not support invreq_paths yet); the spec allows them.',
    applies: (m) => m.kind !== 'offer' && value(m, 90n) !== undefined,
  },
  {
    id: 'bip353-name-shape',
    cases: 'generated invoice requests with invreq_bip_353_name, and invoices mirroring them',
    ldk: 'rejects',
    ours: 'accepts',
    what: 'invreq_bip_353_name has an empty name or domain (after LDK drops one trailing "." of the domain), or name and domain together longer than 231 bytes: LDK refuses it (HumanReadableName::new); we accept any such name made of the allowed bytes.',
    spec: '"if `invreq_bip_353_name` is present: MUST reject the invoice request if `name` or `domain` contain any bytes which are not `0`-`9`, `a`-`z`, `A`-`Z`, `-`, `_` or `.`." — the only reader rule on it.',
    verdict:
      'LDK is stricter (it also checks the name fits a BIP 353 DNS name); the spec does not require it.',
    applies: (m) => {
      const v = value(m, 91n);
      if (m.kind === 'offer' || v === undefined) return false;
      const nameLength = v[0] ?? 0;
      let domainLength = v[1 + nameLength] ?? 0;
      if (domainLength > 0 && v[1 + nameLength + domainLength] === 0x2e) domainLength--;
      return nameLength === 0 || domainLength === 0 || nameLength + domainLength > 231;
    },
  },
  {
    id: 'zero-quantity',
    cases: 'edited invoice requests (invreq_quantity zero for an offer_quantity_max above zero)',
    ldk: 'accepts',
    ours: ['invalid-quantity'],
    what: 'invreq_quantity is zero and offer_quantity_max is above zero: LDK only checks quantity <= offer_quantity_max and accepts it; we refuse it. (With offer_quantity_max zero, both refuse a zero quantity.)',
    spec: '"if `offer_quantity_max` is non-zero: MUST reject the invoice request if `invreq_quantity` is zero, OR greater than `offer_quantity_max`." (writer: "MUST set `invreq_quantity` to greater than zero")',
    verdict: 'LDK misses the rule; we follow it.',
    applies: (m) => {
      const max = value(m, 20n);
      const quantity = value(m, 86n);
      return (
        m.kind === 'invoice_request' &&
        max !== undefined &&
        uint(max) > 0n &&
        quantity !== undefined &&
        uint(quantity) === 0n
      );
    },
  },
  {
    id: 'request-unknown-even-feature',
    cases: 'edited and damaged invoice requests',
    ldk: 'accepts',
    ours: ['unknown-required-feature'],
    what: 'invreq_features sets an even (required) bit nobody defines: LDK parses the request anyway; we refuse it.',
    spec: '"if `invreq_features` contains unknown _even_ bits that are non-zero: MUST reject the invoice request."',
    verdict: 'LDK misses the rule (when reading); we follow it.',
    applies: (m) => {
      const features = value(m, 84n);
      return (
        m.kind === 'invoice_request' &&
        features !== undefined &&
        bits(features).some((b) => b % 2 === 0)
      );
    },
  },
  {
    id: 'invoice-unknown-even-feature',
    cases: 'edited and damaged invoices',
    ldk: 'accepts',
    ours: ['unknown-required-feature'],
    what: 'invoice_features sets an even (required) bit other than MPP/compulsory (16): LDK parses the invoice and leaves the check to payment time; we refuse it.',
    spec: '"if `invoice_features` contains unknown _even_ bits that are non-zero: MUST reject the invoice."',
    verdict:
      'Same rule, applied at different times; the sentence is a reader rule, which we follow.',
    applies: (m) => {
      const features = value(m, 174n);
      return (
        m.kind === 'invoice' &&
        features !== undefined &&
        bits(features).some((b) => b % 2 === 0 && b !== 16)
      );
    },
  },
  {
    id: 'invoice-no-usable-path',
    cases: 'edited and damaged invoices',
    ldk: 'accepts',
    ours: ['missing-usable-path'],
    what: 'every blinded_payinfo of invoice_blindedpay sets an unknown even feature bit: LDK parses the invoice without looking at payinfo features; we refuse it.',
    spec: '"MUST NOT use the corresponding `invoice_paths`.`path` if `payinfo`.`features` has any unknown even bits set." and "MUST reject the invoice if this leaves no usable paths."',
    verdict: 'LDK misses the rule when reading; we follow it.',
    applies: (m) => {
      const pay = value(m, 162n);
      if (m.kind !== 'invoice' || pay === undefined) return false;
      // blinded_payinfo: 26 bytes of fees, delta and limits, then `u16` flen and the features.
      const required: boolean[] = [];
      for (let at = 0; at + 28 <= pay.length; ) {
        const flen = ((pay[at + 26] as number) << 8) | (pay[at + 27] as number);
        required.push(bits(pay.subarray(at + 28, at + 28 + flen)).some((b) => b % 2 === 0));
        at += 28 + flen;
      }
      return required.length > 0 && required.every(Boolean);
    },
  },
  {
    id: 'invoice-mirrors-invalid-request',
    cases: 'edited invoices (no invreq_metadata, no invreq_payer_id, …), damaged invoices',
    ldk: 'rejects',
    ours: 'accepts',
    what: 'the invoice request fields an invoice mirrors break a rule of the invoice request reader (e.g. no invreq_metadata or invreq_payer_id): LDK reads an invoice as a request plus invoice fields and refuses it; our invoice reader checks the invoice rules only.',
    spec: 'Reader of an invoice: "if the invoice is a response to an `invoice_request`: MUST reject the invoice if all fields in ranges 0 to 159 and 1000000000 to 2999999999 (inclusive) do not exactly match the invoice request." — a check against the request the reader sent, which a decoder does not have; the rationale allows "simply sending an unrequested invoice directly".',
    verdict:
      'Not a reader rule on the invoice alone: LDK is stricter; we leave the comparison with the request to the caller.',
    applies: (m) => {
      if (m.kind !== 'invoice') return false;
      const mirrored = recordsOf(m).filter(
        (r) => r.type <= 159n || (r.type >= 1000000000n && r.type <= 2999999999n),
      );
      try {
        decodeBytes('invoice_request', writeTlvStream(mirrored), {
          ...readContext({ verify: false }),
          unsigned: true,
        });
        return false;
      } catch {
        return true;
      }
    },
  },
];

/** The documented differences that explain LDK's verdict `ldkAccepts` against our `code` on `message`. */
export const explain = (message: Sample, ldkAccepts: boolean, code: string): Difference[] =>
  DIFFERENCES.filter(
    (d) =>
      d.ldk === (ldkAccepts ? 'accepts' : 'rejects') &&
      (d.ours === 'accepts' ? code === 'ok' : d.ours.includes(code)) &&
      d.applies(message),
  );

/** Fields LDK exposes differently for the same message (no verdict involved). */
export interface FieldDifference {
  readonly id: string;
  readonly what: string;
  readonly spec: string;
}

export const FIELD_DIFFERENCES: readonly FieldDifference[] = [
  {
    id: 'bip353-trailing-dot',
    what: 'LDK drops one trailing "." from the domain of invreq_bip_353_name (HumanReadableName normalises the DNS name); we give the bytes as written.',
    spec: '"`domain` set to the post-@ part of the BIP 353 HRN."',
  },
  {
    id: 'testnet4-fallbacks',
    what: 'On testnet4, LDK 0.1 (rust-bitcoin 0.32, which has no testnet4 network) lists no fallback address; we write them as tb1… addresses.',
    spec: '"for the bitcoin chain, if the invoice specifies `invoice_fallbacks`: …" (the spec gives no address format for other chains).',
  },
];

const TESTNET4 = '43f08bdab050e35b567c864b91f47f50ae725ae2de53bcfbbaf284da00000000';

/** Our view of a request with the documented field differences applied, and which applied. */
export const normaliseRequest = (
  view: LdkInvoiceRequest,
): { view: LdkInvoiceRequest; applied: string[] } => {
  const name = view.bip353Name;
  if (name === undefined || !name.domain.endsWith('.')) return { view, applied: [] };
  return {
    view: { ...view, bip353Name: { ...name, domain: name.domain.slice(0, -1) } },
    applied: ['bip353-trailing-dot'],
  };
};

/** Our view of an invoice with the documented field differences applied, and which applied. */
export const normaliseInvoice = (view: LdkInvoice): { view: LdkInvoice; applied: string[] } =>
  view.chain === TESTNET4 && view.fallbacks.length > 0
    ? { view: { ...view, fallbacks: [] }, applied: ['testnet4-fallbacks'] }
    : { view, applied: [] };
