// Invoices: their fields, and the rules "A reader of an invoice" follows.
import { equalBytes } from '@lninvoice/core/text';
import { unknownRequired } from './features.js';
import { requestFields } from './invoice-request.js';
import { common, withOfferId } from './message.js';
import { checkChains, offerFields } from './offer.js';
import type { Context } from './options.js';
import type { BlindedHop, BlindedPayInfo, InvoicePath } from './paths.js';
import type { ReadMessage } from './read.js';
import { checkSignature } from './signature.js';
import type { Invoice } from './types.js';

/** "if the expiry for accepting payment is not 7200 seconds after `invoice_created_at`". */
export const DEFAULT_RELATIVE_EXPIRY = 7200;

/** The rules of an invoice's reader, then its signature. */
export const readInvoice = (
  message: ReadMessage,
  context: Context,
  uppercase: boolean,
): Invoice => {
  const { fields: f, fail } = message;
  // "MUST reject the invoice if `invoice_amount` / `invoice_created_at` / `invoice_payment_hash`
  // / `invoice_node_id` is not present."
  const amountMsat = f.invoiceAmount ?? fail('missing-amount', 'the invoice has no invoice_amount');
  const createdAt =
    f.invoiceCreatedAt ?? fail('missing-created-at', 'the invoice has no invoice_created_at');
  const paymentHash =
    f.invoicePaymentHash ?? fail('missing-payment-hash', 'the invoice has no invoice_payment_hash');
  const nodeId = f.invoiceNodeId ?? fail('missing-node-id', 'the invoice has no invoice_node_id');
  checkChains(message, [f.invreqChain?.name ?? 'bitcoin'], context);
  const unknown = unknownRequired(f.invoiceFeatures ?? []);
  if (unknown)
    fail(
      'unknown-required-feature',
      `invoice_features sets unknown even bit ${unknown.bit}`,
      'invoiceFeatures',
    );
  const relativeExpiry = f.invoiceRelativeExpiry ?? DEFAULT_RELATIVE_EXPIRY;
  const expiresAt = createdAt + BigInt(relativeExpiry);
  // "MUST reject the invoice if the current time since 1970-01-01 UTC is greater than
  // `invoice_created_at` plus `seconds_from_creation`" (or plus 7200).
  if (context.now !== undefined && context.now > expiresAt)
    fail(
      'expired',
      `the invoice expired at ${expiresAt}, ${context.now - expiresAt} s before now`,
      'invoiceCreatedAt',
    );
  // "MUST reject the invoice if `invoice_paths` is not present or is empty"; "if
  // `invoice_blindedpay` is not present"; "if `invoice_blindedpay` does not contain exactly one
  // `blinded_payinfo` per `invoice_paths`.`blinded_path`".
  const paths = f.invoicePaths ?? fail('missing-paths', 'the invoice has no invoice_paths');
  const payInfos =
    f.invoiceBlindedpay ?? fail('missing-blindedpay', 'the invoice has no invoice_blindedpay');
  if (payInfos.length !== paths.length)
    fail(
      'payinfo-count-mismatch',
      `invoice_blindedpay has ${payInfos.length} entries for ${paths.length} paths`,
      'invoiceBlindedpay',
    );
  const invoicePaths: InvoicePath[] = paths.map((path, i) => ({
    ...path,
    blindedPayInfo: payInfos[i] as BlindedPayInfo,
  }));
  // "MUST NOT use the corresponding `invoice_paths`.`path` if `payinfo`.`features` has any
  // unknown even bits set"; "MUST reject the invoice if this leaves no usable paths."
  if (!invoicePaths.some((p) => p.blindedPayInfo.usable))
    fail(
      'missing-usable-path',
      'every path of the invoice requires an unknown feature',
      'invoiceBlindedpay',
    );
  // "if `invreq_amount` is present: MUST reject the invoice if `invoice_amount` is not equal to `invreq_amount`".
  if (f.invreqAmount !== undefined && f.invreqAmount !== amountMsat)
    fail(
      'amount-mismatch',
      `invoice_amount ${amountMsat} msat is not the ${f.invreqAmount} msat of invreq_amount`,
      'invoiceAmount',
    );
  // "if `offer_issuer_id` is present …: MUST reject the invoice if `invoice_node_id` is not equal
  // to `offer_issuer_id`"; "otherwise, if `offer_paths` is present …: … not equal to the final
  // `blinded_node_id` it sent the invoice request to" (one of those paths' final hops).
  if (f.offerIssuerId !== undefined) {
    if (!equalBytes(nodeId, f.offerIssuerId))
      fail(
        'node-id-mismatch',
        'invoice_node_id is not the offer_issuer_id of the offer',
        'invoiceNodeId',
      );
  } else if (f.offerPaths !== undefined) {
    const finals = f.offerPaths.map((p) => (p.hops[p.hops.length - 1] as BlindedHop).blindedNodeId);
    if (!finals.some((key) => equalBytes(key, nodeId)))
      fail(
        'node-id-mismatch',
        'invoice_node_id is not the final blinded node of any offer path',
        'invoiceNodeId',
      );
  }
  // "MUST reject the invoice if `signature` is not a valid signature using `invoice_node_id`".
  const signature =
    f.signature ??
    (context.unsigned
      ? new Uint8Array(0)
      : fail('missing-signature', 'the invoice has no signature'));
  const check = checkSignature(message, nodeId, 'invoiceNodeId', context.verify);
  return withOfferId(
    {
      kind: 'invoice' as const,
      offer: offerFields(message),
      request: requestFields(message),
      paths: invoicePaths,
      createdAt,
      relativeExpiry,
      expiresAt,
      paymentHash,
      amountMsat,
      fallbacks: f.invoiceFallbacks ?? [],
      features: f.invoiceFeatures ?? [],
      nodeId,
      chain: f.invreqChain?.name ?? 'bitcoin',
      signature,
      ...check,
      ...common(message, uppercase),
    },
    message,
  );
};
