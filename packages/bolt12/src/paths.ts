// Blinded paths (BOLT 4 `blinded_path`) and their pay info (BOLT 12 `blinded_payinfo`).
import { concatBytes } from '@lninvoice/core/text';
import { Cursor, uintBytes } from './cursor.js';
import type { Bolt12ErrorCode } from './error.js';
import { type Feature, type FeatureContext, readFeatures } from './features.js';

/** `first_node_id` as a short channel id: "0 … refers to `node_id_1` …, 1 … to `node_id_2`". */
export interface ShortChannelIdDirection {
  /** `block x transaction x output`, e.g. `'1x2x3'`. */
  readonly shortChannelId: string;
  /** Which end of the channel: 0 for `node_id_1`, 1 for `node_id_2`. */
  readonly direction: 0 | 1;
}

/** The introduction node of a path: a public key, or a channel and its end. */
export type IntroductionNode =
  | {
      /** The introduction node's 33-byte public key. */
      readonly nodeId: Uint8Array;
    }
  | ShortChannelIdDirection;

/** A hop of a blinded path (BOLT 4). */
export interface BlindedHop {
  /** `blinded_node_id`: 33-byte point. */
  readonly blindedNodeId: Uint8Array;
  /** `encrypted_recipient_data`: opaque to the payer. */
  readonly encryptedRecipientData: Uint8Array;
}

/**
 * A blinded path (BOLT 4 `blinded_path`): an introduction node the payer reaches, then hops it
 * cannot see.
 */
export interface BlindedPath {
  /** `first_node_id` (`sciddir_or_pubkey`). */
  readonly firstNodeId: IntroductionNode;
  /** `first_path_key`: 33-byte point. */
  readonly firstPathKey: Uint8Array;
  /** `path`: at least one hop. */
  readonly hops: readonly BlindedHop[];
}

/** `blinded_payinfo`: what paying through one invoice path costs, aggregated over its hops. */
export interface BlindedPayInfo {
  /** The fee of the whole path, in millisatoshis. */
  readonly feeBaseMsat: number;
  /** The fee of the whole path, in millionths of the amount. */
  readonly feeProportionalMillionths: number;
  /** The blocks the path adds to the CLTV expiry. */
  readonly cltvExpiryDelta: number;
  /** The least the path carries, in millisatoshis. */
  readonly htlcMinimumMsat: bigint;
  /** The most the path carries, in millisatoshis. */
  readonly htlcMaximumMsat: bigint;
  /** The path's features, each set bit with its BOLT 9 name. */
  readonly features: readonly Feature[];
  /** False when `features` has an unknown even bit: "MUST NOT use the corresponding path". */
  readonly usable: boolean;
}

/** An invoice path: a blinded path and its pay info. */
export interface InvoicePath extends BlindedPath {
  /** The path's entry of `invoice_blindedpay`. */
  readonly blindedPayInfo: BlindedPayInfo;
}

/** Fails with a code and a message; never returns. */
export type Fail = (code: Bolt12ErrorCode, message: string) => never;

/** Checks that a 33-byte value is a point on the curve; fails with `what` otherwise. */
export type CheckPoint = (point: Uint8Array, what: string) => void;

