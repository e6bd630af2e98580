// A JSON view of an invoice: hex and decimal strings, in the shape `lncli decodepayreq` prints
// (snake_case, int64 as strings, "" for an absent string), plus what lnd leaves out.

import { wordsToChars } from '../bech32.js';
import { toHex, withToJSON } from '../text.js';
import type { AnyInvoice, Invoice, Legacy } from './invoice.js';

export interface HopHintJson {
  node_id: string;
  /** The short channel id as lnd writes it: a u64 in decimal. */
  chan_id: string;
  /** The same id as `block x tx x output`. */
  short_channel_id: string;
  fee_base_msat: number;
  fee_proportional_millionths: number;
  cltv_expiry_delta: number;
}

export interface RawFieldJson {
  tag: string;
  type: number;
  data_length: number;
  /** The data as bech32 characters, exactly as written. */
  data: string;
}

export interface InvoiceJson {
  network: string;
  prefix: string;
  /** The payee node key (hex); "" for an unverified invoice without an `n` field. */
  destination: string;
  payee_source: 'n-field' | 'recovered' | '';
  payment_hash: string;
  /** Whole satoshis (rounded down), "0" when the invoice has no amount: lnd's field. */
  num_satoshis: string;
  /** Millisatoshis, "0" when the invoice has no amount: lnd's field. */
  num_msat: string;
  /** Millisatoshis, or null when the payer chooses the amount. */
  amount_msat: string | null;
  timestamp: string;
  expiry: string;
  expires_at: string;
  description: string;
  description_hash: string;
  /** The first fallback address, or "". */
  fallback_addr: string;
  fallback_addresses: { version: number; program: string; address: string }[];
  cltv_expiry: string;
  route_hints: { hop_hints: HopHintJson[] }[];
  /** The payment secret; "" for a legacy invoice without one. */
  payment_addr: string;
  features: Record<string, { name: string; is_required: boolean; is_known: boolean }>;
  payment_metadata: string;
  unknown_fields: RawFieldJson[];
  ignored_fields: (RawFieldJson & { reason: string })[];
  /** The rules `legacy` let this invoice break (see `relaxed`). */
  relaxed: { code: string; message: string }[];
  signature: { compact: string; recovery_id: number };
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
