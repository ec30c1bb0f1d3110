/**
 * Reading R-PPE-SIXTH in a workbook: clause (a) of 1.1(t) counts "Asset Dispositions effected after
 * the effective date of the Sixth Amendment" (dated as of August 1, 2003), so a DISPOSITION in
 * PPEEvents dated on that very day reduces nothing, and the README's reading says "on or before".
 */
import * as fs from "fs";
import * as path from "path";
import { dec } from "../../src/engine/decimal";
import { serial } from "../../src/engine/dates";
import { termDate } from "../../src/engine/terms";
import { figureOf, review, validate } from "../../src/review/review";
import { model, setTableCell, tableValues } from "../support/snapshots";

/** The model with its DISPOSITION (1,250,000, 2004-07-15) dated `date` instead; returns the row's cell. */
function withDispositionOn(date: number) {
  const s = model();
  const row = tableValues(s, "PPEEvents", "Kind").indexOf("DISPOSITION");
  const cell = setTableCell(s, "PPEEvents", "Date", row, { value: date });
  return { s, cell };
}

describe("a DISPOSITION dated on the Sixth Amendment's effective date (Reading R-PPE-SIXTH) [1.1(t)(a)]", () => {
  const sixth = serial(2003, 8, 1);

  it("takes the Sixth Amendment's date from the terms table: 2003-08-01 [1.1(t)(a)]", () => {
    expect(termDate("sixthAmendmentEffectiveDate")).toBe(sixth);
  });

  it("reduces nothing on 2003-08-01 itself, which is not after it: the PPE Subcomponent stays at 45,000,000 until 2004-09-08 [1.1(t)(a)]", () => {
    const { s, cell } = withDispositionOn(sixth);
    const r = review(s);
    const lines = r.ppeSchedule.lines;
    expect(lines[0]).toMatchObject({ date: sixth, kind: "DISPOSITION", reduction: dec(0), note: "(a) nothing: 1.1(t)(a) counts dispositions after the effective date of the Sixth Amendment" });
    expect([lines[0].cumulative.toString(), lines[0].ppeSubcomponent.toString()]).toEqual(["0", "45000000"]);
    // Without the 1,250,000 of (a), the (b) reduction of 2004-10-25 takes 2,750,000 (to the $25,000,000
    // floor: 27,750,000 − 25,000,000) instead of 1,500,000; the reductions still end at 30,000,000.
    expect(lines.find((l) => l.kind === "THRESHOLDEVENT" && l.date === serial(2004, 10, 25))?.reduction.toString()).toBe("2750000");
    expect(figureOf(r, "ppeReductions")?.value).toBe(30000000);
    const warned = validate(s).filter((f) => f.ruleId === "disposition-before-sixth-amendment");
    expect(warned.map((f) => [f.severity, f.cell, f.section])).toEqual([["warning", cell, "1.1(t)(a)"]]);
    expect(warned[0].message).toContain("is 2003-08-01, on or before 2003-08-01");
  });

  it("counts in full on 2003-08-02, the day after, with no warning [1.1(t)(a)]", () => {
    const { s } = withDispositionOn(serial(2003, 8, 2));
    const r = review(s);
    expect(r.ppeSchedule.lines.find((l) => l.kind === "DISPOSITION")?.reduction.toString()).toBe("1250000");
    expect(r.ppeSchedule.lines.find((l) => l.kind === "THRESHOLDEVENT" && l.date === serial(2004, 10, 25))?.reduction.toString()).toBe("1500000");
    expect(validate(s).filter((f) => f.ruleId === "disposition-before-sixth-amendment")).toEqual([]);
  });

  it("is what the README's reading says: a DISPOSITION dated on or before 2003-08-01 reduces nothing [README Readings]", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const start = readme.indexOf("- **R-PPE-SIXTH**");
    const reading = readme.slice(start, readme.indexOf("\n- **", start + 1)).replace(/\s+/g, " ");
    expect(start).toBeGreaterThan(0);
    expect(reading).toContain("a DISPOSITION dated on or before 2003-08-01 reduces nothing");
    expect(reading).toContain("The day itself is not after it.");
  });
});
