// What a string without a bitcoin: or lightning: scheme is: each kind recognised by its shape,
// then read by its own module, which names what is wrong when the shape is right but not the rest.
import { BITCOIN_SIGN, lud17SchemeOf } from '@lninvoice/core/service-url';
import { classifyAddress, looksLikeAddress } from '../addresses.js';
import { schemeOf } from '../rfc3986.js';
import type { Input } from '../types.js';
import { classifyBolt11 } from './bolt11.js';
import { classifyBolt12, looksLikeBolt12 } from './bolt12.js';
import { classifyFallback, classifyLnurl, classifyLud17 } from './lnurl.js';
import { classifyName } from './names.js';
import { classifyNode, looksLikeNode } from './node.js';

/** Every kind but the two URIs. */
export type Payload = Exclude<Input, { kind: 'bitcoin-uri' } | { scheme: 'lightning' }>;

/** A web URL with a `lightning=` parameter: a LUD-01 fallback, whatever else it holds. */
const FALLBACK = /^https?:\/\/[^?#]*\?(?:[^#]*&)?lightning=/i;

/**
 * The kind of `text`, found at `offset` of the input, or undefined when it has the shape of none.
 * Names and node URIs come first: only they hold an `@`, which no bech32 string does.
 */
export const classifyPayload = (
  text: string,
  offset: number,
  lenient: boolean,
): Payload | undefined => {
  if (lud17SchemeOf(text) !== undefined) return classifyLud17(text, offset, lenient);
  if (FALLBACK.test(text)) return classifyFallback(text, offset, lenient);
  if (schemeOf(text) !== undefined) return undefined;
  if (looksLikeNode(text)) return classifyNode(text, offset);
  if (text.startsWith(BITCOIN_SIGN) || text.includes('@'))
    return classifyName(text, offset, lenient);
  if (looksLikeBolt12(text)) return classifyBolt12(text, offset);
  if (/^lnurl1/i.test(text)) return classifyLnurl(text, offset);
  if (/^ln/i.test(text)) return classifyBolt11(text, offset);
  if (looksLikeAddress(text)) return classifyAddress(text, offset);
  return undefined;
};
