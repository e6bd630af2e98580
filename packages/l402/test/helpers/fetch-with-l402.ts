// The README's fetch wrapper, word for word (readme.test.ts checks that the README holds this
// text between the markers): flow.test.ts runs it against a real server.
// readme:start
import { checkL402Preimage, formatL402Authorization, parseL402Challenge } from '@lninvoice/l402';
import { assertValid } from '@lninvoice/validate';

export interface L402FetchOptions {
  /** Pays a BOLT 11 invoice with your wallet or node; resolves to the preimage (hex or bytes). */
  readonly pay: (invoice: string) => Promise<string | Uint8Array>;
  /** The most you pay for one request, in millisatoshis. */
  readonly maxAmountMsat: bigint;
  readonly network?: string;
  readonly fetch?: typeof globalThis.fetch;
  readonly init?: RequestInit;
}

/** `fetch(url)`; on a 402 with an L402 challenge: check the invoice, pay it, retry once. */
export const fetchWithL402 = async (
  url: string,
  {
    pay,
    maxAmountMsat,
    network = 'bitcoin',
    fetch = globalThis.fetch,
    init = {},
  }: L402FetchOptions,
): Promise<Response> => {
  const first = await fetch(url, init);
  const header = first.headers.get('www-authenticate');
  if (first.status !== 402 || header === null) return first;
  await first.body?.cancel();
  const challenge = parseL402Challenge(header); // L402Error when there is no usable challenge
  // "Should verify that the contained BOLT 11 invoice doesn't request an excessive amount":
  // throws a ValidationError (amount-above-maximum, expired, network-mismatch, …) before paying.
  assertValid(challenge.decoded, { network, maxAmountMsat, allowAmountless: false });
  const preimage = await pay(challenge.invoice);
  if (!checkL402Preimage(challenge.decoded, preimage))
    throw new Error('the payment did not reveal the preimage of the invoice');
  const headers = new Headers(init.headers);
  headers.set(
    'authorization',
    formatL402Authorization({ token: challenge.token, preimage, scheme: challenge.scheme }),
  );
  return fetch(url, { ...init, headers });
};
// readme:end
