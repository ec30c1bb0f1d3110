/**
 * Preloaded (`node --require build/bench/memoryProbe.js`) into a kaiser-check process by the CLI
 * benchmark: samples `process.memoryUsage()` while the event loop turns and reports, on exit, the
 * peak heap and resident set seen and the process's maximum resident set, as one JSON line on
 * stderr after the CLI's own output.
 */
let peakHeap = 0;
let peakRss = 0;

function sample(): void {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
}

setInterval(sample, 20).unref();
process.on("exit", () => {
  sample();
  const cpu = process.cpuUsage();
  process.stderr.write(`MEMORY ${JSON.stringify({ peakHeapUsed: peakHeap, peakRss, maxRss: process.resourceUsage().maxRSS * 1024, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
});
