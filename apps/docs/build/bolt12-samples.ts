// BOLT 12 examples for the playground's menu: the spec vectors the bolt12 package tests against
// (offers, format strings, the signed invoice request), and an invoice made with its builders
// from the spec's test keys, since the vectors hold no invoice.
// test-support is imported by path: vite loads what a config imports from node_modules without
// compiling it (the built @lninvoice packages are plain JavaScript and load as they are).
import {
  Bolt12Error,
  createInvoice,
  createInvoiceRequest,
  createOffer,
  decodeBolt12,
  signBolt12,
} from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';
import {
  BOLT12_CORRECTED,
  BOLT12_FORMAT_STRINGS,
  BOLT12_INVALID_OFFERS,
  BOLT12_SIGNED_REQUEST,
  BOLT12_VALID_OFFERS,
} from '../../../test-support/bolt12-vectors.js';

export interface Bolt12Sample {
  readonly name: string;
  readonly text: string;
  /** The code an invalid one is refused with. */
  readonly code?: string;
}

export interface Bolt12SampleGroup {
  readonly label: string;
  readonly samples: readonly Bolt12Sample[];
}

/** The spec's keys: Alice issues, Bob pays (private keys 0x4141… and 0x4242…). */
const ALICE = '41'.repeat(32);
const BOB = '42'.repeat(32);
/** secp256k1's generator: a valid key, for the blinded path. */
const G = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';

/** A signed invoice request from Bob for Alice's offer, every value fixed: the same each build. */
export const exampleRequest = (): string => {
  const offer = createOffer({
    description: 'A Mathematical Treatise',
    amountMsat: 50_000n,
    issuer: 'BOLT12 industries',
    issuerId: nodeKeyOf(ALICE),
    quantityMax: 5n,
  });
  return signBolt12(
    createInvoiceRequest({
      offer,
      payerId: nodeKeyOf(BOB),
      invreqMetadata: '00'.repeat(8),
      quantity: 2n,
      payerNote: 'for the library',
    }),
    BOB,
  );
};

/** Alice's signed invoice for that request, every value fixed: the same each build. */
export const exampleInvoice = (): string => {
  const request = exampleRequest();
  const path = { firstNodeId: { nodeId: G }, firstPathKey: G };
  return signBolt12(
    createInvoice({
      request,
      paymentHash: '11'.repeat(32),
      createdAt: 1_700_000_000,
      relativeExpiry: 3600,
      paths: [
        {
          ...path,
          hops: [{ blindedNodeId: G, encryptedRecipientData: 'aabbccdd' }],
          blindedPayInfo: {
            feeBaseMsat: 1000,
            feeProportionalMillionths: 100,
            cltvExpiryDelta: 144,
            htlcMinimumMsat: 1n,
            htlcMaximumMsat: 10n ** 10n,
          },
        },
      ],
    }),
    ALICE,
  );
};

/** The code the library refuses `text` with (for the menu's labels). */
const codeOf = (text: string): string | undefined => {
  try {
    decodeBolt12(text);
    return undefined;
  } catch (error) {
    if (error instanceof Bolt12Error) return error.code;
    throw error;
  }
};

const withCode = (name: string, text: string): Bolt12Sample => {
  const code = codeOf(text);
  return code === undefined ? { name, text } : { name, text, code };
};

export const bolt12Samples = (): readonly Bolt12SampleGroup[] => [
  {
    label: 'valid offers (BOLT 12 examples)',
    samples: BOLT12_VALID_OFFERS.map((v) => ({ name: v.description, text: v.bolt12 })),
  },
  {
    label: 'BOLT 12 string formats',
    samples: BOLT12_FORMAT_STRINGS.map((v) => withCode(v.comment, v.string)),
  },
  {
    label: 'BOLT 12 invoice request and invoice',
    samples: [
      { name: 'signed invoice request (the spec example)', text: BOLT12_SIGNED_REQUEST.bolt12 },
      { name: 'invoice request for an offer (made with the builders)', text: exampleRequest() },
      { name: 'invoice for that request (made with the builders)', text: exampleInvoice() },
    ],
  },
  {
    label: 'invalid offers (BOLT 12 examples)',
    samples: [
      ...BOLT12_INVALID_OFFERS.map((v) => ({ name: v.description, text: v.bolt12, code: v.code })),
      ...BOLT12_CORRECTED.map((v) => ({
        name: `${v.description} (corrected)`,
        text: v.bolt12,
        code: v.code,
      })),
    ],
  },
];
