// NIP-57 Appendix A: making zap requests, signed with a secret key or by a NIP-07 signer.
import {
  bytesParam,
  integerParam,
  isArray,
  isFunction,
  isString,
  readOptions,
} from '@lninvoice/core/options';
import { describeValue, previewValue } from '@lninvoice/core/text';
import {
  checkEvent,
  type EventTemplate,
  HEX_32,
  isProblem,
  type NostrEvent,
  readEvent,
  signEvent,
  xOnlyKey,
} from '../nostr.js';
import { isMsat, required } from '../options.js';
import { isXOnlyKey } from '../responses.js';
import { ZAP_REQUEST_KIND } from './kinds.js';
import { isKeyHex, isLnurl, isSeconds } from './params.js';
import { isCoordinate, isRelayUrl, lower } from './read.js';

/**
 * What a zap request (NIP-57, kind 9734) says: who is zapped, how much, for which event, and where
 * to publish the receipt.
 */
export interface ZapRequestParams {
  /** The recipient's nostr pubkey (`p`): a BIP 340 key, 32 bytes of lowercase hex. */
  readonly recipientPubkey: string;
  /** The amount (`amount`), millisatoshis, at least 1. */
  readonly amountMsat: bigint;
  /** Where the service publishes the receipt (`relays`): at least one ws:// or wss:// URL. */
  readonly relays: readonly string[];
  /** The recipient's bech32 LNURL (`lnurl`, recommended): `encodeLnurl(parseLightningAddress(a).url)`. */
  readonly lnurl?: string;
  /** The zapped event's id (`e`), when an event is zapped rather than a person. */
  readonly eventId?: string;
  /** The zapped addressable event's coordinate (`a`): `<kind>:<pubkey>:<d tag>`. */
  readonly eventCoordinate?: string;
  /** The zapped event's kind (`k`), 0 to 65535. */
  readonly eventKind?: number;
  /** The message sent with the zap: the event's `content`. Default ''. */
  readonly comment?: string;
  /** Seconds since 1970. Default: the current time (`Date.now()`), read once. */
  readonly createdAt?: number;
}

const REQUEST_PARAMS = {
  recipientPubkey: isKeyHex,
  amountMsat: isMsat,
  relays: isArray,
  lnurl: isLnurl,
  eventId: (value: unknown, name: string) => {
    isString(value, name);
    if (!HEX_32.test(value as string))
      throw new RangeError(
        `${name} must be an event id, 32 bytes of lowercase hex, got ${describeValue(value)}`,
      );
  },
  eventCoordinate: (value: unknown, name: string) => {
    isString(value, name);
    if (!isCoordinate(value as string))
      throw new RangeError(
        `${name} must be an event coordinate <kind>:<pubkey>:<d>, got ${describeValue(value)}`,
      );
  },
  eventKind: (value: unknown, name: string) => void integerParam(name, value, 0, 65535),
  comment: isString,
  createdAt: isSeconds,
} as const;

/** The unsigned kind 9734 event of `params`, every parameter checked. */
const zapRequestTemplate = (params: ZapRequestParams): EventTemplate => {
  const p = readOptions<ZapRequestParams>('params', params, REQUEST_PARAMS);
  const recipient = required(p.recipientPubkey, 'params.recipientPubkey', isKeyHex);
  const amountMsat = required(p.amountMsat, 'params.amountMsat', isMsat);
  if (amountMsat < 1n)
    throw new RangeError(`params.amountMsat must be at least 1 msat, got ${amountMsat}`);
  const relays = required(p.relays, 'params.relays', isArray) as readonly unknown[];
  if (relays.length === 0) throw new RangeError('params.relays must name at least one relay');
  relays.forEach((relay, i) => {
    if (typeof relay !== 'string')
      throw new TypeError(`params.relays[${i}] must be a string, got ${describeValue(relay)}`);
    if (!isRelayUrl(relay))
      throw new RangeError(
        `params.relays[${i}] must be a ws:// or wss:// URL, got ${describeValue(relay)}`,
      );
  });
  // Appendix A's order: relays, amount, lnurl, p, then e, a, k.
  const tags: string[][] = [
    ['relays', ...(relays as string[])],
    ['amount', amountMsat.toString()],
  ];
  if (p.lnurl !== undefined) tags.push(['lnurl', lower(p.lnurl) as string]);
  tags.push(['p', recipient]);
  if (p.eventId !== undefined) tags.push(['e', p.eventId]);
  if (p.eventCoordinate !== undefined) tags.push(['a', p.eventCoordinate]);
  if (p.eventKind !== undefined) tags.push(['k', String(p.eventKind)]);
  return {
    kind: ZAP_REQUEST_KIND,
    created_at: p.createdAt ?? Math.floor(Date.now() / 1000),
    tags,
    content: p.comment ?? '',
  };
};

