// Differential test, our writer → bitcoinjs `bolt11`'s reader: 2,000 invoices created and signed
// by us (40,000 under `pnpm fuzz`) (random keys and fields) decode in bolt11 to exactly what they decode to in ours.
// Generation stays within what bolt11 reads correctly; the differences this leaves out are listed,
// and each pinned by a test, in bolt11-differences.test.ts.
import * as secp from '@noble/secp256k1';
import { decode as theirDecode } from 'bolt11';
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { type AmountMultiplier, createInvoice, decode, signInvoice } from '../src/index.js';
import { BOLT11_MAX_MSAT, BOLT11_NETWORKS } from './helpers/bolt11-limits.js';
import { ourView, theirView } from './helpers/bolt11-view.js';
import { invoiceParams, privateKey } from './helpers/invoice-params.js';

/** Millisatoshis per unit of each multiplier but `p` (0.1 msat, which writes any amount). */
const MSAT_PER_UNIT = { '': 100_000_000_000n, m: 100_000_000n, u: 100_000n, n: 100n } as const;

/** Any amount bolt11 reads; round ones often, so that every multiplier is the shortest form. */
const amountMsat = fc.oneof(
  fc.bigInt(1n, 1_000_000n),
  fc.bigInt(1n, BOLT11_MAX_MSAT),
  fc
    .tuple(fc.bigInt(1n, 21_000_000n), fc.constantFrom(...Object.values(MSAT_PER_UNIT)))
    .map(([n, unit]) => n * unit),
);

/** The shortest form (undefined) or another exact one: `2500000n` instead of `2500u`. */
const multiplier = fc.constantFrom<AmountMultiplier | undefined>(undefined, '', 'm', 'u', 'n', 'p');
const writes = (msat: bigint | undefined, m: AmountMultiplier | undefined): m is AmountMultiplier =>
  msat !== undefined && (m === 'p' || (m !== undefined && msat % MSAT_PER_UNIT[m] === 0n));

const cases = fc.tuple(
  invoiceParams({ networks: BOLT11_NETWORKS, amountMsat }),
  multiplier,
  privateKey,
);

describe('our invoices, decoded by bitcoinjs bolt11', () => {
  it('give the same fields, payee and signature as in ours', () => {
    checkProperty(
      'bolt11-ours-to-theirs',
      fc.property(cases, ([{ params, namedPayee }, m, key]) => {
        const payee = secp.getPublicKey(key);
        const invoice = signInvoice(
          createInvoice({
            ...params,
            ...(writes(params.amountMsat, m) ? { amountMultiplier: m } : {}),
            ...(namedPayee ? { payeeNodeKey: payee } : {}),
          }),
          key,
        );
        // bolt11 is the reader under test: ours only parses, into the view to compare with,
        // and the payee bolt11 recovers must be the signer (create.property.test.ts verifies
        // our own signatures with our reader).
        const ours = decode(invoice, { verify: false });
        expect(theirView(theirDecode(invoice))).toEqual(ourView(ours, payee));
      }),
      { seed: 91, numRuns: 2000 },
    );
  });
});
