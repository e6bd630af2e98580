// @lninvoice/core/http: reading an HTTP body under a size cap, for every package that fetches
// (lnurl's services, bip353's DNS-over-HTTPS resolver): a hostile server must not make a wallet
// hold more than it asked for.
import { concatBytes } from './text.js';

/** The part of a fetch `Response` whose body is read. */
export interface BodySource {
  /** The response headers: `content-length` is read. */
  readonly headers: {
    /** The header's value, or null when absent. */
    get(name: string): string | null;
  };
  /** The body as a stream, read chunk by chunk up to the cap; absent or null when not streamed. */
  readonly body?: {
    /** A reader of the stream. */
    getReader(): {
      /** The next chunk, or `done` at the end. */
      read(): Promise<{
        /** The stream has ended. */
        done: boolean;
        /** The chunk's bytes. */
        value?: Uint8Array | undefined;
      }>;
      /** Stops reading: called once the cap is passed. */
      cancel(): Promise<void>;
    };
    /** Discards the body unread. */
    cancel(): Promise<void>;
  } | null;
  /** The whole body: read only when there is no stream. */
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
