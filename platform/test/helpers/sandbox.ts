// A bare V8 context (node:vm): ECMAScript's own globals (and V8's console) only — no Buffer,
// process, require, setImmediate, timers, fetch, TextEncoder or URL — plus the globals a test
// gives it, less the ones it takes away (V8's own WebAssembly, say).
import { createContext, runInContext } from 'node:vm';
import { BUNDLE_GLOBAL } from './bundle.js';

export interface Sandbox {
  /** `typeof <name>` inside the context. */
  typeOf(name: string): string;
  /** Calls the bundle's `run` with `vectors` (JSON text); its results as JSON text. */
  run(vectors: string): Promise<string>;
}

export const sandbox = (
  bundle: string,
  globals: Readonly<Record<string, unknown>>,
  remove: readonly string[] = [],
): Sandbox => {
  const context = createContext({ ...globals });
  for (const name of remove) runInContext(`delete globalThis.${name}`, context);
  runInContext(bundle, context, { filename: 'bundle.js' });
  return {
    typeOf: (name) => runInContext(`typeof ${name}`, context) as string,
    run: async (vectors) => {
      context.vectorsJson = vectors;
      return (await runInContext(`${BUNDLE_GLOBAL}.run(vectorsJson)`, context)) as string;
    },
  };
};
