// The BOLT 12 peers on npm, loaded as Node 20 can (adapted from the peer survey's adapters).
// boltz-bolt12 is the Rust `lightning` crate (LDK 0.1) in WebAssembly: it checks points and
// signatures. bolt12-decoder is plain JavaScript that reads fields and checks neither.
import { readFileSync } from 'node:fs';
import bolt12Decoder from 'bolt12-decoder';

/**
 * boltz-bolt12's glue, its WebAssembly instantiated. Its `main` imports the .wasm file as an ES
 * module (a bundler's form), which Node 20 cannot load: the glue module is the import object of
 * the binary, as its own entry would set it up.
 */
export const loadBoltz = async () => {
  const glue = 'boltz-bolt12/boltz_bolt12_bg.js';
  const bg = await import(glue);
  const binary = readFileSync(new URL('./boltz_bolt12_bg.wasm', import.meta.resolve(glue)));
  const { instance } = await WebAssembly.instantiate(binary, { './boltz_bolt12_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
};

/** bolt12-decoder's `decode`, bound: it reads its prefixes from `this`. */
export const decoderDecode = (text) => bolt12Decoder.decode(text);

/**
 * Reads `fields` out of a boltz object and frees it (and the path objects it handed out): what a
 * JavaScript caller does with what the WebAssembly parsed. Freeing is explicit, as the glue's
 * FinalizationRegistry would leave thousands of parses in the wasm heap during a round.
 */
export const readBoltz = (object, fields) => {
  try {
    return fields(object);
  } finally {
    object.free();
  }
};

/** The number of paths of `list` (boltz Path objects), each freed. */
export const countBoltzPaths = (list) => {
  for (const path of list) path.free();
  return list.length;
};
