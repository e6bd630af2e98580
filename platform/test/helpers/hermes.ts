// The contexts of vm.test.ts that have only what React Native's Hermes engine gives a bundle
// beyond ECMAScript: TextEncoder (Hermes of React Native 0.74 and later) and nothing else of the
// Web — no TextDecoder, no structuredClone, no crypto at all (react-native-get-random-values adds
// crypto.getRandomValues; nothing adds crypto.subtle), and none of V8's WebAssembly,
// SharedArrayBuffer and Atomics, which Hermes lacks. Where a library's results must then differ
// from Node's, the vector and the message that says why are listed.
import type { LibraryName } from './libraries.js';

/** The globals of a bare V8 context that Hermes does not have, deleted from the context. */
export const NOT_IN_HERMES = ['WebAssembly', 'SharedArrayBuffer', 'Atomics'] as const;

/** Globals that no Hermes context may have: the test checks that they are undefined. */
export const ABSENT_IN_HERMES = [
  'TextDecoder',
  'structuredClone',
  'globalThis.crypto?.subtle',
  ...NOT_IN_HERMES,
] as const;

export interface HermesContext {
  readonly name: string;
  readonly globals: Readonly<Record<string, unknown>>;
  /** By library, the vectors whose results differ from Node's, each with the message it gives. */
  readonly differences: Partial<Record<LibraryName, Readonly<Record<string, string>>>>;
}

const NO_SUBTLE = 'WebCrypto (crypto.subtle) is not available here';

export const HERMES_CONTEXTS: readonly HermesContext[] = [
  {
    name: 'Hermes',
    globals: { TextEncoder },
    differences: {
      lnurl: {
        'lud10-aes-decrypt': NO_SUBTLE,
        'zap: createZapRequest, then validateZapRequest':
          'crypto.getRandomValues is not available here: sign with your own signer (createZapRequestWith), or install a polyfill (e.g. react-native-get-random-values)',
      },
    },
  },
  {
    // What react-native-get-random-values installs: crypto with getRandomValues alone.
    name: 'Hermes with react-native-get-random-values',
    globals: {
      TextEncoder,
      crypto: { getRandomValues: (bytes: Uint8Array) => crypto.getRandomValues(bytes) },
    },
    differences: { lnurl: { 'lud10-aes-decrypt': NO_SUBTLE } },
  },
];
