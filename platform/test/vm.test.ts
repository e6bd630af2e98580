// Each built library, bundled for a generic runtime (esbuild, platform neutral), runs its vectors
// in a bare V8 context (node:vm) without any Node global and gives exactly the results it gives in
// Node, where every vector passes. The context gets only the Web APIs listed in
// helpers/libraries.ts, the ones every browser, Deno, Bun and worker has.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/view.js';
import { bundleCheck } from './helpers/bundle.js';
import { LIBRARIES } from './helpers/libraries.js';
import { nodeRun } from './helpers/node-run.js';
import { sandbox } from './helpers/sandbox.js';

/** Node's globals, which browsers lack. */
const NODE_ONLY = ['Buffer', 'process', 'require', 'module', 'global', 'setImmediate', '__dirname'];
/** Web APIs the context has only when a library's entry in helpers/libraries.ts lists them. */
const WEB_APIS = ['setTimeout', 'fetch', 'TextEncoder', 'TextDecoder', 'URL', 'crypto'];

describe.each(LIBRARIES)('$packageName', (library) => {
  const vectors = JSON.stringify(library.vectors());
  let expected: Result[];
  let bundle: string;

  beforeAll(async () => {
    expected = JSON.parse(await nodeRun(library.name)(vectors)) as Result[];
    bundle = await bundleCheck(library.name, 'neutral');
  });

  it('meets every vector in Node', () => {
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.filter((r) => !r.pass)).toEqual([]);
  });

  it('gives the same results in a V8 context without Node globals', async () => {
    const given = Object.fromEntries(
      Object.keys(library.globals).map((name) => [
        name,
        (globalThis as Record<string, unknown>)[name],
      ]),
    );
    const context = sandbox(bundle, given);
    for (const name of [...NODE_ONLY, ...WEB_APIS.filter((n) => !(n in given))])
      expect(context.typeOf(name), name).toBe('undefined');
    const results = JSON.parse(await context.run(vectors)) as Result[];
    expect(results.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    for (const [i, result] of results.entries()) expect(result, result.id).toEqual(expected[i]);
  });
});
