/**
 * Runs the built kaiser-check as a user does: `node bin/kaiser-check.js …` in a child process.
 * test/globalSetup.js compiles build/ once before the tests.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../../..");
export const BIN = path.join(ROOT, "bin", "kaiser-check.js");
const COMPILED = path.join(ROOT, "build", "src", "cli", "main.js");

/** The CLI is compiled once before the tests by test/globalSetup.js (as `npm run build` does). */
export function ensureBuilt(): void {
  if (!fs.existsSync(COMPILED)) throw new Error("build/src/cli/main.js is missing: run `npm run build` (test/globalSetup.js does it before `npm test`)");
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kaiser-check with these arguments; resolves when the process exits. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Readonly<Record<string, string>> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...(options.env ?? {}) } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}
