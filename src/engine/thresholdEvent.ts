/**
 * Section 1.1(aa), "Threshold Event": "at any time after August 31, 2004, the earlier to occur of
 * either of the following events: (x) Revolving Credit Outstandings exceed the Threshold for five
 * (5) consecutive Business Days or (y) Revolving Credit Outstandings exceed the Threshold for any
 * five (5) Business Days in any calendar month; provided that with respect to Section 9.2.4, the
 * time period … shall be, in the case of clause (x) above, three (3) consecutive Business Days and,
 * in the case of clause (y) above, any three (3) Business Days."
 *
 * One pass over a daily series of outstandings and Thresholds (O(number of days spanned)).
 * Readings applied (README, "Readings"):
 * - R-TE-EXCEED: "exceed" is strictly greater than; equal to the Threshold does not count.
 * - R-TE-DAYS: only Business Days after 2004-08-31 count; rows dated on other days are ignored
 *   (also as a source of carried balances); dates must be ascending without duplicates.
 * - R-TE-CARRY: a Business Day missing between two rows carries the previous Business-Day row's
 *   outstandings and Threshold (balances persist until reported). Nothing is assumed before the
 *   first row or after the last.
 * - R-TE-EARLIER: clause (x) counts consecutive Business Days of exceedance, clause (y) Business
 *   Days of exceedance within one calendar month; the event is the first day either count reaches
 *   the days required.
 * - R-TE-RECUR: events recur; after an event both counts restart at zero on the next Business Day,
 *   and the month count stays at zero for the rest of that calendar month (clause (y) occurs at most
 *   once in a month; clause (x) can still occur later in it), counting again from the next month.
 *
 * Switchable (readings.ts; the `readings` argument, defaults when absent): R-TE-RECUR RUN — an
 * unbroken run above the Threshold is one event, counting starts again after a Business Day not
 * above it; R-TE-DAYS SPAN — Business Days on or before 2004-08-31 count towards a consecutive run
 * that completes after it (an event still occurs only after it); R-TE-CARRY REPORTED — a missing
 * Business Day is not above the Threshold (it breaks a run and adds nothing to the month).
 */
import { Dec } from "./decimal";
import { daysInMonth, isoFromSerial, ymd } from "./dates";
import { businessDayUnchecked, inCalendar, BusinessDayMessages } from "./businessDays";
import { naError, numError, valueError } from "./errors";
import { termDate, termInt } from "./terms";
import { choiceOf, ReadingId, Readings } from "./readings";

/** One reported day: Revolving Credit Outstandings and the Threshold as of that date. */
export interface ThresholdRow {
  /** Excel serial (whole days). */
  readonly date: number;
  readonly outstandings: Dec;
  readonly threshold: Dec;
}

/** Which clause gave the event: (x) consecutive days, (y) days in the month, or both on the same day. */
export type ThresholdClause = "x" | "y" | "x and y";

export interface ThresholdEvent {
  readonly date: number;
  readonly clause: ThresholdClause;
}

/** One Business Day as the test saw it, for a day-by-day trace (task pane, CLI). */
export interface ThresholdDay {
  readonly date: number;
  /** Index of the row that supplied the figures; for a carried day, the previous row (Reading R-TE-CARRY). */
  readonly row: number;
  readonly carried: boolean;
  readonly exceeds: boolean;
  /** False on Business Days on or before 2004-08-31 (Reading R-TE-DAYS). */
  readonly counts: boolean;
  /** Consecutive Business Days of exceedance so far, clause (x), after this day (0 after an event). */
  readonly consecutive: number;
  /** Business Days of exceedance so far this calendar month, clause (y), after this day (0 after an event, for the rest of that month). */
  readonly inMonth: number;
  readonly event?: ThresholdClause;
}

export const ThresholdMessages = {
  daysRequired: () =>
    `daysRequired must be ${termInt("thresholdEventDays")} (the general definition) or ${termInt("thresholdEventDaysMinimumEbitda")} (for Section 9.2.4)`,
  order: (row: number, date: number, previous: number) =>
    `dates row ${row}: ${isoFromSerial(date)} is not after row ${row - 1}'s ${isoFromSerial(previous)}; dates must be ascending without duplicates`,
  none: () => "no Threshold Event in the series",
} as const;

