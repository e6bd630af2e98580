// @lninvoice/core on the BOLT 11 examples: each valid one decodes to its listed payee, hash,
// amount, description and signing hash (the disputed one only with { legacy: true }) and encodes
// back to the same string; each invalid one fails with the code of its rule. Then an invoice is
// created and signed (RFC 6979: the same string everywhere) and decodes to the signer's key.
// `got` is everything the calls returned.
import { createInvoice, decode, encode, nodeKeyOf, signInvoice } from '@lninvoice/core';
import { attempt, codeOf, plain, type Result } from '../view.js';

export interface CoreVectors {
  readonly valid: readonly {
    readonly name: string;
    readonly invoice: string;
    readonly conformance_status?: string;
    readonly payee: string;
    readonly payment_hash: string;
    readonly amount_msat: string | null;
    readonly description: string | null;
    readonly signing_hash: string;
    readonly private_key: string;
  }[];
  readonly invalid: readonly {
    readonly name: string;
    readonly invoice: string;
    /** Our code for the rule the example breaks. */
    readonly code: string;
  }[];
}

const decodesAsListed = (v: CoreVectors['valid'][number]): Result => {
  const disputed = v.conformance_status === 'disputed';
  const strict = attempt(() => decode(v.invoice));
  const lenient = attempt(() => decode(v.invoice, { legacy: true }));
  const decoded = disputed ? lenient : strict;
  const invoice = 'value' in decoded ? (decoded.value as Record<string, unknown>) : {};
  const uppercase = v.invoice === v.invoice.toUpperCase();
  const reencoded = attempt(() => encode(decode(v.invoice, { legacy: true }), { uppercase }));
  const pass =
    (disputed ? codeOf(strict) === 'invalid-field-length' : 'value' in strict) &&
    invoice.payeeNodeKey === `bytes:${v.payee}` &&
    invoice.paymentHash === `bytes:${v.payment_hash}` &&
    invoice.signingHash === `bytes:${v.signing_hash}` &&
    (invoice.amountMsat ?? null) === (v.amount_msat === null ? null : `${v.amount_msat}n`) &&
    (invoice.description ?? null) === v.description &&
    'value' in reencoded &&
    reencoded.value === v.invoice;
  return { id: `valid ${v.name}`, pass, got: { strict, lenient, reencoded } };
};

/** A signet invoice with every input fixed, signed by `privateKey`, and decoded again. */
const createsAndSigns = (privateKey: string): Result => {
  const created = attempt(() => {
    const unsigned = createInvoice({
      network: 'signet',
      amountMsat: 21_000n,
      description: 'café ☕ — ナンセンス',
      preimage: '42'.repeat(32),
      paymentSecret: '11'.repeat(32),
      timestamp: 1_700_000_000,
      expiry: 600,
      routeHints: [
        [
          {
            pubkey: '029e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255',
            shortChannelId: '66051x263430x1800',
            feeBaseMsat: 1,
            feeProportionalMillionths: 20,
            cltvExpiryDelta: 3,
          },
        ],
      ],
    });
    const invoice = signInvoice(unsigned, privateKey);
    return { invoice, decoded: decode(invoice) };
  });
  const value =
    'value' in created ? (created.value as Record<string, Record<string, unknown>>) : {};
  const pass = value.decoded?.payeeNodeKey === plain(nodeKeyOf(privateKey));
  return { id: 'create and sign', pass, got: created };
};

export const check = async ({ valid, invalid }: CoreVectors): Promise<Result[]> => [
  ...valid.map(decodesAsListed),
  ...invalid.map((v) => {
    const outcome = attempt(() => decode(v.invoice));
    return { id: `invalid ${v.name}`, pass: codeOf(outcome) === v.code, got: outcome };
  }),
  createsAndSigns(valid[0]?.private_key ?? ''),
];
