// A JSON view of an invoice: hex and decimal strings, in the shape `lncli decodepayreq` prints
// (snake_case, int64 as strings, "" for an absent string), plus what lnd leaves out.

import { wordsToChars } from '../bech32.js';
import { toHex, withToJSON } from '../text.js';
import type { AnyInvoice, Invoice, Legacy } from './invoice.js';

/** A hop of a route hint, as `lncli decodepayreq` prints it. */
export interface HopHintJson {
  /** The 33-byte node id of the start of the channel, hex. */
  node_id: string;
  /** The short channel id as lnd writes it: a u64 in decimal. */
  chan_id: string;
  /** The same id as `block x tx x output`. */
  short_channel_id: string;
  /** The base fee, in millisatoshis. */
  fee_base_msat: number;
  /** The fee in millionths of the amount forwarded. */
  fee_proportional_millionths: number;
  /** The blocks the channel adds to the CLTV expiry. */
  cltv_expiry_delta: number;
}

/** A tagged field as written, for fields of unknown types and those readers skip. */
export interface RawFieldJson {
  /** The field's bech32 character, e.g. `'p'`. */
  tag: string;
  /** The 5-bit type number. */
  type: number;
  /** The length of the data, in 5-bit words. */
  data_length: number;
  /** The data as bech32 characters, exactly as written. */
  data: string;
}

/**
 * The JSON view of an invoice: what {@link invoiceToJSON} returns, in the shape `lncli
 * decodepayreq` prints, plus what lnd leaves out.
 */
export interface InvoiceJson {
  /** The network's name, e.g. `'bitcoin'`. */
  network: string;
  /** The invoice prefix, e.g. `'lnbc'`. */
  prefix: string;
  /** The payee node key (hex); "" for an unverified invoice without an `n` field. */
  destination: string;
  /** Where `destination` came from; "" when there is none. */
  payee_source: 'n-field' | 'recovered' | '';
  /** The payment hash, 32 bytes hex. */
  payment_hash: string;
  /** Whole satoshis (rounded down), "0" when the invoice has no amount: lnd's field. */
  num_satoshis: string;
  /** Millisatoshis, "0" when the invoice has no amount: lnd's field. */
  num_msat: string;
  /** Millisatoshis, or null when the payer chooses the amount. */
  amount_msat: string | null;
  /** Creation time, seconds since 1970 (decimal string). */
  timestamp: string;
  /** Seconds of validity after `timestamp` (decimal string). */
  expiry: string;
  /** `timestamp + expiry` (decimal string). */
  expires_at: string;
  /** The `d` field (untrusted text), or "". */
  description: string;
  /** The `h` field, hex, or "". */
  description_hash: string;
  /** The first fallback address, or "". */
  fallback_addr: string;
  /** Every fallback a payer may use, in order. */
  fallback_addresses: {
    /** 0-16: segwit version; 17: P2PKH; 18: P2SH. */
    version: number;
    /** The witness program or hash, hex. */
    program: string;
    /** The address as the invoice's network writes it. */
    address: string;
  }[];
  /** The `c` field: the min final CLTV expiry delta, in blocks (decimal string). */
  cltv_expiry: string;
  /** One entry per `r` field, in order. */
  route_hints: {
    /** The hops, from a public node towards the payee. */
    hop_hints: HopHintJson[];
  }[];
  /** The payment secret; "" for a legacy invoice without one. */
  payment_addr: string;
  /** The set bits of the `9` field, by bit number. */
  features: Record<
    string,
    {
      /** The BOLT 9 name, or "" for a bit BOLT 9 does not name. */
      name: string;
      /** An even bit: a payer without the feature must not pay. */
      is_required: boolean;
      /** BOLT 9 names the bit. */
      is_known: boolean;
    }
  >;
  /** The `m` field, hex, or "". */
  payment_metadata: string;
  /** Fields of unknown types, as written. */
  unknown_fields: RawFieldJson[];
  /** Fields of known types that readers skip, with why. */
  ignored_fields: (RawFieldJson & {
    /** Why it was skipped, e.g. `'unknown fallback version 19'`. */
    reason: string;
  })[];
  /** The rules `legacy` let this invoice break (see `relaxed`). */
  relaxed: {
    /** The code strict decoding fails with. */
    code: string;
    /** The message strict decoding fails with. */
    message: string;
  }[];
  /** The signature, as written. */
  signature: {
    /** R || S, 64 bytes hex. */
    compact: string;
    /** 0-3. */
    recovery_id: number;
  };
  /** The hash signed, hex: SHA-256 of the human-readable part and the data. */
  signing_hash: string;
}

