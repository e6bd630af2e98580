// Random input for bitcoinjs `bolt11`'s `encode`, within what it writes correctly (each limit is
// a difference pinned in bolt11-differences.test.ts, or a quirk of its encoder noted here).
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import * as secp from '@noble/secp256k1';
import type { PaymentRequestObject } from 'bolt11';
import fc from 'fast-check';
import {
  BOLT11_MAX_EXPIRES_AT,
  BOLT11_MAX_MSAT,
  BOLT11_NETWORKS,
  bolt11Network,
} from './bolt11-limits.js';
import {
  addressOf,
  bytes,
  type FallbackProgram,
  fallbackProgram,
  HOP_KEYS,
  privateKey,
} from './invoice-params.js';

const hex32 = bytes(32).map(hex);
const MAX_TIMESTAMP = 2 ** 35 - 1;

/** bolt11 writes lone surrogates as U+FFFD, so only well-formed text; at most 639 UTF-8 bytes. */
const description = fc
  .string({ unit: 'grapheme', maxLength: 120 })
  .filter((d) => new TextEncoder().encode(d).length <= 639);

/**
 * `purpose_commit_hash`: 32 bytes of hex, or a text that bolt11 hashes for us (it takes any text
 * of pairs of letters and digits for hex, so such a text is left out).
 */
const purposeCommitHash = fc.oneof(
  hex32,
  fc.string({ minLength: 1, maxLength: 40 }).filter((t) => !/^([a-zA-Z0-9]{2})*$/.test(t)),
);

const hop = fc.record({
  pubkey: fc.constantFrom(...HOP_KEYS.map(hex)),
  short_channel_id: bytes(8).map(hex),
  fee_base_msat: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  fee_proportional_millionths: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  cltv_expiry_delta: fc.integer({ min: 0, max: 65535 }),
});

/** Features bolt11 names (bits 0–19) that BOLT 9 allows in invoices, besides payment_secret. */
const ANY_FORM = ['var_onion_optin', 'basic_mpp'] as const;
/** Named by bolt11 but not allowed in invoices by BOLT 9: only their odd (optional) bit is safe. */
const OPTIONAL_ONLY = [
  'option_data_loss_protect',
  'initial_routing_sync',
  'option_upfront_shutdown_script',
  'gossip_queries',
  'gossip_queries_ex',
  'option_static_remotekey',
  'option_support_large_channel',
] as const;
/** Even bits above 19 a reader must know: route blinding, attribution data, payment metadata. */
const KNOWN_EVEN_EXTRA = [24, 36, 48];

const feature = fc.record({ required: fc.boolean(), supported: fc.boolean() });

/**
 * bolt11's `feature_bits`. No `word_length` (a larger one writes leading zero words), and
 * `extra_bits` ending in a set bit (trailing unset bits also write leading zero words): BOLT 11
 * requires the minimal form, which we enforce. `payment_secret` is always set: bolt11 requires it
 * with an `s` field.
 */
const featureBits = fc
  .record({
    named: fc.record(Object.fromEntries(ANY_FORM.map((name) => [name, feature])), {
      requiredKeys: [],
    }),
    optional: fc.subarray([...OPTIONAL_ONLY]),
    paymentSecret: fc.constantFrom(
      { required: true, supported: false },
      { required: false, supported: true },
      { required: true, supported: true },
    ),
    extra: fc.uniqueArray(
      fc.oneof(
        fc.integer({ min: 10, max: 200 }).map((b) => 2 * b + 1),
        fc.constantFrom(...KNOWN_EVEN_EXTRA),
      ),
      { maxLength: 4 },
    ),
  })
  .map(({ named, optional, paymentSecret, extra }) => {
    const top = Math.max(19, ...extra);
    return {
      ...named,
      ...Object.fromEntries(optional.map((name) => [name, { supported: true }])),
      payment_secret: paymentSecret,
      extra_bits: {
        start_bit: 20,
        bits: Array.from({ length: top - 19 }, (_, i) => extra.includes(20 + i)),
      },
    };
  });

type Tag = { tagName: string; data: unknown };

