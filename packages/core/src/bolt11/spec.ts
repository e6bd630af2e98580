// The numbers of BOLT 11, each with the sentence it comes from (11-payment-encoding.md).

/**
 * Longest invoice read. BOLT 11 sets none ("also without the character limit"); LDK and lnd
 * refuse more than 7089 characters, far above any invoice seen in practice.
 */
export const MAX_INVOICE_LENGTH = 7089;

/** "`timestamp`: seconds-since-1970 (35 bits, big-endian)": 7 words. */
export const TIMESTAMP_WORDS = 7;
export const MAX_TIMESTAMP = 2 ** 35 - 1;

/** "`signature`: [...] (520 bits: 64-byte R||S + 1-byte recovery id)": 104 words. */
export const SIGNATURE_WORDS = 104;

/** "`data_length` (10 bits, big-endian)": no field carries more than 1023 words. */
export const MAX_FIELD_WORDS = 1023;
/** "This is 1023 x 5 bits, or 639 bytes." */
export const MAX_FIELD_BYTES = Math.floor((MAX_FIELD_WORDS * 5) / 8);

/** "`x` [...] Default is 3600 (1 hour) if not specified." */
export const DEFAULT_EXPIRY = 3600;
/** "`c` [...] Default is 18 if not specified." */
export const DEFAULT_MIN_FINAL_CLTV_EXPIRY_DELTA = 18;

/**
 * "`r` [...] `pubkey` (264 bits), `short_channel_id` (64 bits), `fee_base_msat` (32 bits),
 * `fee_proportional_millionths` (32 bits), `cltv_expiry_delta` (16 bits)": 51 bytes a hop.
 */
export const HOP_LENGTH = 51;
/** At most 12 hops fit in one `r` field. */
export const MAX_HOPS = Math.floor(MAX_FIELD_BYTES / HOP_LENGTH);

/** `f`: "`17` followed by a public key hash, OR to `18` followed by a script hash". */
export const P2PKH_VERSION = 17;
export const P2SH_VERSION = 18;
