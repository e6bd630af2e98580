// Every refusal is a Bip353Error with a stable code: BIP 353's two invalid example proofs, a
// valid one checked after its signatures expired, a resolver over plain http (refused before
// any request) and a name without "@". A time in milliseconds is the caller's mistake: a
// RangeError.
import { Bip353Error, resolveBip353, verifyBip353Proof } from '@lninvoice/bip353';
import { exampleProof, VALID_AT } from '../../playground/bip353-samples';

const refusal = async (attempt: () => Promise<unknown>) => {
  try {
    await attempt();
    return 'accepted';
  } catch (error) {
    if (error instanceof Bip353Error) return { code: error.code, message: error.message };
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
};

export default async () => ({
  twoBitcoinRecords: await refusal(() =>
    verifyBip353Proof(
      'invalid@dnssec_proof_tests.bitcoin.ninja',
      exampleProof('two-bitcoin-records'),
      { now: VALID_AT },
    ),
  ),
  noWildcardProof: await refusal(() =>
    verifyBip353Proof(
      'a.x_domain_cname_wild@dnssec_proof_tests.bitcoin.ninja',
      exampleProof('no-wildcard-proof'),
      { now: VALID_AT },
    ),
  ),
  yearsLater: await refusal(() =>
    verifyBip353Proof('simple@dnssec_proof_tests.bitcoin.ninja', exampleProof('simple'), {
      now: 1_893_456_000,
    }),
  ),
  plainHttp: await refusal(() =>
    resolveBip353('₿satoshi@example.com', { dohUrl: 'http://dns.example/dns-query' }),
  ),
  noAt: await refusal(() =>
    resolveBip353('satoshi.example.com', { dohUrl: 'https://dns.example/dns-query' }),
  ),
  milliseconds: await refusal(() =>
    verifyBip353Proof('simple@dnssec_proof_tests.bitcoin.ninja', exampleProof('simple'), {
      now: Date.now(),
    }),
  ),
});
