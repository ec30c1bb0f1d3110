/**
 * How each recomputed figure reads in the pane, beside the workbook's own. No DOM, no Office.
 */
import { dec } from "../src/engine/decimal";
import type { Figure, FigureKey } from "../src/review/review";
import { longDate, usd } from "./format";

/** How a figure reads in the pane. */
export interface FigureView {
  readonly key: FigureKey;
  readonly label: string;
  readonly section: string;
  /** The engine's figure as text: "$315,000,000.00", "2004-11-05 (Friday)", "PASS"; "Not computed" when null. */
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

function formatValue(value: number | string, format: Figure["format"]): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  // Display only: a workbook's float 315000000.004 reads as $315,000,000.00, to the cent.
  if (format === "usd") return usd(value);
  if (format === "date") return longDate(value);
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
    figure.format === "usd" && typeof figure.value === "number" && typeof own === "number" ? `Differs by ${usd(dec(own).minus(dec(figure.value)).abs())}` : undefined;
  return { ...base, workbook, status: "mismatch", ...(difference ? { difference } : {}) };
}
