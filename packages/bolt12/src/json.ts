// A JSON view of a decoded message, in the conventions of core's `invoiceToJSON`: snake_case keys
// (here the spec's TLV field names), 64-bit numbers as decimal strings, bytes as hex, and every
// field of the message's kind present (`null` when absent), so that a reader of the JSON meets
// one shape per kind.
import { describeValue, toHex } from '@lninvoice/core/text';
import type { Feature } from './features.js';
import type { BlindedPath, BlindedPayInfo, InvoicePath } from './paths.js';
import type { TlvRecord } from './tlv.js';
import type {
  Bolt12,
  Invoice,
  InvoiceRequest,
  InvoiceRequestFields,
  Offer,
  OfferFields,
  OfferId,
} from './types.js';

/** One set feature bit, as core's BOLT 11 view writes it. */
export interface FeatureJson {
  /** The BOLT 9 name, or "" for a bit BOLT 9 does not name. */
  name: string;
  is_required: boolean;
  is_known: boolean;
}

/** The set bits of a feature field, by bit number. */
export type FeaturesJson = Record<string, FeatureJson>;

export interface BlindedHopJson {
  blinded_node_id: string;
  encrypted_recipient_data: string;
}

/** A `blinded_path`: `first_node_id` is a public key, or a short channel id and direction. */
export interface BlindedPathJson {
  /** The introduction node's key; null when the path starts at a channel (`first_scid`). */
  first_node_id: string | null;
  /** The introduction channel as `block x tx x output`; null when `first_node_id` is a key. */
  first_scid: string | null;
  /** Which end of `first_scid`: 0 for `node_id_1`, 1 for `node_id_2`; null with a key. */
  first_scid_dir: 0 | 1 | null;
  first_path_key: string;
  path: BlindedHopJson[];
}

/** A `blinded_payinfo`: what paying through one invoice path costs. */
export interface BlindedPayInfoJson {
  fee_base_msat: number;
  fee_proportional_millionths: number;
  cltv_expiry_delta: number;
  htlc_minimum_msat: string;
  htlc_maximum_msat: string;
  features: FeaturesJson;
  /** False when `features` has an unknown even bit: the path must not be used. */
  usable: boolean;
}

export interface InvoicePathJson extends BlindedPathJson {
  /** The path's entry of `invoice_blindedpay`. */
  blinded_payinfo: BlindedPayInfoJson;
}

/** A record of a type lninvoice does not know, as written. */
export interface UnknownRecordJson {
  type: string;
  hex: string;
}

/** The offer fields, in an offer or mirrored in an invoice request or invoice. */
export interface OfferFieldsJson {
  /** Chain names (or hashes in hex); `["bitcoin"]` when the field is absent. */
  offer_chains: string[];
  offer_metadata: string | null;
  offer_currency: string | null;
  /** The ISO 4217 exponent of `offer_currency` (USD 2, JPY 0); null without one or unknown. */
  offer_currency_exponent: number | null;
  /** As written: millisatoshis, or minor units of `offer_currency`. */
  offer_amount: string | null;
  offer_description: string | null;
  offer_features: FeaturesJson;
  offer_absolute_expiry: string | null;
  /** Empty when the field is absent. */
  offer_paths: BlindedPathJson[];
  offer_issuer: string | null;
  /** "0" means any quantity. */
  offer_quantity_max: string | null;
  offer_issuer_id: string | null;
}

/** The invoice request fields, in an invoice request or mirrored in an invoice. */
export interface InvoiceRequestFieldsJson {
  invreq_metadata: string | null;
  /** The chain by name; "bitcoin" when the field is absent. */
  invreq_chain: string;
  /** Millisatoshis. */
  invreq_amount: string | null;
  invreq_features: FeaturesJson;
  invreq_quantity: string | null;
  invreq_payer_id: string | null;
  invreq_payer_note: string | null;
  /** Empty when the field is absent. */
  invreq_paths: BlindedPathJson[];
  invreq_bip_353_name: { name: string; domain: string } | null;
}

