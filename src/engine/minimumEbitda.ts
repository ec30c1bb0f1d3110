/**
 * Section 9.2.4 (Minimum EBITDA), as the Seventh Amendment replaces it (Section 1.14):
 *
 * "Commencing with the first month in which a Threshold Event occurs …, the Company and its
 * Subsidiaries, on a consolidated basis, shall have a minimum EBITDA of not less than the following
 * amounts, measured as of the last day of such month and each month thereafter for the period
 * specified below: 1 month ending 10/31/04 $(22,500,000); 2 months ending 11/30/04 $(20,500,000);
 * 3 months ending 12/31/04 $(19,500,000)."
 *
 * "Upon consummation of a QAL Triggering Event and/or an Asset Disposition of the Gramercy/KJBC
 * Interests and/or the VALCO Interests, the minimum EBITDA amounts … for each period ending after
 * [it] is consummated will automatically be reduced by an amount equal to the product of (i) the
 * Attributable EBITDA Amount … for the applicable period, times (ii) a fraction, the numerator of
 * which is the number of days remaining in such period and the denominator of which is the total
 * number of days in such period. All reductions … will be cumulative."
 *
 * Not modelled: the Attributable EBITDA Amounts themselves ("as agreed in writing by the Company
 * and the Required Lenders"); the amendment does not reproduce them, so the caller supplies each
 * disposition's amount for each of the three periods (Reading R-EBITDA-PERIOD-AMOUNT). EBITDA itself
 * is the Credit Agreement's definition, supplied by the caller.
 */
import { Dec, ZERO } from "./decimal";
import { isoFromSerial, monthIndex } from "./dates";
import { naError, numError } from "./errors";
import { formatUsd } from "./format";
import { term, TermKey, termDate } from "./terms";
import { choiceOf, Readings } from "./readings";

/** One Minimum EBITDA period of the table of Section 9.2.4. */
export interface MinimumEbitdaPeriod {
  /** Its place in the table, from 0 (1 month ending 2004-10-31) to 2 (3 months ending 2004-12-31). */
  readonly index: number;
  /** Excel serial of the first day (2004-10-01 for every period, Reading R-EBITDA-PERIOD). */
  readonly start: number;
  /** Excel serial of the last day, the measurement date. */
  readonly end: number;
  /** Total days in the period, both ends counted (31, 61, 92). */
  readonly days: number;
  /** The minimum EBITDA before any reduction (negative: a maximum loss). */
  readonly minimum: Dec;
  /** The terms-table key of `minimum`. */
  readonly key: TermKey;
}

/**
 * Section 9.2.4: a disposition's Attributable EBITDA Amount "for the applicable period", one for each
 * period of the table, in its order: the 1 month ending 2004-10-31, the 2 months ending 2004-11-30,
 * the 3 months ending 2004-12-31 (signed, Reading R-EBITDA-REDUCED).
 *
 * Reading R-EBITDA-PERIOD-AMOUNT: the amount for a period is the one agreed for that whole period,
 * from 2004-10-01 to its end (where the agreement gives the amounts month by month, the months the
 * period covers added together); the floor of a period uses that period's amount only.
 */
export type AttributableEbitdaAmounts = readonly [oneMonth: Dec, twoMonths: Dec, threeMonths: Dec];

/** A QAL Triggering Event or an Asset Disposition of the Gramercy/KJBC or VALCO Interests. */
export interface Disposition {
  /** Excel serial of the day it was consummated. */
  readonly date: number;
  /** Its Attributable EBITDA Amount for each period of the table (Reading R-EBITDA-PERIOD-AMOUNT). */
  readonly attributableAmounts: AttributableEbitdaAmounts;
}

/**
 * One amount used as the Attributable EBITDA Amount of every period: what a caller that has a single
 * amount per disposition (an older model, a one-column range) gives, so its figures do not change.
 *
 * @example sameForEveryPeriod(dec(3000000)).map(String) //=> ["3000000", "3000000", "3000000"]
 */
export function sameForEveryPeriod(amount: Dec): AttributableEbitdaAmounts {
  return [amount, amount, amount];
}

/**
 * Section 9.2.4, clause (i): "the Attributable EBITDA Amount … for the applicable period", the
 * disposition's amount for the period measured (Reading R-EBITDA-PERIOD-AMOUNT).
 *
 * @example attributableAmountFor({ date: 38306, attributableAmounts: [dec(1), dec(2), dec(3)] }, minimumEbitdaPeriod(38321)) //=> 2
 */
export function attributableAmountFor(disposition: Disposition, period: MinimumEbitdaPeriod): Dec {
  return disposition.attributableAmounts[period.index];
}

/** The messages of the Minimum EBITDA functions (STYLE.md, "Errors as values, one catalogue"). */
export const MinimumEbitdaMessages = {
  /** An `attributableAmounts` range that is neither one amount per disposition nor one per period. */
  attributableAmountsWidth: (width: number): string => {
    const periods = minimumEbitdaPeriods();
    const names = periods.map((p, i) => `column ${i + 1} the ${periodName(p)}`).join(", ");
    return `attributableAmounts must be 1 column (the same Attributable EBITDA Amount for every period) or ${periods.length} columns, one per period in the table's order (${names}); it has ${width} columns [9.2.4]`;
  },
} as const;

