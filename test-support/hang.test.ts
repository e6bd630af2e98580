// The hang guards: CPU time for synchronous work, wall time for asynchronous work, a second
// attempt when the first is slow, and a bound of twenty times the idle time.
import { expect, it } from 'vitest';
import { cpuTimed, expectNoHang, expectNoHangAsync, wallTimedAsync } from './hang.js';

/** Uses `ms` of CPU time, however busy the machine is. */
const spin = (ms: number) => {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const until = cpu() + ms;
  while (cpu() < until);
};

it('times synchronous work in CPU time, again when the first attempt is slow', () => {
  let calls = 0;
  const slowOnce = () => {
    if (++calls === 1) spin(110);
  };
  expect(cpuTimed(slowOnce, 100)).toBeLessThan(100);
  expect(calls).toBe(2);
  expect(cpuTimed(() => spin(30), 20)).toBeGreaterThanOrEqual(30);
});

it('does not count the time the process waits', () => {
  const started = performance.now();
  // Atomics.wait blocks the thread without using the CPU.
  const waiting = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  expect(cpuTimed(waiting, 1000)).toBeLessThan(100);
  expect(performance.now() - started).toBeGreaterThanOrEqual(199);
});

it('times asynchronous work in wall time, waits included, again when slow', async () => {
  let calls = 0;
  const waitsOnce = () => new Promise((resolve) => setTimeout(resolve, ++calls === 1 ? 150 : 0));
  expect(await wallTimedAsync(waitsOnce, 100)).toBeLessThan(100);
  expect(calls).toBe(2);
  const waits = () => new Promise((resolve) => setTimeout(resolve, 30));
  expect(await wallTimedAsync(waits, 1000)).toBeGreaterThanOrEqual(25);
});

it('allows twenty times the idle time', async () => {
  expectNoHang(() => spin(10), 2);
  expect(() => expectNoHang(() => spin(60), 2)).toThrow(/to be less than 40/);
  await expectNoHangAsync(() => new Promise((r) => setTimeout(r, 1)), 10);
  await expect(expectNoHangAsync(() => new Promise((r) => setTimeout(r, 300)), 10)).rejects.toThrow(
    /to be less than 200/,
  );
});
