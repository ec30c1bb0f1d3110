/**
 * The workbook's choice of readings and what each switchable reading changes in it.
 *
 * - `readWorkbookReadings`: the optional Readings table of the layout contract (columns Reading,
 *   Choice), row by row with its cells; the review applies the valid rows.
 * - `readingFindings`: an unknown choice for a reading, or a reading chosen twice, is an error
 *   naming the cell (an unknown reading id is the keyword check's `unknown-kind`, also naming the
 *   cell); every reading the workbook sets away from the default is an info finding; a FIXED
 *   reading of clause (c) with proceeds but no closing row is a warning (`reading-without-closing`).
 * - `readingEffects`: for every switchable reading, its choice here and, for each other choice, the
 *   headline figures it changes (re-running the calculation with that one reading switched), sorted
 *   by the size of the effect on the Borrowing Base.
 *
 * Plain data in, plain data out: no presentation words beyond the finding messages.
 */
import { formatUsd } from "../engine/format";
import type { PpeEvent, PpeEventKind } from "../engine/ppeReduction";
import { ChoiceOf, defaultChoice, ReadingId, Readings, SWITCHABLE_READINGS, switchableReading, withReading } from "../engine/readings";
import { term } from "../engine/terms";
import type { Rule } from "./checks/collector";
import type { Finding } from "./findings";
import { cellName, locateTable, tableColumn, valueAt } from "./locate";
import type { WorkbookSnapshot, CellValue } from "./snapshot";
import { isCellError } from "./snapshot";

/** The rules of the Readings table (listed with every rule in checks/rules.ts). */
export const READING_RULES = [
  { id: "reading-choice", severity: "error", title: "A Readings row whose Choice is not one of its reading's choices, or a reading chosen twice", section: "README Readings" },
  { id: "reading-not-default", severity: "info", title: "A reading the workbook's Readings table sets away from the add-in's default", section: "README Readings" },
  {
    id: "reading-without-closing",
    severity: "warning",
    title: "R-PPE-C-VALCO or R-PPE-C-GRAMERCY chosen FIXED while PPEEvents has proceeds of that interest but no closing row: the fixed amount is left out",
    section: "1.1(t)(c)",
  },
] as const satisfies readonly Rule[];

/**
 * Under a FIXED reading the fixed part of clause (c) applies from the closing row (VALCOCLOSING;
 * GRAMERCYCLOSING or KBCPLAN). Proceeds received in cash mean the disposition was consummated, so
 * proceeds rows without a closing row leave that part out of the reductions.
 */
const FIXED_CLOSINGS: readonly { readonly id: ReadingId; readonly proceeds: PpeEventKind; readonly closings: readonly PpeEventKind[]; readonly fixed: string; readonly section: string }[] = [
  { id: "R-PPE-C-VALCO", proceeds: "VALCO", closings: ["VALCOCLOSING"], fixed: formatUsd(term("valcoBaseReduction")), section: "1.1(t)(c)(2)" },
  { id: "R-PPE-C-GRAMERCY", proceeds: "GRAMERCY", closings: ["GRAMERCYCLOSING", "KBCPLAN"], fixed: `the greater of the KBC Allocable Amount and ${formatUsd(term("gramercyBaseReduction"))}`, section: "1.1(t)(c)(1)" },
];

/** One row of the Readings table as read. */
export interface WorkbookReadingRow {
  /** The Reading cell's text, upper case, trimmed. */
  readonly id: string;
  /** The Choice cell's text (a number such as 365 read as its digits), upper case, trimmed. */
  readonly choice: string;
  /** The Reading cell, "Sheet!A2". */
  readonly cell: string;
  /** The Choice cell. */
  readonly choiceCell: string;
  /** 1-based row of the table. */
  readonly row: number;
}

/** The Readings table as read: its rows, and the readings it validly chooses. */
export interface WorkbookReadings {
  /** The whole table, "Sheet!A1:B4"; absent when the workbook has no Readings table. */
  readonly cell?: string;
  readonly rows: readonly WorkbookReadingRow[];
  /** The valid choices (the first of a reading chosen twice); the defaults for every other reading. */
  readonly chosen: Readings;
}

/** The headline figures a reading's effect is shown on (a key of `figures`; the EBITDA keys by prefix). */
export const EFFECT_FIGURES = ["borrowingBase", "availability", "ppeReductions", "firstThresholdEvent", "firstThresholdEvent3", "amendmentFee"] as const;
const EFFECT_PREFIXES = ["ebitdaFloor:", "ebitdaTest:"] as const;

/** The readings the review's figures depend on; the others (fees, options, Affiliate Loans) have no input in the model. */
export const REVIEWED_READINGS: ReadonlySet<ReadingId> = new Set<ReadingId>([
  "R-AVAILABILITY",
  "R-TE-DAYS",
  "R-TE-CARRY",
  "R-TE-RECUR",
  "R-PPE-C-DEFER",
  "R-PPE-C-VALCO",
  "R-PPE-C-GRAMERCY",
  "R-EBITDA-DAYS-REMAINING",
]);

