// What each library's decode entry costs a browser: bundled by esbuild for browsers, minified,
// gzipped. bitcoinjs `bolt11` only builds with Node polyfills, which are counted: a user ships them.
// boltz-bolt12 is WebAssembly: its JavaScript glue bundled, plus its .wasm file as shipped.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
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
    name: '@lninvoice/bolt12 decodeOffer',
    source: "export { decodeOffer } from '@lninvoice/bolt12';",
  },
  {
    name: '@lninvoice/bolt12 decodeInvoice (verifies)',
    source: "export { decodeInvoice } from '@lninvoice/bolt12';",
  },
  {
    name: 'bolt12-decoder decode (no point or signature check)',
    source: "export { default } from 'bolt12-decoder';",
  },
  {
    name: 'boltz-bolt12 (glue + .wasm, verifies)',
    source: "export * from 'boltz-bolt12/boltz_bolt12_bg.js';",
    file: 'boltz-bolt12/boltz_bolt12_bg.wasm',
  },
  {
    name: '@noble/secp256k1 recoverPublicKey + @noble/hashes sha256',
    source:
      "export { recoverPublicKey } from '@noble/secp256k1'; export { sha256 } from '@noble/hashes/sha2.js';",
  },
];

/** Bytes of a file a package ships beside its code (a .wasm binary), as is and gzipped. */
const fileSize = (specifier) => {
  const bytes = readFileSync(new URL(import.meta.resolve(specifier)));
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

export const measureSizes = async () =>
  Promise.all(
    ENTRIES.map(async ({ name, source, extra, file }) => {
      const code = await bundleSize(source, here, extra);
      const shipped = file ? fileSize(file) : { minified: 0, gzip: 0 };
      return {
        name,
        minified: code.minified + shipped.minified,
        gzip: code.gzip + shipped.gzip,
      };
    }),
  );
