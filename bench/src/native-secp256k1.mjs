// The native backend recipe of @lninvoice/core's README (libsecp256k1 through the `secp256k1` npm
// package), taken from the README itself: what is measured is what is documented.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decode } from '@lninvoice/core';

const README = new URL('../../packages/core/README.md', import.meta.url);
const RECIPE = new URL('../reports/readme-native-recipe.mjs', import.meta.url);

/** The README's code block that defines `nativeSecp256k1`, without its usage line. */
const recipeSource = () => {
  const blocks = [...readFileSync(README, 'utf8').matchAll(/```js\n([\s\S]*?)```/g)];
  const block = blocks
    .map((m) => m[1])
    .find((code) => code.includes('export const nativeSecp256k1'));
  if (!block) throw new Error('core README: no code block defines nativeSecp256k1');
  return block.replace(/^decode\(.*\n/m, '');
};

/** The recipe as a module next to the bench's own dependencies, imported. */
export const loadNativeRecipe = async () => {
  mkdirSync(new URL('.', RECIPE), { recursive: true });
  writeFileSync(RECIPE, recipeSource());
  return (await import(RECIPE.href)).nativeSecp256k1;
};

/**
 * Whether `secp256k1` (ours, and bolt11's own copy) runs libsecp256k1 rather than its pure
 * JavaScript fallback, which it switches to silently when the binary does not load.
 */
export const nativeBindingsLoad = () =>
  [import.meta.url, createRequire(import.meta.url).resolve('bolt11')].every((from) => {
    try {
      createRequire(from)('secp256k1/bindings');
      return true;
    } catch {
      return false;
    }
  });

/**
 * The native recipe must agree with the default backend before its speed means anything: on
 * `invoices`, which should include the spec's, whose high-S example needs recovery of a high-S
 * signature.
 */
export const checkNativeRecipe = (nativeSecp256k1, invoices) => {
  for (const invoice of invoices) {
    const a = decode(invoice, { legacy: true });
    const b = decode(invoice, { legacy: true, secp256k1: nativeSecp256k1 });
    if (Buffer.compare(a.payeeNodeKey, b.payeeNodeKey) !== 0)
      throw new Error(`the native backend recovers another payee for ${invoice}`);
  }
};
