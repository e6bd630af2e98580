// LDK (npm `lightningdevkit` 0.1.0: the Rust `lightning` crate 0.1 compiled to wasm) as a second,
// independent reader of BOLT 12 messages for the differential tests: its verdict on a message and
// the fields it exposes, as plain values (hex strings, bigints) that compare with `toEqual`.
//
// Offers are read from their string (LDK's own bech32 reader); LDK's TS bindings read invoice
// requests and invoices from bytes only, so those are given the bytes. LDK checks signatures while
// it reads. Its errors are opaque in the TS bindings (no accessor), so a refusal is a boolean.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as ldk from 'lightningdevkit';
import * as ldkBindings from 'lightningdevkit/bindings.mjs';
import { CommonBase } from 'lightningdevkit/structs/CommonBase.mjs';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

let loaded: Promise<void> | undefined;

/** Loads LDK's wasm once (about 1 s: 1400 ES modules and 12 MB of wasm); it prints a banner, silenced. */
export const loadLdk = (): Promise<void> => {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('lightningdevkit/liblightningjs.wasm'));
    const log = console.log;
    console.log = () => {};
    try {
      await ldk.initializeWasmFromBinary(wasm);
    } finally {
      console.log = log;
    }
  })();
  return loaded;
};

// LDK frees wasm objects only through a FinalizationRegistry: thousands of pending results bloat
// the wasm heap and slow later calls many times over. The top-level objects are freed by hand.
const frees = ldkBindings as unknown as Record<string, (pointer: bigint) => void>;
const base = CommonBase as unknown as { set_null_skip_free(o: object): void };
const free = (object: object, freeName: string): void => {
  const pointer = (object as unknown as { ptr: bigint }).ptr;
  if (pointer === 0n) return;
  base.set_null_skip_free(object);
  frees[freeName]?.(pointer);
};

interface LdkResult<T> {
  is_ok(): boolean;
  res?: T;
}

/** Runs `read`, gives its value (or undefined when LDK refused) to `view`, then frees both. */
const withResult = <T extends object, V>(
  result: LdkResult<T>,
  resultFree: string,
  valueFree: string,
  view: (value: T) => V,
): V | undefined => {
  try {
    if (!result.is_ok()) return undefined;
    const value = result.res as T;
    try {
      return view(value);
    } finally {
      free(value, valueFree);
    }
  } finally {
    free(result, resultFree);
  }
};

// ---- field views --------------------------------------------------------------------------------

/** PrintableString: a NULL pointer is None. */
const text = (s: ldk.PrintableString): string | undefined =>
  (s as unknown as { ptr: bigint }).ptr === 0n ? undefined : s.get_a();
/** Public keys: 33 zero bytes are None. */
const key = (bytes: Uint8Array): string | undefined =>
  bytes.some((b) => b !== 0) ? hex(bytes) : undefined;
/** The bindings hand integers over signed (u64 as i64, u32 as i32, u16 as i16): read them back unsigned. */
const u = (value: bigint): bigint => BigInt.asUintN(64, value);
const u64 = (o: ldk.Option_u64Z): bigint | undefined =>
  o instanceof ldk.Option_u64Z_Some ? u(o.some) : undefined;
/**
 * Features as the bits they set, written big-endian as on the wire without leading zero bytes
 * (LDK gives the bytes as read, little-endian; our decoder reports the set bits).
 */
const features = (f: { le_flags(): Uint8Array }): string =>
  hex(f.le_flags().slice().reverse()).replace(/^(00)+/, '');
const quantityMax = (q: ldk.Quantity): bigint | undefined =>
  q instanceof ldk.Quantity_Bounded
    ? u(q.bounded)
    : q instanceof ldk.Quantity_Unbounded
      ? 0n
      : undefined;

/** `offer_amount`: millisatoshis, or an amount in a currency. */
export type LdkAmount = { msat: bigint } | { currency: string; amount: bigint } | undefined;
const amount = (a: ldk.Option_AmountZ): LdkAmount => {
  if (!(a instanceof ldk.Option_AmountZ_Some)) return undefined;
  const value = a.some;
  if (value instanceof ldk.Amount_Bitcoin) return { msat: u(value.amount_msats) };
  const currency = value as ldk.Amount_Currency;
  return {
    currency: Buffer.from(currency.iso4217_code).toString('latin1'),
    amount: u(currency.amount),
  };
};

