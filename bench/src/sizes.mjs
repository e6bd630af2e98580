// What each library's decode entry costs a browser: bundled by esbuild for browsers, minified,
// gzipped. bitcoinjs `bolt11` only builds with Node polyfills, which are counted: a user ships them.
import { fileURLToPath } from 'node:url';
import { bundleSize } from '../../scripts/bundle-size.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const NODE_POLYFILLS = {
  // esbuild resolves an alias from the working directory: the bench's, where the polyfills are.
  absWorkingDir: here.replace(/\/src\/$/, ''),
  alias: { stream: 'stream-browserify' },
  inject: [`${here}node-polyfills.mjs`],
  define: { global: 'globalThis' },
};

export const ENTRIES = [
  {
    name: '@lninvoice/core decode (verifies)',
    source: "export { decode } from '@lninvoice/core';",
  },
  { name: '@lninvoice/core, everything', source: "export * from '@lninvoice/core';" },
  {
    name: 'light-bolt11-decoder decode (no signature check)',
    source: "export { decode } from 'light-bolt11-decoder';",
  },
  {
    name: 'bolt11 decode, with the Node polyfills it needs',
    source: "export { decode } from 'bolt11';",
    extra: NODE_POLYFILLS,
  },
  {
    name: '@noble/secp256k1 recoverPublicKey + @noble/hashes sha256',
    source:
      "export { recoverPublicKey } from '@noble/secp256k1'; export { sha256 } from '@noble/hashes/sha2.js';",
  },
];

export const measureSizes = async () =>
  Promise.all(
    ENTRIES.map(async ({ name, source, extra }) => ({
      name,
      ...(await bundleSize(source, here, extra)),
    })),
  );
