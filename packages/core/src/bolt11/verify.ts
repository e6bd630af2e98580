// Decoding, stage 3: the signature. With `n`: "MUST use the `n` field to validate the signature
// instead of performing public-key recovery"; without: "MUST perform ECDSA public-key recovery
// and accept both high-S and low-S signatures".

import { fastVerifier } from '../ec/fast.js';
import { checkedWhereUsed, readOptions } from '../options.js';
import { type Secp256k1Verifier, verifierParam } from '../secp256k1.js';
import { toHex } from '../text.js';
import { Bolt11Error } from './error.js';
import { checkNodeKey } from './fields/node-key.js';
import { checkRouteHintKeys } from './fields/route-hint.js';
import type { AnyInvoice, Invoice } from './invoice.js';
import { decodedInvoiceParam } from './invoice-params.js';
import { withJsonView } from './json.js';
import { fieldFailure } from './read-fields.js';
import { SIGNATURE_WORDS } from './spec.js';

/** The options of {@link verifyInvoice}. */
export interface VerifyOptions {
  /** The elliptic-curve implementation (default: `fastSecp256k1`). */
  readonly secp256k1?: Secp256k1Verifier;
}

/** An invoice whose signature is checked: what `verifyInvoice` makes of `T`. */
export type Verified<T extends AnyInvoice> = T & {
  /** The `n` field, or the key recovered from the signature: the key that signed. */
  readonly payeeNodeKey: Uint8Array;
  /** Where `payeeNodeKey` came from. */
  readonly payeeSource: Invoice['payeeSource'];
};

/** The payee of `invoice`, once its signature is shown to be valid. */
export const checkSignature = <T extends AnyInvoice>(
  invoice: T,
  secp: Secp256k1Verifier,
): Verified<T> => {
  const { signature, signingHash: hash } = invoice;
  // The signature follows the last field (an invoice always has a p field).
  const start = invoice.fields.at(-1)?.span[1] ?? 0;
  const span = [start, start + SIGNATURE_WORDS] as const;
  const n = invoice.payeeNodeKey;
  if (n !== undefined) {
    if (!secp.verify(signature.compact, hash, n))
      throw new Bolt11Error(
        'invalid-signature',
        `the signature was not made by the payee node key n (${toHex(n)})`,
        { span, field: 'n' },
      );
    return withJsonView({ ...invoice, payeeNodeKey: n, payeeSource: 'n-field' as const });
  }
  const recovered = secp.recoverPublicKey(signature.compact, signature.recoveryId, hash);
  if (recovered === undefined)
    throw new Bolt11Error(
      'invalid-signature',
      `no public key can be recovered from the signature with recovery id ${signature.recoveryId}`,
      { span },
    );
  return withJsonView({ ...invoice, payeeNodeKey: recovered, payeeSource: 'recovered' as const });
};

/**
 * Does the elliptic-curve work `decode(…, { verify: false })` skipped: route-hint and `n` keys
 * must be points on the curve; with `n`, the signature must verify against it; without, the
 * payee is recovered from the signature.
 */
export const verifyInvoice = <T extends AnyInvoice>(
  invoice: T,
  options?: VerifyOptions,
): Verified<T> => {
  decodedInvoiceParam('invoice', invoice);
  const { secp256k1 } = readOptions<VerifyOptions>('options', options, {
    secp256k1: checkedWhereUsed,
  });
  const secp = verifierParam(secp256k1, fastVerifier);
  const routeFields = invoice.fields.filter((f) => f.tag === 'r');
  invoice.routeHints.forEach((hops, i) => {
    const field = routeFields[i];
    if (field) checkRouteHintKeys(fieldFailure(field), hops, secp);
  });
  // The n field in use: with `legacy`, wrong-length n fields may stand before it.
  const nField = invoice.fields.find((f) => f.tag === 'n' && f.words.length === 53);
  if (nField && invoice.payeeNodeKey)
    checkNodeKey(fieldFailure(nField), invoice.payeeNodeKey, secp);
  return checkSignature(invoice, secp);
};
