/**
 * What the pane renders: one review of a workbook, plus the daily series its picture draws.
 *
 * Until `review(snapshot) → Review` lands (src/review/review.ts, issue 11) this runs the checks,
 * the recalculation and the schedules once here, as the CLI does; no section of the pane computes
 * anything of its own. No DOM, no Office.
 */
import { validate } from "../src/review/checks";
import { readModelInputs, recompute } from "../src/review/recalc";
import type { WorkbookSnapshot } from "../src/review/snapshot";
import { summarize } from "../src/review/findingGroups";
import { inCalendar, isBusinessDay } from "../src/engine/businessDays";
import { schedules, Review } from "../src/cli/review";
import type { DailyPoint } from "./charts/thresholdChart";

export type { Review };

export interface PaneReview {
  /** What was validated: "this workbook" in Excel, the file name without Office. */
  readonly source: string;
  readonly review: Review;
  /** DailyOutstandings in date order with the Threshold of each day; empty when it cannot be read. */
  readonly daily: readonly DailyPoint[];
}

/** The review of one snapshot, computed once. */
export function reviewForPane(snapshot: WorkbookSnapshot, source: string): PaneReview {
  const findings = validate(snapshot);
  const inputs = readModelInputs(snapshot);
  const figures = recompute(inputs);
  const review: Review = { findings, summary: summarize(findings), figures, ...schedules(inputs, figures) };
  const threshold = figures.find((f) => f.key === "threshold")?.value;
  const extra = new Set<number>(inputs.holidays.rows ?? []);
  const rows = inputs.dailyOutstandings.rows ?? [];
  const daily: DailyPoint[] = [];
  for (const r of rows) {
    const t = r.threshold?.toNumber() ?? (typeof threshold === "number" ? threshold : undefined);
    if (t === undefined) return { source, review, daily: [] };
    daily.push({ date: r.date, outstandings: r.outstandings.toNumber(), threshold: t, businessDay: inCalendar(r.date) && isBusinessDay(r.date, extra) });
  }
  // The picture reads the days in date order, as the test does.
  let ordered = true;
  for (let i = 1; i < daily.length && ordered; i++) ordered = daily[i].date > daily[i - 1].date;
  if (!ordered) daily.sort((a, b) => a.date - b.date);
  return { source, review, daily };
}
