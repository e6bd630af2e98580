// BIP 353's PSBT field: "PSBT_OUT_DNSSEC_PROOF = 0x35", whose value is "<1-byte-length-prefixed
// BIP 353 human-readable name without the ₿ prefix><RFC 9102-formatted DNSSEC Proof>".
import { bytesParam } from '@lninvoice/core/options';
import { decodeUtf8 } from '@lninvoice/core/text';
import { Bip353Error } from './errors.js';
import { parseBip353Name } from './name.js';

/**
 * The name and the proof of a `PSBT_OUT_DNSSEC_PROOF` value (bytes or hex), for
 * verifyBip353Proof. Throws a `Bip353Error`: `truncated-record` when the value ends before its
 * name and proof, `invalid-name` when the name is not UTF-8 or not a BIP 353 name.
 */
export const parsePsbtDnssecProof = (
  value: Uint8Array | string,
): {
  /** The name, `user@domain` without the ₿, as {@link parseBip353Name} writes it. */
  name: string;
  /** The RFC 9102 proof, for {@link verifyBip353Proof}. */
  proof: Uint8Array;
} => {
  const bytes = bytesParam('value', value);
  const length = bytes[0];
  if (length === undefined || length === 0 || bytes.length <= 1 + length)
    throw new Bip353Error(
      'truncated-record',
      'the PSBT_OUT_DNSSEC_PROOF value ends before its name and proof',
    );
  const name = decodeUtf8(bytes.subarray(1, 1 + length));
  if (name === undefined)
    throw new Bip353Error(
      'invalid-name',
      'the name of the PSBT_OUT_DNSSEC_PROOF value is not UTF-8',
    );
  // The name is read here so that a bad one fails as a name, before any record is read.
  return { name: parseBip353Name(name).name, proof: bytes.slice(1 + length) };
};
