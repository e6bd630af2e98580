// @lninvoice/bip353 on BIP 353's example proofs (test-support/vectors/bip353/example-proofs.json):
// each verified offline at 2025-08-08T00:00Z with IANA's root trust anchors, RSA checked by
// WebCrypto where the runtime has it and by the package's own BigInt code where it has not.
// `got` is the result's fields or the error's code.
import { verifyBip353Proof } from '@lninvoice/bip353';
import { plain, type Result } from '../view.js';

export interface Bip353Case {
  readonly name: string;
  readonly valid: boolean;
  readonly proofHex: string;
}

/** When every example's signatures are valid, and a month later, when some have expired. */
const NOW = Date.UTC(2025, 7, 8) / 1000;
const LATER = Date.UTC(2025, 8, 8) / 1000;

export const check = async (cases: readonly Bip353Case[]): Promise<Result[]> => {
  const results: Result[] = [];
  for (const [i, c] of cases.entries()) {
    for (const now of [NOW, LATER]) {
      const id = `${i} ${c.name} at ${now}`;
      try {
        const r = await verifyBip353Proof(c.name, c.proofHex, { now });
        const got = plain({
          uri: r.uri,
          path: r.path,
          ttl: r.ttl,
          bc: r.parsed.bc,
          lno: r.parsed.lno,
        });
        results.push({ id, pass: c.valid && now === NOW, got });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const expected = now === LATER ? code === 'expired' : !c.valid && typeof code === 'string';
        results.push({ id, pass: expected, got: plain({ code }) });
      }
    }
  }
  return results;
};
