// BOLT 11 keys must be points on the curve: the payee's `n` and every route-hint hop's pubkey.
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import { fieldError } from './fields/field-error.js';
import type { RouteHintHop, TaggedField } from './invoice.js';
import type { Secp256k1Verifier } from './secp256k1.js';

export const checkNodeKey = (
  field: TaggedField,
  key: Uint8Array,
  secp: Secp256k1Verifier,
): void => {
  if (!secp.isValidPublicKey(key)) {
    throw fieldError('invalid-node-key', field, `${hex(key)} is not a point on secp256k1`);
  }
};

export const checkRouteHintKeys = (
  field: TaggedField,
  hops: readonly RouteHintHop[],
  secp: Secp256k1Verifier,
): void => {
  hops.forEach((hop, i) => {
    if (!secp.isValidPublicKey(hop.pubkey)) {
      throw fieldError(
        'bad-route-hint-pubkey',
        field,
        `hop ${i} pubkey ${hex(hop.pubkey)} is not a point on secp256k1`,
      );
    }
  });
};
