// `r`: "One or more entries containing extra routing information for a private route":
// pubkey (264 bits), short_channel_id (64 bits), fee_base_msat (32 bits), fee_proportional_millionths
// (32 bits), cltv_expiry_delta (16 bits).

import type { Secp256k1Verifier } from '../../secp256k1.js';
import { toHex } from '../../text.js';
import type { RouteHintHop } from '../invoice.js';
import { HOP_LENGTH } from '../spec.js';
import { readBytes, writeBytes } from './bytes.js';
import type { FieldContext } from './context.js';

const u32 = (b: Uint8Array, at: number): number =>
  (((b[at] as number) << 24) |
    ((b[at + 1] as number) << 16) |
    ((b[at + 2] as number) << 8) |
    (b[at + 3] as number)) >>>
  0;
const u24 = (b: Uint8Array, at: number): number =>
  ((b[at] as number) << 16) | ((b[at + 1] as number) << 8) | (b[at + 2] as number);
const u16 = (b: Uint8Array, at: number): number => ((b[at] as number) << 8) | (b[at + 1] as number);

/** Every hop's pubkey must be a point on the curve. */
export const checkRouteHintKeys = (
  fail: FieldContext['fail'],
  hops: readonly RouteHintHop[],
  secp: Secp256k1Verifier,
): void => {
  hops.forEach((hop, i) => {
    if (!secp.isValidPublicKey(hop.pubkey))
      throw fail(
        'invalid-route-hint-key',
        `hop ${i} pubkey ${toHex(hop.pubkey)} is not a point on secp256k1`,
      );
  });
};

export const readRouteHint = (ctx: FieldContext): RouteHintHop[] => {
  const bytes = readBytes(ctx);
  // "`r` field MUST contain one or more ordered entries"
  if (bytes.length === 0 || bytes.length % HOP_LENGTH !== 0) {
    throw ctx.fail(
      'invalid-route-hint',
      `${bytes.length} bytes are not a whole, non-zero number of ${HOP_LENGTH}-byte hops`,
    );
  }
  const hops: RouteHintHop[] = [];
  for (let at = 0; at < bytes.length; at += HOP_LENGTH) {
    hops.push({
      pubkey: bytes.slice(at, at + 33),
      shortChannelId: `${u24(bytes, at + 33)}x${u24(bytes, at + 36)}x${u16(bytes, at + 39)}`,
      feeBaseMsat: u32(bytes, at + 41),
      feeProportionalMillionths: u32(bytes, at + 45),
      cltvExpiryDelta: u16(bytes, at + 49),
    });
  }
  if (ctx.secp) checkRouteHintKeys(ctx.fail, hops, ctx.secp);
  return hops;
};

/** The `r` data of a route whose hops are already checked (33-byte keys, integer ranges). */
export const writeRouteHint = (hops: readonly RouteHintHop[]): Uint8Array => {
  const bytes = new Uint8Array(hops.length * HOP_LENGTH);
  const view = new DataView(bytes.buffer);
  hops.forEach((hop, i) => {
    const at = i * HOP_LENGTH;
    const [block, tx, output] = hop.shortChannelId.split('x').map(Number) as [
      number,
      number,
      number,
    ];
    bytes.set(hop.pubkey, at);
    view.setUint32(at + 33, block * 256 + (tx >>> 16)); // 3 bytes block, 3 bytes tx, 2 bytes output
    view.setUint32(at + 37, ((tx & 0xffff) << 16) | output);
    view.setUint32(at + 41, hop.feeBaseMsat);
    view.setUint32(at + 45, hop.feeProportionalMillionths);
    view.setUint16(at + 49, hop.cltvExpiryDelta);
  });
  return writeBytes(bytes);
};
