/**
 * The workbook's own what-if scenarios: the optional `Scenarios` table of the layout contract
 * (layout.ts `SCENARIOS_TABLE`), read into named-input overrides, the same overrides the CLI's
 * scenarios CSV gives. Pure: a snapshot in, scenarios or the one problem that stops them out.
 */
import { NAMED_CELLS, NamedCellName, SCENARIOS_TABLE } from "./layout";
import { cellName, locateTable, valueAt } from "./locate";
import type { WorkbookSnapshot } from "./snapshot";

/** One row of the Scenarios table. */
export interface WorkbookScenario {
  readonly name: string;
  /** The row's number in its sheet (1-based), as Excel shows it. */
  readonly row: number;
  /** Each non-blank input cell of the row: its value, or null for the text `blank` (clear the input). */
  readonly overrides: readonly { readonly name: NamedCellName; readonly value: number | null }[];
}

export type ScenarioTable = { readonly scenarios: readonly WorkbookScenario[] } | { readonly problem: string; readonly cell: string };

/**
 * The Scenarios table's rows, or the first problem with the table (a column that is not a named
 * input, no Scenario column, a cell that is not a number, a name given twice); undefined when the
 * workbook has no Scenarios table.
 *
 * @example readScenarioTable(snapshot) //=> { scenarios: [{ name: "Low inventory", row: 3, overrides: [{ name: "EligibleInventory", value: 100000000 }] }] }
 */
export function readScenarioTable(snapshot: WorkbookSnapshot): ScenarioTable | undefined {
  const where = locateTable(snapshot, SCENARIOS_TABLE.table.name);
  if (where === undefined) return undefined;
  if (where.sheet === undefined) return { problem: `the sheet of table Scenarios is missing`, cell: where.cell };
  const sheet = where.sheet;
  const nameCol = where.columns.get("scenario");
  if (nameCol === undefined) return { problem: "table Scenarios has no Scenario column", cell: where.cell };
  const inputs: { name: NamedCellName; col: number }[] = [];
  for (const [header, col] of where.columns) {
    if (col === nameCol) continue;
    const entry = NAMED_CELLS.find((e) => e.name.toLowerCase() === header);
    if (entry === undefined) return { problem: `column "${header}" of table Scenarios is not a named input (${NAMED_CELLS.map((e) => e.name).join(", ")})`, cell: where.cell };
    inputs.push({ name: entry.name as NamedCellName, col });
  }
  const scenarios: WorkbookScenario[] = [];
  const seen = new Set<string>();
  for (let r = where.firstRow; r <= where.lastRow; r++) {
    const rawName = valueAt(sheet, r, nameCol);
    const overrides: { name: NamedCellName; value: number | null }[] = [];
    for (const { name, col } of inputs) {
      const v = valueAt(sheet, r, col);
      if (v === null || v === "") continue;
      if (typeof v === "number" && Number.isFinite(v)) overrides.push({ name, value: v });
      else if (typeof v === "string" && v.trim().toLowerCase() === "blank") overrides.push({ name, value: null });
      else return { problem: `${name} is not a number (${typeof v === "object" ? "an error value" : JSON.stringify(v)})`, cell: cellName(sheet, r, col) };
    }
    if ((rawName === null || rawName === "") && overrides.length === 0) continue;
    const name = rawName === null || typeof rawName === "object" ? "" : String(rawName).trim();
    if (name === "") return { problem: "a scenario without a name", cell: cellName(sheet, r, nameCol) };
    if (seen.has(name.toLowerCase())) return { problem: `the scenario "${name}" is named twice`, cell: cellName(sheet, r, nameCol) };
    seen.add(name.toLowerCase());
    scenarios.push({ name, row: r + 1, overrides });
  }
  return { scenarios };
}
