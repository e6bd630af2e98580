// LUD-06 metadata: "Metadata json which must be presented as raw string here, this is required to
// pass signature verification at a later step". Kept as received; parsed for display.

import { sha256 } from '@lninvoice/core/hash';
import { encodeUtf8, showText, toHex } from '@lninvoice/core/text';
import { LnurlError } from './errors.js';

/**
 * The metadata of a pay request (LUD-06), read for display; every text is the service's, untrusted.
 */
export interface PayMetadata {
  /** The metadata string exactly as the service sent it: what the invoice's `h` commits to. */
  readonly raw: string;
  /** The `text/plain` entry. */
  readonly description: string;
  /** The `text/long-desc` entry (LUD-20). */
  readonly longDescription: string | undefined;
  /** What a pay screen shows: LUD-20 "`WALLET` MUST upon recognizing the `text/long-desc` metadata use it". */
  readonly display: string;
  /** `text/identifier` (LUD-16). */
  readonly identifier: string | undefined;
  /** `text/email` (LUD-16). */
  readonly email: string | undefined;
  /** The `image/png;base64` or `image/jpeg;base64` entry. */
  readonly image:
    | {
        /** The media type. */
        readonly type: 'image/png' | 'image/jpeg';
        /** The image, base64 as sent (not decoded or checked). */
        readonly base64: string;
      }
    | undefined;
  /** Every entry, in order: a type string followed by values of any JSON type. */
  readonly entries: readonly (readonly [string, ...unknown[]])[];
}

const IMAGES = ['image/png;base64', 'image/jpeg;base64'];

/** The string `h` must hash: the metadata as received, then the payer data as sent (LUD-18). */
export const descriptionToHash = (metadata: string, payerData?: string): string =>
  metadata + (payerData ?? '');

/**
 * SHA-256 of the UTF-8 bytes of the metadata (and payer data), hex: the invoice's `h`. Text with
 * a lone UTF-16 surrogate has no UTF-8 bytes (TextEncoder would quietly write U+FFFD instead), so
 * it is refused rather than hashed as something else.
 */
export const metadataHash = (metadata: string, payerData?: string): string => {
  const bytes = encodeUtf8(descriptionToHash(metadata, payerData));
  if (bytes === undefined)
    throw new LnurlError(
      'invalid-metadata',
      'the metadata (with the payer data) holds a lone UTF-16 surrogate: it has no UTF-8 bytes to hash',
    );
  return toHex(sha256(bytes));
};

/**
 * Reads the metadata string of a pay request (LUD-06): a JSON array of `[type, value]` entries,
 * exactly one `text/plain` among them. Throws a `LnurlError`: `invalid-json`; `invalid-metadata`
 * or `invalid-metadata-entry` for a wrong shape; `missing-text-plain`, `duplicate-text-plain`,
 * `duplicate-image`.
 */
export const parseMetadata = (raw: string): PayMetadata => {
  if (typeof raw !== 'string')
    throw new LnurlError('invalid-metadata', 'metadata must be a string of JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new LnurlError('invalid-json', `metadata ${showText(raw, 60)} is not valid JSON`);
  }
  // "The `metadata` json array is only allowed to contain arrays. The first item of an array inside
  // the `metadata` array is always a string representing the metadata type"
  if (!Array.isArray(parsed))
    throw new LnurlError('invalid-metadata', 'metadata must be a JSON array');
  const entries = parsed.map((entry, i) => {
    if (!Array.isArray(entry))
      throw new LnurlError('invalid-metadata-entry', `metadata entry ${i} is not an array`);
    if (typeof entry[0] !== 'string') {
      throw new LnurlError(
        'invalid-metadata',
        `metadata entry ${i} does not start with a type string`,
      );
    }
    return entry as [string, ...unknown[]];
  });
  const texts = (type: string): unknown[] => entries.filter((e) => e[0] === type).map((e) => e[1]);
  const single = (type: string): string | undefined => {
    const values = texts(type);
    if (values.length === 0) return undefined;
    if (values.length > 1)
      throw new LnurlError('invalid-metadata', `metadata has ${values.length} ${type} entries`);
    if (typeof values[0] !== 'string')
      throw new LnurlError('invalid-metadata', `metadata ${type} is not a string`);
    return values[0];
  };
  // "`metadata` json array must contain one `text/plain` entry"
  const plain = texts('text/plain');
  if (plain.length === 0)
    throw new LnurlError(
      'missing-text-plain',
      'metadata has no text/plain entry to show the payer',
    );
  if (plain.length > 1)
    throw new LnurlError(
      'duplicate-text-plain',
      `metadata has ${plain.length} text/plain entries; it must have one`,
    );
  const description = single('text/plain') as string;
  // "must contain either one `image/png;base64` entry or one `image/jpeg;base64` entry or neither"
  const images = entries.filter((e) => IMAGES.includes(e[0]));
  if (images.length > 1)
    throw new LnurlError(
      'duplicate-image',
      `metadata has ${images.length} images; it may have one`,
    );
  const [image] = images;
  if (image && typeof image[1] !== 'string')
    throw new LnurlError('invalid-metadata', `metadata ${image[0]} is not a base64 string`);
  const longDescription = single('text/long-desc');
  return {
    raw,
    description,
    longDescription,
    display: longDescription ?? description,
    identifier: single('text/identifier'),
    email: single('text/email'),
    image: image
      ? {
          type: image[0] === 'image/png;base64' ? 'image/png' : 'image/jpeg',
          base64: image[1] as string,
        }
      : undefined,
    entries,
  };
};
