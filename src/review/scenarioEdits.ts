/**
 * A scenario's edits to the workbook's tables, beside its named-input overrides (review.ts
 * `InputOverrides`): scale or shift the daily Revolving Credit Outstandings from a date, move, add or
 * remove a PPEEvents or Dispositions row, set a MonthlyEBITDA period's EBITDA. Pure: inputs and
 * edits in, new inputs out; `reviewScenario` recomputes through `reviewInputs`, nothing else.
 */
import { dec, Dec } from "../engine/decimal";
import type { PpeEvent } from "../engine/ppeReduction";
import { InputOverrides, reviewInputs, ReviewOptions, Calculation } from "./review";
import type { DailyOutstandingsRow, DispositionRow, ModelInputs, MonthlyEbitdaRow, TableInput } from "./recalc";

/** Scale (by a percentage: 10 is +10 %) or shift (by dollars) every day's outstandings on or after `from` (a serial). */
export interface OutstandingsEdit {
  readonly kind: "scale" | "shift";
  /** scale: percent change (−100 … 1000); shift: dollars, signed. */
  readonly by: number;
  readonly from: number;
}

/** One row edit: remove the row at `index`, move it to `date`, or add a row. Indexes are of the workbook's rows, in sheet order. */
export type RowEdit<T> = { readonly op: "remove"; readonly index: number } | { readonly op: "move"; readonly index: number; readonly date: number } | { readonly op: "add"; readonly row: T };

export interface TableEdits {
  readonly outstandings?: OutstandingsEdit;
  readonly ppeEvents?: readonly RowEdit<PpeEvent>[];
  readonly dispositions?: readonly RowEdit<DispositionRow>[];
  /** EBITDA for a period, by its period end (a serial of a MonthlyEBITDA row). */
  readonly ebitda?: readonly { readonly periodEnd: number; readonly ebitda: number }[];
}

/** The bounds an edit must keep to; beyond them the edit is refused with a message. */
export const EDIT_LIMITS = { minPercent: -100, maxPercent: 1000, maxAmount: 1e12, maxRowEdits: 1000 } as const;

function finite(value: number, what: string, limit: number): Dec {
  if (!Number.isFinite(value) || Math.abs(value) > limit) throw new Error(`${what} must be a number within ±${limit.toLocaleString("en-US")}`);
  return dec(value);
}

function editRows<T extends { readonly date: number }>(table: TableInput<T>, edits: readonly RowEdit<T>[] | undefined, name: string): TableInput<T> {
  if (edits === undefined || edits.length === 0) return table;
  if (edits.length > EDIT_LIMITS.maxRowEdits) throw new Error(`at most ${EDIT_LIMITS.maxRowEdits} edits of ${name}`);
  if (table.rows === undefined) throw new Error(`the table ${name} cannot be read, so its rows cannot be edited${table.problem ? ` (${table.problem})` : ""}`);
  const original = table.rows;
  const removed = new Set<number>();
  const moved = new Map<number, number>();
  const added: T[] = [];
  for (const e of edits) {
    if (e.op === "add") {
      finite(e.row.date, `the date of a new ${name} row`, 2958465);
      added.push(e.row);
      continue;
    }
    if (!Number.isInteger(e.index) || e.index < 0 || e.index >= original.length) throw new Error(`${name} has no row ${e.index + 1}`);
    if (e.op === "remove") removed.add(e.index);
    else moved.set(e.index, finite(e.date, `the new date of ${name} row ${e.index + 1}`, 2958465).toNumber());
  }
  const rows: T[] = [];
  original.forEach((row, i) => {
    if (removed.has(i)) return;
    const date = moved.get(i);
    rows.push(date === undefined ? row : { ...row, date });
  });
  for (const row of added) rows.push(row);
  return { ...table, rows };
}

/**
 * The inputs with a scenario's table edits applied; the workbook's inputs are not changed.
 *
 * @throws Error saying what is wrong when an edit is out of bounds or names a row the table lacks
 * @example applyTableEdits(inputs, { outstandings: { kind: "scale", by: 10, from: serial(2004, 11, 1) } })
 */
export function applyTableEdits(inputs: ModelInputs, edits: TableEdits): ModelInputs {
  let dailyOutstandings = inputs.dailyOutstandings;
  const o = edits.outstandings;
  if (o !== undefined) {
    if (dailyOutstandings.rows === undefined) throw new Error(`the table DailyOutstandings cannot be read, so its outstandings cannot be changed${dailyOutstandings.problem ? ` (${dailyOutstandings.problem})` : ""}`);
    const by = o.kind === "scale" ? finite(o.by, "the percentage", EDIT_LIMITS.maxPercent) : finite(o.by, "the amount", EDIT_LIMITS.maxAmount);
    if (o.kind === "scale" && by.lessThan(EDIT_LIMITS.minPercent)) throw new Error(`the percentage must be at least ${EDIT_LIMITS.minPercent}`);
    const factor = dec(1).plus(by.dividedBy(100));
    const rows = dailyOutstandings.rows.map((r): DailyOutstandingsRow => (r.date < o.from ? r : { ...r, outstandings: o.kind === "scale" ? r.outstandings.times(factor) : r.outstandings.plus(by) }));
    dailyOutstandings = { ...dailyOutstandings, rows };
  }
  let monthlyEbitda = inputs.monthlyEbitda;
  if (edits.ebitda !== undefined && edits.ebitda.length > 0) {
    if (monthlyEbitda.rows === undefined) throw new Error(`the table MonthlyEBITDA cannot be read, so its EBITDA cannot be changed${monthlyEbitda.problem ? ` (${monthlyEbitda.problem})` : ""}`);
    const byEnd = new Map<number, Dec>();
    for (const e of edits.ebitda) {
      if (!monthlyEbitda.rows.some((r) => r.periodEnd === e.periodEnd)) throw new Error(`MonthlyEBITDA has no period ending on serial ${e.periodEnd}`);
      byEnd.set(e.periodEnd, finite(e.ebitda, "EBITDA", EDIT_LIMITS.maxAmount));
    }
    monthlyEbitda = { ...monthlyEbitda, rows: monthlyEbitda.rows.map((r): MonthlyEbitdaRow => ({ ...r, ebitda: byEnd.get(r.periodEnd) ?? r.ebitda })) };
  }
  return {
    ...inputs,
    dailyOutstandings,
    monthlyEbitda,
    ppeEvents: editRows(inputs.ppeEvents, edits.ppeEvents, "PPEEvents"),
    dispositions: editRows(inputs.dispositions, edits.dispositions, "Dispositions"),
  };
}

/** True when the edits change nothing. */
export function noTableEdits(edits: TableEdits): boolean {
  return edits.outstandings === undefined && !edits.ppeEvents?.length && !edits.dispositions?.length && !edits.ebitda?.length;
}

/**
 * A scenario: named-input overrides and table edits, recomputed through `reviewInputs`.
 *
 * @example reviewScenario(review(snapshot).inputs, { EligibleInventory: 144000000 }, { outstandings: { kind: "shift", by: 5e6, from } })
 */
export function reviewScenario(inputs: ModelInputs, overrides: InputOverrides, edits: TableEdits = {}, options: ReviewOptions = {}): Calculation {
  return reviewInputs(noTableEdits(edits) ? inputs : applyTableEdits(inputs, edits), overrides, options);
}
