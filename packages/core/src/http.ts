// @lninvoice/core/http: reading an HTTP body under a size cap, for every package that fetches
// (lnurl's services, bip353's DNS-over-HTTPS resolver): a hostile server must not make a wallet
// hold more than it asked for.
import { concatBytes } from './text.js';

/** The part of a fetch `Response` whose body is read. */
export interface BodySource {
  readonly headers: { get(name: string): string | null };
  readonly body?: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
      cancel(): Promise<void>;
    };
    cancel(): Promise<void>;
  } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The body, at most `maxBytes` of it: a declared `content-length` above the cap is refused before
 * a byte is read, a stream is cut off once it passes the cap. A response without a stream
 * (React Native's fetch, some polyfills) can only be read whole: its size is checked before a
 * byte of it is decoded or parsed, so parsing stays bounded, but what the server sends until the
 * timeout is held in memory first. `tooLarge` makes the caller's error from a size ("1234
 * bytes", "more than 1024 bytes").
 */
export const readCappedBody = async (
  response: BodySource,
  maxBytes: number,
  tooLarge: (size: string) => Error,
): Promise<Uint8Array> => {
  const header = response.headers.get('content-length');
  const declared = header !== null && /^\s*\d+\s*$/.test(header) ? Number(header) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(`${declared} bytes`);
  }
  if (!response.body) {
    const whole = await response.arrayBuffer();
    if (whole.byteLength > maxBytes) throw tooLarge(`${whole.byteLength} bytes`);
    return new Uint8Array(whole);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || value === undefined) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(`more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
};
