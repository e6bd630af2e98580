// Static proof that the built libraries use nothing of Node: no built-in module anywhere in their
// module graph (their own dist files and their dependencies), no CommonJS, and no reference to
// Buffer, process, require, __dirname or another Node global. The vm and browser tests prove the
// same by running; this also covers code the vectors do not reach.
import { describe, expect, it } from 'vitest';
import { LIBRARIES } from './helpers/libraries.js';
import { jsFilesUnder, nodeApiUses, nodeGlobalsIn, REPO_DIR } from './helpers/node-apis.js';

describe.each(LIBRARIES)('$packageName', (library) => {
  it('uses no Node API in dist/ or in its dependencies', async () => {
    const files = jsFilesUnder(`${REPO_DIR}/packages/${library.name}/dist`);
    expect(files.length).toBeGreaterThan(5);
    expect(await nodeApiUses(files)).toEqual([]);
  });
});

describe('the check', () => {
  it('finds global references only, not properties or local variables of the same name', async () => {
    const code = `
      class Hash { process(view) { return this.process; } }
      const o = { process: 1, Buffer: 2 };
      function f(process) { return process; }
      export const a = () => Buffer.from('x');
      export const b = () => typeof process !== 'undefined' && globalThis.require;
      export const c = () => ({ __dirname });`;
    expect(await nodeGlobalsIn(code)).toEqual(['Buffer', 'process', 'require', '__dirname']);
  });

  it("finds the CLI's imports of node: modules and its use of Buffer and process", async () => {
    const uses = await nodeApiUses([`${REPO_DIR}/packages/cli/src/io.ts`]);
    expect(uses).toEqual(
      expect.arrayContaining([
        'packages/cli/src/io.ts imports node:fs',
        'packages/cli/src/io.ts imports node:events',
        'packages/cli/src/io.ts uses Buffer',
        'packages/cli/src/io.ts uses process',
      ]),
    );
  });
});
