// The decoded messages: each field in spec terms, camelCased; the records as written.

import type { Feature } from './features.js';
import type { Bip353Name, FallbackAddress } from './fields.js';
import type { BlindedPath, InvoicePath } from './paths.js';
import type { TlvRecord } from './tlv.js';

/** The fields of an offer, also mirrored in invoice requests and invoices (`offer_*`). */
export interface OfferFields {
  /**
   * `offer_chains` by name (`'bitcoin'`, `'testnet'`, `'testnet4'`, `'signet'`, `'regtest'`,
   * `'liquidv1'`; an unknown chain by its hash in hex); `['bitcoin']` when absent, as "implying
   * that bitcoin is only chain".
   */
  readonly chains: readonly string[];
  /** `offer_metadata`. */
  readonly metadata: Uint8Array | undefined;
  /** `offer_currency`: an ISO 4217 code, when the amount is not in the chain's currency. */
  readonly currency: string | undefined;
  /** The ISO 4217 exponent of `currency` (USD 2, JPY 0); undefined for an unknown code. */
  readonly currencyExponent: number | undefined;
  /** `offer_amount` as written: millisatoshis, or minor units of `currency`. */
  readonly amount: bigint | undefined;
  /** `offer_amount` in millisatoshis, when it has no currency. */
  readonly amountMsat: bigint | undefined;
  /** `offer_description`. */
  readonly description: string | undefined;
  /** `offer_features`: each set bit, with its BOLT 9 name. */
  readonly features: readonly Feature[];
  /** `offer_absolute_expiry`: seconds since 1970. */
  readonly absoluteExpiry: bigint | undefined;
  /** `offer_paths`; empty when absent. */
  readonly paths: readonly BlindedPath[];
  /** `offer_issuer`. */
  readonly issuer: string | undefined;
  /** `offer_quantity_max`: 0 means any quantity. */
  readonly quantityMax: bigint | undefined;
  /** `offer_issuer_id`: 33-byte public key. */
  readonly issuerId: Uint8Array | undefined;
}

/** The fields of an invoice request, also mirrored in invoices (`invreq_*`). */
export interface InvoiceRequestFields {
  /** `invreq_metadata`. */
  readonly invreqMetadata: Uint8Array | undefined;
  /** `invreq_chain` by name; `'bitcoin'` when absent. */
  readonly chain: string;
  /** `invreq_amount`. */
  readonly amountMsat: bigint | undefined;
  /** `invreq_features`. */
  readonly features: readonly Feature[];
  /** `invreq_quantity`. */
  readonly quantity: bigint | undefined;
  /** `invreq_payer_id`: 33-byte public key. */
  readonly payerId: Uint8Array | undefined;
  /** `invreq_payer_note`. */
  readonly payerNote: string | undefined;
  /** `invreq_paths`; empty when absent. */
  readonly paths: readonly BlindedPath[];
  /** `invreq_bip_353_name`. */
  readonly bip353Name: Bip353Name | undefined;
}

/** Two offer ids, named apart: implementations define the id differently. */
export interface OfferId {
  /** Core Lightning's `offer_id`: SHA-256 of the offer's records as written. */
  readonly sha256: Uint8Array;
  /** LDK's `OfferId`: H("LDK Offer ID", Merkle root of the offer's records). */
  readonly ldk: Uint8Array;
}

/** What every decoded message has. */
interface Message {
  /** Every TLV record as written, in order, unknown ones included. */
  readonly records: readonly TlvRecord[];
  /** Records of types lninvoice does not know (odd ones: "it's ok to be odd"). */
  readonly unknownRecords: readonly TlvRecord[];
  /** The string was upper case (as QR codes write it). */
  readonly uppercase: boolean;
  /** The ids of the offer this message is or answers. */
  readonly offerId: OfferId;
}

/** A signed message: the Merkle root, the hash its signature signs, and whether it was checked. */
interface Signed {
  /** `signature`: 64-byte BIP 340 signature. */
  readonly signature: Uint8Array | undefined;
  /** The Merkle root of the non-signature records. */
  readonly merkleRoot: Uint8Array;
  /** H("lightning" || message name || "signature", merkleRoot): the hash signed. */
  readonly signatureHash: Uint8Array;
  /** True when the signature was checked (the default); false with `verify: false`. */
  readonly verified: boolean;
}

/** A decoded offer (`lno1…`): its fields and records. */
export interface Offer extends Message, OfferFields {
  /** Tells the kinds of {@link Bolt12} apart. */
  readonly kind: 'offer';
}

/**
 * A decoded invoice request (`lnr1…`): the offer fields it mirrors, its own fields, its signature.
 */
export interface InvoiceRequest extends Message, Signed, InvoiceRequestFields {
  /** Tells the kinds of {@link Bolt12} apart. */
  readonly kind: 'invoice_request';
  readonly invreqMetadata: Uint8Array;
  readonly payerId: Uint8Array;
  /** The offer fields it mirrors. */
  readonly offer: OfferFields;
}

/**
 * A decoded invoice (`lni1…`): the offer and request fields it mirrors, its own fields, its
 * signature.
 */
export interface Invoice extends Message, Signed {
  /** Tells the kinds of {@link Bolt12} apart. */
  readonly kind: 'invoice';
  readonly signature: Uint8Array;
  /** The offer fields it mirrors. */
  readonly offer: OfferFields;
  /** The invoice request fields it mirrors. */
  readonly request: InvoiceRequestFields;
  /** `invoice_paths`, each with its `invoice_blindedpay` entry. */
  readonly paths: readonly InvoicePath[];
  /** `invoice_created_at`: seconds since 1970. */
  readonly createdAt: bigint;
  /** `invoice_relative_expiry`: seconds, 7200 when absent. */
  readonly relativeExpiry: number;
  /** createdAt + relativeExpiry: after it, the invoice is not to be paid. */
  readonly expiresAt: bigint;
  /** `invoice_payment_hash`. */
  readonly paymentHash: Uint8Array;
  /** `invoice_amount`. */
  readonly amountMsat: bigint;
  /** `invoice_fallbacks` a payer may use (the others are ignored, as BOLT 12 requires). */
  readonly fallbacks: readonly FallbackAddress[];
  /** `invoice_features`. */
  readonly features: readonly Feature[];
  /** `invoice_node_id`: the key that signs. */
  readonly nodeId: Uint8Array;
  /** The chain of the invoice: `invreq_chain`, or bitcoin. */
  readonly chain: string;
}

/** A decoded BOLT 12 message: an offer, invoice request or invoice, by `kind`. */
export type Bolt12 = Offer | InvoiceRequest | Invoice;
