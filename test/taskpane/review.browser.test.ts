/**
 * The pane as a reviewer's workspace (issue 15), in headless Chromium: the summary card first,
 * every section of the review with its state remembered, the pictures with as many markers as the
 * review has events and rows, the tooltip by pointer and keyboard, the severity filter, the saved
 * report (HTML and the CLI's JSON), print, Office's theme, 350 px and 200 % zoom, axe-core with no
 * violation in every state, the file mode and the Excel mode, and the 100,000-row example.
 */
import * as fs from "fs";
import * as path from "path";
import packageJson from "../../package.json";
import { isoFromSerial } from "../../src/engine/dates";
import { LENDERS } from "../../src/engine/lenders";
import { term } from "../../src/engine/terms";
import { jsonReport } from "../../src/cli/report";
import { review as reviewWorkbook } from "../../src/review/review";
import { snapshotFromXlsx } from "../../src/workbook/xlsxSnapshot";
import { snapshotFromTemplate } from "../../src/review/template";
import { reviewForPane } from "../../taskpane/paneReview";
import { SECTIONS } from "../../taskpane/sections";
import { axeViolations, endSession, loadFile, openPane, overflows, Pane, Session, startSession } from "./support/paneBrowser";
import { bigTemplate, modelXlsx, tableCell } from "./support/workbooks";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const READY = fs.readFileSync(path.join(EXAMPLES, "amendment-model.xlsx"));
const BROKEN = fs.readFileSync(path.join(EXAMPLES, "broken-model.xlsx"));
const IMG = '<img src=x onerror="window.__pwned=true">';

let session: Session;

beforeAll(async () => {
  session = await startSession();
}, 300000);

afterAll(() => endSession(session));

async function withPane(options: Parameters<typeof openPane>[1], body: (pane: Pane) => Promise<void>): Promise<void> {
  const pane = await openPane(session, options);
  try {
    await body(pane);
    expect(pane.pageErrors).toEqual([]);
    await expect(pane.cspViolations()).resolves.toEqual([]);
  } finally {
    await pane.close();
  }
}

async function expectNoAxeViolations(pane: Pane, state: string): Promise<void> {
  const violations = await axeViolations(pane.page);
  expect({ state, violations }).toEqual({ state, violations: [] });
}

