/**
 * Runs the built kaiser-check as a user does: `node bin/kaiser-check.js …` in a child process.
 * `ensureBuilt` compiles build/ (tsc -p tsconfig.build.json) unless it is newer than every source
 * it comes from, so a test run after `npm run build` (or test/globalSetup.js) does not build twice.
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../../..");
export const BIN = path.join(ROOT, "bin", "kaiser-check.js");
const COMPILED = path.join(ROOT, "build", "src", "cli", "main.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Compiles the CLI when build/ is missing or older than src/, scripts/ or taskpane/. */
export function ensureBuilt(): void {
  const built = fs.existsSync(COMPILED) ? fs.statSync(COMPILED).mtimeMs : 0;
  const sources = Math.max(...["src", "scripts", "taskpane"].map((d) => newestSource(path.join(ROOT, d))));
  if (built >= sources) return;
  const started = Date.now();
  try {
    execFileSync(path.join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    // tsc still writes the JavaScript when a file has a type error (the type check is `npm run
    // typecheck`'s job); the CLI tests need only the output.
    const fresh = fs.existsSync(COMPILED) && fs.statSync(COMPILED).mtimeMs >= started - 1000;
    if (!fresh) throw e;
  }
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kaiser-check with these arguments; resolves when the process exits. */
export function runCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}