/**
 * NIP-57 Appendix A: a zap request (kind 9734) signed with the sender's 32-byte secret key
 * (Uint8Array or hex), with its id and BIP 340 signature per NIP-01. Not to be published: send it
 * with `requestZapInvoice`.
 */
export const createZapRequest = (
  params: ZapRequestParams,
  secretKey: Uint8Array | string,
): NostrEvent => {
  const template = zapRequestTemplate(params);
  const key = bytesParam('secretKey', secretKey, 32);
  return signEvent(template, key, xOnlyKey(key, 'secretKey'));
};

/** A NIP-07 signer (`window.nostr`), or a remote one (NIP-46) behind the same two methods. */
export interface NostrSigner {
  /** The signer's BIP 340 public key, 32 bytes of lowercase hex. */
  getPublicKey(): Promise<string>;
  /** `event` signed: its `id`, `pubkey` and `sig` filled in (checked before use). */
  signEvent(event: EventTemplate): Promise<NostrEvent>;
}

const sameTags = (a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean =>
  a.length === b.length && a.every((tag, i) => JSON.stringify(tag) === JSON.stringify(b[i]));

/**
 * `createZapRequest` with a NIP-07 signer: it is given the unsigned event, and what it returns is
 * checked: a well-formed event of the same kind, time, tags and content, by the key
 * `getPublicKey` gave, with a valid id and signature (a RangeError naming the signer otherwise).
 */
export const createZapRequestWith = async (
  params: ZapRequestParams,
  signer: NostrSigner,
): Promise<NostrEvent> => {
  const template = zapRequestTemplate(params);
  if (typeof signer !== 'object' || signer === null)
    throw new TypeError(`signer must be an object, got ${describeValue(signer)}`);
  isFunction(signer.getPublicKey, 'signer.getPublicKey');
  isFunction(signer.signEvent, 'signer.signEvent');
  const pubkey: unknown = await signer.getPublicKey();
  if (!isXOnlyKey(pubkey))
    throw new RangeError(
      `signer.getPublicKey() must give a BIP 340 public key (32 bytes of lowercase hex), got ${describeValue(pubkey)}`,
    );
  const signed = readEvent(
    await signer.signEvent({ ...template, tags: template.tags.map((tag) => [...tag]) }),
  );
  if (isProblem(signed))
    throw new RangeError(
      `signer.signEvent() gave no signed event: its ${signed.field} must be ${signed.expected}, got ${previewValue(signed.value)}`,
    );
  if (
    signed.kind !== template.kind ||
    signed.created_at !== template.created_at ||
    signed.content !== template.content ||
    !sameTags(signed.tags, template.tags)
  )
    throw new RangeError('signer.signEvent() changed the event it was given');
  if (signed.pubkey !== pubkey)
    throw new RangeError(
      `signer.signEvent() signed with ${signed.pubkey}, not with ${pubkey}, the key signer.getPublicKey() gave`,
    );
  const failure = checkEvent(signed);
  if (failure !== undefined)
    throw new RangeError(
      `signer.signEvent() gave an event whose ${failure === 'id-mismatch' ? 'id is not its hash' : 'signature is not valid'}`,
    );
  return signed;
};
