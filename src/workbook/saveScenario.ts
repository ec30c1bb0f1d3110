/**
 * "Save as scenario": writes one row of the workbook's `Scenarios` table (layout.ts
 * `SCENARIOS_TABLE`) through office.js — an explicit action of the user's. It asks (through
 * `confirmReplace`) before replacing a row of the same name, adds a table row otherwise (Excel
 * shifts the cells under the table down; none is overwritten), and creates nothing else: no table,
 * no column. A scenario that sets an input the table has no column for changes nothing and says so.
 *
 * Two syncs: one to read the table (its header and rows), one to write the row.
 */
import type { InputOverrides, NamedCellName } from "../review/review";
import { inertText } from "../review/formulaText";

export interface SaveScenarioResult {
  readonly saved: boolean;
  /** For the user: what was written, or why nothing was. */
  readonly message: string;
}

/** A scenario name the table can hold: 1 to 255 characters, not all blank. */
export const MAX_SCENARIO_NAME = 255;

/** The row's cells under each header: the name, each override (null as the text `blank`), "" elsewhere. */
export function scenarioRowValues(headers: readonly string[], name: string, overrides: InputOverrides): { values: (string | number)[]; missing: string[] } {
  const lower = headers.map((h) => h.trim().toLowerCase());
  const missing: string[] = [];
  const values: (string | number)[] = headers.map(() => "");
  const nameCol = lower.indexOf("scenario");
  // Set as a value, text that starts like a formula would be entered as one: keep it text.
  if (nameCol >= 0) values[nameCol] = inertText(name);
  for (const [key, value] of Object.entries(overrides) as [NamedCellName, number | null | undefined][]) {
    if (value === undefined) continue;
    const col = lower.indexOf(key.toLowerCase());
    if (col < 0) missing.push(key);
    else values[col] = value === null ? "blank" : value;
  }
  return { values, missing };
}

function isNotFound(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === "ItemNotFound" || (typeof e?.message === "string" && /not (be )?found|no table/i.test(e.message));
}

/**
 * Writes the scenario to the Scenarios table.
 *
 * @param context - the request context of `Excel.run`
 * @param confirmReplace - asked (with the sheet's row number) before a row of the same name is replaced; false changes nothing
 * @example await Excel.run((c) => saveScenario(c, "Low inventory", { EligibleInventory: 100000000 }, ask)) //=> { saved: true, message: "Added the scenario …" }
 */
export async function saveScenario(context: Excel.RequestContext, name: string, overrides: InputOverrides, confirmReplace: (row: number) => Promise<boolean>): Promise<SaveScenarioResult> {
  const wanted = name.trim();
  if (wanted === "" || wanted.length > MAX_SCENARIO_NAME) return { saved: false, message: `A scenario needs a name of 1 to ${MAX_SCENARIO_NAME} characters.` };
  if (Object.keys(overrides).length === 0) return { saved: false, message: "The scenario changes no named input, so there is nothing to save in the Scenarios table." };
  let range: Excel.Range;
  let table: Excel.Table;
  try {
    table = context.workbook.tables.getItem("Scenarios");
    range = table.getRange().load("values,address,rowIndex");
    await context.sync();
  } catch (error) {
    if (isNotFound(error)) return { saved: false, message: "This workbook has no Scenarios table; add one (a Scenario column and a column per named input) to save scenarios in it. Nothing was changed." };
    throw error;
  }
  const grid = range.values as unknown[][];
  const headers = (grid[0] ?? []).map((h) => String(h ?? ""));
  const nameCol = headers.findIndex((h) => h.trim().toLowerCase() === "scenario");
  if (nameCol < 0) return { saved: false, message: "The Scenarios table has no Scenario column. Nothing was changed." };
  const { values, missing } = scenarioRowValues(headers, wanted, overrides);
  if (missing.length > 0) return { saved: false, message: `The Scenarios table has no column for ${missing.join(", ")}; add the column to save this scenario. Nothing was changed.` };
  const existing = grid.findIndex((row, i) => i > 0 && String(row[nameCol] ?? "").trim().toLowerCase() === wanted.toLowerCase());
  if (existing > 0) {
    const sheetRow = range.rowIndex + existing + 1;
    if (!(await confirmReplace(sheetRow))) return { saved: false, message: `Kept the scenario "${wanted}" in row ${sheetRow} as it was.` };
    table.getRange().getRow(existing).values = [values];
    await context.sync();
    return { saved: true, message: `Replaced the scenario "${wanted}" in row ${sheetRow} of the Scenarios table.` };
  }
  table.rows.add(undefined, [values]);
  await context.sync();
  return { saved: true, message: `Added the scenario "${wanted}" to the Scenarios table.` };
}
