import * as fs from "fs";
import * as path from "path";
import { validate } from "../../src/review/review";
import { serial } from "../../src/engine/dates";
import { NAMED_CELLS, OUTPUTS, TABLES } from "../../src/review/layout";
import { readModelInputs } from "../../src/review/recalc";
import { parseRange } from "../../src/review/snapshot";
import { EXAMPLE, MODEL_TEMPLATE, snapshotFromTemplate } from "../../src/review/template";
import { term } from "../../src/engine/terms";
import { grid } from "../support/snapshots";

/** Every custom function of src/functions: Excel id → number of parameters. */
function customFunctions(): Map<string, number> {
  const dir = path.join(__dirname, "..", "..", "src", "functions");
  const found = new Map<string, number>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    const re = /@customfunction(?:[ \t]+([A-Z0-9.]+))?[\s\S]*?\*\/\s*export function (\w+)\(([^)]*)\)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const params = m[3].trim() === "" ? 0 : m[3].split(",").length;
      found.set((m[1] ?? m[2]).toUpperCase(), params);
    }
  }
  return found;
}

/** The KAISER calls of a formula with their argument counts (top-level commas of each call). */
function kaiserCalls(formula: string): { name: string; args: number }[] {
  const calls: { name: string; args: number }[] = [];
  const re = /KAISER\.([A-Z0-9]+)\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(formula)) !== null) {
    let depth = 0;
    let args = 1;
    let i = m.index + m[0].length;
    if (formula[i] === ")") args = 0;
    for (; i < formula.length; i++) {
      const ch = formula[i];
      if (ch === "(") depth++;
      else if (ch === ")") {
        if (depth === 0) break;
        depth--;
      } else if (ch === "," && depth === 0) args++;
    }
    calls.push({ name: m[1], args });
  }
  return calls;
}

const cellsAt = new Map(MODEL_TEMPLATE.cells.map((c) => [c.address, c]));

describe("the ready model holds the layout contract", () => {
  it("defines every named cell and optional output of the contract on one cell of its sheet [layout]", () => {
    for (const e of [...NAMED_CELLS, ...OUTPUTS]) {
      const address = MODEL_TEMPLATE.names[e.name];
      expect(address).toMatch(/^[A-Z]+\d+$/);
      const cell = cellsAt.get(address);
      expect(cell?.role).toBe(e.kind === "output" ? "output" : "input");
    }
  });

  it("holds every table of the contract with the required headers, as written in the contract [layout]", () => {
    for (const t of TABLES) {
      const table = MODEL_TEMPLATE.tables.find((x) => x.name === t.table.name);
      expect(table).toBeDefined();
      for (const c of t.columns.filter((x) => x.required)) expect(table?.headers).toContain(c.column);
      for (const row of table?.rows ?? []) expect(row).toHaveLength(table?.headers.length ?? 0);
      expect(table?.numberFormats).toHaveLength(table?.headers.length ?? 0);
    }
  });

  it("sets the Revolving Commitment Amount from the terms table [1.2]", () => {
    expect(cellsAt.get(MODEL_TEMPLATE.names.RevolvingCommitmentAmount)?.value).toBe(term("revolvingCommitmentAmount").toNumber());
  });

  it("runs DailyOutstandings over every Business Day from 2004-09-01 to the as-of date [1.1(aa)]", () => {
    const daily = MODEL_TEMPLATE.tables.find((t) => t.name === "DailyOutstandings");
    expect(daily?.rows[0][0]).toBe(serial(2004, 9, 1));
    expect(daily?.rows[daily.rows.length - 1][0]).toBe(EXAMPLE.asOfDate);
    expect(EXAMPLE.asOfDate).toBe(serial(2004, 12, 31));
  });
});

describe("the formulas call the KAISER functions as they are declared", () => {
  const functions = customFunctions();
  const formulas = MODEL_TEMPLATE.cells.filter((c) => c.formula !== undefined);

  it("calls at least the functions the task pane shows beside the workbook's figures [layout]", () => {
    const called = new Set(formulas.flatMap((c) => kaiserCalls(c.formula as string).map((k) => k.name)));
    for (const name of ["BORROWINGBASE", "INVENTORYCOMPONENT", "PPESUBCOMPONENT", "THRESHOLD", "AVAILABILITY", "AVAILABILITYRESERVE", "THRESHOLDEVENT", "PPEREDUCTIONS", "PPESCHEDULE", "EBITDAFLOOR", "EBITDATEST", "ANEEXCLUSIONS", "AMENDMENTFEE"]) {
      expect(called).toContain(name);
    }
  });

  it.each(formulas.map((c) => [c.address, c.formula as string]))("%s: %s names an existing function with no more arguments than it takes [layout]", (_address, formula) => {
    for (const call of kaiserCalls(formula)) {
      expect(functions.has(call.name)).toBe(true);
      expect(call.args).toBeLessThanOrEqual(functions.get(call.name) as number);
    }
  });

  it("refers only to names and tables the model defines [layout]", () => {
    const defined = new Set([...Object.keys(MODEL_TEMPLATE.names), ...MODEL_TEMPLATE.tables.map((t) => t.name)]);
    for (const c of formulas) {
      const identifiers = (c.formula as string)
        .replace(/KAISER\.[A-Z0-9]+|SUM|\[[^\]]*\]/g, "")
        .match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
      for (const id of identifiers) if (!/^[A-Z]{1,3}\d+$/.test(id)) expect(defined).toContain(id);
    }
  });
});

