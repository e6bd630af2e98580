// Interleaved rounds: every contender runs once per round, in a rotating order, so a slow spell of
// the machine (another process, a frequency change) hits all of them alike. Each contender is
// reported as the median, min and max of its per-round throughput.

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * `contenders`: `{ name, ops, run }`, where `run()` does `ops` operations. Returns ops/s per
 * contender: `{ name, median, min, max }`.
 */
export const interleavedRounds = (contenders, { rounds, warmup = 1 }) => {
  for (let i = 0; i < warmup; i++) for (const c of contenders) c.run();
  const rates = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (round + k) % contenders.length;
      const { ops, run } = contenders[index];
      const start = performance.now();
      run();
      rates[index].push(ops / ((performance.now() - start) / 1000));
    }
  }
  return contenders.map(({ name }, k) => ({
    name,
    median: median(rates[k]),
    min: Math.min(...rates[k]),
    max: Math.max(...rates[k]),
  }));
};

export { median };
