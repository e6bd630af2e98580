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
  /** An even bit: a reader without the feature must refuse the message. */
  is_required: boolean;
  /** BOLT 9 names the bit (and `name` is its name). */
  is_known: boolean;
}

/** The set bits of a feature field, by bit number. */
export type FeaturesJson = Record<string, FeatureJson>;

/** A hop of a `blinded_path`, bytes as hex. */
export interface BlindedHopJson {
  /** The hop's blinded node id, a 33-byte key. */
  blinded_node_id: string;
  /** The data only the hop can read. */
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
  /** The path key (blinding point) of the introduction node, a 33-byte key. */
  first_path_key: string;
  /** The hops, the introduction node first. */
  path: BlindedHopJson[];
}

/** A `blinded_payinfo`: what paying through one invoice path costs. */
export interface BlindedPayInfoJson {
  /** The fee of the whole path, in millisatoshis. */
  fee_base_msat: number;
  /** The fee of the whole path, in millionths of the amount. */
  fee_proportional_millionths: number;
  /** The blocks the path adds to the CLTV expiry. */
  cltv_expiry_delta: number;
  /** The least the path carries, in millisatoshis (decimal string). */
  htlc_minimum_msat: string;
  /** The most the path carries, in millisatoshis (decimal string). */
  htlc_maximum_msat: string;
  /** The path's features. */
  features: FeaturesJson;
  /** False when `features` has an unknown even bit: the path must not be used. */
  usable: boolean;
}

/** An `invoice_paths` entry: the blinded path and what paying through it costs. */
export interface InvoicePathJson extends BlindedPathJson {
  /** The path's entry of `invoice_blindedpay`. */
  blinded_payinfo: BlindedPayInfoJson;
}

/** A record of a type lninvoice does not know, as written. */
export interface UnknownRecordJson {
  /** The record type (decimal string). */
  type: string;
  /** The record value, as written. */
  hex: string;
}

/** The offer fields, in an offer or mirrored in an invoice request or invoice. */
export interface OfferFieldsJson {
  /** Chain names (or hashes in hex); `["bitcoin"]` when the field is absent. */
  offer_chains: string[];
  /** The issuer's own data, hex; null when absent. */
  offer_metadata: string | null;
  /** An ISO 4217 code, when the amount is not in the chain's currency; null when absent. */
  offer_currency: string | null;
  /** The ISO 4217 exponent of `offer_currency` (USD 2, JPY 0); null without one or unknown. */
  offer_currency_exponent: number | null;
  /** As written: millisatoshis, or minor units of `offer_currency`. */
  offer_amount: string | null;
  /** What the offer is for (untrusted text); null when absent. */
  offer_description: string | null;
  /** The offer's features. */
  offer_features: FeaturesJson;
  /**
   * Seconds since 1970 after which the offer is not to be used (decimal string); null when absent.
   */
  offer_absolute_expiry: string | null;
  /** Empty when the field is absent. */
  offer_paths: BlindedPathJson[];
  /** Who issues the offer, in its own words (untrusted text); null when absent. */
  offer_issuer: string | null;
  /** "0" means any quantity. */
  offer_quantity_max: string | null;
  /** The issuer's 33-byte public key, hex; null when absent. */
  offer_issuer_id: string | null;
}

/** The invoice request fields, in an invoice request or mirrored in an invoice. */
export interface InvoiceRequestFieldsJson {
  /** The payer's own data, hex; null when absent. */
  invreq_metadata: string | null;
  /** The chain by name; "bitcoin" when the field is absent. */
  invreq_chain: string;
  /** Millisatoshis. */
  invreq_amount: string | null;
  /** The request's features. */
  invreq_features: FeaturesJson;
  /** How many items of the offer (decimal string); null when absent. */
  invreq_quantity: string | null;
  /** The payer's 33-byte public key, hex; null when absent. */
  invreq_payer_id: string | null;
  /** The payer's note to the payee (untrusted text); null when absent. */
  invreq_payer_note: string | null;
  /** Empty when the field is absent. */
  invreq_paths: BlindedPathJson[];
  /** The BIP 353 name the payer used to find the offer; null when absent. */
  invreq_bip_353_name: {
    /** The user part, before the `@`. */
    name: string;
    /** The domain, after the `@`. */
    domain: string;
  } | null;
}

/** What every message's view ends with. */
interface MessageJson {
  /** Both ids of the offer the message is or answers: Core Lightning's and LDK's. */
  offer_id: {
    /** Core Lightning's `offer_id`: SHA-256 of the offer's records as written, hex. */
    sha256: string;
    /** LDK's `OfferId`: H("LDK Offer ID", Merkle root of the offer's records), hex. */
    ldk: string;
  };
  /** Records of types lninvoice does not know, as written. */
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

/** The JSON view of an offer. */
export interface OfferJson extends OfferFieldsJson, MessageJson {
  /** Tells the kinds of {@link Bolt12Json} apart. */
  kind: 'offer';
}

/** The JSON view of an invoice request. */
export interface InvoiceRequestJson
  extends OfferFieldsJson,
    InvoiceRequestFieldsJson,
    SignedJson,
    MessageJson {
  /** Tells the kinds of {@link Bolt12Json} apart. */
  kind: 'invoice_request';
  /** The payer's own data, hex: an invoice request always has it. */
  invreq_metadata: string;
  /** The payer's 33-byte public key, hex: an invoice request always has it. */
  invreq_payer_id: string;
}

/** The JSON view of an invoice. */
export interface InvoiceJson
  extends OfferFieldsJson,
    InvoiceRequestFieldsJson,
    SignedJson,
    MessageJson {
  /** Tells the kinds of {@link Bolt12Json} apart. */
  kind: 'invoice';
  /** Each path with its `blinded_payinfo`. */
  invoice_paths: InvoicePathJson[];
  /** Seconds since 1970 (decimal string). */
  invoice_created_at: string;
  /** Seconds; 7200 when the field is absent. */
  invoice_relative_expiry: number;
  /** `invoice_created_at` + `invoice_relative_expiry`: not to be paid after it. */
  expires_at: string;
  /** The payment hash, 32 bytes hex: the preimage paid for hashes to it. */
  invoice_payment_hash: string;
  /** Millisatoshis. */
  invoice_amount: string;
  /** The fallbacks a payer may use; `address` is null on a chain whose addresses are unknown. */
  invoice_fallbacks: {
    /** The witness version, 0 to 16. */
    version: number;
    /** The witness program, hex. */
    program: string;
    /** The address on the invoice's chain, or null on a chain whose addresses are unknown. */
    address: string | null;
  }[];
  /** The invoice's features. */
  invoice_features: FeaturesJson;
  /** The 33-byte key that signs the invoice, hex. */
  invoice_node_id: string;
  /** The BIP 340 signature, 64 bytes hex: an invoice always has one. */
  signature: string;
}

/**
 * What {@link bolt12ToJSON} returns: the view of an offer, invoice request or invoice, by `kind`.
 */
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
