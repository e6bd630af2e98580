// BOLT 9 feature names, and which of them a BOLT 11 invoice may carry (context `9`).
// BOLT 11: "if the `9` field contains unknown _even_ bits that are non-zero: MUST fail the payment."

interface FeatureInfo {
  readonly name: string;
  /** Meaningful in an invoice: context `9` in BOLT 9, or ASSUMED by every node. */
  readonly invoice: boolean;
  /** BOLT 9 "Dependencies": features that must be set with this one. */
  readonly dependsOn?: readonly string[];
}

/** By the even bit of each pair; the odd bit is the optional form of the same feature. */
const BOLT9: ReadonlyMap<number, FeatureInfo> = new Map([
  [0, { name: 'option_data_loss_protect', invoice: false }],
  [4, { name: 'option_upfront_shutdown_script', invoice: false }],
  [6, { name: 'gossip_queries', invoice: false }],
  [8, { name: 'var_onion_optin', invoice: true }],
  [10, { name: 'gossip_queries_ex', invoice: false }],
  [12, { name: 'option_static_remotekey', invoice: false }],
  [14, { name: 'payment_secret', invoice: true }],
  [16, { name: 'basic_mpp', invoice: true, dependsOn: ['payment_secret'] }],
  [18, { name: 'option_support_large_channel', invoice: false }],
  [22, { name: 'option_anchors', invoice: false }],
  [24, { name: 'option_route_blinding', invoice: true }],
  [26, { name: 'option_shutdown_anysegwit', invoice: false }],
  [28, { name: 'option_dual_fund', invoice: false }],
  [34, { name: 'option_quiesce', invoice: false }],
  [36, { name: 'option_attribution_data', invoice: true }],
  [38, { name: 'option_onion_messages', invoice: false }],
  [42, { name: 'option_provide_storage', invoice: false }],
  [44, { name: 'option_channel_type', invoice: false }],
  [46, { name: 'option_scid_alias', invoice: false }],
  [48, { name: 'option_payment_metadata', invoice: true }],
  [50, { name: 'option_zeroconf', invoice: false, dependsOn: ['option_scid_alias'] }],
  [60, { name: 'option_simple_close', invoice: false, dependsOn: ['option_shutdown_anysegwit'] }],
  [62, { name: 'option_splice', invoice: false }],
]);

/** One set bit of an invoice's `9` field. */
export interface Feature {
  readonly bit: number;
  /** BOLT 9 name, when BOLT 9 names the bit. */
  readonly name: string | undefined;
  /** Even bits are required ("it's ok to be odd"). */
  readonly required: boolean;
  /** BOLT 9 allows the feature in invoices, so a reader understands it. */
  readonly known: boolean;
}

export const describeFeatureBit = (bit: number): Feature => {
  const info = BOLT9.get(bit & ~1);
  return {
    bit,
    name: info?.name,
    required: bit % 2 === 0,
    known: info?.invoice ?? false,
  };
};

/** The even bit of a feature by its BOLT 9 name, e.g. `payment_secret` → 14. */
export const featureBitOf = (name: string): number | undefined => {
  for (const [bit, info] of BOLT9) if (info.name === name) return bit;
  return undefined;
};

/** The features BOLT 9 allows in invoices, by name. */
export type InvoiceFeatureName =
  | 'var_onion_optin'
  | 'payment_secret'
  | 'basic_mpp'
  | 'option_route_blinding'
  | 'option_attribution_data'
  | 'option_payment_metadata';

/** The names of features BOLT 9 lists as dependencies of the feature with even bit `bit`. */
export const featureDependencies = (bit: number): readonly string[] =>
  BOLT9.get(bit & ~1)?.dependsOn ?? [];

/** True when BOLT 9 allows the feature of `bit` in invoices. */
export const isInvoiceFeature = (bit: number): boolean => BOLT9.get(bit & ~1)?.invoice ?? false;
