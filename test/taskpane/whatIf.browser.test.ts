/**
 * The What-if section, the Threshold early-warning card and the compliance calendar on the summary
 * card (issue 17), in headless Chromium: a scenario of the workbook's Scenarios table round trips
 * (the pane's figures equal `reviewInputs` of the same overrides), an edited scenario (outstandings
 * shifted, EBITDA changed) equals `reviewScenario` of the same edits, "Save as scenario" downloads a
 * CSV row in file mode and writes a table row in Excel (asking before it replaces one), "Add to
 * calendar" downloads the .ics; 350 px without sideways scroll, axe-core with no violation.
 */
import * as fs from "fs";
import ICAL from "ical.js";
import { serial } from "../../src/engine/dates";
import { review as reviewWorkbook, reviewInputs } from "../../src/review/review";
import { reviewScenario } from "../../src/review/scenarioEdits";
import { calendarLine, warningSentence } from "../../src/view/thresholdWarning";
import { compareScenario, WhatIfRow } from "../../src/view/whatIf";
import { snapshotFromXlsx } from "../../src/workbook/xlsxSnapshot";
import { axeViolations, endSession, loadFile, openPane, overflows, Pane, Session, startSession } from "./support/paneBrowser";
import { modelXlsx } from "./support/workbooks";

const SCENARIOS: readonly (readonly (string | number)[])[] = [
  ["Inventory at 100m", 100000000, ""],
  ["Before the appraisal", "", "blank"],
];

/** The ready model with a Scenarios table on a sheet of its own. */
function withScenarios(): Promise<Buffer> {
  return modelXlsx({
    edit: (_sheet, workbook) => {
      const sheet = workbook.addWorksheet("What-if");
      sheet.addTable({ name: "Scenarios", ref: "A1", headerRow: true, columns: ["Scenario", "EligibleInventory", "NetRecoveryPercentage"].map((name) => ({ name, filterButton: false })), rows: SCENARIOS.map((r) => r.map((v) => (v === "" ? null : v))) });
    },
  });
}

let session: Session;
let buffer: Buffer;

beforeAll(async () => {
  session = await startSession();
  buffer = await withScenarios();
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

/** The comparison as the pane shows it: figure, workbook, scenario, changed. */
function shown(rows: readonly WhatIfRow[]): string[][] {
  return rows.map((r) => [`${r.label} [${r.section}]`, r.base, r.changed ? `${r.scenario} (changed)` : r.scenario, r.changed ? "changed" : ""]);
}

async function paneRows(pane: Pane): Promise<string[][]> {
  return pane.page.$$eval(".what-if-table tbody tr", (rows) => rows.map((r) => [...[...r.children].map((c) => c.textContent ?? ""), r.className]));
}

describe("What-if in file mode", () => {
  it("picks a scenario of the Scenarios table: the figures equal reviewInputs of the same overrides [1.1(f), 1.1(aa), 9.2.4]", async () => {
    const base = reviewWorkbook(await snapshotFromXlsx(buffer));
    await withPane({ width: 350, acceptDownloads: true }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "scenarios-model.xlsx", buffer);
      expect(await page.textContent("#section-what-if .section-badge")).toBe("2 scenarios");
      await page.selectOption("#wi-pick", "Inventory at 100m");
      await page.waitForSelector(".what-if-table");
      const expected = compareScenario(base, reviewInputs(base.inputs, { EligibleInventory: 100000000 }));
      expect(await paneRows(pane)).toEqual(shown(expected));
      // Clause (b) binds less with less inventory: the Borrowing Base changes, the rows say so.
      expect(expected.find((r) => r.key === "borrowingBase")?.changed).toBe(true);
      expect(await page.locator(".what-if-table tr.changed").count()).toBe(expected.filter((r) => r.changed).length);
      expect(await overflows(page)).toBe(false);
      await expectNoAxeViolations(pane, "What-if, a scenario picked");

      // The text blank clears the input: no appraisal [Reading R-NRP-APPRAISAL].
      await page.selectOption("#wi-pick", "Before the appraisal");
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>("#wi-in-NetRecoveryPercentage")?.value === "blank");
      expect(await paneRows(pane)).toEqual(shown(compareScenario(base, reviewInputs(base.inputs, { NetRecoveryPercentage: null }))));

      // Save as scenario in file mode: a row of the CLI's scenarios CSV.
      const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#wi-save")]);
      expect(csv.suggestedFilename()).toBe("Before-the-appraisal-scenario.csv");
      expect(fs.readFileSync(await csv.path(), "utf8")).toBe("Scenario,NetRecoveryPercentage\r\nBefore the appraisal,blank\r\n");
    });
  });

  it("edits a scenario by keyboard: outstandings shifted from a date and October's EBITDA; equal to reviewScenario of the same edits [1.1(aa), 9.2.4]", async () => {
    const base = reviewWorkbook(await snapshotFromXlsx(buffer));
    await withPane({ width: 350 }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "scenarios-model.xlsx", buffer);
      await page.fill("#wi-name", "Stress <b>1</b>");
      await page.selectOption("#wi-out-mode", "shift");
      await page.fill("#wi-out-by", "-10,000,000");
      await page.fill("#wi-out-from", "2004-10-01");
      await page.fill("#wi-ebitda-2004-10-31", "-25,000,000");
      await page.check("#wi-ppe-remove-0");
      await page.focus("#wi-compare");
      await page.keyboard.press("Enter");
      await page.waitForSelector(".what-if-table");
      const scenario = reviewScenario(base.inputs, {}, { outstandings: { kind: "shift", by: -10000000, from: serial(2004, 10, 1) }, ebitda: [{ periodEnd: serial(2004, 10, 31), ebitda: -25000000 }], ppeEvents: [{ op: "remove", index: 0 }] });
      const expected = compareScenario(base, scenario);
      expect(await paneRows(pane)).toEqual(shown(expected));
      expect(expected.find((r) => r.key === "ebitdaTest:2004-10-31")).toMatchObject({ base: "PASS", scenario: "FAIL", changed: true });
      // The name is text, never markup.
      expect(await page.$$eval(".what-if-table th", (t) => t.map((x) => x.textContent))).toContain("Stress <b>1</b>");
      expect(await page.locator(".what-if-table b").count()).toBe(0);
      // Bad input: a clear message, nothing recomputed.
      await page.fill("#wi-in-EligibleInventory", "lots");
      await page.click("#wi-compare");
      expect(await page.textContent("#wi-status")).toBe('EligibleInventory: "lots" is not a number. Nothing was recomputed.');
      expect(await overflows(page)).toBe(false);
      await expectNoAxeViolations(pane, "What-if, edited");
    });
  });

  it("shows the Threshold early warning for 5 and 3 Business Days and the next three calendar entries; Add to calendar downloads the .ics [1.1(aa), 9.1.1(o), 10.1.10(l)]", async () => {
    const base = reviewWorkbook(await snapshotFromXlsx(buffer));
    await withPane({ width: 350, acceptDownloads: true }, async (pane) => {
      const { page } = pane;
      await loadFile(pane, "scenarios-model.xlsx", buffer);
      expect(await page.$$eval(".threshold-card li", (l) => l.map((x) => x.textContent))).toEqual(base.thresholdWarnings.map((w) => `${w.daysRequired} Business Days: ${warningSentence(w)}`));
      expect(base.thresholdWarnings.map((w) => w.daysRequired)).toEqual([5, 3]);
      const asOf = base.inputs.asOfDate.value as number;
      const next = base.calendar.filter((e) => e.date >= asOf).slice(0, 3);
      expect(next.length).toBeGreaterThan(0);
      expect(await page.$$eval(".calendar-next li", (l) => l.map((x) => x.textContent))).toEqual(next.map(calendarLine));
      const [ics] = await Promise.all([page.waitForEvent("download"), page.click("#add-to-calendar")]);
      expect(ics.suggestedFilename()).toBe("scenarios-model-calendar.ics");
      const parsed = new ICAL.Component(ICAL.parse(fs.readFileSync(await ics.path(), "utf8")));
      const events = parsed.getAllSubcomponents("vevent");
      expect(events).toHaveLength(base.calendar.length);
      expect(events.map((e) => String(e.getFirstPropertyValue("dtstart")))).toEqual(base.calendar.map((e) => new Date(Date.UTC(1899, 11, 30) + e.date * 86400000).toISOString().slice(0, 10)));
      await expectNoAxeViolations(pane, "summary with the early warning and the calendar");
    });
  });
});

