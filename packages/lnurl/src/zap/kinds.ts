// The kinds of the two events of NIP-57, the zap request and the zap receipt.

/** NIP-57's event kinds: "`9734` is a `zap request` [...] `9735` is a `zap receipt`". */
export const ZAP_REQUEST_KIND = 9734;
/** The kind of a zap receipt: "`9735` is a `zap receipt`" (NIP-57). */
export const ZAP_RECEIPT_KIND = 9735;
