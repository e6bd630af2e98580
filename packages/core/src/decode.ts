// decode: string → invoice. Layers: framing (bech32) → hrp → one reader per field → the rules on
// the set of fields → signature.
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import { fastVerifier } from './ec/fast.js';
import { Bolt11Error } from './errors.js';
import type { Feature } from './features.js';
import { readBytes } from './fields/bytes.js';
import { readDescription } from './fields/description.js';
import { readFallback } from './fields/fallback.js';
import { readFeatures } from './fields/features.js';
import { fieldError } from './fields/field-error.js';
import { readMinimalInteger } from './fields/integer.js';
import { readRouteHint } from './fields/route-hint.js';
import { readBech32, SIGNATURE_WORDS, splitDataPart } from './framing.js';
import { networksFor, parseHrp } from './hrp.js';
import type {
  FallbackAddress,
  IgnoredField,
  Invoice,
  RouteHintHop,
  TaggedField,
  UnverifiedInvoice,
} from './invoice.js';
import { decodedInvoiceParam } from './invoice-params.js';
import { withJsonView } from './json.js';
import { checkNodeKey, checkRouteHintKeys } from './keys.js';
import type { Network } from './networks.js';
import { optionsParam } from './params.js';
import { type Secp256k1Verifier, verifierParam } from './secp256k1.js';
import { hasHighS, readSignature, signingHash } from './signature.js';

export interface DecodeOptions {
  /**
   * Check the signature (default `true`). With `false`, no elliptic-curve work is done: the
   * signature, the `n` key and the route-hint keys are not checked and `payeeNodeKey` is only the
   * `n` field. Call `verifyInvoice` before trusting such an invoice.
   */
  readonly verify?: boolean;
  /**
   * Restore the pre-2025 reader rule "MUST skip over p, h, s or n fields that do NOT have
   * data_lengths of 52, 52, 52 or 53" (what LDK, lnd and CLN still do) instead of failing.
   * Skipped fields are listed in `ignoredFields`.
   */
  readonly legacy?: boolean;
  /** Networks beyond bitcoin, testnet, signet and regtest (see `defineNetwork`). */
  readonly networks?: readonly Network[];
  /** The elliptic-curve implementation (default: `fastSecp256k1`, built on @noble/secp256k1). */
  readonly secp256k1?: Secp256k1Verifier;
}

export interface VerifyOptions {
  /** The elliptic-curve implementation (default: `fastSecp256k1`). */
  readonly secp256k1?: Secp256k1Verifier;
}

/** BOLT 11: "any field with fixed `data_length` (`p`, `h`, `s`, `n`)". */
const FIXED_LENGTH: Readonly<Record<string, number>> = { p: 52, s: 52, h: 52, n: 53 };

interface FieldValues {
  /** The fields an invoice carries at most once (all known ones but `f` and `r`), by tag. */
  readonly single: Map<string, { field: TaggedField; value: unknown }[]>;
  readonly fallbackAddresses: FallbackAddress[];
  readonly routeHints: RouteHintHop[][];
  readonly unknownFields: TaggedField[];
  readonly ignoredFields: IgnoredField[];
}

/**
 * Reads every field on its own: lengths, padding, encodings, feature bits, and, when `secp` is
 * given, that keys are points on the curve.
 */
