// Our decoded messages in the shape of what LDK exposes (test/peers/ldk.ts), to compare with toEqual.
import { chainNamed } from '../../src/chains.js';
import { featureBitmap } from '../../src/features.js';
import type { Feature, Invoice, InvoiceRequest, OfferFields } from '../../src/index.js';
import { writeBlindedPaths } from '../../src/paths.js';
import type { LdkAmount, LdkInvoice, LdkInvoiceRequest, LdkOffer } from './ldk.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const maybeHex = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : hex(bytes);
const chainHash = (name: string): string => chainNamed(name)?.hash ?? name;
/** A bitmap written minimally (LDK keeps features as the bits they set). */
const bitmap = (features: readonly Feature[]): string =>
  hex(featureBitmap(features.map((f) => f.bit)));

const amountOf = (o: OfferFields): LdkAmount =>
  o.currency !== undefined
    ? { currency: o.currency, amount: o.amount as bigint }
    : o.amountMsat !== undefined
      ? { msat: o.amountMsat }
      : undefined;

export const ourOffer = (o: OfferFields): LdkOffer => ({
  description: o.description,
  issuer: o.issuer,
  amount: amountOf(o),
  absoluteExpiry: o.absoluteExpiry,
  quantityMax: o.quantityMax,
  issuerId: maybeHex(o.issuerId),
  chains: o.chains.map(chainHash),
  paths: o.paths.map((p) => hex(writeBlindedPaths([p]))),
  metadata: maybeHex(o.metadata),
  features: bitmap(o.features),
});

export const ourRequest = (q: InvoiceRequest): LdkInvoiceRequest => ({
  offer: ourOffer(q.offer),
  payerMetadata: hex(q.invreqMetadata),
  chain: chainHash(q.chain),
  amountMsat: q.amountMsat,
  quantity: q.quantity,
  payerId: hex(q.payerId),
  payerNote: q.payerNote,
  features: bitmap(q.features),
  bip353Name: q.bip353Name && { name: q.bip353Name.name, domain: q.bip353Name.domain },
  signature: hex(q.signature as Uint8Array),
});

export const ourInvoice = (i: Invoice): LdkInvoice => {
  const offer = ourOffer(i.offer);
  return {
    description: offer.description,
    issuer: offer.issuer,
    issuerId: offer.issuerId,
    offerAmount: offer.amount,
    offerChains: offer.chains,
    offerFeatures: offer.features,
    offerPaths: offer.paths,
    absoluteExpiry: offer.absoluteExpiry,
    metadata: offer.metadata,
    quantityMax: offer.quantityMax,
    chain: chainHash(i.chain),
    payerMetadata: hex(i.request.invreqMetadata ?? new Uint8Array(0)),
    payerId: hex(i.request.payerId ?? new Uint8Array(0)),
    payerNote: i.request.payerNote,
    quantity: i.request.quantity,
    amountMsat: i.amountMsat,
    paymentHash: hex(i.paymentHash),
    createdAt: i.createdAt,
    relativeExpiry: BigInt(i.relativeExpiry),
    nodeId: hex(i.nodeId),
    paths: i.paths.map((p) => ({
      firstNodeId:
        'nodeId' in p.firstNodeId
          ? hex(p.firstNodeId.nodeId)
          : {
              shortChannelId: p.firstNodeId.shortChannelId
                .split('x')
                .map(BigInt)
                .reduce((scid, part, k) => scid | (part << BigInt([40, 16, 0][k] as number)), 0n),
              direction: p.firstNodeId.direction,
            },
      firstPathKey: hex(p.firstPathKey),
      hops: p.hops.map((h) => ({
        blindedNodeId: hex(h.blindedNodeId),
        encryptedRecipientData: hex(h.encryptedRecipientData),
      })),
      payInfo: {
        feeBaseMsat: p.blindedPayInfo.feeBaseMsat,
        feeProportionalMillionths: p.blindedPayInfo.feeProportionalMillionths,
        cltvExpiryDelta: p.blindedPayInfo.cltvExpiryDelta,
        htlcMinimumMsat: p.blindedPayInfo.htlcMinimumMsat,
        htlcMaximumMsat: p.blindedPayInfo.htlcMaximumMsat,
        features: bitmap(p.blindedPayInfo.features),
      },
    })),
    fallbacks: i.fallbacks.flatMap((f) => (f.address === undefined ? [] : [f.address])),
    features: bitmap(i.features),
    signature: hex(i.signature),
  };
};