/** What every message's view ends with. */
interface MessageJson {
  /** Both ids of the offer the message is or answers: Core Lightning's and LDK's. */
  offer_id: { sha256: string; ldk: string };
  unknown_records: UnknownRecordJson[];
}

/** What a signed message's view has. */
interface SignedJson {
  /** `signature` (BIP 340, 64 bytes); null for a request published without an offer. */
  signature: string | null;
  /** The Merkle root of the non-signature records. */
  merkle_root: string;
  /** The hash the signature signs. */
  signature_hash: string;
  /** The signature was checked (false when decoded with `verify: false`, or unsigned). */
  verified: boolean;
}

export interface OfferJson extends OfferFieldsJson, MessageJson {
  kind: 'offer';
}

export interface InvoiceRequestJson
  extends OfferFieldsJson,
    InvoiceRequestFieldsJson,
    SignedJson,
    MessageJson {
  kind: 'invoice_request';
  invreq_metadata: string;
  invreq_payer_id: string;
}

export interface InvoiceJson
  extends OfferFieldsJson,
    InvoiceRequestFieldsJson,
    SignedJson,
    MessageJson {
  kind: 'invoice';
  /** Each path with its `blinded_payinfo`. */
  invoice_paths: InvoicePathJson[];
  invoice_created_at: string;
  /** Seconds; 7200 when the field is absent. */
  invoice_relative_expiry: number;
  /** `invoice_created_at` + `invoice_relative_expiry`: not to be paid after it. */
  expires_at: string;
  invoice_payment_hash: string;
  /** Millisatoshis. */
  invoice_amount: string;
  /** The fallbacks a payer may use; `address` is null on a chain whose addresses are unknown. */
  invoice_fallbacks: { version: number; program: string; address: string | null }[];
  invoice_features: FeaturesJson;
  invoice_node_id: string;
  signature: string;
}

export type Bolt12Json = OfferJson | InvoiceRequestJson | InvoiceJson;

const hexOrNull = (bytes: Uint8Array | undefined): string | null =>
  bytes === undefined ? null : toHex(bytes);

const decimalOrNull = (n: bigint | undefined): string | null =>
  n === undefined ? null : n.toString();

const featuresJson = (features: readonly Feature[]): FeaturesJson => {
  const out: FeaturesJson = {};
  for (const f of features)
    out[String(f.bit)] = { name: f.name ?? '', is_required: f.required, is_known: f.known };
  return out;
};

const pathJson = (path: BlindedPath): BlindedPathJson => {
  const first = path.firstNodeId;
  const byKey = 'nodeId' in first;
  return {
    first_node_id: byKey ? toHex(first.nodeId) : null,
    first_scid: byKey ? null : first.shortChannelId,
    first_scid_dir: byKey ? null : first.direction,
    first_path_key: toHex(path.firstPathKey),
    path: path.hops.map((hop) => ({
      blinded_node_id: toHex(hop.blindedNodeId),
      encrypted_recipient_data: toHex(hop.encryptedRecipientData),
    })),
  };
};

const payInfoJson = (info: BlindedPayInfo): BlindedPayInfoJson => ({
  fee_base_msat: info.feeBaseMsat,
  fee_proportional_millionths: info.feeProportionalMillionths,
  cltv_expiry_delta: info.cltvExpiryDelta,
  htlc_minimum_msat: info.htlcMinimumMsat.toString(),
  htlc_maximum_msat: info.htlcMaximumMsat.toString(),
  features: featuresJson(info.features),
  usable: info.usable,
});

const invoicePathJson = (path: InvoicePath): InvoicePathJson => ({
  ...pathJson(path),
  blinded_payinfo: payInfoJson(path.blindedPayInfo),
});

const offerFieldsJson = (o: OfferFields): OfferFieldsJson => ({
  offer_chains: [...o.chains],
  offer_metadata: hexOrNull(o.metadata),
  offer_currency: o.currency ?? null,
  offer_currency_exponent: o.currencyExponent ?? null,
  offer_amount: decimalOrNull(o.amount),
  offer_description: o.description ?? null,
  offer_features: featuresJson(o.features),
  offer_absolute_expiry: decimalOrNull(o.absoluteExpiry),
  offer_paths: o.paths.map(pathJson),
  offer_issuer: o.issuer ?? null,
  offer_quantity_max: decimalOrNull(o.quantityMax),
  offer_issuer_id: hexOrNull(o.issuerId),
});