/** bolt11 turns an `address` into `code` and `addressHash` for segwit v0/v1 and base58 ones. */
const BY_ADDRESS = new Set([0, 1, 17, 18]);

/**
 * The fallback tags as bolt11 takes them: it fills `code` and `addressHash` from an `address`
 * for its first fallback tag only, so that one may be an address, later ones may not.
 */
const fallbackData = (tags: Tag[], network: string, firstByAddress: boolean): Tag[] => {
  const first = tags.findIndex((t) => t.tagName === 'fallback_address');
  return tags.map((tag, i) => {
    if (tag.tagName !== 'fallback_address') return tag;
    const f = tag.data as FallbackProgram;
    return i === first && firstByAddress && BY_ADDRESS.has(f.version)
      ? { tagName: tag.tagName, data: { address: addressOf(network, f) } }
      : { tagName: tag.tagName, data: { code: f.version, addressHash: hex(f.program) } };
  });
};

/** `encode(input, addDefaults)` and the private key to `sign` it with. */
export const bolt11Input = fc
  .record({
    network: fc.constantFrom(...BOLT11_NETWORKS),
    timestamp: fc.integer({ min: 0, max: MAX_TIMESTAMP }),
    amount: fc.option(
      fc.oneof(
        fc.bigInt(1n, BOLT11_MAX_MSAT).map((msat) => ({ millisatoshis: msat.toString() })),
        fc.bigInt(1n, 1_000_000n).map((msat) => ({ millisatoshis: msat.toString() })),
        fc.bigInt(1n, BOLT11_MAX_MSAT / 1000n).map((sat) => ({ satoshis: sat.toString() })),
      ),
    ),
    key: privateKey,
    namedPayee: fc.boolean(),
    addDefaults: fc.boolean(),
  })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      tags: fc.record(
        {
          payment_hash: hex32,
          payment_secret: hex32,
          description,
          purpose_commit_hash: purposeCommitHash,
          // Not 0, which bolt11 writes as one zero word (bolt11-differences.test.ts, 23).
          expire_time: fc.oneof(
            fc.integer({ min: 1, max: 2 ** 31 }),
            fc.integer({ min: 1, max: BOLT11_MAX_EXPIRES_AT - MAX_TIMESTAMP }),
          ),
          min_final_cltv_expiry: fc.oneof(
            fc.integer({ min: 1, max: 2 ** 32 - 1 }),
            fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
          ),
          feature_bits: featureBits,
        },
        // Without defaults, bolt11 needs a description (or hash) and, with `s`, feature bits.
        {
          requiredKeys: base.addDefaults
            ? ['payment_hash', 'payment_secret']
            : ['payment_hash', 'payment_secret', 'feature_bits'],
        },
      ),
      useHash: fc.boolean(),
      fallbacks: fc.array(fallbackProgram, { maxLength: 3 }),
      firstByAddress: fc.boolean(),
      routes: fc.array(fc.array(hop, { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
    }),
  )
  .chain(({ base, tags, useHash, fallbacks, firstByAddress, routes }) => {
    const { description: d, purpose_commit_hash: h, ...single } = tags;
    const described =
      useHash && h !== undefined
        ? { purpose_commit_hash: h }
        : d !== undefined || !base.addDefaults
          ? { description: d ?? '' }
          : {};
    const list: Tag[] = [
      ...Object.entries({ ...single, ...described }).map(([tagName, data]) => ({ tagName, data })),
      ...fallbacks.map((data) => ({ tagName: 'fallback_address', data })),
      ...routes.map((data) => ({ tagName: 'routing_info', data })),
      ...(base.namedPayee
        ? [{ tagName: 'payee_node_key', data: hex(secp.getPublicKey(base.key)) }]
        : []),
    ];
    return fc
      .shuffledSubarray(list, { minLength: list.length, maxLength: list.length })
      .map((shuffled) => ({
        input: {
          network: bolt11Network(base.network),
          timestamp: base.timestamp,
          ...(base.amount ?? {}),
          tags: fallbackData(shuffled, base.network, firstByAddress),
        } as PaymentRequestObject,
        addDefaults: base.addDefaults,
        key: base.key,
      }));
  });
