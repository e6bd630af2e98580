// The shape of a decoded invoice.
import type { Span } from '../errors.js';
import type { Bolt11ErrorCode } from './error.js';
import type { Feature } from './features.js';

/** An invoice ready to be signed by `signInvoice` or `signInvoiceWith` (what `createInvoice` makes). */
export interface UnsignedInvoice {
  /** The network's name, e.g. `'bitcoin'`. */
  readonly network: string;
  /** The human-readable part: prefix and amount (`'lnbc2500u'`). */
  readonly hrp: string;
  /** Creation time, seconds since 1970. */
  readonly timestamp: number;
  /** The fields in the order they will be written. */
  readonly fields: readonly FieldWords[];
  /** The `n` field: the key that must sign. */
  readonly payeeNodeKey: Uint8Array | undefined;
}

/** A tagged field as words: type and data, ready to write. */
export interface FieldWords {
  /** The field's bech32 character, e.g. `'p'`; unknown types have one too (type 10 is `'2'`). */
  readonly tag: string;
  /** The 5-bit type number (`p` = 1). */
  readonly type: number;
  /** The `data_length` words of data. */
  readonly words: Uint8Array;
}

/** One tagged field exactly as written: what encoding needs to reproduce the string. */
export interface TaggedField extends FieldWords {
  /** Where the field (type, length and data) stands in the input. */
  readonly span: Span;
}

/** A field of a known type that BOLT 11 tells readers to skip, kept for lossless re-encoding. */
export interface IgnoredField extends TaggedField {
  /** Why it was skipped, e.g. `'unknown fallback version 19'`. */
  readonly reason: string;
}

/** An on-chain fallback address (`f` field). */
export interface FallbackAddress {
  /** 0-16: segwit version; 17: P2PKH; 18: P2SH. */
  readonly version: number;
  /** Witness program, or the 20-byte public key / script hash. */
  readonly program: Uint8Array;
  /** The address as the invoice's network writes it. */
  readonly address: string;
}

/** One hop of a private route (`r` field), from a public node towards the payee. */
export interface RouteHintHop {
  /** 33-byte node id of the start of the channel. */
  readonly pubkey: Uint8Array;
  /** `block x tx x output`, e.g. `'66051x263430x1800'`. */
  readonly shortChannelId: string;
  /** u32, exact. */
  readonly feeBaseMsat: number;
  /** u32: the fee in millionths of the amount forwarded. */
  readonly feeProportionalMillionths: number;
  /** u16: the blocks the channel adds to the CLTV expiry. */
  readonly cltvExpiryDelta: number;
}

/** The signature of an invoice: compact form and recovery id, as written. */
export interface InvoiceSignature {
  /** 64 bytes: R || S, exactly as in the invoice (S may be high when there is no `n` field). */
  readonly compact: Uint8Array;
  /** 0-3. */
  readonly recoveryId: number;
}

/**
 * A rule of the current BOLT 11 text that the invoice breaks and that `legacy` let pass: what
 * strict decoding would have thrown. A payer should still refuse such an invoice (validate
 * reports each as an error); a wallet history or an explorer can show it.
 */
export interface RelaxedRule {
  /** The code strict decoding fails with: `missing-payment-secret`, `invalid-field-length`, … */
  readonly code: Bolt11ErrorCode;
  /** The message strict decoding fails with. */
  readonly message: string;
  /** The tagged field at fault, when one is. */
  readonly field: string | undefined;
  /** Where the fault is in the invoice string, when one part is. */
  readonly span: Span | undefined;
}

/** An invoice whose fields are parsed but whose signature was not checked (`verify: false`). */
export interface UnverifiedInvoice {
  /** `'bitcoin' | 'testnet' | 'signet' | 'regtest'`, or a custom network's name. */
  readonly network: string;
  /** `'lnbc'`, `'lntb'`, `'lntbs'`, `'lnbcrt'` or a custom prefix. */
  readonly prefix: string;
  /** The human-readable part, lowercase, amount text as written (`'lnbc2500u'`). */
  readonly hrp: string;
  /** Exact millisatoshis; undefined for an invoice of any amount. */
  readonly amountMsat: bigint | undefined;
  /** Creation time, seconds since 1970. */
  readonly timestamp: number;
  /** Seconds of validity after `timestamp` (3600 when the invoice has no `x` field). */
  readonly expiry: number;
  /** `timestamp + expiry`. */
  readonly expiresAt: number;
  /** The `p` field: SHA-256 of the preimage the payment reveals, 32 bytes. */
  readonly paymentHash: Uint8Array;
  /** The `s` field: 32 bytes the payer sends to the payee (required since 2021). */
  readonly paymentSecret: Uint8Array;
  /** The `d` field; exactly one of `description` and `descriptionHash` is set. */
  readonly description: string | undefined;
  /** The `h` field: SHA-256 of a description delivered some other way. */
  readonly descriptionHash: Uint8Array | undefined;
  /** The `n` field when present; for an unverified invoice without one, undefined. */
  readonly payeeNodeKey: Uint8Array | undefined;
  /** Blocks; 18 when the invoice has no `c` field. */
  readonly minFinalCltvExpiryDelta: number;
  /** The `f` fields a payer may use, in order (others are in `ignoredFields`). */
  readonly fallbackAddresses: readonly FallbackAddress[];
  /** One entry per `r` field, in order: each a route of hops. */
  readonly routeHints: readonly (readonly RouteHintHop[])[];
  /** The set bits of the `9` field, lowest first. */
  readonly features: readonly Feature[];
  /** The `m` field (payment metadata). */
  readonly metadata: Uint8Array | undefined;
  /** Fields of unknown types, raw, in order. */
  readonly unknownFields: readonly TaggedField[];
  /** Fields of known types that readers skip (unknown fallback versions; legacy wrong lengths). */
  readonly ignoredFields: readonly IgnoredField[];
  /** Every tagged field in the order written. */
  readonly fields: readonly TaggedField[];
  /** The rules `legacy` let this invoice break; always empty without `legacy`. */
  readonly relaxed: readonly RelaxedRule[];
  /** The signature, as written. */
  readonly signature: InvoiceSignature;
  /** SHA-256 of the human-readable part and the data words before the signature. */
  readonly signingHash: Uint8Array;
}

/** A decoded invoice whose signature is valid for `payeeNodeKey`. */
export interface Invoice extends UnverifiedInvoice {
  /** The `n` field, or the key recovered from the signature. */
  readonly payeeNodeKey: Uint8Array;
  /** Where `payeeNodeKey` came from. */
  readonly payeeSource: 'n-field' | 'recovered';
}

/**
 * What `decode(…, { legacy: true })` gives: an invoice written before payment secrets were
 * required may have none (its `relaxed` list says so).
 */
export type Legacy<T extends UnverifiedInvoice> = Omit<T, 'paymentSecret'> & {
  /** The `s` field; undefined for a legacy invoice without one. */
  readonly paymentSecret: Uint8Array | undefined;
};

/** Any decoded invoice, legacy ones included: what encode, verifyInvoice and validate take. */
export type AnyInvoice = Legacy<UnverifiedInvoice>;
