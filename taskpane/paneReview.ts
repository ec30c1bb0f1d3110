/**
 * What the pane renders: the one `Review` of a workbook (src/review/review.ts, computed once), with
 * what was validated and the daily series its picture draws, read from the review's own inputs and
 * Threshold figure. Nothing here recomputes a figure. No DOM, no Office.
 */
import { inCalendar, isBusinessDay } from "../src/engine/businessDays";
import { figureOf, review as reviewWorkbook, Review } from "../src/review/review";
import type { WorkbookSnapshot } from "../src/review/snapshot";
import { readScenarioTable, ScenarioTable } from "../src/review/scenarioTable";
import type { DailyPoint } from "./charts/thresholdChart";

export type { Review };

export interface PaneReview {
  /** What was validated: "this workbook" in Excel, the file name without Office. */
  readonly source: string;
  readonly review: Review;
  /** DailyOutstandings in date order with the Threshold of each day; empty when it cannot be read. */
  readonly daily: readonly DailyPoint[];
  /** The workbook's own Scenarios table (the What-if section); absent when it has none. */
  readonly scenarios?: ScenarioTable;
}

/** The picture's series: the review's DailyOutstandings rows, each with its Threshold (its own column, or the figure). */
export function dailySeries(result: Review): DailyPoint[] {
  const threshold = figureOf(result, "threshold")?.value;
  const extra = new Set<number>(result.inputs.holidays.rows ?? []);
  const daily: DailyPoint[] = [];
  const table = result.inputs.dailyOutstandings;
  const columns = table.columns;
  const point = (date: number, outstandings: number, own: number | undefined): boolean => {
    const t = own ?? (typeof threshold === "number" ? threshold : undefined);
    if (t === undefined) return false;
    daily.push({ date, outstandings, threshold: t, businessDay: inCalendar(date) && isBusinessDay(date, extra) });
    return true;
  };
  if (columns !== undefined) {
    // The columns hold each cell's number, which is what its decimal's toNumber() gives back.
    for (let i = 0; i < columns.length; i++) {
      const own = columns.thresholds?.[i];
      if (!point(columns.dates[i], columns.outstandings[i], own === undefined || Number.isNaN(own) ? undefined : own)) return [];
    }
  } else {
    for (const r of table.rows ?? []) if (!point(r.date, r.outstandings.toNumber(), r.threshold?.toNumber())) return [];
  }
  // The picture reads the days in date order, as the test does.
  let ordered = true;
  for (let i = 1; i < daily.length && ordered; i++) ordered = daily[i].date > daily[i - 1].date;
  if (!ordered) daily.sort((a, b) => a.date - b.date);
  return daily;
}

/** The pane's view of a review already made. */
export function paneReviewOf(result: Review, source: string, scenarios?: ScenarioTable): PaneReview {
  return { source, review: result, daily: dailySeries(result), ...(scenarios ? { scenarios } : {}) };
}

/** Reviews one snapshot, once. */
export function reviewForPane(snapshot: WorkbookSnapshot, source: string): PaneReview {
  return paneReviewOf(reviewWorkbook(snapshot), source, readScenarioTable(snapshot));
}
