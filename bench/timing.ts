/** Timing helpers for the benchmarks: median of several runs, in milliseconds. */
export function medianMs(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function line(label: string, value: string): void {
  console.log(`${label.padEnd(64)} ${value}`);
}