const readFields = (
  fields: readonly TaggedField[],
  network: Network,
  legacy: boolean,
  secp: Secp256k1Verifier | undefined,
): FieldValues => {
  const values: FieldValues = {
    single: new Map(),
    fallbackAddresses: [],
    routeHints: [],
    unknownFields: [],
    ignoredFields: [],
  };
  const keep = (field: TaggedField, value: unknown): void => {
    const list = values.single.get(field.tag);
    if (list) list.push({ field, value });
    else values.single.set(field.tag, [{ field, value }]);
  };
  for (const field of fields) {
    const fixed = FIXED_LENGTH[field.tag];
    if (fixed !== undefined && field.words.length !== fixed) {
      // "MUST fail the payment if any field with fixed `data_length` (`p`, `h`, `s`, `n`) does
      // not have the correct length (52, 52, 52, 53)."
      if (!legacy) {
        throw fieldError(
          'bad-fixed-field-length',
          field,
          `data_length is ${field.words.length}; it must be ${fixed}`,
        );
      }
      values.ignoredFields.push({
        ...field,
        reason: `wrong data_length ${field.words.length} (expected ${fixed})`,
      });
      continue;
    }
    switch (field.tag) {
      case 'p':
      case 's':
      case 'h':
      case 'm':
        keep(field, readBytes(field));
        break;
      case 'n': {
        const key = readBytes(field);
        if (secp) checkNodeKey(field, key, secp);
        keep(field, key);
        break;
      }
      case 'd':
        keep(field, readDescription(field));
        break;
      case 'x':
      case 'c':
        keep(field, readMinimalInteger(field));
        break;
      case '9':
        keep(field, readFeatures(field));
        break;
      case 'f': {
        const fallback = readFallback(field, network);
        if (typeof fallback === 'string') values.ignoredFields.push({ ...field, reason: fallback });
        else values.fallbackAddresses.push(fallback);
        break;
      }
      case 'r': {
        const hops = readRouteHint(field);
        if (secp) checkRouteHintKeys(field, hops, secp);
        values.routeHints.push(hops);
        break;
      }
      default:
        values.unknownFields.push(field);
    }
  }
  return values;
};

/** The rules on the set of fields: each at most once, `p` and `s` present, exactly one of `d`/`h`. */
const checkFieldSet = (single: FieldValues['single']): void => {
  for (const list of single.values()) {
    const second = list[1];
    if (second) {
      throw fieldError(
        'duplicate-field',
        second.field,
        `appears ${list.length} times; an invoice carries one`,
      );
    }
  }
  // "A writer: MUST include exactly one `p` field."
  if (!single.has('p'))
    throw new Bolt11Error('missing-payment-hash', 'the invoice has no payment hash (p) field');
  // "if a valid `s` field is not provided: MUST fail the payment."
  if (!single.has('s'))
    throw new Bolt11Error('no-payment-secret', 'the invoice has no payment secret (s) field');
  // "MUST fail the payment if neither a `d` field nor a `h` field is present, or if both are present."
  const hasD = single.has('d');
  const hasH = single.has('h');
  if (!hasD && !hasH) {
    throw new Bolt11Error(
      'missing-description',
      'the invoice has neither a description (d) nor a description hash (h)',
    );
  }
  if (hasD && hasH) {
    throw new Bolt11Error(
      'description-and-hash',
      'the invoice has both a description (d) and a description hash (h); it must have exactly one',
      { field: 'h' },
    );
  }
};

const DEFAULT_EXPIRY = 3600;
const DEFAULT_MIN_FINAL_CLTV_EXPIRY_DELTA = 18;

/**
 * Decodes a BOLT 11 invoice and, by default, verifies its signature.
 * Throws `Bolt11Error` for anything the current BOLT 11 text rejects.
 */
