// One comparable view of a decoded invoice, built from our decoding or from what bitcoinjs
// `bolt11` returns, so the differential tests compare every field with a single `toEqual`.
// bolt11 returns hex strings, numbers and decimal strings; so does the view.
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import { bech32 } from '@scure/base';
import type { PaymentRequestObject, TagsObject } from 'bolt11';
import type { UnverifiedInvoice } from '../../src/index.js';

export interface InvoiceView {
  readonly network: string;
  readonly amountMsat: string | null;
  readonly timestamp: number;
  readonly paymentHash: string | undefined;
  readonly paymentSecret: string | undefined;
  readonly description: string | undefined;
  readonly descriptionHash: string | undefined;
  /** The `x` field as written: bolt11 reports no value when it is absent (we report 3600). */
  readonly expiry: number | undefined;
  /** The `c` field as written: bolt11 reports no value when it is absent (we report 18). */
  readonly minFinalCltvExpiry: number | undefined;
  /** The `n` field, if written. */
  readonly payeeField: string | undefined;
  /** The `n` field or the key recovered from the signature. */
  readonly payeeNodeKey: string;
  /** `address` only for the versions bolt11 names (see FALLBACK_VERSIONS_NAMED). */
  readonly fallbacks: { version: number; program: string; address: string | null }[];
  /** `shortChannelId` as 8 bytes of hex, which is how bolt11 gives it. */
  readonly routeHints: {
    pubkey: string;
    shortChannelId: string;
    feeBaseMsat: number;
    feeProportionalMillionths: number;
    cltvExpiryDelta: number;
  }[][];
  readonly featureBits: number[];
  readonly metadata: string | undefined;
  /** Fields neither of us knows, as `type` and words. */
  readonly unknownFields: { type: number; words: number[] }[];
  readonly signature: string;
  readonly recoveryId: number;
}

/** bolt11 names the segwit versions it knows (0 and 1) and base58 P2PKH (17) and P2SH (18). */
const FALLBACK_VERSIONS_NAMED = new Set([0, 1, 17, 18]);

/** `m`: bolt11 does not know it and keeps it, like any unknown field, as bech32 words. */
const METADATA_TYPE = 27;

/** bolt11 names bits 0–19 after this list (two bits per name); later bits are `extra_bits`. */
const BOLT11_FEATURE_NAMES = [
  'option_data_loss_protect',
  'initial_routing_sync',
  'option_upfront_shutdown_script',
  'gossip_queries',
  'var_onion_optin',
  'gossip_queries_ex',
  'option_static_remotekey',
  'payment_secret',
  'basic_mpp',
  'option_support_large_channel',
] as const;

/** The `bech32` of each network bolt11 knows (it has no signet). */
const BOLT11_NETWORKS: Readonly<Record<string, string>> = {
  bc: 'bitcoin',
  tb: 'testnet',
  bcrt: 'regtest',
  sb: 'simnet',
};

const fieldOf = (invoice: UnverifiedInvoice, tag: string) =>
  invoice.fields.find((f) => f.tag === tag);

const scidHex = (scid: string): string => {
  const [block, tx, output] = scid.split('x').map(BigInt) as [bigint, bigint, bigint];
  return ((block << 40n) | (tx << 16n) | output).toString(16).padStart(16, '0');
};

/**
 * Our view of `invoice`; `payee` is the key that signed it (by default its `payeeNodeKey`, which
 * an unverified invoice has only from an `n` field).
 */