/** Whether the covenant is measured for a period, and if so whether it is met. */
export type EbitdaStatus = "PASS" | "FAIL" | "NOT TESTED";

const PERIOD_KEYS: readonly (readonly [end: TermKey, minimum: TermKey])[] = [
  ["minimumEbitdaPeriod1End", "minimumEbitdaPeriod1"],
  ["minimumEbitdaPeriod2End", "minimumEbitdaPeriod2"],
  ["minimumEbitdaPeriod3End", "minimumEbitdaPeriod3"],
];

/**
 * The three periods of Section 9.2.4, in order.
 *
 * Reading R-EBITDA-PERIOD: every period runs from 2004-10-01 (the start of "the period from
 * October 1, 2004 through December 31, 2004" for which the Attributable EBITDA Amounts are agreed)
 * to its end date, so the periods have 31, 61 and 92 days.
 *
 * @example minimumEbitdaPeriods().map((p) => p.days) //=> [31, 61, 92]
 */
export function minimumEbitdaPeriods(): readonly MinimumEbitdaPeriod[] {
  const start = termDate("minimumEbitdaPeriodStart");
  return PERIOD_KEYS.map(([endKey, key], index) => {
    const end = termDate(endKey);
    return { index, start, end, days: end - start + 1, minimum: term(key), key };
  });
}

/**
 * The period of Section 9.2.4 that ends on `periodEnd`.
 *
 * @throws #N/A ("no minimum EBITDA is set for the period ending …") for any other date.
 * @example minimumEbitdaPeriod(38321).minimum //=> -20500000 (2 months ending 2004-11-30)
 */
export function minimumEbitdaPeriod(periodEnd: number): MinimumEbitdaPeriod {
  const found = minimumEbitdaPeriods().find((p) => p.end === periodEnd);
  if (found === undefined) {
    const ends = minimumEbitdaPeriods().map((p) => isoFromSerial(p.end)).join(", ");
    throw naError(`no minimum EBITDA is set for the period ending ${isoFromSerial(periodEnd)}; Section 9.2.4 sets one for the periods ending ${ends}`);
  }
  return found;
}

/**
 * The "number of days remaining in such period" after a disposition consummated on `date`.
 *
 * Reading R-EBITDA-DAYS-REMAINING: the days after the day of consummation up to and including
 * the period's last day (`end − date`); the day of consummation is not remaining. A disposition on
 * or before the day before the period starts leaves the whole period (all its days); one on or
 * after the period's last day leaves none. The alternative INCLUSIVE counts the day of
 * consummation as remaining (`end − date + 1`), still none for one on or after the last day
 * (the period does not end after it).
 *
 * @example daysRemaining(minimumEbitdaPeriod(38321), 38306) //=> 15 (2004-11-15 in the 2-month period)
 */
export function daysRemaining(period: MinimumEbitdaPeriod, date: number, readings?: Readings): number {
  if (date >= period.end) return 0;
  const inclusive = choiceOf(readings, "R-EBITDA-DAYS-REMAINING") === "INCLUSIVE" ? 1 : 0;
  return Math.max(0, Math.min(period.days, period.end - date + inclusive));
}

/**
 * The reduction of one period's minimum for one disposition: its Attributable EBITDA Amount for that
 * period × days remaining / total days, exact (a fraction that does not terminate is held to 40
 * significant digits; see `minimumEbitdaFloor` for how the floor avoids rounding twice).
 *
 * @example dispositionReduction(minimumEbitdaPeriod(38321), { date: 38306, attributableAmounts: sameForEveryPeriod(dec(3000000)) }) //=> 737704.918…
 */
export function dispositionReduction(period: MinimumEbitdaPeriod, disposition: Disposition, readings?: Readings): Dec {
  return attributableAmountFor(disposition, period).times(daysRemaining(period, disposition.date, readings)).dividedBy(period.days);
}

/**
 * Section 9.2.4: the minimum EBITDA for the period ending on `periodEnd`, after the reductions for
 * every disposition consummated before the period ends, cumulatively.
 *
 * Reading R-EBITDA-REDUCED: "reduced by" subtracts each product from the table's amount, so a
 * positive Attributable EBITDA Amount makes the (negative) floor more negative; a negative one
 * (an interest expected to lose money) raises it, the product being what the text prescribes.
 *
 * Reading R-EBITDA-PRECISION: all dispositions share the period's denominator, so the floor is
 * computed as the single fraction (minimum × days − Σ amount × days remaining) / days: the numerator
 * is exact and the one division is rounded to 40 significant digits (half up). The number handed to
 * Excel is the nearest double to that decimal.
 *
 * @param periodEnd - Excel serial of the period's last day (2004-10-31, 2004-11-30 or 2004-12-31).
 * @param dispositions - Each disposition with its date and its Attributable EBITDA Amount for each
 *   period; the floor of this period uses this period's amount (Reading R-EBITDA-PERIOD-AMOUNT).
 * @returns The floor in US dollars (negative).
 * @throws #N/A for a `periodEnd` the table does not list.
 * @example minimumEbitdaFloor(38321, [{ date: 38306, attributableAmounts: [dec(1000000), dec(3000000), dec(4000000)] }])
 * //=> -21237704.91803278688524590163934426229508 (−20,500,000 − 3,000,000 × 15/61: the 2-month amount)
 */
