/**
 * What the pane shows of one review, whatever the workbook came from (Excel or an .xlsx file): the
 * `Review` (src/review/review.ts) and how each figure reads in the pane. No DOM, no Office; nothing
 * here recomputes.
 */
import { dec, toCents } from "../src/engine/decimal";
import { isoFromSerial, weekday } from "../src/engine/dates";
import { formatUsd } from "../src/engine/format";
import { Figure, FigureKey, Finding, review, Review, Summary } from "../src/review/review";
import type { WorkbookSnapshot } from "../src/review/snapshot";

export interface Report {
  /** What was validated: "this workbook" in Excel, the file name without Office. */
  readonly source: string;
  /** The whole review, for views beyond the findings and figures (schedules, charts). */
  readonly review: Review;
  readonly findings: readonly Finding[];
  readonly figures: readonly Figure[];
  readonly summary: Summary;
}

/** Reviews a snapshot once, as the CLI does, for the pane to render. */
export function analyze(snapshot: WorkbookSnapshot, source: string): Report {
  return reportOf(review(snapshot), source);
}

/** The pane's report of a review already made. */
export function reportOf(result: Review, source: string): Report {
  return { source, review: result, findings: result.findings, figures: result.figures, summary: result.summary };
}

/** How a figure reads in the pane. */
export interface FigureView {
  readonly key: FigureKey;
  readonly label: string;
  readonly section: string;
  /** The engine's figure as text: "$315,000,000", "2004-11-05 (Friday)", "PASS"; "Not computed" when null. */
  readonly value: string;
  /** Why the figure is not computed, or what it means. */
  readonly note?: string;
  /** The workbook's own figure and its cell, when the workbook computes this figure itself. */
  readonly workbook?: { readonly cell: string; readonly value: string };
  /**
   * recomputed: the workbook does not compute it; match / mismatch: compared to the cent;
   * unchecked: the workbook computes it but the engine cannot (an input is missing), so no comparison.
   */
  readonly status: "match" | "mismatch" | "recomputed" | "unchecked";
  /** For a mismatch of two amounts: "Differs by $5,000,000". */
  readonly difference?: string;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function formatValue(value: number | string, format: Figure["format"]): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  // Display only: a workbook's float 315000000.004 reads as $315,000,000, to the cent.
  if (format === "usd") return formatUsd(toCents(dec(value)));
  if (format === "date") return `${isoFromSerial(value)} (${WEEKDAYS[weekday(value)]})`;
  return String(value);
}

export function figureView(figure: Figure): FigureView {
  const value = figure.value === null ? "Not computed" : formatValue(figure.value, figure.format);
  const base = { key: figure.key, label: figure.label, section: figure.section, value, ...(figure.note ? { note: figure.note } : {}) };
  if (figure.cell === undefined) return { ...base, status: "recomputed" };
  const own = figure.workbookValue;
  const workbook = { cell: figure.cell, value: own === null || own === undefined ? "no number in the cell" : formatValue(own, figure.format) };
  if (!figure.mismatch) return { ...base, workbook, status: figure.value === null ? "unchecked" : "match" };
  const difference =
    figure.format === "usd" && typeof figure.value === "number" && typeof own === "number" ? `Differs by ${formatUsd(dec(own).minus(dec(figure.value)).abs())}` : undefined;
  return { ...base, workbook, status: "mismatch", ...(difference ? { difference } : {}) };
}