export const ourView = (
  invoice: UnverifiedInvoice,
  payee = invoice.payeeNodeKey as Uint8Array,
): InvoiceView => ({
  network: invoice.network,
  amountMsat: invoice.amountMsat === undefined ? null : invoice.amountMsat.toString(),
  timestamp: invoice.timestamp,
  paymentHash: hex(invoice.paymentHash),
  paymentSecret: hex(invoice.paymentSecret),
  description: invoice.description,
  descriptionHash: invoice.descriptionHash && hex(invoice.descriptionHash),
  expiry: fieldOf(invoice, 'x') ? invoice.expiry : undefined,
  minFinalCltvExpiry: fieldOf(invoice, 'c') ? invoice.minFinalCltvExpiryDelta : undefined,
  payeeField: fieldOf(invoice, 'n') ? hex(payee) : undefined,
  payeeNodeKey: hex(payee),
  fallbacks: invoice.fallbackAddresses.map((f) => ({
    version: f.version,
    program: hex(f.program),
    address: FALLBACK_VERSIONS_NAMED.has(f.version) ? f.address : null,
  })),
  routeHints: invoice.routeHints.map((route) =>
    route.map((h) => ({
      pubkey: hex(h.pubkey),
      shortChannelId: scidHex(h.shortChannelId),
      feeBaseMsat: h.feeBaseMsat,
      feeProportionalMillionths: h.feeProportionalMillionths,
      cltvExpiryDelta: h.cltvExpiryDelta,
    })),
  ),
  featureBits: invoice.features.map((f) => f.bit),
  metadata: invoice.metadata && hex(invoice.metadata),
  unknownFields: invoice.unknownFields.map((f) => ({ type: f.type, words: [...f.words] })),
  signature: hex(invoice.signature.compact),
  recoveryId: invoice.signature.recoveryId,
});

type FeatureBits = NonNullable<TagsObject['feature_bits']>;

const featureBitsOf = (bits: FeatureBits | undefined): number[] => {
  if (bits === undefined) return [];
  const set: number[] = [];
  BOLT11_FEATURE_NAMES.forEach((name, i) => {
    if (bits[name]?.required) set.push(2 * i);
    if (bits[name]?.supported) set.push(2 * i + 1);
  });
  const extra = bits.extra_bits;
  extra?.bits.forEach((on, i) => {
    if (on) set.push(extra.start_bit + i);
  });
  return set;
};

/** bolt11's unknown fields: `{ tagCode, words: 'unknown1…' }`, the words as a bech32 string. */
const unknownWords = (words: string): number[] =>
  bech32.decode(words as `${string}1${string}`, false).words;

export const theirView = (
  decoded: PaymentRequestObject & { tagsObject: TagsObject },
): InvoiceView => {
  const t = decoded.tagsObject;
  const tagged = <T>(name: string): T[] =>
    decoded.tags.filter((tag) => tag.tagName === name).map((tag) => tag.data as T);
  const unknown = t.unknownTags ?? [];
  const metadata = unknown.find((u) => u.tagCode === METADATA_TYPE);
  return {
    network: BOLT11_NETWORKS[decoded.network?.bech32 as string] as string,
    amountMsat: decoded.millisatoshis ?? null,
    timestamp: decoded.timestamp as number,
    paymentHash: t.payment_hash,
    paymentSecret: t.payment_secret,
    description: t.description,
    descriptionHash: t.purpose_commit_hash,
    expiry: t.expire_time,
    minFinalCltvExpiry: t.min_final_cltv_expiry,
    payeeField: t.payee_node_key,
    payeeNodeKey: decoded.payeeNodeKey as string,
    fallbacks: tagged<NonNullable<TagsObject['fallback_address']>>('fallback_address').map((f) => ({
      version: f.code,
      program: f.addressHash,
      address: f.address,
    })),
    routeHints: tagged<NonNullable<TagsObject['routing_info']>>('routing_info').map((route) =>
      route.map((h) => ({
        pubkey: h.pubkey,
        shortChannelId: h.short_channel_id,
        feeBaseMsat: h.fee_base_msat,
        feeProportionalMillionths: h.fee_proportional_millionths,
        cltvExpiryDelta: h.cltv_expiry_delta,
      })),
    ),
    featureBits: featureBitsOf(t.feature_bits),
    metadata: metadata && hex(bech32.fromWords(unknownWords(metadata.words))),
    unknownFields: unknown
      .filter((u) => u.tagCode !== METADATA_TYPE)
      .map((u) => ({ type: u.tagCode, words: unknownWords(u.words) })),
    signature: decoded.signature as string,
    recoveryId: decoded.recoveryFlag as number,
  };
};