function text(value: CellValue): string | undefined {
  if (value === null || typeof value === "boolean" || isCellError(value)) return undefined;
  const s = String(value).trim();
  return s === "" ? undefined : s.toUpperCase();
}

/**
 * Reads the optional Readings table: each row's Reading and Choice with their cells. Blank rows are
 * skipped; rows with an unknown id or choice are kept for the findings and not applied.
 */
export function readWorkbookReadings(snapshot: WorkbookSnapshot): WorkbookReadings {
  const where = locateTable(snapshot, "Readings");
  if (where === undefined || where.sheet === undefined) return { rows: [], chosen: {} };
  const readingCol = tableColumn(where, "Reading");
  const choiceCol = tableColumn(where, "Choice");
  if (readingCol === undefined || choiceCol === undefined) return { cell: where.cell, rows: [], chosen: {} };
  const rows: WorkbookReadingRow[] = [];
  let chosen: Readings = {};
  for (let r = where.firstRow; r <= where.lastRow; r++) {
    const id = text(valueAt(where.sheet, r, readingCol));
    const choice = text(valueAt(where.sheet, r, choiceCol));
    if (id === undefined && choice === undefined) continue;
    const row = { id: id ?? "", choice: choice ?? "", cell: cellName(where.sheet, r, readingCol), choiceCell: cellName(where.sheet, r, choiceCol), row: r - where.firstRow + 1 };
    rows.push(row);
    const entry = switchableReading(row.id);
    if (entry === undefined || !entry.choices.some((c) => c.name === row.choice)) continue;
    if (chosen[entry.id as ReadingId] !== undefined) continue;
    chosen = withReading(chosen, entry.id as ReadingId, row.choice);
  }
  return { cell: where.cell, rows, chosen };
}

/**
 * The Readings table's findings: `reading-choice` (error) for a choice the reading does not have
 * or a reading chosen twice, naming the cell; `reading-not-default` (info) for each reading set
 * away from its default. A blank or unknown id is left to the table checks (blank-required,
 * unknown-kind), which name the cell.
 */
export function readingFindings(readings: WorkbookReadings | undefined, ppeEvents: readonly PpeEvent[] = []): Finding[] {
  if (readings === undefined) return [];
  const findings: Finding[] = [];
  const seen = new Map<string, WorkbookReadingRow>();
  for (const row of readings.rows) {
    const entry = switchableReading(row.id);
    if (row.id === "" || row.choice === "") {
      const missing = row.id === "" ? "Reading" : "Choice";
      findings.push({
        ruleId: "reading-choice",
        severity: "error",
        message: `Readings row ${row.row} has no ${missing}; enter both a reading's id and one of its choices (README, Readings), or clear the row.`,
        cell: row.id === "" ? row.cell : row.choiceCell,
        section: entry?.section ?? "README Readings",
      });
      continue;
    }
    if (entry === undefined) continue;
    const names = entry.choices.map((c) => c.name);
    const section = entry.section;
    if (!names.includes(row.choice)) {
      findings.push({
        ruleId: "reading-choice",
        severity: "error",
        message: `Readings row ${row.row}: ${entry.id} has no choice "${row.choice}"; its choices are ${names.join(", ")}. The default (${names[0]}) applies until it is corrected.`,
        cell: row.choiceCell,
        section,
      });
      continue;
    }
    const earlier = seen.get(entry.id);
    if (earlier !== undefined) {
      findings.push({
        ruleId: "reading-choice",
        severity: "error",
        message: `Readings row ${row.row}: ${entry.id} is chosen twice (first in row ${earlier.row}, ${earlier.cell}); the first applies. Delete one of the rows.`,
        cell: row.cell,
        section,
      });
      continue;
    }
    seen.set(entry.id, row);
    if (row.choice !== names[0]) {
      const choice = entry.choices.find((c) => c.name === row.choice);
      findings.push({
        ruleId: "reading-not-default",
        severity: "info",
        message: `Readings row ${row.row}: this workbook applies ${entry.id}=${row.choice}, not the add-in's default ${names[0]}: ${choice?.text ?? ""}`,
        cell: row.choiceCell,
        section,
      });
    }
    const closing = FIXED_CLOSINGS.find((c) => c.id === entry.id);
    if (closing !== undefined && row.choice === "FIXED" && ppeEvents.some((e) => e.kind === closing.proceeds) && !ppeEvents.some((e) => closing.closings.includes(e.kind))) {
      findings.push({
        ruleId: "reading-without-closing",
        severity: "warning",
        message: `Readings row ${row.row}: ${entry.id}=FIXED applies ${closing.fixed} from the ${closing.closings.join(" or ")} row, but PPEEvents has ${closing.proceeds} proceeds and no such row, so the reductions leave that amount out. Add a ${closing.closings[0]} row dated the day the disposition was consummated, or choose CASH.`,
        cell: row.choiceCell,
        section: closing.section,
      });
    }
  }
  return findings;
}

