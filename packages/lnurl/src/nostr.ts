// NIP-01 events as NIP-57 needs them: read from untrusted JSON with every field's type checked,
// serialised for their id, signed and verified with BIP 340 (@noble/secp256k1's schnorr, with
// core's SHA-256 lent to it).
//
// Serialisation: NIP-01 "To obtain the `event.id`, we `sha256` the serialized event. The
// serialization is done over the UTF-8 JSON-serialized string [...] of the following structure:
// `[0, <pubkey>, <created_at>, <kind>, <tags>, <content>]`", without whitespace, with `\n`, `\"`,
// `\\`, `\r`, `\t`, `\b`, `\f` escaped "and all other characters [...] included verbatim".
// `JSON.stringify` writes exactly those escapes; it differs from the letter of the text only for
// the other C0 controls (U+0000-U+001F, which it writes as `\u00XX`, since JSON cannot hold them
// raw) and for lone surrogates (`\udXXX`, since UTF-8 cannot hold them). nostr-tools, and with it
// the clients and relays built on it, serialise with `JSON.stringify`: ids computed here are theirs.
import { sha256 } from '@lninvoice/core/hash';
import { bytesParam } from '@lninvoice/core/options';
import { randomBytes } from '@lninvoice/core/random';
import { encodeUtf8, toHex } from '@lninvoice/core/text';
import { hashes, schnorr } from '@noble/secp256k1';

/** A signed NIP-01 event, as it travels: hex in lowercase, `created_at` in seconds since 1970. */
export interface NostrEvent {
  /** The event id: SHA-256 of its serialization (NIP-01), 32 bytes lowercase hex. */
  readonly id: string;
  /** The author's BIP 340 public key, 32 bytes lowercase hex. */
  readonly pubkey: string;
  /** When it was made, in seconds since 1970. */
  readonly created_at: number;
  /** The event kind: 9734 for a zap request, 9735 for a zap receipt. */
  readonly kind: number;
  /** The tags, each an array of strings whose first is its name (`p`, `e`, `amount`, …). */
  readonly tags: readonly (readonly string[])[];
  /** The text of the event (a zap request's comment); untrusted. */
  readonly content: string;
  /** The BIP 340 Schnorr signature of `id`, 64 bytes lowercase hex. */
  readonly sig: string;
}

/** An event before it is signed: what a NIP-07 signer's `signEvent` is given. */
export interface EventTemplate {
  /** The event kind: 9734 for a zap request, 9735 for a zap receipt. */
  readonly kind: number;
  /** When it was made, in seconds since 1970. */
  readonly created_at: number;
  /** The tags, each an array of strings whose first is its name (`p`, `e`, `amount`, …). */
  readonly tags: readonly (readonly string[])[];
  /** The text of the event (a zap request's comment); untrusted. */
  readonly content: string;
}

export const HEX_32 = /^[0-9a-f]{64}$/;
const HEX_64 = /^[0-9a-f]{128}$/;

