// BOLT 9 feature names, and which of them a BOLT 11 invoice may carry (context `9`).
// BOLT 11: "if the `9` field contains unknown _even_ bits that are non-zero: MUST fail the payment."

/**
 * BOLT 9's names by feature pair, from bits 0/1 on ("Bits | Name" of its table); an empty name
 * is a pair BOLT 9 does not assign.
 */
const NAMES = (
  'option_data_loss_protect,,option_upfront_shutdown_script,gossip_queries,var_onion_optin,' +
  'gossip_queries_ex,option_static_remotekey,payment_secret,basic_mpp,' +
  'option_support_large_channel,,option_anchors,option_route_blinding,option_shutdown_anysegwit,' +
  'option_dual_fund,,,option_quiesce,option_attribution_data,option_onion_messages,,' +
  'option_provide_storage,option_channel_type,option_scid_alias,option_payment_metadata,' +
  'option_zeroconf,,,,,option_simple_close,option_splice'
).split(',');

/** The even bits of the features an invoice may carry: context `9`, or ASSUMED by every node. */
const IN_INVOICES = [8, 14, 16, 24, 36, 48];

/** BOLT 9 "Dependencies", by even bit. */
const DEPENDENCIES: Readonly<Record<number, string>> = {
  16: 'payment_secret',
  50: 'option_scid_alias',
  60: 'option_shutdown_anysegwit',
};

/** The even bit of the pair of `bit` (arithmetic: `& ~1` would wrap at 2^32). */
const evenBit = (bit: number): number => bit - (bit % 2);

/** One set bit of an invoice's `9` field. */
export interface Feature {
  /** The bit number, counted from the least significant bit of the field (BOLT 9). */
  readonly bit: number;
  /** BOLT 9 name, when BOLT 9 names the bit. */
  readonly name: string | undefined;
  /** Even bits are required ("it's ok to be odd"). */
  readonly required: boolean;
  /** BOLT 9 allows the feature in invoices, so a reader understands it. */
  readonly known: boolean;
}

/**
 * What BOLT 9 says of a feature bit: its name, whether it is required (even), whether invoices may
 * carry it. Any bit number is described; nothing is thrown.
 */
export const describeFeatureBit = (bit: number): Feature => ({
  bit,
  name: NAMES[evenBit(bit) / 2] || undefined,
  required: bit % 2 === 0,
  known: isInvoiceFeature(bit),
});

/** The even bit of a feature by its BOLT 9 name, e.g. `payment_secret` → 14. */
export const featureBitOf = (name: string): number | undefined => {
  const at = name === '' ? -1 : NAMES.indexOf(name);
  return at < 0 ? undefined : at * 2;
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
export const featureDependencies = (bit: number): readonly string[] => {
  const dependency = DEPENDENCIES[evenBit(bit)];
  return dependency === undefined ? [] : [dependency];
};

/** True when BOLT 9 allows the feature of `bit` in invoices. */
export const isInvoiceFeature = (bit: number): boolean => IN_INVOICES.includes(evenBit(bit));
