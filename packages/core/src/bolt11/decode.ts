// decode: string → invoice, in named stages: the string (bech32) → the human-readable part →
// each field on its own (read-fields.ts) → the rules on the set of fields (field-set.ts) → the
// signature (verify.ts).
import { fastVerifier } from '../ec/fast.js';
import { type Network, withNetworks } from '../networks.js';
import { checkedWhereUsed, isBoolean, readOptions } from '../options.js';
import { type Secp256k1Verifier, verifierParam } from '../secp256k1.js';
import { describeValue } from '../text.js';
import { Bolt11Error, bolt11Error } from './error.js';
import { checkFieldSet } from './field-set.js';
import { readInvoiceString, splitDataPart } from './framing.js';
import { parseHrp } from './hrp.js';
import type { Invoice, Legacy, UnverifiedInvoice } from './invoice.js';
import { withJsonView } from './json.js';
import { readFields } from './read-fields.js';
import { hasHighS, readSignature, signingHash } from './signature.js';
import { checkSignature } from './verify.js';

/**
 * The options of {@link decode}: signature checking, the networks known, the legacy rules, the
 * curve backend.
 */
export interface DecodeOptions {
  /**
   * Check the signature (default `true`). With `false`, no elliptic-curve work is done: the
   * signature, the `n` key and the route-hint keys are not checked and `payeeNodeKey` is only the
   * `n` field. Call `verifyInvoice` before trusting such an invoice.
   */
  readonly verify?: boolean;
  /**
   * Read invoices as readers did before the 2021-2025 changes of BOLT 11, as LDK, lnd and CLN
   * still do: skip p/h/s/n fields of the wrong length ("MUST skip over" them, instead of
   * failing), accept an invoice without a payment secret, and non-minimal `x`, `c` and `9`
   * fields. Every rule let pass is listed in `relaxed`.
   */
  readonly legacy?: boolean;
  /** Networks beyond bitcoin, testnet, signet and regtest (see `defineNetwork`). */
  readonly networks?: readonly Network[];
  /** The elliptic-curve implementation (default: `fastSecp256k1`, built on @noble/secp256k1). */
  readonly secp256k1?: Secp256k1Verifier;
}

const OPTIONS = {
  verify: isBoolean,
  legacy: isBoolean,
  networks: checkedWhereUsed,
  secp256k1: checkedWhereUsed,
} as const;

/**
 * Decodes a BOLT 11 invoice and, by default, verifies its signature.
 * Throws `Bolt11Error` for anything the current BOLT 11 text rejects.
 */
export function decode(
  invoice: string,
  options?: DecodeOptions & { readonly verify?: true; readonly legacy?: false },
): Invoice;
export function decode(
  invoice: string,
  options: DecodeOptions & { readonly verify: false; readonly legacy?: false },
): UnverifiedInvoice;
export function decode(
  invoice: string,
  options?: DecodeOptions & { readonly verify?: true },
): Legacy<Invoice>;
export function decode(invoice: string, options?: DecodeOptions): Legacy<UnverifiedInvoice>;
export function decode(invoice: string, options?: DecodeOptions): Legacy<UnverifiedInvoice> {
  if (typeof invoice !== 'string')
    throw new TypeError(`invoice must be a string, got ${describeValue(invoice)}`);
  const {
    verify,
    legacy = false,
    networks,
    secp256k1,
  } = readOptions<DecodeOptions>('options', options, OPTIONS);
  const input = readInvoiceString(invoice);
  const { network, amountMsat } = parseHrp(
    input.hrp,
    withNetworks(networks, 'options.networks'),
    input.offset,
    bolt11Error,
  );
  const data = splitDataPart(input);
  const secp = verify === false ? undefined : verifierParam(secp256k1, fastVerifier);
  const read = readFields(data.fields, { network, legacy, secp });
  const signature = readSignature(data.signatureWords, data.signatureSpan);
  // "if a valid `n` field is provided: [...] If the signature is not compliant with the low-S
  // standard rule: MUST fail the payment"
  if (read.known.some((f) => f.tag === 'n') && hasHighS(signature)) {
    throw new Bolt11Error(
      'non-canonical-signature',
      'the signature has a high S value, which is invalid with an n field (the low-S rule)',
      { span: data.signatureSpan },
    );
  }
  const set = checkFieldSet(read, legacy, read.relaxed);
  const parsed: Legacy<UnverifiedInvoice> = {
    network: network.name,
    prefix: network.prefix,
    hrp: input.hrp,
    amountMsat,
    timestamp: data.timestamp,
    expiresAt: data.timestamp + set.expiry,
    ...set,
    unknownFields: read.unknown,
    ignoredFields: read.ignored,
    fields: data.fields,
    relaxed: read.relaxed,
    signature,
    signingHash: signingHash(input.hrp, data.signedWords),
  };
  return secp ? checkSignature(parsed, secp) : withJsonView(parsed);
}