/** The Business Days required: 5 under the general definition, 3 with respect to Section 9.2.4; anything else is #NUM!. */
export function checkDaysRequired(daysRequired: number): number {
  if (daysRequired !== termInt("thresholdEventDays") && daysRequired !== termInt("thresholdEventDaysMinimumEbitda")) {
    throw numError(ThresholdMessages.daysRequired());
  }
  return daysRequired;
}

/** The switchable readings the Threshold Event test depends on (the others leave its events unchanged). */
export const THRESHOLD_EVENT_READINGS = ["R-TE-RECUR", "R-TE-DAYS", "R-TE-CARRY"] as const satisfies readonly ReadingId[];

/** A day of a prepared series that has no row of its own and carries the previous Business-Day row (Reading R-TE-CARRY). */
const CARRIED = 1;
/** A carried day on or before 2004-08-31: visited only under R-TE-DAYS SPAN (otherwise the fill starts after the cut-off). */
const CARRIED_ON_OR_BEFORE_CUTOFF = 2;

/**
 * A daily series' Business Days as the test visits them, worked out once: every Business-Day row
 * and every Business Day missing between two of them (carried, Reading R-TE-CARRY), in date order,
 * each with the row that supplies its figures. Rows on other days are left out (Reading
 * R-TE-DAYS). The readings and the count of days required only change how these days are counted,
 * so one preparation serves every reading and both counts (a review re-runs the test once per
 * reading alternative); compact typed arrays, a few bytes a day.
 */
export interface ThresholdSeriesDays {
  /** How many days. */
  readonly length: number;
  /** Each day, a whole-day serial, ascending. */
  readonly dates: Int32Array;
  /** The index of the row that supplies each day's figures (for a carried day, the previous Business-Day row). */
  readonly rows: Int32Array;
  /** CARRIED, CARRIED_ON_OR_BEFORE_CUTOFF. */
  readonly flags: Uint8Array;
}

/**
 * Prepares a series for the test (`ThresholdSeriesDays`), checking it as the test does: dates
 * ascending without duplicates and inside the business-day calendar, naming the first row that is
 * not. O(days spanned).
 *
 * @param dates - Excel serials (a time of day is ignored), ascending without duplicates
 * @param extraHolidays - non-business days beyond the Federal Reserve's holidays, as whole-day serials
 * @throws EngineError (value) for dates not ascending or duplicated, naming the row; (num) for a
 *   date outside the business-day calendar (1990..9999)
 */
export function thresholdSeriesDays(dates: ArrayLike<number>, extraHolidays?: ReadonlySet<number>): ThresholdSeriesDays {
  const after = termDate("thresholdEventAfter");
  let capacity = dates.length + (dates.length >> 2) + 16;
  let days = new Int32Array(capacity);
  let rows = new Int32Array(capacity);
  let flags = new Uint8Array(capacity);
  let length = 0;
  const push = (date: number, row: number, flag: number): void => {
    if (length === capacity) {
      capacity *= 2;
      const d = new Int32Array(capacity);
      d.set(days);
      days = d;
      const r = new Int32Array(capacity);
      r.set(rows);
      rows = r;
      const f = new Uint8Array(capacity);
      f.set(flags);
      flags = f;
    }
    days[length] = date;
    rows[length] = row;
    flags[length] = flag;
    length++;
  };
  let previousDate = -Infinity;
  let carrySource = -1;
  for (let i = 0; i < dates.length; i++) {
    const date = Math.floor(dates[i]);
    if (date <= previousDate) throw valueError(ThresholdMessages.order(i + 1, date, previousDate));
    previousDate = date;
    if (!inCalendar(date)) throw numError(`dates row ${i + 1}: ${BusinessDayMessages.outside("date", date)}`);
    // Reading R-TE-DAYS: rows on other days are ignored.
    if (!businessDayUnchecked(date, extraHolidays)) continue;
    if (carrySource >= 0) {
      // Reading R-TE-CARRY: the Business Days between the previous Business-Day row and this one carry it.
      for (let d = Math.floor(dates[carrySource]) + 1; d < date; d++) {
        if (businessDayUnchecked(d, extraHolidays)) push(d, carrySource, d <= after ? CARRIED | CARRIED_ON_OR_BEFORE_CUTOFF : CARRIED);
      }
    }
    push(date, i, 0);
    carrySource = i;
  }
  return { length, dates: days.subarray(0, length), rows: rows.subarray(0, length), flags: flags.subarray(0, length) };
}

