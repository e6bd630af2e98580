import { sha256 } from './hash.js';
import { randomBytes } from './random.js';

/**
 * A new random payment preimage and its hash. Keep the preimage secret until the payment
 * arrives: revealing it is what settles the payment.
 */
export const createPaymentPreimage = (): {
  /** 32 random bytes: the secret the payee reveals when paid. */
  preimage: Uint8Array;
  /** SHA-256 of the preimage, 32 bytes: what the invoice's `p` field carries. */
  paymentHash: Uint8Array;
} => {
  const preimage = randomBytes(32);
  return { preimage, paymentHash: sha256(preimage) };
};