const chanId = (shortChannelId: string): string => {
  const [block, tx, output] = shortChannelId.split('x').map(BigInt) as [bigint, bigint, bigint];
  return ((block << 40n) | (tx << 16n) | output).toString();
};

const rawField = (f: { tag: string; type: number; words: Uint8Array }): RawFieldJson => ({
  tag: f.tag,
  type: f.type,
  data_length: f.words.length,
  data: wordsToChars(f.words),
});

/**
 * The JSON view of a decoded invoice: hex and decimal strings, safe for `JSON.stringify` (no
 * `bigint`, no bytes).
 */
export const invoiceToJSON = (invoice: AnyInvoice | Legacy<Invoice>): InvoiceJson => {
  const features: InvoiceJson['features'] = {};
  for (const f of invoice.features) {
    features[String(f.bit)] = { name: f.name ?? '', is_required: f.required, is_known: f.known };
  }
  const payeeSource =
    'payeeSource' in invoice ? invoice.payeeSource : invoice.payeeNodeKey ? 'n-field' : '';
  return {
    network: invoice.network,
    prefix: invoice.prefix,
    destination: invoice.payeeNodeKey ? toHex(invoice.payeeNodeKey) : '',
    payee_source: payeeSource,
    payment_hash: toHex(invoice.paymentHash),
    num_satoshis: ((invoice.amountMsat ?? 0n) / 1000n).toString(),
    num_msat: (invoice.amountMsat ?? 0n).toString(),
    amount_msat: invoice.amountMsat === undefined ? null : invoice.amountMsat.toString(),
    timestamp: String(invoice.timestamp),
    expiry: String(invoice.expiry),
    expires_at: String(invoice.expiresAt),
    description: invoice.description ?? '',
    description_hash: invoice.descriptionHash ? toHex(invoice.descriptionHash) : '',
    fallback_addr: invoice.fallbackAddresses[0]?.address ?? '',
    fallback_addresses: invoice.fallbackAddresses.map((f) => ({
      version: f.version,
      program: toHex(f.program),
      address: f.address,
    })),
    cltv_expiry: String(invoice.minFinalCltvExpiryDelta),
    route_hints: invoice.routeHints.map((route) => ({
      hop_hints: route.map((hop) => ({
        node_id: toHex(hop.pubkey),
        chan_id: chanId(hop.shortChannelId),
        short_channel_id: hop.shortChannelId,
        fee_base_msat: hop.feeBaseMsat,
        fee_proportional_millionths: hop.feeProportionalMillionths,
        cltv_expiry_delta: hop.cltvExpiryDelta,
      })),
    })),
    payment_addr: invoice.paymentSecret ? toHex(invoice.paymentSecret) : '',
    features,
    payment_metadata: invoice.metadata ? toHex(invoice.metadata) : '',
    unknown_fields: invoice.unknownFields.map(rawField),
    ignored_fields: invoice.ignoredFields.map((f) => ({ ...rawField(f), reason: f.reason })),
    relaxed: invoice.relaxed.map(({ code, message }) => ({ code, message })),
    signature: {
      compact: toHex(invoice.signature.compact),
      recovery_id: invoice.signature.recoveryId,
    },
    signing_hash: toHex(invoice.signingHash),
  };
};

/**
 * Gives `invoice` a non-enumerable `toJSON`, so that `JSON.stringify(invoice)` prints the invoice
 * itself with bigints as decimal strings and bytes as hex, instead of throwing on `bigint`; and
 * `structuredClone` still copies it as plain data. `invoiceToJSON` gives lncli's shape.
 */
export const withJsonView = <T extends AnyInvoice>(invoice: T): T => withToJSON(invoice);
