// Each built library, bundled for a generic runtime (esbuild, platform neutral), runs its vectors
// in a bare V8 context (node:vm) without any Node global and gives exactly the results it gives in
// Node, where every vector passes. The context gets only the Web APIs listed in
// helpers/libraries.ts, the ones every browser, Deno, Bun and worker has. Then in contexts with
// only what React Native's Hermes has (helpers/hermes.ts), with and without a polyfill of
// crypto.getRandomValues: the results are Node's but for the vectors listed there, which fail
// with the message that says what is missing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/view.js';
import { bundleCheck } from './helpers/bundle.js';
import { ABSENT_IN_HERMES, HERMES_CONTEXTS, NOT_IN_HERMES } from './helpers/hermes.js';
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

  it.each(HERMES_CONTEXTS)('gives the same results with only what $name has', async (hermes) => {
    const context = sandbox(bundle, hermes.globals, NOT_IN_HERMES);
    const absent = [...NODE_ONLY, ...WEB_APIS.filter((n) => !(n in hermes.globals))];
    for (const name of [...absent, ...ABSENT_IN_HERMES])
      expect(context.typeOf(name), name).toBe('undefined');
    const results = JSON.parse(await context.run(vectors)) as Result[];
    expect(results.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const differences = hermes.differences[library.name] ?? {};
    expect(results.map((r) => r.id)).toEqual(expect.arrayContaining(Object.keys(differences)));
    for (const [i, result] of results.entries()) {
      const message = differences[result.id];
      if (message === undefined) expect(result, result.id).toEqual(expected[i]);
      else {
        expect(result.pass, result.id).toBe(false);
        expect(JSON.stringify(result.got), result.id).toContain(JSON.stringify(message));
      }
    }
  });
});
