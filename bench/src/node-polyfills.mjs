// What a browser build of bitcoinjs `bolt11` needs injected: Node's Buffer and process globals
// (safe-buffer, create-hash and readable-stream use them). Used by sizes.mjs only.
export { Buffer } from 'buffer';
export { default as process } from 'process/browser.js';
