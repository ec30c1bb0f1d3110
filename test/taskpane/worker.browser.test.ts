/**
 * The pane without Office reading .xlsx files in its Web Worker (taskpane/xlsxWorker.ts), in
 * Chromium: a hostile file ends with one sentence naming the part and the limit, as in the CLI;
 * a long read shows its progress and can be cancelled; the pane keeps working afterwards.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { Browser, chromium, Page } from "playwright-core";
import { hostileCorpus, minimalXlsx, SHEET_PART, sheetBomb } from "../support/hostileCorpus";

const CHROMIUM = "/usr/bin/chromium";
const DIST = path.resolve(__dirname, "../../dist");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

let browser: Browser;
let server: http.Server;
let origin: string;
let tmp: string;
let corpus: ReturnType<typeof hostileCorpus>;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "xlsxWorker.js"))) throw new Error("dist/xlsxWorker.js is missing: run `npm run build` (test/globalSetup.js does it before `npm test`)");
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-worker-"));
  corpus = hostileCorpus(tmp);
  server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- the test's own server, on the loopback interface only
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
}, 300000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function openPane(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  await context.route("**/*", (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort()));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector("body[data-host]");
  return { page, errors, close: () => context.close() };
}

function status(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById("action-status")?.textContent ?? "");
}

async function choose(page: Page, file: string): Promise<void> {
  await page.setInputFiles("#file-input", file);
}

async function finished(page: Page): Promise<string> {
  await page.waitForFunction(() => !document.getElementById("report")?.hasAttribute("aria-busy"), undefined, { timeout: 60000 });
  return status(page);
}

describe("the pane's file reader, in a Web Worker [task pane]", () => {
  it("reads the model with a value at XFD1048576 and validates it clean", async () => {
    const pane = await openPane();
    try {
      await choose(pane.page, await corpus.farCell());
      expect(await finished(pane.page)).toBe("Validation finished. Ready: no errors.");
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  it.each([
    ["partBomb", 'Could not read part-bomb.xlsx. The part "xl/worksheets/sheet1.xml" inflates to more than 256 MB, the limit for one part of a workbook; it was not read further.'],
    ["entityExpansion", 'Could not read laughs.xlsx. The part "xl/workbook.xml" declares a document type (<!DOCTYPE …>), where entities are defined; no .xlsx has one, and entity expansion and external entities are refused.'],
    ["crcCorrupt", 'Could not read crc.xlsx. The part "xl/worksheets/sheet1.xml" is corrupt: its checksum (CRC-32) does not match its contents.'],
    ["traversal", 'Could not read traversal.xlsx. The package holds a part named "../../x", which is not a name an .xlsx part can have; the file was not written by Excel.'],
    ["zeroBytes", "Could not read zero.xlsx. The file is empty; it is not an Excel workbook (.xlsx)."],
  ] as const)("says in one sentence why %s cannot be read, as the CLI does", async (key, message) => {
    const pane = await openPane();
    try {
      await choose(pane.page, await corpus[key]());
      expect(await finished(pane.page)).toBe(message);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  it("shows progress while it reads, stays responsive, and cancels on Cancel; the pane then reads the next file", async () => {
    const pane = await openPane();
    try {
      // 200 MB of padding, under the part cap: a read of some seconds.
      const slow = await minimalXlsx(path.join(tmp, "slow.xlsx"), { parts: { [SHEET_PART]: sheetBomb(200 * 1048576) } });
      await choose(pane.page, slow);
      await pane.page.waitForFunction(() => /Reading slow\.xlsx… \d+%/.test(document.getElementById("action-status")?.textContent ?? ""), undefined, { timeout: 60000 });
      // The page's thread is free: it answers while the worker reads.
      const started = Date.now();
      await pane.page.evaluate(() => document.title);
      expect(Date.now() - started).toBeLessThan(1000);
      await pane.page.click("button.cancel-read");
      expect(await finished(pane.page)).toBe("Could not read slow.xlsx. Reading was cancelled; nothing was kept.");
      expect(await pane.page.locator("button.cancel-read").count()).toBe(0);
      await choose(pane.page, await corpus.farCell());
      expect(await finished(pane.page)).toMatch(/Validation finished/);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});
