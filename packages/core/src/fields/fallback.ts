// `f`: "Fallback on-chain address: for Bitcoin, this starts with a 5-bit `version` and contains a
// witness program or P2PKH or P2SH address."
import {
  type AddressProgram,
  fallbackAddress,
  isValidWitnessProgram,
  P2PKH_VERSION,
  P2SH_VERSION,
} from '../addresses.js';
import type { FallbackAddress, TaggedField } from '../invoice.js';
import type { Network } from '../networks.js';
import { readBytes, writeBytes } from './bytes.js';
import { fieldError } from './field-error.js';

/** The fallback address, or the reason to skip the field (an unknown version). */
export const readFallback = (field: TaggedField, network: Network): FallbackAddress | string => {
  const { words } = field;
  if (words.length === 0) throw fieldError('empty-field', field, 'has no version');
  const version = words[0] as number;
  // "MUST skip over `f` fields that use an unknown `version`."
  if (version > P2SH_VERSION) return `unknown fallback version ${version}`;
  const program = readBytes(field, words.subarray(1));
  if (version === P2PKH_VERSION || version === P2SH_VERSION) {
    if (program.length !== 20) {
      const kind = version === P2PKH_VERSION ? 'public key hash' : 'script hash';
      throw fieldError('invalid-fallback', field, `a ${kind} is 20 bytes, got ${program.length}`);
    }
  } else if (!isValidWitnessProgram(version, program.length)) {
    throw fieldError(
      'invalid-fallback',
      field,
      `a version ${version} witness program cannot be ${program.length} bytes long`,
    );
  }
  return { version, program, address: fallbackAddress(network, version, program) };
};

/** "starts with a 5-bit `version` and contains a witness program or P2PKH or P2SH address" */
export const writeFallback = ({ version, program }: AddressProgram): Uint8Array =>
  Uint8Array.of(version, ...writeBytes(program));
