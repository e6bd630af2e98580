// A check as the hosts call it: vectors in as JSON text, results out as JSON text. Strings cross
// a realm boundary (node:vm, a browser page) as plain values; objects would bring their own
// prototypes and make equal results compare unequal. Node calls checks through this too.
import type { Result } from './view.js';

export type Run = (vectors: string) => Promise<string>;

export const runner =
  (check: (vectors: never) => Promise<Result[]>): Run =>
  async (vectors) =>
    JSON.stringify(await check(JSON.parse(vectors) as never));