describe("the layout of the sheet", () => {
  /** Every cell a template cell, a table or a spill occupies, by "row,col". */
  function occupied(): Map<string, string> {
    const taken = new Map<string, string>();
    const take = (row: number, col: number, what: string) => {
      const key = `${row},${col}`;
      if (taken.has(key)) throw new Error(`${what} overlaps ${taken.get(key)} at row ${row + 1}, column ${col + 1}`);
      taken.set(key, what);
    };
    for (const t of MODEL_TEMPLATE.tables) {
      const r = parseRange(t.address);
      if (r === undefined) throw new Error(t.address);
      for (let row = r.start.row; row <= r.end.row; row++) for (let col = r.start.col; col <= r.end.col; col++) take(row, col, t.name);
    }
    const snapshot = snapshotFromTemplate();
    const sheet = grid(snapshot.sheets[0]);
    for (const c of MODEL_TEMPLATE.cells) {
      const r = parseRange(c.address);
      if (r === undefined) throw new Error(c.address);
      // Format-only cells format spill areas; they hold nothing of their own.
      if (c.value === null && c.formula === undefined) continue;
      take(r.start.row, r.start.col, c.address);
      if (c.spill === undefined) continue;
      // The spill's extent is what the snapshot shows below and beside the formula.
      const width = c.spill === "ppeSchedule" ? 7 : 1;
      let height = 1;
      while (sheet.values[r.start.row + height]?.[r.start.col] !== null && sheet.values[r.start.row + height]?.[r.start.col] !== undefined && !cellsAt.has(`${String.fromCharCode(65 + r.start.col)}${r.start.row + height + 1}`)) height++;
      for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) if (i > 0 || j > 0) take(r.start.row + i, r.start.col + j, `${c.address} spill`);
    }
    return taken;
  }

  it("places tables, cells and spilled results without overlap [layout]", () => {
    expect(() => occupied()).not.toThrow();
  });

  it("formats the cells the results spill into [1.1(t), 9.2.4]", () => {
    const sheet = grid(snapshotFromTemplate().sheets[0]);
    const floor = parseRange(MODEL_TEMPLATE.cells.find((c) => c.spill === "ebitdaFloor")?.address ?? "");
    const schedule = parseRange(MODEL_TEMPLATE.cells.find((c) => c.spill === "ppeSchedule")?.address ?? "");
    expect(sheet.numberFormats[(floor?.start.row ?? 0) + 2][1]).toBe("$#,##0.00;-$#,##0.00");
    expect(sheet.values[(floor?.start.row ?? 0) + 2][1]).toEqual(expect.any(Number));
    expect(sheet.numberFormats[(schedule?.start.row ?? 0) + 1][0]).toBe("yyyy-mm-dd");
    expect(sheet.numberFormats[(schedule?.start.row ?? 0) + 1][3]).toBe("$#,##0.00;-$#,##0.00");
  });

  it("spills the PPE schedule (header and one row per event) and the three EBITDA periods [1.1(t), 9.2.4]", () => {
    const sheet = grid(snapshotFromTemplate().sheets[0]);
    const anchor = MODEL_TEMPLATE.cells.find((c) => c.spill === "ppeSchedule");
    const r = parseRange(anchor?.address ?? "");
    expect(sheet.values[r?.start.row ?? 0].slice(0, 7)).toEqual(["Date", "Kind", "Clause", "Reduction", "Cumulative reductions", "PPE Subcomponent after", "Note"]);
    const last = sheet.values[(r?.start.row ?? 0) + 7];
    expect(last.slice(0, 6)).toEqual([serial(2004, 12, 15), "INTERCOMPANY", "(d)/(e)", 2000000, 30000000, 15000000]);
    const floor = MODEL_TEMPLATE.cells.find((c) => c.spill === "ebitdaFloor");
    const f = parseRange(floor?.address ?? "");
    expect([0, 1, 2].map((i) => sheet.values[(f?.start.row ?? 0) + i][f?.start.col ?? 0])).toEqual([-24000000, expect.any(Number), expect.any(Number)]);
  });
});

describe("the template as a snapshot", () => {
  it("validates with no finding at all [layout]", () => {
    expect(validate(snapshotFromTemplate())).toEqual([]);
  });

  it("shows in each output cell the figure the engine computes [1.1(f)]", () => {
    const s = snapshotFromTemplate();
    const inputs = readModelInputs(s);
    expect(inputs.outputs.BorrowingBase.value).toBe(220160000);
    expect(inputs.outputs.PPESubcomponent.value).toBe(15000000);
    expect(grid(s.sheets[0]).formulas[17][1]).toBe(cellsAt.get("B18")?.formula);
  });

  it("takes values to show by figure key or by cell, for a workbook that disagrees [1.1(f), 1.1(aa)]", () => {
    const s = snapshotFromTemplate(MODEL_TEMPLATE, { borrowingBase: 1, B19: { error: "#VALUE!" } });
    const found = validate(s).map((f) => [f.ruleId, f.cell]);
    expect(found).toEqual([
      ["output-mismatch", "'Amendment Model'!B18"],
      ["output-mismatch", "'Amendment Model'!B19"],
    ]);
  });
});

describe("edge cases", () => {
  it("quotes the sheet name in the names' references, as Excel writes them [layout]", () => {
    const names = snapshotFromTemplate().names;
    expect(names.find((n) => n.name === "EligibleInventory")).toEqual({ name: "EligibleInventory", formula: "='Amendment Model'!$B$7", sheet: "Amendment Model", address: "B7" });
  });

  it("keeps example amounts apart from the terms' figures, so no example reads as a term [layout]", () => {
    const terms = new Set(["125000000", "50000000", "20000000", "5000000", "25000000", "3000000", "7000000"]);
    for (const c of MODEL_TEMPLATE.cells) if (c.role === "input" && typeof c.value === "number" && c.address !== MODEL_TEMPLATE.names.RevolvingCommitmentAmount) expect(terms.has(String(c.value))).toBe(false);
  });
});