export function minimumEbitdaFloor(periodEnd: number, dispositions: readonly Disposition[] = [], readings?: Readings): Dec {
  const period = minimumEbitdaPeriod(periodEnd);
  let reductions = ZERO;
  for (const d of dispositions) reductions = reductions.plus(attributableAmountFor(d, period).times(daysRemaining(period, d.date, readings)));
  return period.minimum.times(period.days).minus(reductions).dividedBy(period.days);
}

/**
 * Checks the date of the first Threshold Event for Section 9.2.4 (undefined when none has occurred).
 *
 * @throws #NUM! when it is on or before 2004-08-31: a Threshold Event occurs only "at any time after" it.
 */
export function checkFirstThresholdEvent(firstThresholdEvent: number | undefined): number | undefined {
  const after = termDate("thresholdEventAfter");
  if (firstThresholdEvent !== undefined && firstThresholdEvent <= after) {
    throw numError(`firstThresholdEvent must be after ${isoFromSerial(after)}: a Threshold Event occurs only "at any time after" that date [1.1(aa)]`);
  }
  return firstThresholdEvent;
}

/**
 * Reading R-EBITDA-START: whether Section 9.2.4 measures the period ending on `periodEnd`. The
 * covenant commences "with the first month in which a Threshold Event occurs" (the three-Business-
 * Day Threshold Event of 1.1(aa), as KAISER.THRESHOLDEVENT gives it with daysRequired 3), so a
 * period ending in an earlier month is not tested; with no Threshold Event, none is.
 *
 * @throws #NUM! as `checkFirstThresholdEvent`.
 * @example isTested(38321, 38300) //=> true (Threshold Event on 2004-11-09, period ending 2004-11-30)
 */
export function isTested(periodEnd: number, firstThresholdEvent: number | undefined): boolean {
  const event = checkFirstThresholdEvent(firstThresholdEvent);
  return event !== undefined && monthIndex(periodEnd) >= monthIndex(event);
}

/**
 * Section 9.2.4: "PASS" when EBITDA is not less than the floor (equal passes), "FAIL" when it is
 * less, "NOT TESTED" for a period before the covenant commences (Reading R-EBITDA-START).
 *
 * @param periodEnd - Excel serial of the period's last day.
 * @param ebitda - The Company's consolidated EBITDA for the period, signed, in US dollars.
 * @param firstThresholdEvent - Excel serial of the first Threshold Event for 9.2.4, or undefined for none.
 * @param dispositions - As for `minimumEbitdaFloor`.
 * @throws #N/A for a `periodEnd` the table does not list (tested or not); #NUM! as `isTested`.
 * @example ebitdaTest(38321, dec(-20500000), 38300) //=> "PASS" (equal to the floor)
 */
export function ebitdaTest(periodEnd: number, ebitda: Dec, firstThresholdEvent: number | undefined, dispositions: readonly Disposition[] = [], readings?: Readings): EbitdaStatus {
  const floor = minimumEbitdaFloor(periodEnd, dispositions, readings);
  if (!isTested(periodEnd, firstThresholdEvent)) return "NOT TESTED";
  return ebitda.greaterThanOrEqualTo(floor) ? "PASS" : "FAIL";
}

/**
 * EBITDA less the floor, signed: the cushion above the minimum (negative when the covenant fails).
 * Reading R-EBITDA-HEADROOM: shown whether or not the covenant is yet tested, so a model can watch
 * the cushion before a Threshold Event springs the covenant.
 *
 * @example ebitdaHeadroom(38291, dec(-20000000)) //=> 2500000
 */
export function ebitdaHeadroom(periodEnd: number, ebitda: Dec, dispositions: readonly Disposition[] = [], readings?: Readings): Dec {
  return ebitda.minus(minimumEbitdaFloor(periodEnd, dispositions, readings));
}

/** The period as the table of Section 9.2.4 names it: "2 months ending 2004-11-30". */
export function periodName(period: MinimumEbitdaPeriod): string {
  const months = monthIndex(period.end) - monthIndex(period.start) + 1;
  return `${months} month${months === 1 ? "" : "s"} ending ${isoFromSerial(period.end)}`;
}

/** A label such as "Minimum EBITDA, 2 months ending 2004-11-30: -$20,500,000 [9.2.4]", for reports. */
export function describePeriod(period: MinimumEbitdaPeriod): string {
  return `Minimum EBITDA, ${periodName(period)}: ${formatUsd(period.minimum)} [9.2.4]`;
}