/** The offer fields LDK exposes (on offers and invoice requests alike). */
export interface LdkOffer {
  readonly description: string | undefined;
  readonly issuer: string | undefined;
  readonly amount: LdkAmount;
  readonly absoluteExpiry: bigint | undefined;
  /** `offer_quantity_max`: undefined when absent, 0n for any quantity. */
  readonly quantityMax: bigint | undefined;
  readonly issuerId: string | undefined;
  /** The effective chains: bitcoin alone when `offer_chains` is absent. */
  readonly chains: string[];
  /** Each `offer_paths` entry, serialized by LDK (the `blinded_path` bytes). */
  readonly paths: string[];
  readonly metadata: string | undefined;
  readonly features: string;
}

type OfferLike = ldk.Offer | ldk.InvoiceRequest;
const offerView = (o: OfferLike): LdkOffer => {
  const metadata = o.metadata();
  return {
    description: text(o.description()),
    issuer: text(o.issuer()),
    amount: amount(o.amount()),
    absoluteExpiry: u64(o.absolute_expiry()),
    quantityMax: quantityMax(o.supported_quantity()),
    issuerId: key(o.issuer_signing_pubkey()),
    chains: o.chains().map(hex),
    paths: o.paths().map((p) => hex(p.write())),
    metadata: metadata instanceof ldk.Option_CVec_u8ZZ_Some ? hex(metadata.some) : undefined,
    features: features(o.offer_features()),
  };
};

export interface LdkInvoiceRequest {
  readonly offer: LdkOffer;
  readonly payerMetadata: string;
  /** The effective chain. */
  readonly chain: string;
  /** `invreq_amount`, when written. */
  readonly amountMsat: bigint | undefined;
  readonly quantity: bigint | undefined;
  readonly payerId: string;
  readonly payerNote: string | undefined;
  readonly features: string;
  readonly bip353Name: { name: string; domain: string } | undefined;
  readonly signature: string;
}

export interface LdkPaymentPath {
  readonly firstNodeId: string | { shortChannelId: bigint; direction: number };
  readonly firstPathKey: string;
  readonly hops: { blindedNodeId: string; encryptedRecipientData: string }[];
  readonly payInfo: {
    feeBaseMsat: number;
    feeProportionalMillionths: number;
    cltvExpiryDelta: number;
    htlcMinimumMsat: bigint;
    htlcMaximumMsat: bigint;
    features: string;
  };
}

export interface LdkInvoice {
  readonly description: string | undefined;
  readonly issuer: string | undefined;
  readonly issuerId: string | undefined;
  readonly offerAmount: LdkAmount;
  readonly offerChains: string[] | undefined;
  readonly offerFeatures: string;
  readonly offerPaths: string[];
  readonly absoluteExpiry: bigint | undefined;
  readonly metadata: string | undefined;
  readonly quantityMax: bigint | undefined;
  readonly chain: string;
  readonly payerMetadata: string;
  readonly payerId: string;
  readonly payerNote: string | undefined;
  readonly quantity: bigint | undefined;
  readonly amountMsat: bigint;
  readonly paymentHash: string;
  readonly createdAt: bigint;
  /** Effective: 7200 when `invoice_relative_expiry` is absent. */
  readonly relativeExpiry: bigint;
  readonly nodeId: string;
  readonly paths: LdkPaymentPath[];
  /** `invoice_fallbacks` as addresses of the invoice's chain (those LDK can write). */
  readonly fallbacks: string[];
  readonly features: string;
  readonly signature: string;
}

const intro = (node: ldk.IntroductionNode): LdkPaymentPath['firstNodeId'] =>
  node instanceof ldk.IntroductionNode_NodeId
    ? hex(node.node_id)
    : {
        shortChannelId: u((node as ldk.IntroductionNode_DirectedShortChannelId)._1),
        direction: (node as ldk.IntroductionNode_DirectedShortChannelId)._0,
      };