describe("the review in file mode", () => {
  it("shows the summary card first and every section of the review, with the review's figures [1.1(f), 1.1(e), 1.1(aa), 9.2.4]", async () => {
    const pane0 = reviewForPane(await snapshotFromXlsx(READY), "amendment-model.xlsx");
    const { review, daily } = pane0;
    await withPane({ width: 350 }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "amendment-model.xlsx", READY);
      // The summary card comes first, then the report's actions and the sections in order.
      const order = await page.$$eval("#report .report > *", (nodes) => nodes.map((n) => n.getAttribute("data-section") ?? n.className));
      expect(order[0]).toContain("summary");
      expect(order.filter((o) => SECTIONS.some((s) => s.id === o))).toEqual(SECTIONS.map((s) => s.id));
      const key = (k: string) => page.textContent(`.key-figure[data-key="${k}"] .key-value`);
      const bb = review.figures.find((f) => f.key === "borrowingBase")?.value as number;
      // Worked from the model's inputs: $95,000,000 + $110,160,000 + $15,000,000 [1.1(f)].
      expect(bb).toBe(220160000);
      await expect(key("borrowingBase")).resolves.toBe("$220,160,000.00");
      await expect(key("availability")).resolves.toBe("$42,500,000.00");
      const last = daily[daily.length - 1];
      expect(isoFromSerial(last.date)).toBe("2004-12-31");
      await expect(key("headroom")).resolves.toBe(`$${(last.threshold - last.outstandings).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
      await expect(key("firstEvent5")).resolves.toBe(isoFromSerial(review.thresholdEvents[0].events[0].date));
      await expect(key("firstEvent3")).resolves.toBe(isoFromSerial(review.thresholdEvents[1].events[0].date));
      await expect(key("latestEbitda")).resolves.toBe("PASS");
      // Amounts right-aligned in tabular figures.
      const style = await page.$eval('.key-figure[data-key="borrowingBase"] dd', (e) => getComputedStyle(e).fontVariantNumeric);
      expect(style).toContain("tabular-nums");

      // Threshold Events: one marker per event of each test [1.1(aa)].
      const [five, three] = review.thresholdEvents;
      expect(five.daysRequired).toBe(5);
      expect(three.daysRequired).toBe(3);
      expect(await page.locator(".chart-threshold .event-marker.event-5").count()).toBe(five.events.length);
      expect(await page.locator(".chart-threshold .event-marker.event-3").count()).toBe(three.events.length);
      expect(await page.locator(".events-table.events-5 tbody tr").count()).toBe(five.events.length);
      expect(await page.locator(".events-table.events-3 tbody tr").count()).toBe(three.events.length);
      const clauses = await page.$$eval(".events-table.events-5 tbody tr", (rows) => rows.map((r) => [r.children[0].textContent, r.children[1].textContent]));
      expect(clauses).toEqual(five.events.map((e) => [isoFromSerial(e.date), `(${e.clause})`]));
      expect(await page.locator(".chart-threshold .boundary-month").count()).toBe(3);
      expect(await page.locator(".chart-threshold .above-band").count()).toBeGreaterThan(0);

      // The PPE schedule: every row, each step of the picture labelled with its clause [1.1(t)].
      const ppe = review.ppeSchedule.lines;
      expect(await page.locator(".ppe-table tbody tr").count()).toBe(ppe.length);
      expect(await page.$$eval(".chart-ppe .step-label", (t) => t.map((x) => x.textContent))).toEqual(ppe.map((l) => l.clause));
      const floor = await page.textContent(".chart-ppe .floor-label");
      expect(floor).toContain(`$${term("ppeClauseBFloor").toNumber().toLocaleString("en-US")}.00`);
      expect(await page.$$eval(".ppe-table tbody tr", (rows) => rows.map((r) => r.lastElementChild?.textContent))).toEqual(ppe.map((l) => l.note));

      // Minimum EBITDA: each period with its floor, headroom and test [9.2.4].
      const periods = review.minimumEbitda.lines;
      expect(await page.locator(".ebitda-table tbody tr").count()).toBe(periods.length);
      expect(await page.locator(".chart-ebitda .ebitda-bar").count()).toBe(periods.length);
      // Headroom, and before it what the dispositions take off each period's minimum (Reading R-EBITDA-PERIOD-AMOUNT).
      expect(await page.$$eval(".ebitda-table tbody tr", (rows) => rows.map((r) => r.children[4].textContent))).toEqual(["$5,750,000.00", "$2,700,000.00", "$4,950,000.00"]);
      expect(await page.$$eval(".ebitda-table tbody tr", (rows) => rows.map((r) => r.children[2].textContent))).toEqual(["$1,500,000.00", "$3,600,000.00", "$6,350,000.00"]);

      // The amendment fee by Lender, to the cent, with the total [5(d), Schedule A].
      expect(await page.locator(".fee-table tbody tr").count()).toBe(LENDERS.length + 1);
      expect(await page.textContent(".fee-table .row-total td:last-child")).toBe("$1,750,000.00");
      // The ANE exclusions and the Borrowing Base clause by clause with the limit that binds [1.1(c), 1.1(f)(b)].
      expect(await page.textContent("#section-ane-exclusions .amount")).toBe("$58,750,000.00");
      expect(await page.textContent(".binding")).toBe("Clause (b): 85% of the Net Recovery Percentage binds.");

      expect(await overflows(page)).toBe(false);
      // Stacked at 350 px, a table's caption still runs the table's width (not a letter a line).
      const captions = await page.$$eval(".data-table", (tables) => tables.map((t) => Math.round((t.querySelector("caption")?.getBoundingClientRect().width ?? 0) - t.getBoundingClientRect().width)));
      expect(captions.every((d) => Math.abs(d) <= 1)).toBe(true);
      await expectNoAxeViolations(pane, "ready model, every section open");
    });
  });

  it("collapses a section and remembers it after the pane reopens (office-js-helpers' Storage) [task pane]", async () => {
    await withPane({ width: 350 }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "amendment-model.xlsx", READY);
      const toggle = page.locator("#section-ppe .section-toggle");
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      // By keyboard: focus the heading's button, Enter.
      await toggle.focus();
      await page.keyboard.press("Enter");
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
      expect(await page.isVisible("#body-ppe")).toBe(false);
      expect(await page.isVisible(".section-badge >> nth=0")).toBe(true);
      await expectNoAxeViolations(pane, "a section collapsed");
      const stored = await page.evaluate(() => localStorage.getItem("@kaiser-pane/collapsed"));
      // office-js-helpers came as its own chunk, requested by the script after the page had loaded.
      const helpers = await page.evaluate(() => {
        const entry = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/office-helpers.chunk.js"));
        const page = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
        return entry ? { start: entry.startTime, duration: entry.duration, domContentLoaded: page?.domContentLoadedEventEnd ?? 0, initiator: (entry as PerformanceResourceTiming).initiatorType } : undefined;
      });
      expect(helpers?.initiator).toBe("script");
      expect(helpers?.start ?? 0).toBeGreaterThanOrEqual(helpers?.domContentLoaded ?? Infinity);
      console.log(`office-helpers.chunk.js: requested ${helpers?.start.toFixed(0)} ms after navigation (DOMContentLoaded at ${helpers?.domContentLoaded.toFixed(0)} ms), loaded in ${helpers?.duration.toFixed(1)} ms`);
      await page.screenshot({ path: "/tmp/pane-review.png" });
      expect(JSON.parse(stored ?? "null")).toEqual(["ppe"]);
      await page.reload();
      await page.waitForSelector("body[data-host]");
      await loadFile(pane, "amendment-model.xlsx", READY);
      expect(await page.getAttribute("#section-ppe .section-toggle", "aria-expanded")).toBe("false");
      expect(await page.getAttribute("#section-findings .section-toggle", "aria-expanded")).toBe("true");
      await page.click("#expand-all");
      expect(await page.getAttribute("#section-ppe .section-toggle", "aria-expanded")).toBe("true");
      expect(JSON.parse((await page.evaluate(() => localStorage.getItem("@kaiser-pane/collapsed"))) ?? "null")).toEqual([]);
    });
  });

  it("filters the findings by severity, keeping each section's counts [task pane]", async () => {
    const { review } = reviewForPane(await snapshotFromXlsx(BROKEN), "broken-model.xlsx");
    const count = (s: string) => review.findings.filter((f) => f.severity === s).length;
    await withPane({ width: 350 }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "broken-model.xlsx", BROKEN);
      expect(await page.locator(".finding:visible").count()).toBe(review.findings.length);
      await page.uncheck("#filter-error");
      expect(await page.locator(".finding:visible").count()).toBe(count("warning") + count("info"));
      expect(await page.locator('.finding[data-severity="error"]:visible').count()).toBe(0);
      expect(await page.textContent(".filter-status")).toBe(`Showing ${count("warning") + count("info")} of ${review.findings.length} findings.`);
      // A group with errors only disappears; the others keep their counts.
      const visibleGroups = await page.locator(".finding-group:visible").count();
      expect(visibleGroups).toBeLessThan(await page.locator(".finding-group").count());
      await expectNoAxeViolations(pane, "findings filtered to warnings and infos");
      await page.uncheck("#filter-warning");
      await page.uncheck("#filter-info");
      expect(await page.locator(".finding:visible").count()).toBe(0);
      await page.check("#filter-error");
      expect(await page.locator(".finding:visible").count()).toBe(count("error"));
      // Schedules that cannot be worked out say why.
      expect(await page.textContent("#section-ppe .schedule-note")).toContain("cannot be worked out");
      expect(await overflows(page)).toBe(false);
      await expectNoAxeViolations(pane, "broken model, errors only");
    });
  });

  it("shows a day's date, outstandings, Threshold and headroom by pointer and by keyboard [1.1(aa)]", async () => {
    const { daily, review } = reviewForPane(await snapshotFromXlsx(READY), "amendment-model.xlsx");
    await withPane({ width: 350 }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "amendment-model.xlsx", READY);
      const chart = page.locator(".chart-threshold");
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      if (!box) throw new Error("the picture has no box");
      await page.mouse.move(box.x + box.width - 9, box.y + box.height / 2);
      await page.waitForFunction(() => !document.getElementById("threshold-tooltip")?.classList.contains("closed"));
      const last = daily[daily.length - 1];
      const text = (await page.textContent("#threshold-tooltip")) ?? "";
      expect(text).toContain(`${isoFromSerial(last.date)} (Friday)`);
      expect(text).toContain(`Outstandings $${last.outstandings.toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
      expect(text).toContain(`Threshold $${last.threshold.toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
      expect(text).toContain(`Headroom $${(last.threshold - last.outstandings).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
      // Keyboard: focus the picture, Home to the first day, Page Down to the first event.
      await page.focus(".chart-frame");
      await page.keyboard.press("Home");
      expect(await page.textContent("#threshold-tooltip")).toContain(isoFromSerial(daily[0].date));
      await page.keyboard.press("ArrowRight");
      expect(await page.textContent("#threshold-tooltip")).toContain(isoFromSerial(daily[1].date));
      await page.keyboard.press("PageDown");
      const firstAfter = [...review.thresholdEvents.flatMap((l) => l.events.map((e) => e.date))].sort((a, b) => a - b).find((d) => d > daily[1].date);
      const shown = (await page.textContent("#threshold-tooltip")) ?? "";
      expect(shown).toContain(isoFromSerial(firstAfter ?? 0));
      expect(shown).toMatch(/Threshold Event \((5|3) Business Days, clause \((x|y|x and y)\)\)/);
      expect(await page.getAttribute(".chart-cursor", "visibility")).toBe("visible");
      await expectNoAxeViolations(pane, "tooltip shown");
    });
  });

  it("follows a dark system theme outside Office, with no contrast violation [task pane]", async () => {
    await withPane({ width: 350, colorScheme: "dark" }, async (pane) => {
      const { page } = pane;
      expect(await page.getAttribute("html", "data-theme")).toBe("dark");
      await loadFile(pane, "broken-model.xlsx", BROKEN);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe("rgb(41, 41, 41)");
      await expectNoAxeViolations(pane, "dark, broken model");
      await page.emulateMedia({ colorScheme: "light" });
      await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    });
  });

  it("prints every section open, without the pane's controls [task pane]", async () => {
    await withPane({ width: 350 }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "amendment-model.xlsx", READY);
      await page.click("#section-minimum-ebitda .section-toggle");
      expect(await page.isVisible("#body-minimum-ebitda")).toBe(false);
      await page.emulateMedia({ media: "print" });
      expect(await page.isVisible("#body-minimum-ebitda")).toBe(true);
      expect(await page.isVisible("#threshold-months-body")).toBe(true);
      expect(await page.isVisible(".chart-threshold")).toBe(true);
      for (const hidden of [".tabs", ".report-actions", "#open-file", ".severity-filter"]) expect({ hidden, visible: await page.locator(hidden).first().isVisible() }).toEqual({ hidden, visible: false });
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      await page.emulateMedia({ media: "screen" });
      expect(await page.isVisible("#body-minimum-ebitda")).toBe(false);
    });
  });

  it("saves the report as one self-contained HTML file and as the CLI's JSON, workbook text escaped [task pane]", async () => {
    const buffer = await modelXlsx({ sheet: IMG, edit: (sheet) => (sheet.getCell(tableCell("PPEEvents", "Kind", 0)).value = IMG) });
    const snapshot = await snapshotFromXlsx(buffer);
    await withPane({ width: 350, acceptDownloads: true }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "<b>x</b>.xlsx", buffer);
      const [html] = await Promise.all([page.waitForEvent("download"), page.click("#save-html")]);
      expect(html.suggestedFilename()).toBe("b-x-b-review.html");
      const text = fs.readFileSync(await html.path(), "utf8");
      expect(text.startsWith("<!doctype html>")).toBe(true);
      expect(text).not.toMatch(/<script/i);
      expect(text).not.toMatch(/<img/i);
      expect(text).toContain("&lt;img src=x onerror=\"window.__pwned=true\"&gt;");
      expect(text).toContain("<svg");
      expect(text).toContain("<style>");
      expect(text).not.toMatch(/<link|src="http|href="http/i);
      // Every section open, the pictures and their tables included.
      expect(text).not.toContain('class="review-section collapsed"');
      expect((text.match(/class="event-marker/g) ?? []).length).toBe(reviewWorkbook(snapshot).thresholdEvents.reduce((n, l) => n + l.events.length, 0));
      // The saved page itself, opened in the browser, has no accessibility violation.
      const saved = await pane.context.newPage();
      await saved.setContent(text);
      expect(await saved.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned === true)).toBe(false);
      expect(await axeViolations(saved)).toEqual([]);
      await saved.close();

      const [json] = await Promise.all([page.waitForEvent("download"), page.click("#save-json")]);
      expect(json.suggestedFilename()).toBe("b-x-b-review.json");
      const saved2 = fs.readFileSync(await json.path(), "utf8");
      expect(saved2).toBe(jsonReport(reviewWorkbook(snapshot), { file: "<b>x</b>.xlsx", version: packageJson.version }));
    });
  });

  it("lays out at 800 px with amounts right-aligned in columns, and at 200 % zoom with nothing clipped [task pane]", async () => {
    await withPane({ width: 800 }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "amendment-model.xlsx", READY);
      expect(await page.$eval(".fee-table td.num", (e) => [getComputedStyle(e).display, getComputedStyle(e).textAlign])).toEqual(["table-cell", "right"]);
      expect(await overflows(page)).toBe(false);
      await expectNoAxeViolations(pane, "800 px");
    });
    // 200 % zoom of a 350 px pane: 175 CSS pixels across.
    await withPane({ width: 175 }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "broken-model.xlsx", BROKEN);
      expect(await overflows(page)).toBe(false);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll("#report *")]
          .filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && (r.right > document.documentElement.clientWidth + 0.5 || r.left < -0.5);
          })
          .map((e) => e.className || e.tagName),
      );
      expect(clipped).toEqual([]);
      await expectNoAxeViolations(pane, "200 % zoom");
    });
  });
});

