/** Timing helpers for the benchmarks: median (or min and median) of several runs, in milliseconds.
 *
 * The machine is shared (2 cores, many processes): a run's wall time adds the wait for a core, so
 * the fastest run (min) is the truest figure of the work and the benchmarks print it beside the median.
 */

/**
 * A full garbage collection before a timed run when node runs with --expose-gc (npm run bench does),
 * so that no run pays for the garbage of the one before (or of building its inputs); then a pause
 * while V8 sweeps what it collected.
 *
 * V8 sweeps the heap on a helper thread after `gc()` returns. A run that starts at once shares the
 * two cores with that sweep and, on a large heap, waits for pages not yet swept: with a million rows
 * of inputs live (about 200 MB), THRESHOLDEVENT's prepare pass took 32–104 ms straight after the
 * collection and 14–25 ms after a pause of 80 ms (the pause is not timed). The pause is half a
 * millisecond per MB of heap in use, at most half a second: next to nothing for the small runs.
 */
export function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return;
  gc();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  pause(Math.min(SWEEP_PAUSE_MAX_MS, heapMb * SWEEP_PAUSE_MS_PER_MB));
}

const SWEEP_PAUSE_MS_PER_MB = 0.5;
const SWEEP_PAUSE_MAX_MS = 500;

/** Blocks this thread for `ms` milliseconds (helper threads run on). */
function pause(ms: number): void {
  if (ms >= 1) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function medianMs(runs: number, fn: () => unknown): number {
  return timesMs(runs, fn).median;
}

/** Runs `fn` a few times to warm up, then `runs` times; the fastest and the median run. */
export function timesMs(runs: number, fn: () => unknown): { min: number; median: number } {
  const times: number[] = [];
  // Warm-up: let the JIT reach its optimising tier before timing.
  for (let i = 0; i < Math.min(5, runs); i++) fn();
  for (let i = 0; i < runs; i++) {
    settle();
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { min: times[0], median: times[Math.floor(times.length / 2)] };
}

export function line(label: string, value: string): void {
  console.log(`${label.padEnd(64)} ${value}`);
}

/**
 * Times several functions in turn, run after run (a, b, c, a, b, c, …), so that a shared, noisy
 * machine weighs on each alike; the fastest and the median run of each.
 */
export function interleavedMs(runs: number, fns: readonly (() => unknown)[]): { min: number; median: number }[] {
  for (let i = 0; i < Math.min(5, runs); i++) for (const fn of fns) fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      settle();
      const start = process.hrtime.bigint();
      fn();
      times[k].push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return times.map((t) => {
    t.sort((x, y) => x - y);
    return { min: t[0], median: t[Math.floor(t.length / 2)] };
  });
}