export function decode(
  invoice: string,
  options?: DecodeOptions & { readonly verify?: true },
): Invoice;
export function decode(
  invoice: string,
  options: DecodeOptions & { readonly verify: false },
): UnverifiedInvoice;
export function decode(invoice: string, options?: DecodeOptions): UnverifiedInvoice;
export function decode(invoice: string, decodeOptions?: DecodeOptions): UnverifiedInvoice {
  if (typeof invoice !== 'string')
    throw new TypeError(`invoice must be a string, got ${typeof invoice}`);
  const options = optionsParam('options', decodeOptions);
  const input = readBech32(invoice);
  const { network, amountMsat } = parseHrp(input.hrp, networksFor(options.networks), input.offset);
  const data = splitDataPart(input);
  const secp =
    options.verify === false ? undefined : verifierParam(options.secp256k1, fastVerifier);
  const values = readFields(data.fields, network, options.legacy === true, secp);

  const signature = readSignature(data.signatureWords, data.signatureSpan);
  // "if a valid `n` field is provided: [...] If the signature is not compliant with the low-S
  // standard rule: MUST fail the payment"
  const nField = values.single.get('n')?.[0];
  if (nField && hasHighS(signature)) {
    throw new Bolt11Error(
      'high-s-with-n',
      'the signature has a high S value, which is invalid with an n field',
      {
        span: data.signatureSpan,
      },
    );
  }
  checkFieldSet(values.single);

  const value = <T>(tag: string): T | undefined =>
    values.single.get(tag)?.[0]?.value as T | undefined;
  const timestamp = data.timestamp;
  const expiry = value<number>('x') ?? DEFAULT_EXPIRY;
  const expiresAt = timestamp + expiry;
  if (!Number.isSafeInteger(expiresAt)) {
    const x = values.single.get('x')?.[0]?.field as TaggedField;
    throw fieldError('integer-overflow', x, `timestamp + expiry exceeds 2^53-1`);
  }
  const parsed: UnverifiedInvoice = {
    network: network.name,
    prefix: network.prefix,
    hrp: input.hrp,
    amountMsat,
    timestamp,
    expiry,
    expiresAt,
    paymentHash: value<Uint8Array>('p') as Uint8Array,
    paymentSecret: value<Uint8Array>('s') as Uint8Array,
    description: value<string>('d'),
    descriptionHash: value<Uint8Array>('h'),
    payeeNodeKey: value<Uint8Array>('n'),
    minFinalCltvExpiryDelta: value<number>('c') ?? DEFAULT_MIN_FINAL_CLTV_EXPIRY_DELTA,
    fallbackAddresses: values.fallbackAddresses,
    routeHints: values.routeHints,
    features: value<Feature[]>('9') ?? [],
    metadata: value<Uint8Array>('m'),
    unknownFields: values.unknownFields,
    ignoredFields: values.ignoredFields,
    fields: data.fields,
    signature,
    signingHash: signingHash(input.hrp, data.signedWords),
  };
  return secp ? checkSignature(parsed, secp) : withJsonView(parsed);
}

/**
 * Does the elliptic-curve work `decode(…, { verify: false })` skipped: route-hint and `n` keys
 * must be points on the curve; with `n`, the signature must verify against it; without, the
 * payee is recovered from the signature.
 */
export const verifyInvoice = (invoice: UnverifiedInvoice, options?: VerifyOptions): Invoice => {
  decodedInvoiceParam('invoice', invoice);
  const secp = verifierParam(optionsParam('options', options).secp256k1, fastVerifier);
  const routeFields = invoice.fields.filter((f) => f.tag === 'r');
  invoice.routeHints.forEach((hops, i) => {
    checkRouteHintKeys(routeFields[i] as TaggedField, hops, secp);
  });
  // The n field in use: with `legacy`, wrong-length n fields may stand before it.
  const nField = invoice.fields.find((f) => f.tag === 'n' && f.words.length === FIXED_LENGTH.n);
  if (nField && invoice.payeeNodeKey) checkNodeKey(nField, invoice.payeeNodeKey, secp);
  return checkSignature(invoice, secp);
};

const checkSignature = (invoice: UnverifiedInvoice, secp: Secp256k1Verifier): Invoice => {
  const { signature, signingHash: hash } = invoice;
  // The signature follows the last field (an invoice always has p and s).
  const start = invoice.fields.at(-1)?.span[1] ?? 0;
  const span = [start, start + SIGNATURE_WORDS] as const;
  const n = invoice.payeeNodeKey;
  if (n !== undefined) {
    // "MUST use the `n` field to validate the signature instead of performing public-key recovery."
    if (!secp.verify(signature.compact, hash, n)) {
      throw new Bolt11Error(
        'invalid-signature',
        `the signature was not made by the payee node key n (${hex(n)})`,
        {
          span,
          field: 'n',
        },
      );
    }
    return withJsonView({ ...invoice, payeeNodeKey: n, payeeSource: 'n-field' });
  }
  // "otherwise: MUST perform ECDSA public-key recovery and accept both high-S and low-S signatures."
  const recovered = secp.recoverPublicKey(signature.compact, signature.recoveryId, hash);
  if (recovered === undefined) {
    throw new Bolt11Error(
      'unrecoverable-signature',
      `no public key can be recovered from the signature with recovery id ${signature.recoveryId}`,
      { span },
    );
  }
  return withJsonView({ ...invoice, payeeNodeKey: recovered, payeeSource: 'recovered' });
};
