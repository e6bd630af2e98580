// The vectors the packages test against, read from test-support (the files their own tests use).
import { readFileSync } from 'node:fs';
import { BOLT11_INVALID, BOLT11_VALID } from 'test-support/bolt11-vectors';
import {
  BOLT12_CORRECTED,
  BOLT12_INVALID_OFFERS,
  BOLT12_SIGNED_REQUEST,
  BOLT12_VALID_OFFERS,
} from 'test-support/bolt12-vectors';
import { LNURL_CASES } from 'test-support/lnurl-vectors';

const REPO = new URL('../../../', import.meta.url);
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, REPO), 'utf8'));

export const coreVectors = () => ({ valid: BOLT11_VALID, invalid: BOLT11_INVALID });
/** The LNURL cases, each failing one with the `LnurlError` code of today (some were renamed). */
export const lnurlCases = () => LNURL_CASES;
/** The BOLT 12 offers, and the signed invoice request with what rebuilds it (Alice's offer, Bob's key). */
export const bolt12Vectors = () => ({
  valid: BOLT12_VALID_OFFERS,
  invalid: [...BOLT12_INVALID_OFFERS, ...BOLT12_CORRECTED],
  signed: {
    bolt12: BOLT12_SIGNED_REQUEST.bolt12,
    offer: {
      description: 'A Mathematical Treatise',
      amount: 100,
      currency: 'USD',
      issuerId: '02eec7245d6b7d2ccb30380bfbe2a3648cd7a942653f5aa340edcea1f283686619',
    },
    payerId: '0324653eac434488002cc06bbfb7f10fe18991e35f9fe4302dbea6d2353dc0ab1c',
    payerKey: '42'.repeat(32),
    metadata: '0000000000000000',
  },
});
export const uriCases = () =>
  (json('test-support/vectors/uri/cases.json') as { cases: unknown }).cases;
/** The L402 challenges, credentials and preimages. */
export const l402Cases = () =>
  (json('test-support/vectors/l402/cases.json') as { cases: unknown }).cases;
/** BIP 353's example proofs: three valid, two refused. */
export const bip353Proofs = () =>
  (json('test-support/vectors/bip353/example-proofs.json') as { vectors: unknown }).vectors;
