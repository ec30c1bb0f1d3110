/**
 * The task pane in real headless Chromium (Debian's /usr/bin/chromium through playwright-core;
 * never a downloaded browser), opened from the production build without Office: every request
 * that is not to the local test server is blocked, so office.js from Microsoft's CDN fails at once,
 * exactly as in a plain browser offline. The pane then offers "Open an .xlsx file" and validates
 * that file with the same checks as the CLI and Excel.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import ExcelJS from "exceljs";
import { validate } from "../../src/review/review";
import { dec, toCents } from "../../src/engine/decimal";
import type { Finding } from "../../src/review/findings";
import { formatUsd } from "../../src/engine/format";
import { readModelInputs, recompute } from "../../src/review/recalc";
import { a1, CellValue, isCellError, qualified, WorkbookSnapshot } from "../../src/review/snapshot";
import { MODEL_TEMPLATE, snapshotFromTemplate } from "../../src/review/template";
import { grid } from "../support/snapshots";
import { snapshotFromXlsx, WorkbookReadError } from "../../src/workbook/xlsxSnapshot";
import { groupBySection, summarize, summaryHeadline } from "../../src/view/findingGroups";
import { modelAddress, modelXlsx, tableCell } from "./support/workbooks";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const SCREENSHOT = "/tmp/pane.png";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(1)</script>";
const FLAG = '<img src=x onerror="window.__pwned=true">';

let browser: Browser;
let server: http.Server;
let origin: string;
let built: string;

/** The built add-in: dist/, which test/globalSetup.js builds once before the tests. */
function builtAddin(): string {
  const dist = path.join(ROOT, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` (test/globalSetup.js does it before `npm test`)");
  return dist;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

function serve(dir: string): Promise<http.Server> {
  const s = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Debian's Chromium is not installed (${CHROMIUM} is missing): install it with \`apt-get install chromium\`. The browser tests never download a browser.`);
  }
  built = builtAddin();
  server = await serve(built);
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- the test's own server, on the loopback interface only
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}, 300000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

interface Pane {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Requests the test blocked (everything not to the local server). */
  readonly blocked: string[];
  readonly dialogs: string[];
  readonly pageErrors: string[];
  cspViolations(): Promise<string[]>;
}

/**
 * Opens the pane. Without `excel`, office.js is blocked (a plain browser). With it, the request for
 * office.js is answered by OFFICE_STAND_IN, an Excel whose open workbook is the given snapshot.
 */