describe("What-if in Excel", () => {
  it("Save as scenario asks before replacing a row of the same name, then writes it through office.js [Scenarios table]", async () => {
    const snapshot = await snapshotFromXlsx(buffer);
    await withPane({ width: 350, excel: snapshot }, async (pane) => {
      const { page } = pane;
      await page.click("#validate");
      await page.waitForSelector(".summary");
      expect(await page.textContent("#wi-save")).toBe("Save as scenario");
      // The stand-in's Scenarios table for the write: records what the pane writes.
      await page.evaluate(() => {
        const w = window as unknown as { __writes: unknown[]; Excel: { run: (b: (c: unknown) => Promise<unknown>) => Promise<unknown> } };
        w.__writes = [];
        const range = {
          values: [["Scenario", "EligibleInventory", "NetRecoveryPercentage"], ["Inventory at 100m", 100000000, ""], ["Before the appraisal", "", "blank"]],
          rowIndex: 0,
          load() {
            return range;
          },
          getRow: (i: number) => ({ set values(v: unknown) { w.__writes.push(["row", i, v]); } }),
        };
        const context = { workbook: { tables: { getItem: () => ({ getRange: () => range, rows: { add: (_i: unknown, v: unknown) => w.__writes.push(["add", v]) } }) } }, sync: () => (w.__writes.push("sync"), Promise.resolve()) };
        w.Excel.run = (batch) => batch(context);
      });
      await page.selectOption("#wi-pick", "Inventory at 100m");
      await page.fill("#wi-in-EligibleInventory", "90,000,000");
      await page.click("#wi-save");
      await page.waitForSelector("#wi-replace");
      expect(await page.textContent("#wi-confirm p")).toBe('The Scenarios table has a scenario "Inventory at 100m" in row 2. Replace it?');
      await expectNoAxeViolations(pane, "Excel, asking before replacing");
      await page.keyboard.press("Enter"); // the Replace button has the focus
      await page.waitForFunction(() => document.getElementById("wi-status")?.textContent?.startsWith("Replaced"));
      expect(await page.evaluate(() => (window as unknown as { __writes: unknown[] }).__writes)).toEqual(["sync", ["row", 1, [["Inventory at 100m", 90000000, ""]]], "sync"]);
      await page.fill("#wi-name", "New one");
      await page.click("#wi-save");
      await page.waitForFunction(() => document.getElementById("wi-status")?.textContent?.startsWith("Added"));
      expect(await page.evaluate(() => (window as unknown as { __writes: unknown[] }).__writes.slice(3))).toEqual(["sync", ["add", [["New one", 90000000, ""]]], "sync"]);
      expect(await overflows(page)).toBe(false);
      await expectNoAxeViolations(pane, "Excel, saved");
    });
  });
});
