/**
 * The task pane under Microsoft's real office.js (issue 12, item 5): Microsoft's CDN URL is routed to
 * the files of the @microsoft/office-js package (no network; every other request is blocked), and the
 * pane, opened outside Office, boots, falls back to the file mode, and raises no Content-Security-Policy
 * violation and no page error.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../support/browser";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png" };

let browser: Browser;
let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- the test's own server, on the loopback interface only
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 300000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function openWithOfficeJs() {
  const context = await browser.newContext();
  const served: string[] = [];
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (url.startsWith(CDN)) {
      const file = path.join(OFFICE_DIST, url.slice(CDN.length).split("?")[0]);
      if (file.startsWith(OFFICE_DIST + path.sep) && fs.existsSync(file)) {
        served.push(url.slice(CDN.length));
        return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? "application/octet-stream", body: fs.readFileSync(file) });
      }
    }
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleCsp: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // A violation by an element not yet in the document (office.js's frame) reaches the console, not the event.
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector("body[data-host]", { timeout: 60000 });
  // office.js keeps working after onReady: 3 seconds in, outside Office, it adds its telemetry frame.
  await page.waitForTimeout(4500);
  const csp = [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...consoleCsp];
  return { context, page, served, blocked, pageErrors, csp };
}

describe("the task pane under Microsoft's office.js, outside Office [task pane]", () => {
  it("loads office.js from the package in place of the CDN, boots, and falls back to the file mode", async () => {
    const { context, page, served, pageErrors } = await openWithOfficeJs();
    try {
      expect(served).toContain("office.js");
      expect(await page.getAttribute("body", "data-host")).toBe("none");
      expect(await page.textContent("#host-status")).toBe("Excel is not available here (not running inside Office)");
      expect(await page.isVisible("#open-file")).toBe(true);
      expect(await page.isVisible("#validate")).toBe(false);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("raises no Content-Security-Policy violation, with script-src still 'self' and Microsoft's CDN only", async () => {
    const { context, page, csp, blocked } = await openWithOfficeJs();
    try {
      expect(csp).toEqual([]);
      // office.js did add its telemetry frame (the CSP lets it be framed; this test's router blocks the request).
      expect(blocked.some((url) => url.startsWith("https://telemetryservice.firstpartyapps.oaspapps.com/"))).toBe(true);
      const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      expect(policy).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline/);
      expect(policy).toMatch(/frame-src https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com;/);
    } finally {
      await context.close();
    }
  });

  it("shows the function help from help/functions.json, the full text of the help pages", async () => {
    const { context, page } = await openWithOfficeJs();
    try {
      await page.click("#tab-functions");
      await page.waitForFunction(() => (document.querySelector("#function-count")?.textContent ?? "").includes("functions"));
      const count = await page.textContent("#function-count");
      const full = JSON.parse(fs.readFileSync(path.join(DIST, "help/functions.json"), "utf8")) as { functions: unknown[] };
      expect(count).toBe(`${full.functions.length} functions`);
    } finally {
      await context.close();
    }
  });
});
