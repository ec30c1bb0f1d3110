/**
 * The browser the browser tests drive, never a download (README, "Running the tests"):
 * KAISER_BROWSER names one (a path to its executable, or "chrome"/"msedge" for an installed
 * Chrome or Edge); otherwise Debian's /usr/bin/chromium where it exists (Linux), else an installed
 * Chrome, else an installed Edge, through playwright-core's channels (Windows, macOS).
 */
import * as fs from "fs";
import { Browser, chromium, LaunchOptions } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const CHANNELS = ["chrome", "msedge"];
const ARGS = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Where the browser comes from, for messages: "/usr/bin/chromium", "channel chrome". */
export function browserChoices(env: NodeJS.ProcessEnv = process.env): LaunchOptions[] {
  const named = env.KAISER_BROWSER?.trim();
  // As root (CI containers) Chromium needs --no-sandbox.
  const args = typeof process.getuid === "function" && process.getuid() === 0 ? ["--no-sandbox", ...ARGS] : ARGS;
  if (named) return [CHANNELS.includes(named) ? { channel: named, args } : { executablePath: named, args }];
  const choices: LaunchOptions[] = [];
  if (fs.existsSync(CHROMIUM)) choices.push({ executablePath: CHROMIUM, args });
  for (const channel of CHANNELS) choices.push({ channel, args });
  return choices;
}

export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const tried: string[] = [];
  for (const options of browserChoices(env)) {
    try {
      return await chromium.launch(options);
    } catch (e) {
      tried.push(`${options.executablePath ?? `channel ${options.channel}`}: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
    }
  }
  throw new Error(
    `No browser for the browser tests (they never download one). Tried: ${tried.join("; ")}. Install Chromium (Linux: apt-get install chromium), Chrome or Edge, or set KAISER_BROWSER to a browser's executable or to chrome or msedge.`,
  );
}
