/**
 * Section 1.1(aa), "Threshold Event", read forward: where a daily series stands on one day, and
 * when the next Threshold Event would occur if Revolving Credit Outstandings stayed above the
 * Threshold. The early warning of KAISER.THRESHOLDSTATUS and the task pane's Threshold card.
 *
 * Nothing here counts Business Days of its own: every count is the one `thresholdEventTrace`
 * reports for the same series (thresholdEvent.ts), so the Readings of the Threshold Event
 * (R-TE-EXCEED, R-TE-DAYS, R-TE-CARRY, R-TE-EARLIER, R-TE-RECUR) apply unchanged, and a change to
 * how THRESHOLDEVENTS counts flows through here.
 *
 * Reading R-TS-PROJECTION: "if outstandings stayed above the Threshold on every following Business
 * Day" is worked by running the same test over the series cut at the as-of day and followed by
 * assumed rows, one per Business Day, each above the Threshold; the next event is the first event
 * of that series strictly after the as-of day. Assumed days start after 2004-08-31 (days before do
 * not count). The projection looks at most `STATUS_HORIZON_BUSINESS_DAYS` Business Days ahead.
 */
import { Dec, ONE, ZERO } from "./decimal";
import { businessDayOnOrBefore, countBusinessDays, isBusinessDay, nextBusinessDay } from "./businessDays";
import { naError } from "./errors";
import { isoFromSerial } from "./dates";
import { termDate } from "./terms";
import type { Readings } from "./readings";
import { checkDaysRequired, ThresholdClause, thresholdEventDetails, thresholdEventTrace, ThresholdRow } from "./thresholdEvent";

/**
 * How far ahead the projection looks, in Business Days (about three months). Under the counting of
 * Section 1.1(aa) an event follows within `daysRequired` Business Days of continuous exceedance
 * (clause (x)), so the bound is only a guard that keeps the work finite whatever the rules become.
 */
export const STATUS_HORIZON_BUSINESS_DAYS = 65;

export const ThresholdStatusMessages = {
  empty: () => "the series is empty: no Business Day to report on",
  before: (asOf: number) => `no Business Day of the series on or before ${isoFromSerial(asOf)}`,
} as const;

/** Where the Threshold Event test stands on one Business Day of the series. */
export interface ThresholdStatus {
  /** The last Business Day of the series on or before the as-of date (a carried day included, Reading R-TE-CARRY). */
  readonly asOf: number;
  /** Whether `asOf` has no row of its own and carries the previous Business-Day row's figures. */
  readonly carried: boolean;
  readonly outstandings: Dec;
  readonly threshold: Dec;
  /** Threshold − outstandings, signed: the further borrowing that keeps outstandings at or below the Threshold that day. */
  readonly headroom: Dec;
  /** Consecutive Business Days above the Threshold ending on `asOf`, as THRESHOLDEVENTS counts them, clause (x). */
  readonly consecutive: number;
  /** Business Days above the Threshold in `asOf`'s calendar month, as THRESHOLDEVENTS counts them, clause (y). */
  readonly inMonth: number;
  readonly daysRequired: number;
  /** The Threshold Event on `asOf` itself, when there is one. */
  readonly eventToday?: ThresholdClause;
  /**
   * The first Threshold Event strictly after `asOf` if outstandings stayed above the Threshold on every
   * following Business Day (Reading R-TS-PROJECTION), with the Business Days after `asOf` until it;
   * null when none falls within `STATUS_HORIZON_BUSINESS_DAYS`.
   */
  readonly next: { readonly date: number; readonly businessDaysAfter: number; readonly clause: ThresholdClause } | null;
  /** The last Threshold Event on or before `asOf`; null when there is none. */
  readonly lastEvent: { readonly date: number; readonly clause: ThresholdClause } | null;
}