/** A figure's value as the review holds it: an amount or a date serial (numbers), a text, or null. */
export type EffectValue = number | string | null;

/** What switching one reading changes in one headline figure. */
export interface ReadingFigureEffect {
  /** A key of `figures`. */
  readonly figure: string;
  readonly base: EffectValue;
  readonly alternative: EffectValue;
  /** alternative − base for amounts (US dollars) and dates (days); null for a text or a figure that appears or disappears. */
  readonly change: number | null;
}

export interface ReadingAlternative {
  readonly name: string;
  readonly text: string;
  /** Every headline figure that differs; empty: no effect here. */
  readonly effects: readonly ReadingFigureEffect[];
}

/** One switchable reading in this workbook: its choice and what each other choice would change. */
export interface ReadingReport {
  readonly id: ReadingId;
  readonly section: string;
  /** The choice applied here. */
  readonly chosen: string;
  readonly chosenText: string;
  /** True when the choice applied is the add-in's default. */
  readonly isDefault: boolean;
  readonly alternatives: readonly ReadingAlternative[];
  /** Why no alternative can change a figure of this review (the model has no input the reading governs). */
  readonly note?: string;
}

/** The figures a recalculation gives, as far as `readingEffects` needs them. */
export interface EffectFigures {
  readonly figures: readonly { readonly key: string; readonly value: number | string | null }[];
}

function isHeadline(key: string): boolean {
  return (EFFECT_FIGURES as readonly string[]).includes(key) || EFFECT_PREFIXES.some((p) => key.startsWith(p));
}

function effectsBetween(base: EffectFigures, alternative: EffectFigures): ReadingFigureEffect[] {
  const alt = new Map(alternative.figures.map((f) => [f.key, f.value]));
  const effects: ReadingFigureEffect[] = [];
  for (const f of base.figures) {
    if (!isHeadline(f.key)) continue;
    const other = alt.has(f.key) ? (alt.get(f.key) as EffectValue) : null;
    if (other === f.value) continue;
    const change = typeof f.value === "number" && typeof other === "number" ? other - f.value : null;
    effects.push({ figure: f.key, base: f.value, alternative: other, change });
  }
  return effects;
}

function borrowingBaseEffect(report: ReadingReport): number {
  let size = 0;
  for (const a of report.alternatives) {
    for (const e of a.effects) if (e.figure === "borrowingBase" && e.change !== null) size = Math.max(size, Math.abs(e.change));
  }
  return size;
}

/**
 * Every switchable reading with its choice here and, for each other choice, its effect on the
 * headline figures (Borrowing Base, Availability, cumulative PPE Subcomponent Reductions, the first
 * Threshold Event for 5 and 3 Business Days, each Minimum EBITDA floor and test, the amendment
 * fee), worked out by `rerun` with that one reading switched. Sorted by the largest change of the
 * Borrowing Base, then by the number of figures changed, then in the registry's order.
 *
 * @param applied - the readings the base calculation applied
 * @param base - the base calculation's figures
 * @param rerun - recomputes the figures with other readings
 */
export function readingEffects(applied: Readings, base: EffectFigures, rerun: (readings: Readings) => EffectFigures): ReadingReport[] {
  const reports = SWITCHABLE_READINGS.map((r, order): [ReadingReport, number] => {
    const id = r.id as ReadingId;
    const chosen = (applied[id] as string | undefined) ?? defaultChoice(id);
    const reviewed = REVIEWED_READINGS.has(id);
    const alternatives = r.choices
      .filter((c) => c.name !== chosen)
      .map((c) => ({ name: c.name, text: c.text, effects: reviewed ? effectsBetween(base, rerun(withReading(applied, id, c.name as ChoiceOf<typeof id>))) : [] }));
    const report: ReadingReport = {
      id,
      section: r.section,
      chosen,
      chosenText: r.choices.find((c) => c.name === chosen)?.text ?? "",
      isDefault: chosen === r.choices[0].name,
      alternatives,
      ...(reviewed ? {} : { note: "the model has no input this reading governs (it applies to the functions only)" }),
    };
    return [report, order];
  });
  reports.sort(([a, i], [b, j]) => borrowingBaseEffect(b) - borrowingBaseEffect(a) || count(b) - count(a) || i - j);
  return reports.map(([r]) => r);
}

function count(report: ReadingReport): number {
  return report.alternatives.reduce((n, a) => n + a.effects.length, 0);
}
