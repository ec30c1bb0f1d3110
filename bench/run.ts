/**
 * `npm run bench`: runs every bench/*.bench.ts and prints its figures. Benchmarks print; they never
 * assert (the machine is shared and noisy, so compare ratios measured in one run).
 */
import * as fs from "fs";
import * as path from "path";

async function main(): Promise<void> {
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith(".bench.js")).sort();
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as { run: () => Promise<void> | void };
    await mod.run();
  }
}

void main();