const requestFieldsJson = (r: InvoiceRequestFields): InvoiceRequestFieldsJson => ({
  invreq_metadata: hexOrNull(r.invreqMetadata),
  invreq_chain: r.chain,
  invreq_amount: decimalOrNull(r.amountMsat),
  invreq_features: featuresJson(r.features),
  invreq_quantity: decimalOrNull(r.quantity),
  invreq_payer_id: hexOrNull(r.payerId),
  invreq_payer_note: r.payerNote ?? null,
  invreq_paths: r.paths.map(pathJson),
  invreq_bip_353_name: r.bip353Name
    ? { name: r.bip353Name.name, domain: r.bip353Name.domain }
    : null,
});

const signedJson = (m: InvoiceRequest | Invoice): SignedJson => ({
  signature: hexOrNull(m.signature),
  merkle_root: toHex(m.merkleRoot),
  signature_hash: toHex(m.signatureHash),
  verified: m.verified,
});

const messageJson = (m: { offerId: OfferId; unknownRecords: readonly TlvRecord[] }) => ({
  offer_id: { sha256: toHex(m.offerId.sha256), ldk: toHex(m.offerId.ldk) },
  unknown_records: m.unknownRecords.map((r) => ({ type: r.type.toString(), hex: toHex(r.value) })),
});

/**
 * The JSON view of a decoded (or built) offer, invoice request or invoice: its fields by their
 * BOLT 12 TLV names (`offer_description`, `invreq_payer_id`, `invoice_amount`, …), the mirrored
 * offer and request fields of requests and invoices included, plus `kind`, `offer_id`, the
 * signature's `merkle_root` and `signature_hash`, and `unknown_records`. Plain data:
 * `JSON.stringify` prints it as it is.
 */
export function bolt12ToJSON(message: Offer): OfferJson;
export function bolt12ToJSON(message: InvoiceRequest): InvoiceRequestJson;
export function bolt12ToJSON(message: Invoice): InvoiceJson;
export function bolt12ToJSON(message: Bolt12): Bolt12Json;
export function bolt12ToJSON(message: Bolt12): Bolt12Json {
  const m = message as Partial<Bolt12> | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    (m.kind !== 'offer' && m.kind !== 'invoice_request' && m.kind !== 'invoice') ||
    !Array.isArray(m.records) ||
    !('offerId' in m)
  )
    throw new TypeError(
      `message must be a decoded BOLT 12 message (decodeBolt12's result), got ${describeValue(message)}`,
    );
  if (message.kind === 'offer')
    return { kind: 'offer', ...offerFieldsJson(message), ...messageJson(message) };
  if (message.kind === 'invoice_request')
    return {
      kind: 'invoice_request',
      ...offerFieldsJson(message.offer),
      ...requestFieldsJson(message),
      invreq_metadata: toHex(message.invreqMetadata),
      invreq_payer_id: toHex(message.payerId),
      ...signedJson(message),
      ...messageJson(message),
    };
  return {
    kind: 'invoice',
    ...offerFieldsJson(message.offer),
    ...requestFieldsJson(message.request),
    invoice_paths: message.paths.map(invoicePathJson),
    invoice_created_at: message.createdAt.toString(),
    invoice_relative_expiry: message.relativeExpiry,
    expires_at: message.expiresAt.toString(),
    invoice_payment_hash: toHex(message.paymentHash),
    invoice_amount: message.amountMsat.toString(),
    invoice_fallbacks: message.fallbacks.map((f) => ({
      version: f.version,
      program: toHex(f.program),
      address: f.address ?? null,
    })),
    invoice_features: featuresJson(message.features),
    invoice_node_id: toHex(message.nodeId),
    ...signedJson(message),
    signature: toHex(message.signature),
    ...messageJson(message),
  };
}
