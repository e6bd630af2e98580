// Wall time of one `lninvoice decode <invoice>` process beside `node -e 0`, the floor of any Node
// command: repeated, interleaved runs, medians.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './rounds.mjs';

export const CLI = fileURLToPath(new URL('../../packages/cli/dist/main.cjs', import.meta.url));

/**
 * Node as on a user's machine: without NODE_OPTIONS, and without NODE_EXTRA_CA_CERTS, which some
 * CI machines set and which adds ~25 ms to every start (it would hide the command's own cost).
 */
const { NODE_OPTIONS, NODE_EXTRA_CA_CERTS, ...cleanEnv } = process.env;

const wallTime = (args) => {
  const start = performance.now();
  const { status, stderr } = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: cleanEnv,
  });
  if (status !== 0) throw new Error(`node ${args.join(' ')} failed: ${stderr}`);
  return performance.now() - start;
};

export const measureColdStart = (invoice, runs) => {
  const commands = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'lninvoice decode <invoice>', args: [CLI, 'decode', invoice] },
  ];
  const times = commands.map(() => []);
  for (const c of commands) wallTime(c.args); // the file system cache, as on a user's machine
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of commands.entries()) times[k].push(wallTime(c.args));
  }
  return commands.map(({ name }, k) => ({
    name,
    median: median(times[k]),
    min: Math.min(...times[k]),
  }));
};
