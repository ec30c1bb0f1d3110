/**
 * The workbook's Readings table and what each switchable reading changes in the example model
 * (src/review/readings.ts), worked by hand from the amendment. The example model: PPE base
 * $45,000,000; Gramercy/KJBC Proceeds $23,000,000 on 2004-10-01 (KBC Allocable Amount $4,500,000);
 * VALCO Proceeds $9,000,000 on 2004-11-15; no closing rows; Dispositions GRAMERCY 2004-10-01
 * $1,550,000 and VALCO 2004-11-15 $3,000,000.
 */
import { dec, ZERO } from "../../src/engine/decimal";
import { serial } from "../../src/engine/dates";
import { snapshotFromTemplate } from "../../src/review/template";
import { review, reviewInputs } from "../../src/review/review";
import { readingFindings } from "../../src/review/readings";
import type { ReadingReport } from "../../src/review/readings";
import type { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../src/review/snapshot";
import { sheetFromGrid } from "../../src/review/snapshot";
import { model, removeTable } from "../support/snapshots";

/** The model with a Readings table on its own sheet: a header row and the rows given. */
function withReadings(rows: readonly (readonly CellValue[])[]): WorkbookSnapshot {
  const s = model();
  removeTable(s, "Readings");
  const values: CellValue[][] = [["Reading", "Choice"], ...rows.map((r) => [...r])];
  const sheet: SheetSnapshot = sheetFromGrid("Readings", { row: 0, col: 0 }, values);
  (s.sheets as SheetSnapshot[]).push(sheet);
  (s.tables as TableSnapshot[]).push({ name: "Readings", sheet: "Readings", address: `A1:B${values.length}`, showHeaders: true });
  return s;
}

const report = (reports: readonly ReadingReport[], id: string): ReadingReport => {
  const found = reports.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no report for ${id}`);
  return found;
};

describe("what each reading changes in the example model [1.1(t)(c), 9.2.4, README Readings]", () => {
  const r = review(model());

  it("every switchable reading is reported at its default, each with its other choices", () => {
    expect(r.readings.length).toBeGreaterThanOrEqual(12);
    expect(r.readings.every((x) => x.isDefault)).toBe(true);
    expect(r.summary.readings).toEqual([]);
  });

  it("R-PPE-C-VALCO FIXED without a VALCOCLOSING row: of $9,000,000 only 50% of the $2,000,000 above $7,000,000 reduces, so the reductions fall $7,000,000 and the Borrowing Base rises $7,000,000 [1.1(t)(c)(2)]", () => {
    const fixed = report(r.readings, "R-PPE-C-VALCO").alternatives[0];
    expect(fixed.name).toBe("FIXED");
    expect(fixed.effects).toEqual(
      expect.arrayContaining([
        { figure: "ppeReductions", base: 30000000, alternative: 23000000, change: -7000000 },
        { figure: "borrowingBase", base: 220160000, alternative: 227160000, change: 7000000 },
      ]),
    );
  });

  it("R-PPE-C-GRAMERCY FIXED without a closing: $7,750,000 (50% of $23,000,000 − $4,500,000 − $3,000,000) on 2004-10-01 leaves room for a whole $5,000,000 on 2004-10-25: reductions $29,000,000 [1.1(t)(c)(1), 1.1(t)(b)]", () => {
    const fixed = report(r.readings, "R-PPE-C-GRAMERCY").alternatives[0];
    expect(fixed.effects).toEqual(expect.arrayContaining([{ figure: "ppeReductions", base: 30000000, alternative: 29000000, change: -1000000 }]));
  });

  it("the readings are sorted by their effect on the Borrowing Base: VALCO ($7,000,000), then Gramercy ($1,000,000)", () => {
    expect(r.readings.slice(0, 2).map((x) => x.id)).toEqual(["R-PPE-C-VALCO", "R-PPE-C-GRAMERCY"]);
  });

  it("R-EBITDA-DAYS-REMAINING INCLUSIVE: the 2004-10-01 disposition takes all 31 days of the first period: floor −$24,050,000 instead of −$24,000,000 [9.2.4]", () => {
    const inclusive = report(r.readings, "R-EBITDA-DAYS-REMAINING").alternatives[0];
    expect(inclusive.effects).toEqual(expect.arrayContaining([{ figure: "ebitdaFloor:2004-10-31", base: -24000000, alternative: -24050000, change: -50000 }]));
  });

  it("R-AVAILABILITY FLOOR has no effect here (Availability is positive) and R-COMMITMENTFEE-BASIS governs no input of the model [1.1(e), 1.3]", () => {
    expect(report(r.readings, "R-AVAILABILITY").alternatives[0].effects).toEqual([]);
    const fee = report(r.readings, "R-COMMITMENTFEE-BASIS");
    expect(fee.alternatives[0].effects).toEqual([]);
    expect(fee.note).toBeDefined();
  });
});

describe("the workbook chooses readings in its Readings table [README Readings]", () => {
  it("R-PPE-C-VALCO=FIXED applies: reductions $23,000,000; the summary and an info finding say it is not the default", () => {
    const r = review(withReadings([["R-PPE-C-VALCO", "fixed"]]));
    expect(r.figures.find((f) => f.key === "ppeReductions")?.value).toBe(23000000);
    expect(r.summary.readings).toEqual(["R-PPE-C-VALCO=FIXED"]);
    expect(r.findings.filter((f) => f.ruleId === "reading-not-default").map((f) => f.cell)).toEqual(["Readings!B2"]);
    const valco = report(r.readings, "R-PPE-C-VALCO");
    expect(valco).toMatchObject({ chosen: "FIXED", isDefault: false });
    expect(valco.alternatives.map((a) => a.name)).toEqual(["CASH"]);
    expect(valco.alternatives[0].effects).toEqual(expect.arrayContaining([{ figure: "ppeReductions", base: 23000000, alternative: 30000000, change: 7000000 }]));
  });

  it("a scenario of the same inputs keeps the workbook's readings", () => {
    const r = review(withReadings([["R-PPE-C-VALCO", "FIXED"]]), { readingEffects: false });
    expect(r.readings).toEqual([]);
    expect(reviewInputs(r.inputs, {}).figures.find((f) => f.key === "ppeReductions")?.value).toBe(23000000);
  });

  it("a VALCOCLOSING row on 2004-11-01 under FIXED restores the $7,000,000: reductions back to $30,000,000 [1.1(t)(c)(2)]", () => {
    const s = withReadings([["R-PPE-C-VALCO", "FIXED"]]);
    const calc = reviewInputs(review(s, { readingEffects: false }).inputs, {});
    const events = calc.inputs.ppeEvents.rows ?? [];
    const withClosing = { ...calc.inputs, ppeEvents: { ...calc.inputs.ppeEvents, rows: [...events, { date: 38292, kind: "VALCOCLOSING" as const, amount: ZERO }] } };
    expect(reviewInputs(withClosing, {}).figures.find((f) => f.key === "ppeReductions")?.value).toBe(30000000);
  });

  it("an unknown choice is an error naming its cell; an unknown reading is unknown-kind naming its cell; the defaults apply", () => {
    const r = review(withReadings([["R-TE-RECUR", "FIXED"], ["R-NOPE", "RUN"]]));
    expect(r.findings.filter((f) => f.ruleId === "reading-choice").map((f) => [f.severity, f.cell])).toEqual([["error", "Readings!B2"]]);
    expect(r.findings.find((f) => f.ruleId === "reading-choice")?.message).toContain('R-TE-RECUR has no choice "FIXED"; its choices are RESTART, RUN');
    expect(r.findings.filter((f) => f.ruleId === "unknown-kind").map((f) => f.cell)).toEqual(["Readings!A3"]);
    expect(r.summary.readings).toEqual([]);
    expect(r.summary.ready).toBe(false);
  });

  it("a reading chosen twice is an error on the second row; a Choice typed as the number 365 is read as 365", () => {
    const r = review(withReadings([["R-COMMITMENTFEE-BASIS", 365], ["R-COMMITMENTFEE-BASIS", "360"]]));
    expect(r.findings.filter((f) => f.ruleId === "reading-choice").map((f) => f.cell)).toEqual(["Readings!A3"]);
    expect(r.findings.filter((f) => f.ruleId === "unknown-kind")).toEqual([]);
    expect(r.summary.readings).toEqual(["R-COMMITMENTFEE-BASIS=365"]);
  });

  it("options.readings apply over the workbook's table (a reviewer's what-if)", () => {
    const r = review(withReadings([["R-PPE-C-VALCO", "FIXED"]]), { readings: { "R-PPE-C-VALCO": "CASH" }, readingEffects: false });
    expect(r.figures.find((f) => f.key === "ppeReductions")?.value).toBe(30000000);
  });
});

describe("the Threshold early warning follows the readings the review applies [1.1(aa), README Readings]", () => {
  // Above the Threshold every Business Day from 2004-09-01 to 09-10 (09-06 is Labor Day): a Threshold
  // Event on 09-08; under RESTART the count starts again and the next event would be 09-15.
  const base = review(snapshotFromTemplate(), { readingEffects: false }).inputs;
  const days = [1, 2, 3, 7, 8, 9, 10].map((day) => ({ date: serial(2004, 9, day), outstandings: dec("1000000000000") }));
  const inputs = { ...base, dailyOutstandings: { ...base.dailyOutstandings, rows: days }, asOfDate: { ...base.asOfDate, value: serial(2004, 9, 10) } };
  const nextOf = (calc: ReturnType<typeof reviewInputs>): (number | null)[] => calc.thresholdWarnings.map((w) => w.status?.next?.date ?? null);

  it("defaults: the next five-day event 2004-09-15; the next three-day event 09-14 (events 09-03 and 09-09, then 09-10, 13, 14) [1.1(aa)]", () => {
    expect(nextOf(reviewInputs(inputs, {}))).toEqual([serial(2004, 9, 15), serial(2004, 9, 14)]);
  });

  it("R-TE-RECUR=RUN in the workbook's Readings table: the unbroken run is one event, so no next event while it lasts [1.1(aa)]", () => {
    const chosen = { ...inputs, readings: { rows: [], chosen: { "R-TE-RECUR": "RUN" as const } } };
    expect(nextOf(reviewInputs(chosen, {}))).toEqual([null, null]);
    expect(nextOf(reviewInputs(inputs, {}, { readings: { "R-TE-RECUR": "RUN" } }))).toEqual([null, null]);
  });
});

describe("a FIXED reading of clause (c) without its closing row is a warning [1.1(t)(c), README Readings]", () => {
  // The example model has VALCO proceeds on 2004-11-15 and GRAMERCY proceeds on 2004-10-01, and no closing rows.
  it("R-PPE-C-VALCO=FIXED with VALCO proceeds and no VALCOCLOSING: a warning at the Choice cell naming the $7,000,000 [1.1(t)(c)(2)]", () => {
    const found = review(withReadings([["R-PPE-C-VALCO", "FIXED"]]), { readingEffects: false }).findings.filter((f) => f.ruleId === "reading-without-closing");
    expect(found.map((f) => [f.severity, f.cell, f.section])).toEqual([["warning", "Readings!B2", "1.1(t)(c)(2)"]]);
    expect(found[0].message).toContain("R-PPE-C-VALCO=FIXED applies $7,000,000 from the VALCOCLOSING row, but PPEEvents has VALCO proceeds and no such row");
  });

  it("R-PPE-C-GRAMERCY=FIXED names the greater of the KBC Allocable Amount and $3,000,000; CASH warns of nothing [1.1(t)(c)(1)]", () => {
    const gramercy = review(withReadings([["R-PPE-C-GRAMERCY", "FIXED"], ["R-PPE-C-VALCO", "CASH"]]), { readingEffects: false }).findings.filter((f) => f.ruleId === "reading-without-closing");
    expect(gramercy.map((f) => f.cell)).toEqual(["Readings!B2"]);
    expect(gramercy[0].message).toContain("the greater of the KBC Allocable Amount and $3,000,000 from the GRAMERCYCLOSING or KBCPLAN row");
  });

  it("a closing row, or no proceeds of that interest, warns of nothing [1.1(t)(c)]", () => {
    const readings = { rows: [{ id: "R-PPE-C-VALCO", choice: "FIXED", cell: "Readings!A2", choiceCell: "Readings!B2", row: 1 }], chosen: { "R-PPE-C-VALCO": "FIXED" as const } };
    const valco = { date: serial(2004, 11, 15), kind: "VALCO" as const, amount: dec(9000000) };
    const closing = { date: serial(2004, 11, 1), kind: "VALCOCLOSING" as const, amount: ZERO };
    expect(readingFindings(readings, [valco]).map((f) => f.ruleId)).toEqual(["reading-not-default", "reading-without-closing"]);
    expect(readingFindings(readings, [valco, closing]).map((f) => f.ruleId)).toEqual(["reading-not-default"]);
    expect(readingFindings(readings, []).map((f) => f.ruleId)).toEqual(["reading-not-default"]);
  });
});
