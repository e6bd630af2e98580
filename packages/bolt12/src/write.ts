// Writing field values: the inverse of the readers in fields.ts and paths.ts.
import { concatBytes } from '@lninvoice/core/text';
import { uintBytes } from './cursor.js';
import { featureBitmap } from './features.js';
import type { Bip353Name } from './fields.js';
import type { PayInfoParams } from './params.js';
import type { TlvRecord } from './tlv.js';

/** `tu64`/`tu32`: big-endian without leading zero bytes (0 is no bytes at all). */
export const truncatedBytes = (value: bigint | number): Uint8Array => {
  let v = BigInt(value);
  const out: number[] = [];
  for (; v > 0n; v >>= 8n) out.unshift(Number(v & 0xffn));
  return Uint8Array.from(out);
};

export const payInfoBytes = (
  infos: readonly (PayInfoParams & { features: readonly number[] })[],
): Uint8Array =>
  concatBytes(
    ...infos.flatMap((info) => {
      const features = featureBitmap(info.features);
      return [
        uintBytes(info.feeBaseMsat, 4),
        uintBytes(info.feeProportionalMillionths, 4),
        uintBytes(info.cltvExpiryDelta, 2),
        uintBytes(info.htlcMinimumMsat, 8),
        uintBytes(info.htlcMaximumMsat, 8),
        uintBytes(features.length, 2),
        features,
      ];
    }),
  );

export const fallbackBytes = (
  fallbacks: readonly { version: number; program: Uint8Array }[],
): Uint8Array =>
  concatBytes(
    ...fallbacks.flatMap((f) => [
      Uint8Array.of(f.version),
      uintBytes(f.program.length, 2),
      f.program,
    ]),
  );

export const bip353Bytes = ({ name, domain }: Bip353Name): Uint8Array =>
  concatBytes(
    Uint8Array.of(name.length),
    Uint8Array.from(name, (c) => c.charCodeAt(0)),
    Uint8Array.of(domain.length),
    Uint8Array.from(domain, (c) => c.charCodeAt(0)),
  );

/** Records sorted by type (the builders collect them in any order). */
export const sortedRecords = (records: readonly TlvRecord[]): TlvRecord[] =>
  [...records].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
