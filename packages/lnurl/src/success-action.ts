// LUD-09 / LUD-10 success actions: shown once the payment succeeds, checked before paying.
// LUD-09: "a `WALLET` must make sure that its `tag` value is of a kind it supports, otherwise it
// must not proceed with the payment".
import { decodeUtf8, previewValue, showText } from '@lninvoice/core/text';
import { base64 } from '@scure/base';
import { LnurlError } from './errors.js';
import { asObject, fieldValue, stringField } from './json.js';
import { parseServiceUrl } from './url.js';

/**
 * What to show the payer once paid (LUD-09, LUD-10), checked before paying: a message, a URL, or
 * a message encrypted with the payment's preimage. Every text is the service's: untrusted.
 */
export type SuccessAction =
  | {
      /** A message to show. */
      readonly tag: 'message';
      /** Up to 144 characters. */
      readonly message: string;
    }
  | {
      /** A URL to offer to open, with a description. */
      readonly tag: 'url';
      /** Up to 144 characters. */
      readonly description: string;
      /** On the callback's domain (https, or http for an onion host). */
      readonly url: string;
    }
  | {
      /** A message encrypted with AES-256-CBC, the preimage as key: see `decryptSuccessAction`. */
      readonly tag: 'aes';
      /** Up to 144 characters, shown as is. */
      readonly description: string;
      /** Base64 of whole AES blocks, at most 4096 characters. */
      readonly ciphertext: string;
      /** Base64 of the 16-byte initialization vector (24 characters). */
      readonly iv: string;
    };

const AES_IV_BASE64_LENGTH = 24;
/** LUD-09: `message` and `description` "Up to 144 characters" (LUD-10 `aes` description too). */
const MAX_TEXT_CHARACTERS = 144;
/** LUD-10: "base64, AES-encrypted data [...], up to 4kb of characters". */
const MAX_CIPHERTEXT_LENGTH = 4096;

/** A success action checked against the pay request's `callback` (for the url domain rule). */
export const parseSuccessAction = (value: unknown, callback: string): SuccessAction => {
  const action = asObject(value, 'successAction');
  const tag = fieldValue(action, 'tag');
  const invalid = (why: string) =>
    new LnurlError('invalid-success-action', `successAction (${previewValue(tag)}): ${why}`);
  /** A text field shown to the user, within LUD-09's 144 characters (code points). */
  const text = (name: string): string => {
    const value = stringField(action, name, 'successAction');
    // Counted without spreading a string of up to 1 MiB into an array first.
    let count = 0;
    for (const _ of value) if (++count > MAX_TEXT_CHARACTERS) break;
    if (count > MAX_TEXT_CHARACTERS)
      throw invalid(`${name} is longer than the ${MAX_TEXT_CHARACTERS} characters LUD-09 allows`);
    return value;
  };
  if (tag === 'message') return { tag, message: text('message') };
  if (tag === 'url') {
    const url = stringField(action, 'url', 'successAction');
    let parsed: ReturnType<typeof parseServiceUrl>;
    try {
      parsed = parseServiceUrl(url, 'successAction.url');
    } catch (error) {
      throw invalid((error as Error).message);
    }
    // "url domain must be the same as `callback` domain at step 3"
    const expected = parseServiceUrl(callback, 'callback').host;
    if (parsed.host !== expected) {
      throw new LnurlError(
        'success-action-domain-mismatch',
        `successAction url ${showText(url)} is not on the callback's domain ${expected}`,
      );
    }
    return { tag, description: text('description'), url: parsed.href };
  }
  if (tag === 'aes') {
    const iv = stringField(action, 'iv', 'successAction');
    // "iv: base64, initialization vector, exactly 24 characters"
    if (iv.length !== AES_IV_BASE64_LENGTH || decodeBase64(iv)?.length !== 16) {
      throw new LnurlError(
        'invalid-iv',
        `successAction iv ${showText(iv)} is not 16 bytes of base64 (24 characters)`,
      );
    }
    const ciphertext = stringField(action, 'ciphertext', 'successAction');
    const bytes = decodeBase64(ciphertext);
    if (
      ciphertext.length > MAX_CIPHERTEXT_LENGTH ||
      bytes === undefined ||
      bytes.length === 0 ||
      bytes.length % 16 !== 0
    ) {
      throw invalid('ciphertext must be base64 of whole AES blocks, at most 4096 characters');
    }
    return { tag, description: text('description'), ciphertext, iv };
  }
  throw new LnurlError(
    'unsupported-success-action',
    `successAction tag ${previewValue(tag)} is not message, url or aes: do not pay`,
  );
};

const decodeBase64 = (text: string): Uint8Array | undefined => {
  try {
    return base64.decode(text);
  } catch {
    return undefined;
  }
};

type SubtleCrypto = {
  importKey(
    format: 'raw',
    key: Uint8Array,
    algorithm: string,
    extractable: boolean,
    uses: string[],
  ): Promise<unknown>;
  decrypt(
    algorithm: { name: string; iv: Uint8Array },
    key: unknown,
    data: Uint8Array,
  ): Promise<ArrayBuffer>;
};

/**
 * The plaintext of an `aes` success action (LUD-10: "256-bit AES in `AES/CBC/PKCS5Padding` mode",
 * the key being the payment preimage), decrypted with WebCrypto.
 */
export const decryptSuccessAction = async (
  action: SuccessAction & { tag: 'aes' },
  preimage: Uint8Array,
): Promise<string> => {
  if (!(preimage instanceof Uint8Array) || preimage.length !== 32)
    throw new TypeError('preimage must be 32 bytes');
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (!subtle)
    throw new LnurlError('decryption-failed', 'WebCrypto (crypto.subtle) is not available here');
  try {
    const key = await subtle.importKey('raw', preimage, 'AES-CBC', false, ['decrypt']);
    const plain = await subtle.decrypt(
      { name: 'AES-CBC', iv: base64.decode(action.iv) },
      key,
      base64.decode(action.ciphertext),
    );
    // "The decrypted content must be a **string**"
    const text = decodeUtf8(new Uint8Array(plain));
    if (text === undefined) throw new TypeError('the plaintext is not UTF-8');
    return text;
  } catch (error) {
    throw new LnurlError(
      'decryption-failed',
      'the success action does not decrypt with this preimage to UTF-8 text',
      { cause: error },
    );
  }
};