const paymentPath = (p: ldk.BlindedPaymentPath): LdkPaymentPath => {
  const info = p.get_payinfo();
  return {
    firstNodeId: intro(p.introduction_node()),
    firstPathKey: hex(p.blinding_point()),
    hops: p.blinded_hops().map((h) => ({
      blindedNodeId: hex(h.get_blinded_node_id()),
      encryptedRecipientData: hex(h.get_encrypted_payload()),
    })),
    payInfo: {
      feeBaseMsat: info.get_fee_base_msat() >>> 0,
      feeProportionalMillionths: info.get_fee_proportional_millionths() >>> 0,
      cltvExpiryDelta: info.get_cltv_expiry_delta() & 0xffff,
      htlcMinimumMsat: u(info.get_htlc_minimum_msat()),
      htlcMaximumMsat: u(info.get_htlc_maximum_msat()),
      features: features(info.get_features()),
    },
  };
};

// ---- readers ------------------------------------------------------------------------------------

/** An offer string as LDK reads it (`Offer::from_str`); undefined when LDK refuses it. */
export const ldkOffer = (text: string): LdkOffer | undefined =>
  withResult(
    ldk.Offer.constructor_from_str(text),
    'CResult_OfferBolt12ParseErrorZ_free',
    'Offer_free',
    offerView,
  );

/** The bytes of an invoice request as LDK reads them (signature checked); undefined when refused. */
export const ldkInvoiceRequest = (bytes: Uint8Array): LdkInvoiceRequest | undefined =>
  withResult<ldk.InvoiceRequest, LdkInvoiceRequest>(
    ldk.InvoiceRequest.constructor_read(bytes),
    'CResult_InvoiceRequestDecodeErrorZ_free',
    'InvoiceRequest_free',
    (q) => {
      const hrn = q.offer_from_hrn();
      const hasHrn = (hrn as unknown as { ptr: bigint } | null)?.ptr;
      return {
        offer: offerView(q),
        payerMetadata: hex(q.payer_metadata()),
        chain: hex(q.chain()),
        amountMsat: q.has_amount_msats() ? u64(q.amount_msats()) : undefined,
        quantity: u64(q.quantity()),
        payerId: hex(q.payer_signing_pubkey()),
        payerNote: text(q.payer_note()),
        features: features(q.invoice_request_features()),
        bip353Name:
          hasHrn === undefined || hasHrn === 0n
            ? undefined
            : { name: hrn.user(), domain: hrn.domain() },
        signature: hex(q.signature()),
      };
    },
  );

/** The bytes of an invoice as LDK reads them (signature checked); undefined when refused. */
export const ldkInvoice = (bytes: Uint8Array): LdkInvoice | undefined =>
  withResult<ldk.Bolt12Invoice, LdkInvoice>(
    ldk.Bolt12Invoice.constructor_read(bytes),
    'CResult_Bolt12InvoiceDecodeErrorZ_free',
    'Bolt12Invoice_free',
    (i) => {
      const chains = i.offer_chains();
      const metadata = i.metadata();
      const quantity = i.supported_quantity();
      return {
        description: text(i.description()),
        issuer: text(i.issuer()),
        issuerId: key(i.issuer_signing_pubkey()),
        offerAmount: amount(i.amount()),
        offerChains:
          chains instanceof ldk.Option_CVec_ThirtyTwoBytesZZ_Some
            ? chains.some.map(hex)
            : undefined,
        offerFeatures: features(i.offer_features()),
        offerPaths: i.message_paths().map((p) => hex(p.write())),
        absoluteExpiry: u64(i.absolute_expiry()),
        metadata: metadata instanceof ldk.Option_CVec_u8ZZ_Some ? hex(metadata.some) : undefined,
        quantityMax:
          quantity instanceof ldk.Option_QuantityZ_Some ? quantityMax(quantity.some) : undefined,
        chain: hex(i.chain()),
        payerMetadata: hex(i.payer_metadata()),
        payerId: hex(i.payer_signing_pubkey()),
        payerNote: text(i.payer_note()),
        quantity: u64(i.quantity()),
        amountMsat: u(i.amount_msats()),
        paymentHash: hex(i.payment_hash()),
        createdAt: u(i.created_at()),
        relativeExpiry: u(i.relative_expiry()),
        nodeId: hex(i.signing_pubkey()),
        paths: i.payment_paths().map(paymentPath),
        fallbacks: i.fallbacks(),
        features: features(i.invoice_features()),
        signature: hex(i.signature()),
      };
    },
  );
