// `n`: "33-byte public key of the payee node", which must be a point on the curve.

import type { Secp256k1Verifier } from '../../secp256k1.js';
import { toHex } from '../../text.js';
import { readBytes } from './bytes.js';
import type { FieldContext } from './context.js';

export const checkNodeKey = (
  fail: FieldContext['fail'],
  key: Uint8Array,
  secp: Secp256k1Verifier,
): void => {
  if (!secp.isValidPublicKey(key))
    throw fail('invalid-node-key', `${toHex(key)} is not a point on secp256k1`);
};

export const readNodeKey = (ctx: FieldContext): Uint8Array => {
  const key = readBytes(ctx);
  if (ctx.secp) checkNodeKey(ctx.fail, key, ctx.secp);
  return key;
};