async function openPane(width = 360, excel?: WorkbookSnapshot): Promise<Pane> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (excel && url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STAND_IN });
    blocked.push(url);
    return route.abort();
  });
  if (excel) await context.addInitScript((workbook) => ((window as unknown as { __workbook: unknown }).__workbook = workbook), excelWorkbook(excel));
  const page = await context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector("body[data-host]");
  return { page, context, blocked, dialogs, pageErrors, cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

/** Chooses a file in the pane and waits for its report (or its failure message). */
async function loadFile(pane: Pane, name: string, buffer: Buffer): Promise<void> {
  await pane.page.setInputFiles("#file-input", { name, mimeType: XLSX, buffer });
  await pane.page.waitForFunction(() => {
    const status = document.getElementById("action-status")?.textContent ?? "";
    return !document.getElementById("report")?.hasAttribute("aria-busy") && status !== "" && !status.startsWith("Reading");
  });
}

/** The findings as the pane lists them: group title, then severity word, cell and message of each. */
function shownFindings(page: Page): Promise<{ title: string; findings: { severity: string; cell: string; message: string; rule: string }[] }[]> {
  return page.$$eval(".finding-group", (groups) =>
    groups.map((g) => ({
      title: g.querySelector(".group-heading span")?.textContent ?? "",
      findings: [...g.querySelectorAll(".finding")].map((f) => ({
        severity: f.querySelector(".severity-label")?.textContent ?? "",
        cell: f.querySelector(".cell-ref, .cell-link")?.textContent ?? "",
        message: f.querySelector(".finding-message")?.textContent ?? "",
        rule: f.getAttribute("data-rule") ?? "",
      })),
    })),
  );
}

function expectedGroups(findings: readonly Finding[]): { title: string; findings: { severity: string; cell: string; message: string; rule: string }[] }[] {
  const label = { error: "Error", warning: "Warning", info: "Info" } as const;
  return groupBySection(findings).map((g) => ({
    title: g.title,
    findings: g.findings.map((f) => ({ severity: label[f.severity], cell: f.cell, message: f.message, rule: f.ruleId })),
  }));
}

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * office.js as the pane and the Excel adapter use it, running "in Excel on Windows": Office.onReady,
 * Office.context's host and platform, and Excel.run with a request context over `window.__workbook`
 * (sheets as Excel returns a used range: address, values, value types, formulas, number formats).
 * It has no method that writes to the workbook; `window.__excel` records runs, syncs and selections.
 */
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
  window.Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }), context: { host: "Excel", platform: "PC" } };
  window.Excel = { run: (batch) => { log.push("run"); return Promise.resolve().then(() => batch(context)); } };
})();`;

/** A snapshot as Excel's API returns the workbook: one used range per sheet, names and tables. */
function excelWorkbook(snapshot: WorkbookSnapshot): unknown {
  const typeOf = (v: CellValue): string => (v === null ? "Empty" : isCellError(v) ? "Error" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String");
  const raw = (v: CellValue): unknown => (v === null ? "" : isCellError(v) ? v.error : v);
  const mode = { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual", unknown: "Automatic" }[snapshot.calculationMode];
  return {
    calculationMode: mode,
    sheets: snapshot.sheets.map((sparse) => {
      const sheet = grid(sparse);
      const rows = sheet.values.length;
      const cols = Math.max(1, ...sheet.values.map((r) => r.length));
      const end = a1(sheet.origin.row + Math.max(rows, 1) - 1, sheet.origin.col + cols - 1);
      return {
        name: sheet.name,
        address: qualified(sheet.name, `${a1(sheet.origin.row, sheet.origin.col)}:${end}`),
        values: sheet.values.map((r) => r.map(raw)),
        valueTypes: sheet.values.map((r) => r.map(typeOf)),
        formulas: sheet.values.map((r, i) => r.map((v, j) => sheet.formulas[i]?.[j] ?? raw(v))),
        numberFormat: sheet.numberFormats,
      };
    }),
    names: snapshot.names.map((n) => ({ name: n.name, type: n.sheet === undefined ? "Error" : "Range", formula: n.formula })),
    tables: snapshot.tables.map((t) => ({ name: t.name, sheet: t.sheet, address: qualified(t.sheet, t.address), columns: t.columns ?? [] })),
  };
}

/** The pane writes every amount with cents: "$220,160,000.00". */
const usd = (value: number): string => {
  const text = formatUsd(toCents(dec(value)));
  return text.includes(".") ? text : `${text}.00`;
};
const SHEET = MODEL_TEMPLATE.sheet;
const at = (address: string, sheet = SHEET): string => qualified(sheet, address);

/** The ready model with six things wrong, each a different rule, in different sections. */
async function brokenModel(): Promise<Buffer> {
  return modelXlsx({
    withoutNames: ["OLVInPlaceValue"],
    computedValues: { availabilityReserve: 999 },
    edit: (sheet) => {
      sheet.getCell(modelAddress("EligibleInventory")).value = null;
      sheet.getCell(modelAddress("NetRecoveryPercentage")).value = 65;
      sheet.getCell(tableCell("PPEEvents", "Kind", 0)).value = "SALE";
      sheet.getCell(tableCell("DailyOutstandings", "Outstandings", 1)).value = "1,000";
    },
  });
}

describe("the pane without Office", () => {
  it("opens in a plain browser, says Excel is absent and offers an .xlsx file [task pane]", async () => {
    const pane = await openPane();
    try {
      const { page } = pane;
      await expect(page.textContent("#host-status")).resolves.toContain("Excel is not available here");
      expect(await page.isVisible("#open-file")).toBe(true);
      expect(await page.textContent("#open-file")).toBe("Open an .xlsx file");
      expect(await page.isVisible("#validate")).toBe(false);
      expect(await page.isVisible("#insert-model")).toBe(false);
      expect(await page.textContent("#addin-version")).toBe((JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version);
      // The only request off the add-in's own origin is office.js from Microsoft's CDN.
      expect(pane.blocked).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
      expect(pane.pageErrors).toEqual([]);
      await expect(pane.cspViolations()).resolves.toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  it("bundles office-js-helpers into a chunk of the pane's own, off first paint and never into functions.js [task pane]", () => {
    // office-js-helpers' host detection reads this sessionStorage key; its text marks the library in a bundle.
    const marker = "hostInfoValue";
    expect(fs.readFileSync(path.join(built, "office-helpers.chunk.js"), "utf8")).toContain(marker);
    expect(fs.readFileSync(path.join(built, "taskpane.js"), "utf8")).not.toContain(marker);
    expect(fs.readFileSync(path.join(built, "functions.js"), "utf8")).not.toContain(marker);
  });

  it("keeps the Content-Security-Policy to the add-in's origin and office.js's CDN, with no inline script or style [task pane]", async () => {
    const pane = await openPane();
    try {
      const csp = await pane.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
      const directives = new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values] as [string, string[]]));
      expect(directives.get("default-src")).toEqual(["'self'"]);
      expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
      // Only the one inline style office.js sets on its telemetry frame, style="display:none", by hash (README).
      expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-hashes'", "'sha256-aqNNdDLnnrDOnTNdkJpYlAxKVJtLt9CtFLklmInuUAE='"]);
      expect(directives.get("frame-src")).toEqual(["https://telemetryservice.firstpartyapps.oaspapps.com"]);
      expect(directives.get("object-src")).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      const inline = await pane.page.evaluate(() => ({
        scripts: [...document.scripts].filter((s) => !s.src).length,
        styles: document.querySelectorAll("style, [style]").length,
        handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
      }));
      expect(inline).toEqual({ scripts: 0, styles: 0, handlers: 0 });
    } finally {
      await pane.context.close();
    }
  });

  it("validates the ready model clean and shows the recomputed figures beside the workbook's own [1.1(f), 1.1(aa), 1.1(e)]", async () => {
    const buffer = await modelXlsx();
    const expected = validate(await snapshotFromXlsx(buffer));
    expect(expected.filter((f) => f.severity === "error")).toEqual([]);
    const pane = await openPane();
    try {
      const { page } = pane;
      await loadFile(pane, "amendment-model.xlsx", buffer);
      expect(await page.getAttribute(".summary", "class")).toContain("summary-ready");
      expect(await page.textContent(".summary-text")).toBe(summaryHeadline(summarize(expected)));
      expect(await page.textContent(".count-error")).toBe("✕0 errors");
      expect(await page.textContent(".summary-source")).toBe("Validated: amendment-model.xlsx");
      expect(await shownFindings(page)).toEqual(expectedGroups(expected));

      // The engine's figures from the model's inputs; the model computes the Borrowing Base itself.
      const figures = recompute(readModelInputs(snapshotFromTemplate()));
      const bb = figures.find((f) => f.key === "borrowingBase");
      expect(typeof bb?.value).toBe("number");
      const row = page.locator('.figure[data-key="borrowingBase"]');
      await expect(row.locator(".figure-value").allTextContents()).resolves.toEqual([usd(bb?.value as number), usd(bb?.value as number)]);
      expect(await row.getAttribute("class")).toContain("figure-match");
      expect(await row.locator(".figure-status").textContent()).toBe("✓Matches");
      expect(await page.locator(".figure").count()).toBe(figures.length);
      expect(await page.locator(".figure-mismatch").count()).toBe(0);
      // Without Office a cell is text, not a link.
      expect(await page.locator(".cell-link").count()).toBe(0);
      expect(await row.locator(".cell-ref").textContent()).toBe(at(modelAddress("BorrowingBase")));
    } finally {
      await pane.context.close();
    }
  });

  it("shows a broken model's findings by section, each with its cell, and the figure that disagrees [1.1(f)(b), 1.1(t), 1.1(aa), 1.1(f)]", async () => {
    const buffer = await brokenModel();
    const expected = validate(await snapshotFromXlsx(buffer));
    const pane = await openPane();
    try {
      const { page } = pane;
      await loadFile(pane, "broken.xlsx", buffer);
      const summary = summarize(expected);
      expect(summary.ready).toBe(false);
      expect(await page.getAttribute(".summary", "class")).toContain("summary-blocked");
      expect(await page.textContent(".summary-text")).toBe(`Not ready: ${summary.errors} errors to fix`);
      expect(await page.textContent(".count-error")).toBe(`✕${summary.errors} errors`);

      const shown = await shownFindings(page);
      expect(shown).toEqual(expectedGroups(expected));
      const flat = shown.flatMap((g) => g.findings.map((f) => ({ ...f, group: g.title })));
      // Each breakage, at its cell, under its section.
      expect(flat).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: "missing-name", severity: "Error", group: "Section 1.1(f)(c)" }),
          expect.objectContaining({ rule: "blank-required", severity: "Error", cell: at(modelAddress("EligibleInventory")), group: "Section 1.1(f)(b)" }),
          expect.objectContaining({ rule: "whole-percentage", severity: "Error", cell: at(modelAddress("NetRecoveryPercentage")), group: "Section 1.1(f)(b)" }),
          expect.objectContaining({ rule: "unknown-kind", severity: "Error", cell: at(tableCell("PPEEvents", "Kind", 0)), group: "Section 1.1(t)" }),
          expect.objectContaining({ rule: "text-not-number", severity: "Error", cell: at(tableCell("DailyOutstandings", "Outstandings", 1)), group: "Section 1.1(aa)" }),
          expect.objectContaining({ rule: "output-mismatch", severity: "Error", cell: at(modelAddress("AvailabilityReserve")), group: "Section 1.1(e)" }),
        ]),
      );
      // Groups in the amendment's order, each finding's severity in words as well as colour.
      const titles = shown.map((g) => g.title);
      expect(titles.indexOf("Section 1.1(f)(b)")).toBeLessThan(titles.indexOf("Section 1.1(t)"));
      expect(titles.indexOf("Section 1.1(t)")).toBeLessThan(titles.indexOf("Section 1.1(aa)"));

      // The workbook's Availability Reserve (999) beside the engine's, the difference spelled out.
      const reserve = recompute(readModelInputs(snapshotFromTemplate())).find((f) => f.key === "availabilityReserve")?.value as number;
      const row = page.locator('.figure[data-key="availabilityReserve"]');
      expect(await row.getAttribute("class")).toContain("figure-mismatch");
      await expect(row.locator(".figure-value").allTextContents()).resolves.toEqual([usd(reserve), "$999.00"]);
      expect(await row.locator(".figure-status").textContent()).toBe(`✕ErrorMismatch: differs by ${usd(reserve - 999)}`);
      // The Borrowing Base cannot be recomputed without OLV In-Place Value: shown, not compared.
      const bb = page.locator('.figure[data-key="borrowingBase"]');
      expect(await bb.getAttribute("class")).toContain("figure-unchecked");
      expect(await bb.locator(".figure-value").first().textContent()).toBe("Not computed");
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    } finally {
      await pane.context.close();
    }
  });

  it("says so when the file is not a workbook, and keeps working [task pane]", async () => {
    const pane = await openPane();
    try {
      const notAWorkbook = Buffer.from("this is not a zip file");
      const reason = await snapshotFromXlsx(notAWorkbook).then(
        () => "read",
        (e: unknown) => (e instanceof WorkbookReadError ? e.message : `not a WorkbookReadError: ${String(e)}`),
      );
      await loadFile(pane, "notes.xlsx", notAWorkbook);
      await expect(pane.page.textContent("#action-status")).resolves.toBe(`Could not read notes.xlsx. ${reason}`);
      expect(await pane.page.locator(".summary").count()).toBe(0);
      await loadFile(pane, "amendment-model.xlsx", await modelXlsx());
      expect(await pane.page.locator(".summary").count()).toBe(1);
      expect(pane.pageErrors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });
});

describe("the pane in Excel", () => {
  it("offers Validate and Insert model in Excel, and no file [task pane]", async () => {
    const pane = await openPane(360, snapshotFromTemplate());
    try {
      const { page } = pane;
      await expect(page.textContent("#host-status")).resolves.toBe("Running in Excel on Windows");
      expect(await page.isVisible("#validate")).toBe(true);
      expect(await page.isVisible("#insert-model")).toBe(true);
      expect(await page.isVisible("#open-file")).toBe(false);
      expect(await page.isVisible("#offline-note")).toBe(false);
      expect(pane.blocked).toEqual([]);
      expect(pane.pageErrors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  it("validates the open workbook, and each finding's cell is a button that selects it in one sync [1.1(f)(b), 1.1(t), 1.1(aa)]", async () => {
    const snapshot = await snapshotFromXlsx(await brokenModel());
    const expected = validate(snapshot);
    const pane = await openPane(360, snapshot);
    try {
      const { page } = pane;
      await page.click("#validate");
      await page.waitForSelector(".summary");
      expect(await page.textContent(".summary-source")).toBe("Validated: this workbook");
      expect(await shownFindings(page)).toEqual(expectedGroups(expected));
      const cells = expected.filter((f) => f.cell !== "").length;
      expect(await page.locator(".finding .cell-link").count()).toBe(cells);
      expect(await page.locator(".finding .cell-ref").count()).toBe(0);

      const target = at(modelAddress("NetRecoveryPercentage"));
      const link = page.locator(".finding .cell-link", { hasText: target }).first();
      expect(await link.evaluate((e) => e.tagName)).toBe("BUTTON");
      const before = await page.evaluate(() => (window as unknown as { __excel: string[] }).__excel.length);
      // By keyboard: focus the cell's button and press Enter.
      await link.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction((n) => (window as unknown as { __excel: string[] }).__excel.length >= n + 4, before);
      const calls = await page.evaluate((n) => (window as unknown as { __excel: string[] }).__excel.slice(n), before);
      expect(calls).toEqual(["run", `activate ${SHEET}`, `select ${SHEET}!${modelAddress("NetRecoveryPercentage")}`, "sync"]);
      expect(pane.pageErrors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  it("inserts no model over an existing one and says what is in the way [task pane]", async () => {
    const pane = await openPane(360, snapshotFromTemplate());
    try {
      const { page } = pane;
      await page.click("#insert-model");
      await page.waitForSelector(".notice");
      expect(await page.getAttribute(".notice", "class")).toContain("notice-warning");
      expect(await page.textContent(".notice")).toContain(SHEET);
      // Only reads happened: the stand-in has nothing to write with, and the pane did not validate.
      const calls = await page.evaluate(() => (window as unknown as { __excel: string[] }).__excel);
      expect(calls.filter((c) => c !== "run" && c !== "sync")).toEqual([]);
      expect(await page.locator(".summary").count()).toBe(0);
      expect(pane.pageErrors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });
});

describe("workbook text is text", () => {
  it("renders markup typed into a sheet name, a Kind, a Category and an input as literal text and runs nothing [task pane]", async () => {
    const buffer = await modelXlsx({
      sheet: IMG,
      edit: (sheet) => {
        sheet.getCell(tableCell("PPEEvents", "Kind", 0)).value = SCRIPT;
        sheet.getCell(tableCell("ANECharges", "Category", 0)).value = FLAG;
        sheet.getCell(modelAddress("EligibleInventory")).value = `${SCRIPT}${FLAG}`;
      },
    });
    const expected = validate(await snapshotFromXlsx(buffer));
    const pane = await openPane();
    try {
      const { page } = pane;
      await loadFile(pane, "<b>bold</b>.xlsx", buffer);
      expect(await shownFindings(page)).toEqual(expectedGroups(expected));
      const text = (await page.textContent("#report")) ?? "";
      expect(text).toContain(at(tableCell("PPEEvents", "Kind", 0), IMG));
      expect(text).toContain(SCRIPT);
      expect(text).toContain(FLAG);
      expect(text).toContain("Validated: <b>bold</b>.xlsx");
      const injected = await page.evaluate(() => ({
        elements: document.querySelectorAll("#report img, #report script, #report b").length,
        pwned: (window as unknown as { __pwned?: boolean }).__pwned === true,
      }));
      expect(injected).toEqual({ elements: 0, pwned: false });
      await page.waitForTimeout(200);
      expect(pane.dialogs).toEqual([]);
      expect(pane.pageErrors).toEqual([]);
      await expect(pane.cspViolations()).resolves.toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  it("shows markup in a sheet name as the text of the cell buttons in Excel, and runs nothing [task pane]", async () => {
    const buffer = await modelXlsx({ sheet: IMG, edit: (sheet) => (sheet.getCell(tableCell("PPEEvents", "Kind", 0)).value = FLAG) });
    const snapshot = await snapshotFromXlsx(buffer);
    const pane = await openPane(360, snapshot);
    try {
      const { page } = pane;
      await page.click("#validate");
      await page.waitForSelector(".summary");
      expect(await shownFindings(page)).toEqual(expectedGroups(validate(snapshot)));
      const kind = at(tableCell("PPEEvents", "Kind", 0), IMG);
      expect(await page.locator(".cell-link", { hasText: kind }).count()).toBeGreaterThan(0);
      await page.locator(".cell-link", { hasText: kind }).first().click();
      await page.waitForFunction(() => (window as unknown as { __excel: string[] }).__excel.some((c) => c.startsWith("select ")));
      const selected = await page.evaluate(() => (window as unknown as { __excel: string[] }).__excel.filter((c) => c.startsWith("select ")));
      expect(selected).toEqual([`select ${IMG}!${tableCell("PPEEvents", "Kind", 0)}`]);
      expect(await page.evaluate(() => document.querySelectorAll("#report img, #report script").length)).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned === true)).toBe(false);
      expect(pane.dialogs).toEqual([]);
      await expect(pane.cspViolations()).resolves.toEqual([]);
    } finally {
      await pane.context.close();
    }
  });
});

describe("the function help", () => {
  it("lists every function of functions.json and finds them by name, section or word [task pane]", async () => {
    const pane = await openPane();
    try {
      const { page } = pane;
      const metadata = (await (await fetch(`${origin}/functions.json`)).json()) as { functions: { name: string }[] };
      const total = metadata.functions.length;
      // Keyboard: the Validate tab, then the arrow key to Functions.
      await page.focus("#tab-validate");
      await page.keyboard.press("ArrowRight");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-functions");
      expect(await page.isVisible("#panel-functions")).toBe(true);
      expect(await page.isVisible("#panel-validate")).toBe(false);
      await page.waitForSelector(".fn-item");
      expect(await page.locator(".fn-item").count()).toBe(total);
      expect(await page.textContent("#function-count")).toBe(`${total} functions`);

      await page.fill("#function-search", "threshold");
      const shown = await page.$$eval(".fn-item:not([hidden])", (items) => items.map((i) => ({ name: i.getAttribute("data-name") ?? "", text: (i.textContent ?? "").toLowerCase() })));
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThan(total);
      for (const f of shown) expect(f.text).toContain("threshold");
      expect(shown.map((f) => f.name)).toContain("KAISER.THRESHOLD");
      expect(await page.textContent("#function-count")).toBe(`${shown.length} of ${total} functions match “threshold”`);

      await page.fill("#function-search", "=kaiser.borrowingbase 1.1(f)");
      const names = await page.$$eval(".fn-item:not([hidden])", (items) => items.map((i) => i.getAttribute("data-name")));
      expect(names).toContain("KAISER.BORROWINGBASE");
      const item = page.locator('.fn-item[data-name="KAISER.BORROWINGBASE"]');
      await item.locator("summary").focus();
      await page.keyboard.press("Enter");
      expect(await item.locator(".fn-signature").textContent()).toBe(
        "KAISER.BORROWINGBASE(receivablesComponent, eligibleInventory, olvInPlaceValue, [netRecoveryPercentage], [ppeSubcomponentReductions])",
      );
      expect(await item.locator(".fn-example code").textContent()).toMatch(/^=KAISER\.BORROWINGBASE\(/);
      expect(await item.locator(".fn-num").textContent()).toMatch(/^#NUM! when /);
      expect(await item.locator(".fn-params dt").count()).toBe(5);

      await page.fill("#function-search", "no such function anywhere");
      expect(await page.locator(".fn-item:not([hidden])").count()).toBe(0);
      expect(await page.textContent("#function-count")).toBe(`0 of ${total} functions match “no such function anywhere”`);
    } finally {
      await pane.context.close();
    }
  });
});

describe("edge cases", () => {
  it("stays readable at the pane's narrowest width, 320 pixels, with no sideways scrolling", async () => {
    const pane = await openPane(320);
    try {
      await loadFile(pane, "broken.xlsx", await brokenModel());
      const widths = await pane.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await pane.page.click("#tab-functions");
      await pane.page.waitForSelector(".fn-item");
      await pane.page.click(".fn-item summary");
      const after = await pane.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
      expect(after).toBe(true);
    } finally {
      await pane.context.close();
    }
  });

  it("reaches the tabs and the file button by keyboard, with a visible focus ring", async () => {
    const pane = await openPane();
    try {
      const { page } = pane;
      // Listening first: Playwright turns on file-chooser interception asynchronously.
      const chooser = page.waitForEvent("filechooser");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-validate");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("open-file");
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline).toBe("solid 2px");
      // Enter on the button opens the file chooser.
      await page.keyboard.press("Enter");
      await (await chooser).setFiles({ name: "model.xlsx", mimeType: XLSX, buffer: await modelXlsx() });
      await page.waitForSelector(".summary");
      expect(await page.textContent(".summary-source")).toBe("Validated: model.xlsx");
    } finally {
      await pane.context.close();
    }
  });

  it("writes the payloads exactly as typed into the workbook", async () => {
    // Guards the test above: exceljs keeps the markup characters of a sheet name and of cells.
    const buffer = await modelXlsx({ sheet: IMG, edit: (sheet) => (sheet.getCell("A1").value = SCRIPT) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(book.worksheets[0].name).toBe(IMG);
    expect(book.worksheets[0].getCell("A1").value).toBe(SCRIPT);
  });
});
