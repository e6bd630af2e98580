export { type AddressOptions, type LightningAddress, parseLightningAddress } from './address.js';
export {
  AUTH_ACTIONS,
  type AuthAction,
  type AuthRequest,
  authCallbackUrl,
  parseAuthRequest,
  signAuth,
  verifyAuthSignature,
} from './auth.js';
export {
  LNURL_ERROR_CODES,
  LNURL_WARNING_CODES,
  LnurlError,
  type LnurlErrorCode,
  type LnurlWarning,
  type LnurlWarningCode,
} from './errors.js';
export {
  type ChannelParams,
  login,
  openChannel,
  type PayParams,
  payCallbackUrl,
  type RequestedInvoice,
  type RequestInvoiceOptions,
  type Resolved,
  type ResolveOptions,
  requestInvoice,
  resolve,
  verifyPayment,
  withdraw,
  withdrawCallbackUrl,
} from './flows.js';
export { type Fetch, type FetchResponse, getJson, type HttpOptions } from './http.js';
export {
  type CheckedInvoice,
  checkPayInvoice,
  type DescriptionHashCheck,
  type InvoiceCheck,
  type InvoiceResponse,
  parseInvoiceResponse,
} from './invoice.js';
export {
  type DecodedLnurl,
  type DecodeLnurlOptions,
  decodeLnurl,
  encodeLnurl,
  type Lud17Scheme,
  MAX_LNURL_LENGTH,
} from './lnurl.js';
export { LUD13_MESSAGE, linkingKeyPath } from './lud05.js';
export { descriptionToHash, metadataHash, type PayMetadata, parseMetadata } from './metadata.js';
export { type PayerData, type PayerDataRequest, payerDataJson } from './payer-data.js';
export {
  type ChannelRequest,
  type PayRequest,
  parseChannelRequest,
  parsePayRequest,
  parseServiceResponse,
  parseStatusResponse,
  parseVerifyResponse,
  parseWithdrawRequest,
  type ServiceRequest,
  type VerifyResponse,
  type WithdrawRequest,
} from './responses.js';
export { decryptSuccessAction, parseSuccessAction, type SuccessAction } from './success-action.js';
export { checkVerifyResponse, type VerifyResult } from './verify.js';
