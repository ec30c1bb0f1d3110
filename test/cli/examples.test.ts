/**
 * The sample workbooks of examples/: regenerated from the model template they must equal the
 * committed files byte for byte (run `npm run examples` after changing the template); the clean
 * model validates clean and caches the engine's figures; the broken model holds one bad case per
 * rule, each commented with the rule it breaks.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { RULES } from "../../src/review/checks";
import { validate } from "../../src/review/review";
import { parseRange, WorkbookSnapshot, cellAt } from "../../src/review/snapshot";
import { MODEL_TEMPLATE, snapshotFromTemplate } from "../../src/review/template";
import { snapshotFromXlsx } from "../../src/workbook/xlsxSnapshot";
import { parseScenarios } from "../../src/cli/scenarios";
import { brokenModel, generateExamples, withBrokenModelTable } from "../../scripts/examples";

const DIR = path.resolve(__dirname, "../../examples");
const read = (name: string): Buffer => fs.readFileSync(path.join(DIR, name));

let generated: Map<string, Buffer>;

beforeAll(async () => {
  generated = new Map((await generateExamples()).map((f) => [f.name, f.data]));
});

describe("the committed files", () => {
  it.each(["amendment-model.xlsx", "broken-model.xlsx", "scenarios.csv"])("examples/%s is what `npm run examples` writes today [CLI]", (name) => {
    const fresh = generated.get(name);
    expect(fresh).toBeDefined();
    // On a difference, run `npm run examples` and commit the result.
    expect(read(name).equals(fresh as Buffer)).toBe(true);
  });

  it("marks every spilled formula as a dynamic array, as Excel 365 writes one [CLI]", async () => {
    const zip = await JSZip.loadAsync(read("amendment-model.xlsx"));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")?.async("string");
    expect(await zip.file("xl/metadata.xml")?.async("string")).toContain('fDynamic="1"');
    const anchors = [...(sheet ?? "").matchAll(/<c r="([A-Z]+\d+)"[^>]*cm="1"[^>]*><f t="array" ref="([A-Z0-9:]+)"/g)].map((m) => m[1]);
    const spilling = MODEL_TEMPLATE.cells.filter((c) => c.spill !== undefined).map((c) => c.address);
    expect(anchors.sort()).toEqual([...spilling].sort());
  });
});

describe("the clean model", () => {
  let snapshot: WorkbookSnapshot;

  beforeAll(async () => {
    snapshot = await snapshotFromXlsx(read("amendment-model.xlsx"));
  });

  it("validates with no finding at all [layout]", () => {
    expect(validate(snapshot)).toEqual([]);
  });

  it("caches in each formula cell, spills included, the figure the engine computes [1.1(f)]", () => {
    const expected = snapshotFromTemplate();
    const sheet = snapshot.sheets[0];
    const engine = expected.sheets[0];
    const formulas = MODEL_TEMPLATE.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(10);
    for (const c of formulas) {
      const at = parseRange(c.address);
      if (at === undefined) throw new Error(c.address);
      // Each formula's whole result: the anchor and the cells it spills into, as far as the engine's snapshot fills them.
      for (let r = at.start.row; cellAt(engine, r, at.start.col).value !== null || r === at.start.row; r++) {
        for (let col = at.start.col; col === at.start.col || cellAt(engine, at.start.row, col).value !== null; col++) {
          const want = cellAt(engine, r, col).value;
          expect({ cell: `${c.address}+${r - at.start.row},${col - at.start.col}`, value: cellAt(sheet, r, col).value }).toEqual({ cell: `${c.address}+${r - at.start.row},${col - at.start.col}`, value: want });
        }
        if (c.spill === undefined) break;
      }
    }
  });
});

describe("the broken model", () => {
  const broken = brokenModel();
  let snapshot: WorkbookSnapshot;
  let notes: Map<string, string>;

  beforeAll(async () => {
    const data = read("broken-model.xlsx");
    snapshot = await snapshotFromXlsx(data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    notes = new Map();
    wb.worksheets[0].eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const note = cell.note as string | { texts?: { text: string }[] } | undefined;
        if (note !== undefined) notes.set(cell.address, typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join(""));
      }),
    );
  });

  it("has a bad case for every rule of the checks [layout]", () => {
    expect(broken.cases.map((c) => c.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(broken.cases.map((c) => [c.rule, c.cell]))("comments the cell of the %s case, %s, with the rule it breaks [layout]", (rule, cell) => {
    expect(notes.get(cell)).toContain(`Breaks rule ${rule}:`);
  });

  it("fires every rule, each at the commented cell or the range or workbook that holds it [layout]", () => {
    const findings = validate(snapshot);
    for (const c of broken.cases) {
      const mine = findings.filter((f) => f.ruleId === c.rule);
      expect({ rule: c.rule, fired: mine.length > 0 }).toEqual({ rule: c.rule, fired: true });
      const located = mine.some((f) => f.cell === "" || covers(f.cell, c.cell));
      expect({ rule: c.rule, cell: c.cell, located }).toEqual({ rule: c.rule, cell: c.cell, located: true });
    }
  });

  it("finds the Threshold Event entered a day late although DailyOutstandings is out of order, reading the days in date order [1.1(t)(b)]", () => {
    const findings = validate(snapshot);
    expect(findings.filter((f) => f.ruleId === "dates-out-of-order")).toHaveLength(1);
    expect(findings.filter((f) => f.ruleId === "threshold-event-not-in-ppe-events").map((f) => f.message)).toEqual([
      expect.stringContaining("read in date order, gives a Threshold Event on 2004-10-25, but PPEEvents has no THRESHOLDEVENT"),
      expect.stringContaining("PPEEvents has a THRESHOLDEVENT on 2004-10-26"),
    ]);
  });
});

describe("edge cases", () => {
  it("the README's table of the broken model's cases is current (npm run examples rewrites it) [CLI]", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    expect(withBrokenModelTable(readme)).toBe(readme);
  });

  it("the scenarios file names only the contract's inputs [CLI]", () => {
    const scenarios = parseScenarios(read("scenarios.csv").toString("utf8"));
    expect(scenarios.map((s) => s.name)).toContain("As modelled");
    expect(scenarios.every((s) => s.overrides.length <= 1)).toBe(true);
  });
});

/** True when a finding's cell ("'Amendment Model'!I4:J88") is or contains the A1 cell ("I80") of the model sheet. */
function covers(findingCell: string, address: string): boolean {
  const bang = findingCell.lastIndexOf("!");
  const range = parseRange(findingCell.slice(bang + 1));
  const target = parseRange(address);
  if (range === undefined || target === undefined) return false;
  const { row, col } = target.start;
  return row >= range.start.row && row <= range.end.row && col >= range.start.col && col <= range.end.col;
}