/** The Business Day the status reports on: the last day of the series on or before `asOfDate`. */
function statusDay(rows: readonly ThresholdRow[], asOfDate: number | undefined, extraHolidays: ReadonlySet<number> | undefined): number {
  let first = -1;
  let last = -1;
  for (let i = 0; i < rows.length; i++) {
    if (!isBusinessDay(rows[i].date, extraHolidays)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (last < 0) throw naError(ThresholdStatusMessages.empty());
  const firstDay = Math.floor(rows[first].date);
  const lastDay = Math.floor(rows[last].date);
  if (asOfDate === undefined) return lastDay;
  const wanted = Math.floor(asOfDate);
  if (wanted < firstDay) throw naError(ThresholdStatusMessages.before(wanted));
  // Nothing is assumed after the last row (Reading R-TE-CARRY): an as-of date after it reports on the last row.
  if (wanted >= lastDay) return lastDay;
  return businessDayOnOrBefore(wanted, extraHolidays);
}

/**
 * Section 1.1(aa): where the Threshold Event test stands on a day, and the next event it would give.
 *
 * @param rows - daily Revolving Credit Outstandings and the Threshold, dates ascending without duplicates
 * @param asOfDate - Excel serial; undefined means the last Business-Day row of the series
 * @param daysRequired - 5 (the general definition) or 3 (with respect to Section 9.2.4)
 * @param extraHolidays - non-business days beyond the Federal Reserve's holidays, as whole-day serials
 * @param readings - the Threshold Event's switchable readings (R-TE-DAYS, R-TE-CARRY, R-TE-RECUR); absent: the defaults
 * @returns the status of the as-of day (see `ThresholdStatus`)
 * @throws EngineError (na) for a series with no Business Day on or before the as-of date; (value) for
 *   dates not ascending; (num) for daysRequired other than 5 or 3, or a date outside the calendar
 * @example
 * // above the Threshold on 2004-09-01, 02 and 03 (Friday); 09-06 is Labor Day:
 * thresholdStatus(rows, undefined, 5).next //=> { date: serial(2004, 9, 8), businessDaysAfter: 2, clause: "x" }
 */
export function thresholdStatus(rows: readonly ThresholdRow[], asOfDate: number | undefined, daysRequired: number, extraHolidays?: ReadonlySet<number>, readings?: Readings): ThresholdStatus {
  checkDaysRequired(daysRequired);
  // The whole series is tested once, so that its order and calendar are checked as THRESHOLDEVENT checks them.
  thresholdEventDetails(rows, daysRequired, extraHolidays, readings);
  const asOf = statusDay(rows, asOfDate, extraHolidays);

  // Rows are ascending (checked above), so the rows up to the as-of day are a prefix of the series.
  let end = 0;
  while (end < rows.length && Math.floor(rows[end].date) <= asOf) end++;
  const projected: ThresholdRow[] = rows.slice(0, end);
  // Reading R-TE-CARRY: the as-of day's figures are those of the last Business-Day row on or before it.
  let source = end - 1;
  while (!isBusinessDay(rows[source].date, extraHolidays)) source--;
  const row = rows[source];
  // Reading R-TS-PROJECTION: assumed days above the Threshold, from the first Business Day that counts.
  let day = Math.max(asOf, termDate("thresholdEventAfter"));
  for (let n = 0; n < STATUS_HORIZON_BUSINESS_DAYS; n++) {
    day = nextBusinessDay(day, extraHolidays);
    projected.push({ date: day, outstandings: ONE, threshold: ZERO });
  }
  const trace = thresholdEventTrace(projected, daysRequired, extraHolidays, readings);

  // The counts are the trace's: days on or before 2004-08-31 count zero (Reading R-TE-DAYS AFTER), or
  // the run so far under SPAN, which counts them toward a run completed after that date.
  const today = trace.find((d) => d.date === asOf);
  let lastEvent: ThresholdStatus["lastEvent"] = null;
  let next: ThresholdStatus["next"] = null;
  for (const d of trace) {
    if (d.event === undefined) continue;
    if (d.date <= asOf) lastEvent = { date: d.date, clause: d.event };
    else if (next === null) next = { date: d.date, businessDaysAfter: countBusinessDays(asOf + 1, d.date, extraHolidays), clause: d.event };
  }
  return {
    asOf,
    carried: Math.floor(row.date) !== asOf,
    outstandings: row.outstandings,
    threshold: row.threshold,
    headroom: row.threshold.minus(row.outstandings),
    consecutive: today?.consecutive ?? 0,
    inMonth: today?.inMonth ?? 0,
    daysRequired,
    ...(today?.event !== undefined ? { eventToday: today.event } : {}),
    next,
    lastEvent,
  };
}

/** One labelled line of the status table: a label with its section, and a date serial, an amount, a count or text. */
export type ThresholdStatusLine = readonly [label: string, value: Dec | number | string];

/** The word for "no such event" in the status table. */
export const NO_EVENT = "none";

/**
 * The status as the nine labelled lines of KAISER.THRESHOLDSTATUS, in the order: as of,
 * outstandings, Threshold, headroom, the clause (x) and clause (y) counts, the Business Days until
 * the next event and its date (Reading R-TS-PROJECTION), the last event. Dates are serials.
 *
 * @example thresholdStatusLines(status)[4] //=> ["Consecutive Business Days above the Threshold, clause (x), of 5 [1.1(aa)]", 3]
 */
export function thresholdStatusLines(status: ThresholdStatus): ThresholdStatusLine[] {
  const of = status.daysRequired;
  return [
    [`As of: last Business Day of the series on or before the as-of date${status.carried ? " (carried from the previous row)" : ""} [1.1(aa)]`, status.asOf],
    ["Revolving Credit Outstandings that day [1.1(aa)]", status.outstandings],
    ["Threshold that day [1.1(aa)]", status.threshold],
    ["Headroom: Threshold less outstandings, signed [1.1(aa)]", status.headroom],
    [`Consecutive Business Days above the Threshold, clause (x), of ${of} [1.1(aa)]`, status.consecutive],
    [`Business Days above the Threshold this calendar month, clause (y), of ${of} [1.1(aa)]`, status.inMonth],
    ["Business Days until the next Threshold Event if outstandings stay above [1.1(aa)]", status.next === null ? NO_EVENT : status.next.businessDaysAfter],
    ["Next Threshold Event if outstandings stay above [1.1(aa)]", status.next === null ? NO_EVENT : status.next.date],
    ["Last Threshold Event on or before that day [1.1(aa)]", status.lastEvent === null ? NO_EVENT : status.lastEvent.date],
  ];
}
