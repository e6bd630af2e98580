// The tagged fields of BOLT 11 ("Tagged Fields"): each known field's type, name in messages,
// fixed `data_length` and whether an invoice may carry more than one. The readers are in
// read-fields.ts and the writers in create.ts, so that a bundle that only decodes carries no
// writer.
import { CHARSET } from '../bech32.js';
import type { Feature } from './features.js';
import type { FallbackAddress, RouteHintHop, TaggedField } from './invoice.js';

interface FieldSpec {
  /** What messages call it. */
  readonly name: string;
  /** "any field with fixed `data_length` (`p`, `h`, `s`, `n`)" */
  readonly length?: number;
}

/**
 * By tag: the bech32 character of the field's 5-bit type ("`p` (1)": `p` is character 1 of the
 * alphabet). `f` and `r` may repeat ("there may be more than one `r` field"); the others appear
 * once (SingleTag).
 */
export const FIELDS = {
  p: { name: 'payment hash (p)', length: 52 },
  s: { name: 'payment secret (s)', length: 52 },
  d: { name: 'description (d)' },
  m: { name: 'metadata (m)' },
  n: { name: 'payee node key (n)', length: 53 },
  h: { name: 'description hash (h)', length: 52 },
  x: { name: 'expiry (x)' },
  c: { name: 'min_final_cltv_expiry_delta (c)' },
  f: { name: 'fallback address (f)' },
  r: { name: 'route hint (r)' },
  '9': { name: 'features (9)' },
} as const satisfies Readonly<Record<string, FieldSpec>>;

export type KnownTag = keyof typeof FIELDS;
/** The fields an invoice carries at most once. */
export type SingleTag = Exclude<KnownTag, 'f' | 'r'>;

export const isKnownTag = (tag: string): tag is KnownTag => Object.hasOwn(FIELDS, tag);

/** The name of a field in messages: its spec name, or its character for an unknown one. */
export const fieldName = (tag: string): string =>
  isKnownTag(tag) ? FIELDS[tag].name : `field "${tag}"`;

/** The bech32 character of each type, its tag (type 10, unknown, is `'2'`). */
export const tagOfType = (type: number): string => CHARSET.charAt(type);

/** The 5-bit type of a tag. */
export const typeOfTag = (tag: KnownTag): number => CHARSET.indexOf(tag);

/** What each known field reads as. */
export interface FieldValues {
  readonly p: Uint8Array;
  readonly s: Uint8Array;
  readonly d: string;
  readonly m: Uint8Array;
  readonly n: Uint8Array;
  readonly h: Uint8Array;
  readonly x: number;
  readonly c: number;
  readonly f: FallbackAddress;
  readonly r: RouteHintHop[];
  readonly '9': Feature[];
}

/** A known field, read: one type per tag, told apart by `tag`. */
export type KnownFields = {
  readonly [T in KnownTag]: {
    readonly tag: T;
    readonly value: FieldValues[T];
    readonly field: TaggedField;
  };
};
export type KnownField = KnownFields[KnownTag];