/** Every `blinded_path` in a `...*blinded_path` value. */
export const readBlindedPaths = (
  value: Uint8Array,
  fail: Fail,
  checkPoint: CheckPoint,
): BlindedPath[] => {
  const paths: BlindedPath[] = [];
  const cursor = new Cursor(value, (what) =>
    fail('invalid-blinded-path', `blinded path ${paths.length + 1} ends inside its ${what}`),
  );
  while (!cursor.done) {
    const n = paths.length + 1;
    // sciddir_or_pubkey: "if the first byte is 0 or 1, then an 8-byte `short_channel_id`
    // follows"; "if the first byte is 2 or 3, then the value is a 33-byte `point`".
    const kind = cursor.peek() as number;
    let firstNodeId: IntroductionNode;
    if (kind <= 1) {
      const direction = cursor.uint(1, 'first_node_id') as 0 | 1;
      const block = cursor.uint(3, 'first_node_id');
      const tx = cursor.uint(3, 'first_node_id');
      const output = cursor.uint(2, 'first_node_id');
      firstNodeId = { shortChannelId: `${block}x${tx}x${output}`, direction };
    } else if (kind <= 3) {
      const nodeId = cursor.take(33, 'first_node_id');
      checkPoint(nodeId, `first_node_id of blinded path ${n}`);
      firstNodeId = { nodeId };
    } else {
      return fail(
        'invalid-blinded-path',
        `first_node_id of blinded path ${n} starts with byte ${kind}: a short channel id starts with 0 or 1, a public key with 2 or 3`,
      );
    }
    const firstPathKey = cursor.take(33, 'first_path_key');
    checkPoint(firstPathKey, `first_path_key of blinded path ${n}`);
    const count = cursor.uint(1, 'num_hops');
    // "if `num_hops` is 0 in any `blinded_path`: MUST NOT respond" / "MUST reject".
    if (count === 0) fail('empty-blinded-path', `blinded path ${n} has no hops (num_hops is 0)`);
    const hops: BlindedHop[] = [];
    for (let h = 0; h < count; h++) {
      const blindedNodeId = cursor.take(33, 'blinded_node_id');
      checkPoint(blindedNodeId, `blinded_node_id of hop ${h + 1} of blinded path ${n}`);
      const length = cursor.uint(2, 'enclen');
      hops.push({
        blindedNodeId,
        encryptedRecipientData: cursor.take(length, 'encrypted_recipient_data'),
      });
    }
    paths.push({ firstNodeId, firstPathKey, hops });
  }
  return paths;
};

/** Every `blinded_payinfo` of `invoice_blindedpay`. */
export const readPayInfos = (
  value: Uint8Array,
  fail: Fail,
  context: FeatureContext,
  known: readonly number[],
): BlindedPayInfo[] => {
  const infos: BlindedPayInfo[] = [];
  const cursor = new Cursor(value, (what) =>
    fail('invalid-payinfo', `blinded_payinfo ${infos.length + 1} ends inside its ${what}`),
  );
  while (!cursor.done) {
    const feeBaseMsat = cursor.uint(4, 'fee_base_msat');
    const feeProportionalMillionths = cursor.uint(4, 'fee_proportional_millionths');
    const cltvExpiryDelta = cursor.uint(2, 'cltv_expiry_delta');
    const htlcMinimumMsat = cursor.u64('htlc_minimum_msat');
    const htlcMaximumMsat = cursor.u64('htlc_maximum_msat');
    const features = readFeatures(cursor.take(cursor.uint(2, 'flen'), 'features'), context, known);
    const usable = !features.some((f) => f.required && !f.known);
    infos.push({
      feeBaseMsat,
      feeProportionalMillionths,
      cltvExpiryDelta,
      htlcMinimumMsat,
      htlcMaximumMsat,
      features,
      usable,
    });
  }
  return infos;
};

/** The bytes of `paths` as a `...*blinded_path` value. */
export const writeBlindedPaths = (paths: readonly BlindedPath[]): Uint8Array =>
  concatBytes(
    ...paths.flatMap((path) => {
      const first = path.firstNodeId;
      const intro =
        'nodeId' in first
          ? first.nodeId
          : concatBytes(
              Uint8Array.of(first.direction),
              ...first.shortChannelId
                .split('x')
                .map((n, i) => uintBytes(Number(n), i === 2 ? 2 : 3)),
            );
      return [
        intro,
        path.firstPathKey,
        Uint8Array.of(path.hops.length),
        ...path.hops.flatMap((hop) => [
          hop.blindedNodeId,
          uintBytes(hop.encryptedRecipientData.length, 2),
          hop.encryptedRecipientData,
        ]),
      ];
    }),
  );
