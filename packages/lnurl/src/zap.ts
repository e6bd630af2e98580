// @lninvoice/lnurl/zap: Lightning zaps (NIP-57) over LNURL-pay. The wallet makes and signs a zap
// request (kind 9734), sends it to the service's callback and checks the invoice it gets; a
// service checks the zap requests it receives (Appendix D); a client checks the zap receipts
// (kind 9735) it reads from relays (Appendix F).
//
// The subpath's entry: one file a job in ./zap/ (findings.ts says which text of NIP-57 is
// followed, and how its MUSTs and SHOULDs become errors and warnings).
export type { EventTemplate, NostrEvent } from './nostr.js';
export {
  createZapRequest,
  createZapRequestWith,
  type NostrSigner,
  type ZapRequestParams,
} from './zap/create.js';
export {
  ZAP_ISSUE_CODES,
  ZAP_ISSUE_SEVERITY,
  type ZapIssue,
  type ZapIssueCode,
} from './zap/findings.js';
export { ZAP_RECEIPT_KIND, ZAP_REQUEST_KIND } from './zap/kinds.js';
export {
  requestZapInvoice,
  type ZapInvoice,
  type ZapInvoiceOptions,
} from './zap/request-invoice.js';
export {
  type ValidateZapReceiptOptions,
  validateZapReceipt,
  type ZapDetails,
  type ZapReceiptValidation,
} from './zap/validate-receipt.js';
export {
  type ValidateZapRequestOptions,
  validateZapRequest,
  type ZapRequestDetails,
  type ZapRequestValidation,
} from './zap/validate-request.js';
