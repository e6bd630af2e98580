// The createInvoice parameters of a spec vector: its listed fields, in its field order.

import type { ValidVector } from 'test-support/bolt11-vectors';
import {
  type CreateInvoiceParams,
  describeFeatureBit,
  type FieldTag,
  type InvoiceFeatureName,
} from '../../src/index.js';

type Vector = ValidVector;

export const vectorParams = (v: Vector): CreateInvoiceParams => {
  const features: Partial<Record<InvoiceFeatureName, 'required' | 'optional'>> = {};
  const featureBits: number[] = [];
  for (const bit of v.features) {
    const f = describeFeatureBit(bit);
    if (f.known && f.name)
      features[f.name as InvoiceFeatureName] = f.required ? 'required' : 'optional';
    else featureBits.push(bit);
  }
  return {
    network: v.network,
    timestamp: v.timestamp,
    paymentHash: v.payment_hash,
    paymentSecret: v.payment_secret,
    ...(v.amount_msat === null ? {} : { amountMsat: BigInt(v.amount_msat) }),
    ...(v.description === null
      ? { descriptionHash: v.description_hash as string }
      : { description: v.description }),
    ...(v.expiry_explicit ? { expiry: v.expiry } : {}),
    ...(v.min_final_cltv_expiry_explicit
      ? { minFinalCltvExpiryDelta: v.min_final_cltv_expiry }
      : {}),
    fallbackAddresses: v.fallbacks.map((f) => f.address),
    routeHints: v.route_hints.map((route) =>
      route.map((hop) => ({
        pubkey: hop.pubkey,
        shortChannelId: hop.short_channel_id,
        feeBaseMsat: hop.fee_base_msat,
        feeProportionalMillionths: hop.fee_proportional_millionths,
        cltvExpiryDelta: hop.cltv_expiry_delta,
      })),
    ),
    features,
    featureBits,
    ...(v.metadata === null ? {} : { metadata: v.metadata }),
    fieldOrder: [...new Set(v.tag_order)] as FieldTag[],
  };
};
