// A proof checked offline: BIP 353's first example, the RFC 9102 records that prove
// ₿simple@dnssec_proof_tests.bitcoin.ninja from the root's keys, as a PSBT or a stored
// resolution carries them. Signatures expire: check a proof at the time you use it (here, a time
// the example was valid). Nothing is fetched.
import { verifyBip353Proof } from '@lninvoice/bip353';
import { exampleProof, VALID_AT } from '../../playground/bip353-samples';

export default async () => {
  const proof = exampleProof('simple'); // Uint8Array(3612): the BIP's hex, as bytes
  const result = await verifyBip353Proof('₿simple@dnssec_proof_tests.bitcoin.ninja', proof, {
    now: VALID_AT, // 2025-08-08T00:00:00Z, in seconds
  });
  return {
    uri: result.uri,
    onchain: result.parsed.bc, // the URI read by @lninvoice/uri
    ttl: result.ttl, // seconds it may be cached
    path: result.path,
  };
};
