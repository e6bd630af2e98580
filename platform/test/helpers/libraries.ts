// The libraries proven platform-neutral, each with the vectors its check runs and the globals it
// needs beyond ECMAScript; the bare V8 context of the vm test gets exactly these and nothing
// else. They are Web APIs: TextEncoder is in every browser, worker, Deno, Bun and React Native
// (Hermes); crypto.subtle in all of them but React Native, where lnurl refuses AES success
// actions with `decryption-failed` and does everything else. TextDecoder is not on the list:
// Hermes lacks it.
import {
  bip353Proofs,
  bolt12Vectors,
  coreVectors,
  l402Cases,
  lnurlCases,
  uriCases,
} from './vectors.js';

export type LibraryName = 'core' | 'validate' | 'lnurl' | 'uri' | 'bolt12' | 'l402' | 'bip353';

export interface Library {
  readonly name: LibraryName;
  readonly packageName: string;
  readonly vectors: () => unknown;
  /** Web API globals the check needs, with the reason. */
  readonly globals: Readonly<Record<string, string>>;
}

export const LIBRARIES: readonly Library[] = [
  { name: 'core', packageName: '@lninvoice/core', vectors: coreVectors, globals: {} },
  {
    name: 'validate',
    packageName: '@lninvoice/validate',
    vectors: coreVectors,
    globals: { TextEncoder: "the SHA-256 of a description (@noble/hashes' utf8ToBytes)" },
  },
  {
    name: 'lnurl',
    packageName: '@lninvoice/lnurl',
    vectors: lnurlCases,
    globals: {
      TextEncoder: "LUD-05 domains, metadata hashes (@noble/hashes' utf8ToBytes)",
      crypto: 'crypto.subtle: AES-CBC of LUD-10 success actions',
    },
  },
  { name: 'uri', packageName: '@lninvoice/uri', vectors: uriCases, globals: {} },
  { name: 'bolt12', packageName: '@lninvoice/bolt12', vectors: bolt12Vectors, globals: {} },
  { name: 'l402', packageName: '@lninvoice/l402', vectors: l402Cases, globals: {} },
  // Without crypto.subtle (here, React Native, an http: page) RSA signatures are checked by the
  // package's BigInt code; the results must not differ.
  { name: 'bip353', packageName: '@lninvoice/bip353', vectors: bip353Proofs, globals: {} },
];
