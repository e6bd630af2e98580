// resolveBip353 asks the DNS-over-HTTPS resolver you choose for the name's TXT record and every
// key up to the root, and proves them here. This site sends no request: in place of the
// resolver, a fetch answers from the records of BIP 353's third example, whose name leads
// through a wildcard CNAME to another domain. The proof it returns checks again offline.
import { resolveBip353, verifyBip353Proof } from '@lninvoice/bip353';
import { dohFetch, type SeenQuery } from 'test-support/doh-from-proof';
import { exampleProof, VALID_AT } from '../../playground/bip353-samples';

const TYPES: Record<number, string> = { 16: 'TXT', 43: 'DS', 48: 'DNSKEY' };

export default async () => {
  const asked: SeenQuery[] = [];
  const result = await resolveBip353('₿a.x_domain_cname_wild@dnssec_proof_tests.bitcoin.ninja', {
    dohUrl: 'https://cloudflare-dns.com/dns-query', // yours to choose: it is trusted with nothing
    fetch: dohFetch(exampleProof('cname-wildcard'), asked), // the stand-in
    now: VALID_AT,
  });
  const later = await verifyBip353Proof(result.name, result.proof, { now: VALID_AT });
  return {
    uri: result.uri,
    path: result.path,
    ttl: result.ttl,
    asked: asked.map((q) => `${q.name} ${TYPES[q.type] ?? q.type}`),
    proofBytes: result.proof.length,
    verifiedAgain: later.uri === result.uri,
  };
};