describe("the review in Excel", () => {
  const DARK = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#474747", controlForegroundColor: "#FFFFFF" };
  const LIGHT = { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626" };

  it("follows Office's dark theme and its change to light, and every cell button selects its cell [1.1(f)]", async () => {
    const snapshot = snapshotFromTemplate();
    await withPane({ width: 350, excel: snapshot, officeTheme: DARK }, async (pane) => {
      const { page } = pane;
      expect(await page.getAttribute("html", "data-theme")).toBe("dark");
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(38, 38, 38)");
      await page.click("#validate");
      await page.waitForSelector(".summary");
      await expectNoAxeViolations(pane, "Excel, dark");
      // The Borrowing Base's own cell, from its section.
      const button = page.locator(".bb-borrowingBase .cell-link");
      expect(await button.textContent()).toBe("'Amendment Model'!B18");
      await button.click();
      await page.waitForFunction(() => (window as unknown as { __excel: string[] }).__excel.some((c) => c.startsWith("select ")));
      expect(await page.evaluate(() => (window as unknown as { __excel: string[] }).__excel.filter((c) => c.startsWith("select ")))).toEqual(["select Amendment Model!B18"]);
      await page.evaluate((theme) => (window as unknown as { __setOfficeTheme: (t: unknown) => void }).__setOfficeTheme(theme), LIGHT);
      expect(await page.getAttribute("html", "data-theme")).toBe("light");
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
      await expectNoAxeViolations(pane, "Excel, switched to light");
      expect(await overflows(page)).toBe(false);
    });
  });
});

describe("the 100,000-row example", () => {
  it("stays usable while it validates, shows progress, and draws 100,000 days with every event marker [1.1(aa)]", async () => {
    const template = bigTemplate(100000);
    const buffer = await modelXlsx({ template });
    const { review, daily } = reviewForPane(snapshotFromTemplate(template), "big.xlsx");
    expect(daily).toHaveLength(100000);
    const events = review.thresholdEvents.map((l) => l.events.length);
    expect(events[0]).toBeGreaterThan(100);
    await withPane({ width: 350 }, async (pane) => {
      const { page } = pane;
      await page.evaluate(() => {
        const w = window as unknown as { __statuses: string[] };
        w.__statuses = [];
        const status = document.getElementById("action-status") as HTMLElement;
        new MutationObserver(() => w.__statuses.push(status.textContent ?? "")).observe(status, { childList: true, characterData: true, subtree: true });
      });
      await loadFile(pane, "big.xlsx", buffer, 280000);
      const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
      expect(statuses.some((s) => s.startsWith("Reading big.xlsx"))).toBe(true);
      expect(statuses.some((s) => s.startsWith("Checking 100,"))).toBe(true);
      expect(statuses.some((s) => s.startsWith("Drawing"))).toBe(true);
      expect(await page.locator(".chart-threshold .event-marker.event-5").count()).toBe(events[0]);
      expect(await page.locator(".chart-threshold .event-marker.event-3").count()).toBe(events[1]);
      const figure = await page.$eval(".chart-figure", (f) => ({ ms: Number(f.getAttribute("data-draw-ms")), layoutMs: Number(f.getAttribute("data-layout-ms")), days: Number(f.getAttribute("data-days")), vertices: Number(f.getAttribute("data-vertices")) }));
      expect(figure.days).toBe(100000);
      const width = await page.$eval(".chart-threshold", (s) => (s as SVGSVGElement).viewBox.baseVal.width);
      expect(figure.vertices).toBeLessThanOrEqual(4 * width);
      // A figure for the README, not a timed assertion (benchmarks print; they do not fail).
      console.log(`Threshold picture: ${figure.days} days drawn in ${figure.ms} ms (layout ${figure.layoutMs} ms), ${figure.vertices} vertices`);
      // Still usable: a section collapses at once.
      await page.click("#section-findings .section-toggle");
      expect(await page.getAttribute("#section-findings .section-toggle", "aria-expanded")).toBe("false");
      expect(await overflows(page)).toBe(false);
    });
  }, 300000);
});
