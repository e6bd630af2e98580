// Hang guards: a bound on the time one call may take, twenty times what it takes on an idle
// machine, which is still far below what super-linear work on the same input takes. They catch a
// quadratic regex or a redirect loop; they are not speed tests, and a busy machine must not trip
// them.
//
// Synchronous work is timed in CPU time of this process (`process.cpuUsage`), which does not grow
// when other processes hold the cores; asynchronous work, which could hang by waiting rather than
// by computing, in wall time. Either way a slow first attempt is timed again and the faster of the
// two counts: a pause of the machine (garbage collection, a descheduled process) is slow once,
// super-linear work is slow twice.
//
// Each guard names the most its work took on an idle machine. HANG_TIMINGS=<file> appends every
// measurement to that file (a JSON line each) to measure them again:
// `HANG_TIMINGS=/tmp/t.jsonl npx vitest run` in a package, then the largest `ms` of each `test`.
import { appendFileSync } from 'node:fs';
import { expect } from 'vitest';

/** How many times the idle time a guard allows. */
export const HANG_MARGIN = 20;

const record = (clock: 'cpu' | 'wall', ms: number): void => {
  const file = process.env.HANG_TIMINGS;
  if (!file) return;
  const test = expect.getState().currentTestName ?? '';
  appendFileSync(file, `${JSON.stringify({ clock, test, ms })}\n`);
};

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU milliseconds `run` takes; timed again when the first attempt reaches `bound`. */
export const cpuTimed = (run: () => unknown, bound: number): number => {
  const once = () => {
    const started = cpuMs();
    run();
    return cpuMs() - started;
  };
  const first = once();
  const ms = first < bound ? first : Math.min(first, once());
  record('cpu', ms);
  return ms;
};

/** Wall-clock milliseconds the promise of `run` takes to settle; timed again when slow. */
export const wallTimedAsync = async (
  run: () => Promise<unknown>,
  bound: number,
): Promise<number> => {
  const once = async () => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  const first = await once();
  const ms = first < bound ? first : Math.min(first, await once());
  record('wall', ms);
  return ms;
};

/**
 * Runs `run` (synchronous) and fails when it takes over twenty times `idleMs`, the most it takes
 * on an idle machine, in CPU time.
 */
export const expectNoHang = (run: () => unknown, idleMs: number, what?: string): void => {
  const bound = HANG_MARGIN * idleMs;
  expect(cpuTimed(run, bound), what).toBeLessThan(bound);
};

/**
 * Runs `run` (asynchronous) and fails when it takes over twenty times `idleMs`, the most it takes
 * on an idle machine, in wall time.
 */
export const expectNoHangAsync = async (
  run: () => Promise<unknown>,
  idleMs: number,
  what?: string,
): Promise<void> => {
  const bound = HANG_MARGIN * idleMs;
  expect(await wallTimedAsync(run, bound), what).toBeLessThan(bound);
};
