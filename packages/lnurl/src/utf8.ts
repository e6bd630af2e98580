// UTF-8 bytes to text without TextDecoder, which React Native's Hermes engine lacks: where it is
// missing, every LNURL failed to decode. ECMAScript's decodeURIComponent decodes UTF-8 strictly
// (overlong forms, surrogates, code points above U+10FFFF and truncated sequences throw a
// URIError) in every engine, so the bytes are percent-escaped and handed to it.

/**
 * The text `bytes` encode, or undefined when they are not UTF-8. A leading byte-order mark is
 * dropped, as TextDecoder('utf-8') drops it.
 */
export const decodeUtf8 = (bytes: Uint8Array): string | undefined => {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let escaped = '';
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    escaped += byte < 0x10 ? `%0${byte.toString(16)}` : `%${byte.toString(16)}`;
  }
  try {
    return decodeURIComponent(escaped);
  } catch {
    return undefined;
  }
};
