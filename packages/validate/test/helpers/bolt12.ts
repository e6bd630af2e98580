// BOLT 12 messages for the checklist's tests, made with @lninvoice/bolt12's builders from fixed
// keys, as an issuer and a payer would.
import {
  type CreateInvoiceParams,
  type CreateInvoiceRequestParams,
  type CreateOfferParams,
  createInvoice,
  createInvoiceRequest,
  createOffer,
  encodeBolt12,
  signBolt12,
} from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';
import type { Bolt12ValidationResult, CheckResult } from '../../src/index.js';

export const ISSUER_KEY = '41'.repeat(32);
export const PAYER_KEY = '42'.repeat(32);
export const ISSUER = nodeKeyOf(ISSUER_KEY);
export const PAYER = nodeKeyOf(PAYER_KEY);
export const ISSUER_HEX = Buffer.from(ISSUER).toString('hex');
/** secp256k1's generator: a valid key for blinded paths. */
export const G = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';
export const T0 = 1_700_000_000;

export const PATH = {
  firstNodeId: { nodeId: G },
  firstPathKey: G,
  hops: [{ blindedNodeId: G, encryptedRecipientData: 'aabb' }],
};
export const PAY_INFO = {
  feeBaseMsat: 1000,
  feeProportionalMillionths: 100,
  cltvExpiryDelta: 144,
  htlcMinimumMsat: 1n,
  htlcMaximumMsat: 10n ** 10n,
};

type Params<T> = { [K in keyof T]?: T[K] | undefined };

/** Removes the parameters set to undefined, so that a test can take a default away. */
const defined = <T>(params: object): T =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as T;

/** An offer of 5 sat for "coffee" by ISSUER. */
export const offer = (params: Params<CreateOfferParams> = {}): string =>
  encodeBolt12(
    createOffer(
      defined<CreateOfferParams>({
        description: 'coffee',
        amountMsat: 5000n,
        issuerId: ISSUER,
        ...params,
      }),
    ),
  );

/** PAYER's request for `offerParams`' offer. */
export const request = (
  params: Params<Omit<CreateInvoiceRequestParams, 'payerId'>> = {},
  offerParams: Params<CreateOfferParams> = {},
): string =>
  signBolt12(
    createInvoiceRequest(
      defined<CreateInvoiceRequestParams>({
        offer: offer(offerParams),
        payerId: PAYER,
        invreqMetadata: '0102',
        ...params,
      }),
    ),
    PAYER_KEY,
  );

/** ISSUER's invoice for `requestText` (PAYER's request for the default offer by default). */
export const invoice = (
  params: Params<Omit<CreateInvoiceParams, 'request'>> = {},
  requestText: string = request(),
  key: string = ISSUER_KEY,
): string =>
  signBolt12(
    createInvoice(
      defined<CreateInvoiceParams>({
        request: requestText,
        paymentHash: '11'.repeat(32),
        createdAt: T0,
        paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
        ...params,
      }),
    ),
    key,
  );

/** The codes of a result's findings, in order. */
export const codes12 = (result: Bolt12ValidationResult | CheckResult): string[] =>
  result.issues.map((i) => i.code);
