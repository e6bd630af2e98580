// Runs the built CLI as a user would: a child process with arguments and standard input.
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../dist/main.cjs', import.meta.url));

export const run = (args: string[], input = '') => {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** `run` without blocking the event loop, for tests whose server lives in this process. */
export const runAsync = (
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