/** What is wrong with a value read as an event: the field, and what it should be. */
export interface EventProblem {
  readonly field: string;
  readonly expected: string;
  readonly value: unknown;
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * `value` as a NIP-01 event, or the first field that breaks NIP-01's shape. Own properties only,
 * read once each: a `__proto__` key is data, never a prototype.
 */
export const readEvent = (value: unknown): NostrEvent | EventProblem => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { field: 'event', expected: 'a JSON object', value };
  const own = (name: string): unknown =>
    Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
  const id = own('id');
  const pubkey = own('pubkey');
  const createdAt = own('created_at');
  const kind = own('kind');
  const tags = own('tags');
  const content = own('content');
  const sig = own('sig');
  // NIP-01: "32-bytes lowercase hex-encoded sha256 of the serialized event data"
  if (typeof id !== 'string' || !HEX_32.test(id))
    return { field: 'id', expected: '32 bytes of lowercase hex', value: id };
  // "32-bytes lowercase hex-encoded public key of the event creator"
  if (typeof pubkey !== 'string' || !HEX_32.test(pubkey))
    return { field: 'pubkey', expected: '32 bytes of lowercase hex', value: pubkey };
  // "<unix timestamp in seconds>"
  if (typeof createdAt !== 'number' || !Number.isSafeInteger(createdAt) || createdAt < 0)
    return {
      field: 'created_at',
      expected: 'a whole number of seconds since 1970',
      value: createdAt,
    };
  // "<integer between 0 and 65535>"
  if (typeof kind !== 'number' || !Number.isInteger(kind) || kind < 0 || kind > 65535)
    return { field: 'kind', expected: 'an integer from 0 to 65535', value: kind };
  // "Each tag is an array of one or more strings"
  if (!Array.isArray(tags) || !tags.every((tag) => isStringArray(tag) && tag.length > 0))
    return { field: 'tags', expected: 'an array of arrays of one or more strings', value: tags };
  if (typeof content !== 'string')
    return { field: 'content', expected: 'a string', value: content };
  // "64-bytes lowercase hex of the signature of the sha256 hash of the serialized event data"
  if (typeof sig !== 'string' || !HEX_64.test(sig))
    return { field: 'sig', expected: '64 bytes of lowercase hex', value: sig };
  return {
    id,
    pubkey,
    created_at: createdAt,
    kind,
    tags: (tags as string[][]).map((tag) => [...tag]),
    content,
    sig,
  };
};

export const isProblem = (read: NostrEvent | EventProblem): read is EventProblem =>
  'expected' in read;

/** NIP-01's serialisation of an event, the text its id hashes (see the top of this file). */
export const serializeEvent = (event: EventTemplate & { readonly pubkey: string }): string =>
  JSON.stringify([0, event.pubkey, event.created_at, event.kind, event.tags, event.content]);

/** The event's id: SHA-256 of its serialisation, hex. JSON.stringify's text is always UTF-8. */
export const eventId = (event: EventTemplate & { readonly pubkey: string }): string =>
  toHex(sha256(encodeUtf8(serializeEvent(event)) as Uint8Array));

/** Hex already checked by readEvent (or made here). */
const fromHex = (hex: string): Uint8Array => bytesParam('hex', hex);

/** BIP 340 verification of `sig` over the 32 bytes of `id` under the x-only `pubkey` (all hex). */
export const verifySignature = (event: NostrEvent): boolean => {
  hashes.sha256 ??= sha256;
  return schnorr.verify(fromHex(event.sig), fromHex(event.id), fromHex(event.pubkey));
};

/** Whether the event's id is its hash and its signature is its pubkey's. */
export const checkEvent = (event: NostrEvent): 'id-mismatch' | 'invalid-signature' | undefined =>
  eventId(event) !== event.id
    ? 'id-mismatch'
    : verifySignature(event)
      ? undefined
      : 'invalid-signature';

/** The x-only public key (hex) of a 32-byte secret key; a RangeError naming `name` for none. */
export const xOnlyKey = (secretKey: Uint8Array, name: string): string => {
  hashes.sha256 ??= sha256;
  try {
    return toHex(schnorr.getPublicKey(secretKey));
  } catch {
    throw new RangeError(`${name} is not a valid secp256k1 secret key (1 to n-1)`);
  }
};

/**
 * The template signed with `secretKey` (BIP 340, fresh auxiliary randomness as NIP-01 signers
 * use). The randomness is core's, not noble's default, so that a platform without
 * crypto.getRandomValues gets the same error as everywhere else, with the way around it.
 */
export const signEvent = (
  template: EventTemplate,
  secretKey: Uint8Array,
  pubkey: string,
): NostrEvent => {
  const withKey = { ...template, pubkey };
  const id = eventId(withKey);
  hashes.sha256 ??= sha256;
  const auxRand = randomBytes(32, 'sign with your own signer (createZapRequestWith)');
  const sig = toHex(schnorr.sign(fromHex(id), secretKey, auxRand));
  return {
    id,
    pubkey,
    created_at: template.created_at,
    kind: template.kind,
    tags: template.tags,
    content: template.content,
    sig,
  };
};
