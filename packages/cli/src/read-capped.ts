import { closeSync, openSync, readSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A file (or standard input, for `-`) read to its end, but never more than `max` bytes:
 * `undefined` when it holds more. `--key-file /dev/zero` or an endless pipe must end in an
 * error, not fill memory or run forever.
 */
export const readCappedSync = (path: string, max: number): Buffer | undefined => {
  const fd = path === '-' ? 0 : openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    while (length <= max) {
      let read: number;
      try {
        read = readSync(fd, buffer, length, max + 1 - length, null);
      } catch (error) {
        // A non-blocking standard input with nothing yet: wait a moment and read again.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (read === 0) break;
      length += read;
    }
    return length > max ? undefined : buffer.subarray(0, length);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
};
