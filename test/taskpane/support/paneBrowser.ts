/**
 * The pane in real headless Chromium for the review tests (Debian's /usr/bin/chromium through
 * playwright-core; never a download): a local server over dist/, every other request blocked, and
 * office.js answered either not at all (file mode) or by a stand-in Excel whose open workbook is a
 * snapshot, with Office.context.officeTheme the test can change. axe-core runs inside the page.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { a1, CellValue, eachCell, isCellError, qualified, WorkbookSnapshot } from "../../../src/review/snapshot";

export const CHROMIUM = "/usr/bin/chromium";
export const ROOT = path.resolve(__dirname, "../../..");
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

export interface Session {
  readonly browser: Browser;
  readonly server: http.Server;
  readonly origin: string;
  readonly dist: string;
}

export async function startSession(): Promise<Session> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Debian's Chromium is not installed (${CHROMIUM} is missing): install it with \`apt-get install chromium\`. The browser tests never download a browser.`);
  const dist = path.join(ROOT, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` (test/globalSetup.js does it before `npm test`)");
  const server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- the test's own server, on the loopback interface only
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  return { browser, server, origin, dist };
}

export async function endSession(session: Session | undefined): Promise<void> {
  await session?.browser.close();
  await new Promise((resolve) => (session ? session.server.close(resolve) : resolve(undefined)));
}

export interface Pane {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly blocked: string[];
  readonly pageErrors: string[];
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

export interface PaneOptions {
  readonly width?: number;
  readonly height?: number;
  /** In Excel, with this open workbook; file mode without. */
  readonly excel?: WorkbookSnapshot;
  /** Office.context.officeTheme in Excel. */
  readonly officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
  readonly colorScheme?: "light" | "dark";
  readonly acceptDownloads?: boolean;
}

/** office.js as the pane uses it, in Excel on Windows, over `window.__workbook`; `window.__excel` records calls. */
const OFFICE_STAND_IN = `(() => {
  const wb = window.__workbook;
  const log = (window.__excel = []);
  const loadable = (o) => Object.assign(o, { load() { return o; } });
  const sheets = wb.sheets.map((s) => loadable({
    name: s.name,
    getRangeByIndexes: (start) => ({ start }),
    getUsedRange: () => ({
      getIntersectionOrNullObject: (band) => band.start === 0
        ? loadable({ isNullObject: false, address: s.address, values: s.values, valueTypes: s.valueTypes, formulas: s.formulas, numberFormat: s.numberFormat })
        : loadable({ isNullObject: true }),
    }),
  }));
  const context = {
    workbook: {
      application: loadable({ calculationMode: wb.calculationMode }),
      worksheets: loadable({
        items: sheets,
        getItem: (name) => ({
          activate: () => log.push("activate " + name),
          getRange: (address) => ({ select: () => log.push("select " + name + "!" + address) }),
        }),
      }),
      names: loadable({ items: wb.names }),
      tables: loadable({ items: wb.tables.map((t) => loadable({
        name: t.name, showHeaders: true, showTotals: false, worksheet: { name: t.sheet },
        getRange: () => loadable({ address: t.address }),
        columns: loadable({ items: t.columns.map((name) => ({ name })) }),
      })) }),
    },
    sync: () => { log.push("sync"); return Promise.resolve(); },
  };
  const handlers = (window.__themeHandlers = []);
  window.Office = {
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    context: {
      host: "Excel", platform: "PC", officeTheme: window.__officeTheme,
      document: { addHandlerAsync: (type, handler) => { if (type === "officeThemeChanged") handlers.push(handler); } },
    },
  };
  window.__setOfficeTheme = (theme) => { window.Office.context.officeTheme = theme; handlers.forEach((h) => h({ type: "officeThemeChanged" })); };
  window.Excel = { run: (batch) => { log.push("run"); return Promise.resolve().then(() => batch(context)); } };
})();`;

/** A snapshot as Excel's API returns the workbook: one used range per sheet, names and tables. */
export function excelWorkbook(snapshot: WorkbookSnapshot): unknown {
  const typeOf = (v: CellValue): string => (v === null ? "Empty" : isCellError(v) ? "Error" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String");
  const raw = (v: CellValue): unknown => (v === null ? "" : isCellError(v) ? v.error : v);
  const mode = { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual", unknown: "Automatic" }[snapshot.calculationMode];
  return {
    calculationMode: mode,
    sheets: snapshot.sheets.map((sheet) => {
      // The sparse snapshot's cells laid out densely, as Excel's used range gives them (test sizes only).
      let top = Infinity, left = Infinity, bottom = -1, right = -1;
      eachCell(sheet, (r, c) => {
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      });
      if (bottom < 0) [top, left, bottom, right] = [0, 0, 0, 0];
      const grid = (fill: unknown): unknown[][] => Array.from({ length: bottom - top + 1 }, () => new Array(right - left + 1).fill(fill));
      const values = grid(""), valueTypes = grid("Empty"), formulas = grid(""), numberFormat = grid("General");
      eachCell(sheet, (r, c, cell) => {
        values[r - top][c - left] = raw(cell.value);
        valueTypes[r - top][c - left] = typeOf(cell.value);
        formulas[r - top][c - left] = cell.formula ?? raw(cell.value);
        numberFormat[r - top][c - left] = cell.numberFormat;
      });
      return { name: sheet.name, address: qualified(sheet.name, `${a1(top, left)}:${a1(bottom, right)}`), values, valueTypes, formulas, numberFormat };
    }),
    names: snapshot.names.map((n) => ({ name: n.name, type: n.sheet === undefined ? "Error" : "Range", formula: n.formula })),
    tables: snapshot.tables.map((t) => ({ name: t.name, sheet: t.sheet, address: qualified(t.sheet, t.address), columns: t.columns ?? [] })),
  };
}

export async function openPane(session: Session, options: PaneOptions = {}): Promise<Pane> {
  const context = await session.browser.newContext({ viewport: { width: options.width ?? 350, height: options.height ?? 900 }, colorScheme: options.colorScheme ?? "light", acceptDownloads: options.acceptDownloads ?? false });
  const blocked: string[] = [];
  const excel = options.excel;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${session.origin}/`)) return route.continue();
    if (excel && url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STAND_IN });
    blocked.push(url);
    return route.abort();
  });
  if (excel) {
    await context.addInitScript(
      ([workbook, theme]) => {
        const w = window as unknown as { __workbook: unknown; __officeTheme: unknown };
        w.__workbook = workbook;
        w.__officeTheme = theme;
      },
      [excelWorkbook(excel), options.officeTheme ?? null] as const,
    );
  }
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("dialog", (d) => void d.dismiss());
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${session.origin}/taskpane.html`);
  await page.waitForSelector("body[data-host]");
  return { page, context, blocked, pageErrors, cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), close: () => context.close() };
}

/** Chooses a file in the pane and waits for its report (or its failure). */
export async function loadFile(pane: Pane, name: string, buffer: Buffer, timeout = 120000): Promise<void> {
  await pane.page.setInputFiles("#file-input", { name, mimeType: XLSX, buffer });
  await pane.page.waitForFunction(
    () => {
      const status = document.getElementById("action-status")?.textContent ?? "";
      return !document.getElementById("report")?.hasAttribute("aria-busy") && status !== "" && !status.startsWith("Reading");
    },
    undefined,
    { timeout },
  );
}

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly nodes: readonly string[];
}

/**
 * axe-core's violations of any impact on the page as it stands. axe is evaluated through the
 * DevTools protocol (as a test tool), not added as a script, so the pane's CSP stays as it ships.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

/** True when the page scrolls sideways. */
export function overflows(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