/**
 * Runs the test over a prepared series and reports every event; `onDay`, when given, sees each
 * Business Day in order (the trace). `exceeds[i]` is 1 where row i's outstandings exceed its
 * Threshold (Reading R-TE-EXCEED), a flag array read on every day; carrying a row carries its
 * figures, so it carries that answer.
 *
 * @param days - as `thresholdSeriesDays` prepared them (its checks already passed)
 * @param daysRequired - 5 (the general definition) or 3 (with respect to Section 9.2.4)
 * @throws EngineError (num) for daysRequired other than 5 or 3
 */
export function thresholdEventsOfDays(
  days: ThresholdSeriesDays,
  exceeds: Uint8Array,
  daysRequired: number,
  readings?: Readings,
  onDay?: (day: ThresholdDay) => void,
): ThresholdEvent[] {
  checkDaysRequired(daysRequired);
  const after = termDate("thresholdEventAfter");
  const run = choiceOf(readings, "R-TE-RECUR") === "RUN";
  const span = choiceOf(readings, "R-TE-DAYS") === "SPAN";
  const carry = choiceOf(readings, "R-TE-CARRY") === "CARRY";
  const events: ThresholdEvent[] = [];
  let consecutive = 0;
  let inMonth = 0;
  let monthEnd = -Infinity;
  // R-TE-RECUR RUN: the run that gave the last event has not yet broken.
  let inEventRun = false;
  // Reading R-TE-RECUR: after an event in a month, clause (y) counts nothing more until the next month.
  let monthCountClosed = false;

  const { dates, rows, flags } = days;
  for (let k = 0; k < days.length; k++) {
    const flag = flags[k];
    // Days on or before the cut-off do not count, so (but under R-TE-DAYS SPAN) the fill starts after it.
    if ((flag & CARRIED_ON_OR_BEFORE_CUTOFF) !== 0 && !span) continue;
    const date = dates[k];
    const rowIndex = rows[k];
    const carried = (flag & CARRIED) !== 0;
    const above = carried && !carry ? false : exceeds[rowIndex] === 1;
    const counts = date > after;
    let event: ThresholdClause | undefined;
    if (counts || span) {
      if (date > monthEnd) {
        const { year, month, day } = ymd(date);
        monthEnd = date - day + daysInMonth(year, month);
        inMonth = 0;
        monthCountClosed = false;
      }
      if (inEventRun) {
        inEventRun = above;
      } else {
        consecutive = above ? consecutive + 1 : 0;
        if (above && !monthCountClosed) inMonth++;
      }
      const x = !inEventRun && consecutive >= daysRequired;
      const y = !inEventRun && inMonth >= daysRequired;
      if (counts && (x || y)) {
        // Reading R-TE-EARLIER: the first day either clause is met; R-TE-RECUR: both counts restart.
        event = x && y ? "x and y" : x ? "x" : "y";
        events.push({ date, clause: event });
      }
    }
    onDay?.({ date, row: rowIndex, carried, exceeds: above, counts, consecutive, inMonth, event });
    if (event !== undefined) {
      consecutive = 0;
      inMonth = 0;
      monthCountClosed = true;
      inEventRun = run && above;
    }
  }
  return events;
}

/** Runs the test over the series (checked and prepared, then counted) and reports every event. */
function scan(
  dates: ArrayLike<number>,
  exceeds: Uint8Array,
  daysRequired: number,
  extraHolidays: ReadonlySet<number> | undefined,
  onDay?: (day: ThresholdDay) => void,
  readings?: Readings,
): ThresholdEvent[] {
  checkDaysRequired(daysRequired);
  return thresholdEventsOfDays(thresholdSeriesDays(dates, extraHolidays), exceeds, daysRequired, readings, onDay);
}

/** The dates and the exceedance test of decimal rows. Reading R-TE-EXCEED: "exceed" is strictly greater than. */
function rowArgs(rows: readonly ThresholdRow[]): [number[], Uint8Array] {
  return [rows.map((r) => r.date), Uint8Array.from(rows, (r) => (r.outstandings.greaterThan(r.threshold) ? 1 : 0))];
}

