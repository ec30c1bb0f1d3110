/**
 * The CLI's Readings section and `--json` readings, and the words the pane shares
 * (src/view/readings.ts), on the example model: R-PPE-C-VALCO FIXED would lower the PPE
 * Subcomponent Reductions by $7,000,000 (no VALCOCLOSING row; only 50% of the $2,000,000 of VALCO
 * Proceeds above $7,000,000 reduces) [1.1(t)(c)(2)].
 */
import { review } from "../../src/review/review";
import { readingsText } from "../../src/cli/readingsReport";
import { jsonReport } from "../../src/cli/report";
import { NO_EFFECT_HERE, readingsJson, readingViews } from "../../src/view/readings";
import { model } from "../support/snapshots";

const r = review(model());

describe("the Readings section of the text report [README Readings, 1.1(t)(c)(2)]", () => {
  const text = readingsText(r);

  it("starts with the reading of largest effect on the Borrowing Base, R-PPE-C-VALCO, and its change", () => {
    expect(text[1]).toBe("  R-PPE-C-VALCO [1.1(t)(c)(2)]: CASH");
    expect(text).toContain("      Borrowing Base (a)+(b)+(c): $220,160,000 -> $227,160,000 (+$7,000,000)");
  });

  it('says "no effect here" for a reading that changes nothing in this workbook [1.1(e)]', () => {
    const i = text.indexOf("  R-AVAILABILITY [1.1(e)]: SIGNED");
    expect(i).toBeGreaterThan(0);
    expect(text[i + 1]).toBe(`    FLOOR: ${NO_EFFECT_HERE}`);
  });
});

describe("--json readings [README Readings]", () => {
  it("is readings: [{ id, chosen, alternatives: [{ name, effects: [{ figure, base, alternative, change }] }] }], figure a key of figures", () => {
    const doc = JSON.parse(jsonReport(r, { file: "x.xlsx", version: "0" })) as { readings: { id: string; chosen: string; alternatives: { name: string; effects: { figure: string }[] }[] }[]; figures: { key: string }[] };
    expect(doc.readings).toEqual(readingsJson(r));
    const valco = doc.readings[0];
    expect(valco).toMatchObject({ id: "R-PPE-C-VALCO", chosen: "CASH" });
    expect(valco.alternatives[0].effects).toContainEqual({ figure: "ppeReductions", base: 30000000, alternative: 23000000, change: -7000000 });
    const keys = new Set(doc.figures.map((f) => f.key));
    for (const reading of doc.readings) for (const a of reading.alternatives) for (const e of a.effects) expect(keys.has(e.figure)).toBe(true);
  });
});

describe("the shared view of the readings [README Readings]", () => {
  it("marks a choice that is not the default and formats the changes", () => {
    const views = readingViews({ ...r, readings: r.readings.map((x) => (x.id === "R-TE-RECUR" ? { ...x, chosen: "RUN", isDefault: false } : x)) });
    expect(views.find((v) => v.id === "R-TE-RECUR")?.chosen).toBe("RUN (not the default)");
    expect(views[0].alternatives[0].effects.find((e) => e.figure.startsWith("PPE Subcomponent Reductions"))?.change).toBe("-$7,000,000");
  });
});