/**
 * As `thresholdEventDetails`, for a series already reduced to whether each row's outstandings exceed
 * its Threshold (strictly, Reading R-TE-EXCEED). The custom functions use it: comparing the two
 * numbers of a cell pair is exact without building decimals, which saves most of the time over
 * 100,000 rows.
 *
 * @param dates - Excel serials, ascending without duplicates
 * @param exceeds - 1 where row i's Revolving Credit Outstandings exceed its Threshold, else 0 (a
 *   flag array rather than a callback: the scan reads it on every Business Day)
 * @example thresholdEventsByExceedance([serial(2004, 9, 1), …], Uint8Array.of(1, …), 5)
 */
export function thresholdEventsByExceedance(
  dates: ArrayLike<number>,
  exceeds: Uint8Array,
  daysRequired: number,
  extraHolidays?: ReadonlySet<number>,
  readings?: Readings,
): ThresholdEvent[] {
  return scan(dates, exceeds, daysRequired, extraHolidays, undefined, readings);
}

/**
 * Section 1.1(aa): every Threshold Event in a daily series, in date order.
 *
 * @param rows - daily Revolving Credit Outstandings and the Threshold as of each date, dates ascending
 * @param daysRequired - 5 (the general definition) or 3 (with respect to Section 9.2.4)
 * @param extraHolidays - non-business days beyond the Federal Reserve's holidays, as whole-day serials
 * @returns the event dates (empty when there is none)
 * @throws EngineError (value) for dates not ascending or duplicated, naming the row; (num) for
 *   daysRequired other than 5 or 3, or a date outside the business-day calendar (1990..9999)
 * @example
 * // exceedances on 2004-09-01, 02, 03, 07, 08 (09-06 is Labor Day):
 * thresholdEvents(rows, 5) //=> [serial(2004, 9, 8)]
 * thresholdEvents(rows, 3) //=> [serial(2004, 9, 3)]
 */
export function thresholdEvents(rows: readonly ThresholdRow[], daysRequired: number, extraHolidays?: ReadonlySet<number>, readings?: Readings): number[] {
  return scan(...rowArgs(rows), daysRequired, extraHolidays, undefined, readings).map((e) => e.date);
}

/** As `thresholdEvents`, with the clause that gave each event ("x", "y" or "x and y"). */
export function thresholdEventDetails(rows: readonly ThresholdRow[], daysRequired: number, extraHolidays?: ReadonlySet<number>, readings?: Readings): ThresholdEvent[] {
  return scan(...rowArgs(rows), daysRequired, extraHolidays, undefined, readings);
}

/** As `thresholdEvents`, but every Business Day of the series with its counts, for showing the working. */
export function thresholdEventTrace(rows: readonly ThresholdRow[], daysRequired: number, extraHolidays?: ReadonlySet<number>, readings?: Readings): ThresholdDay[] {
  const days: ThresholdDay[] = [];
  scan(...rowArgs(rows), daysRequired, extraHolidays, (day) => days.push(day), readings);
  return days;
}

/**
 * The first Threshold Event, or null when the series has none: "no event" is a value, not an error.
 *
 * @example firstThresholdEventDate(rows, 5) //=> serial(2004, 9, 8)
 */
export function firstThresholdEventDate(rows: readonly ThresholdRow[], daysRequired: number, extraHolidays?: ReadonlySet<number>, readings?: Readings): number | null {
  return thresholdEvents(rows, daysRequired, extraHolidays, readings)[0] ?? null;
}

/**
 * The first Threshold Event, or #N/A ("no Threshold Event in the series") when there is none: the
 * custom functions' form of `firstThresholdEventDate`.
 *
 * @example firstThresholdEvent(rows, 5) //=> serial(2004, 9, 8)
 */
export function firstThresholdEvent(rows: readonly ThresholdRow[], daysRequired: number, extraHolidays?: ReadonlySet<number>, readings?: Readings): number {
  const first = firstThresholdEventDate(rows, daysRequired, extraHolidays, readings);
  if (first === null) throw naError(ThresholdMessages.none());
  return first;
}
