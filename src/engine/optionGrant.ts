/**
 * The stock option grant letter under the Kaiser 1993 Omnibus Stock Incentive Plan (source "001"):
 * vesting, the deemed date of exercise, the windows after termination of employment, the
 * Company's repurchase right, the ordinary income on exercise and the adjustment for splits.
 *
 * The letter leaves the grant's own figures blank (grant date, shares, exercise price, vesting
 * rate, years, first vesting date): they are arguments. Its fixed rules (the 5:00 p.m. cut-off,
 * the ten-day repurchase window, the one-year, three-year and three-month windows) come from the
 * table of terms. Paragraphs are counted from "We are pleased" (¶1).
 *
 * Not modelled: the Plan itself (only the letter's summary of it is in the documents), withholding
 * taxes (¶4 leaves their mechanics to "future communications"), and the Compensation Committee's
 * discretion, whose determinations are conclusive (¶6, ¶7): every result here is a proposal for the
 * Committee, not its determination.
 */
import { dec, Dec, ONE, ZERO, maxDec } from "./decimal";
import { addMonths, addYears, checkSerial, ymd } from "./dates";
import { numError } from "./errors";
import { isBusinessDay, nextBusinessDay } from "./businessDays";
import { isTradingDay, nextTradingDay } from "./tradingDays";
import { choiceOf, Readings } from "./readings";
import { termInt } from "./terms";

/**
 * Reading R-OPTION-WHOLE-SHARES: Excel holds numbers to about 15 significant digits, so a rate typed
 * as =1/3 is stored just under one third and 300 × it is 99.99999999999999. A computed count within
 * this relative distance of a whole number is that whole number; otherwise it is rounded down.
 */
const WHOLE_TOLERANCE = dec("1e-12");

/** A computed share count as whole shares, rounded down (Reading R-OPTION-WHOLE-SHARES). */
export function wholeSharesDown(shares: Dec): Dec {
  const nearest = shares.round();
  if (shares.minus(nearest).abs().lessThanOrEqualTo(nearest.abs().times(WHOLE_TOLERANCE))) return nearest;
  return shares.floor();
}

/** A computed count of periods as a whole number, rounded up (Reading R-OPTION-WHOLE-SHARES). */
function wholeUp(count: Dec): Dec {
  const nearest = count.round();
  if (count.minus(nearest).abs().lessThanOrEqualTo(nearest.abs().times(WHOLE_TOLERANCE))) return nearest;
  return count.ceil();
}

function checkRate(rate: Dec, arg: string): void {
  if (rate.lessThanOrEqualTo(ZERO) || rate.greaterThan(ONE)) throw numError(`${arg} must be a fraction above 0 and at most 1 (25% is 0.25)`);
}

// ---------------------------------------------------------------------------------------------
// Vesting (¶3)
// ---------------------------------------------------------------------------------------------

export interface VestingTerms {
  /** The letter's "_________ shares of KAC common stock". */
  readonly grantShares: Dec;
  /** "vest at the rate of _____% per year", a fraction in (0, 1]. */
  readonly vestPercentPerYear: Dec;
  /** "with the first ____% vesting on _________". */
  readonly firstVestDate: number;
  /** "over the next ___ years": the number of tranches, the first included. Default: as many as vest the grant. */
  readonly years?: number;
  /** "the first ____%", a fraction in (0, 1]; default `vestPercentPerYear`. */
  readonly firstVestPercent?: Dec;
}

export interface Tranche {
  readonly date: number;
  readonly shares: Dec;
  readonly cumulative: Dec;
}

interface Schedule {
  readonly grant: Dec;
  readonly firstPercent: Dec;
  readonly rate: Dec;
  readonly years: number;
}

/**
 * Reading R-OPTION-VEST: the first tranche is `firstVestPercent` of the grant, each later one
 * `vestPercentPerYear`, rounded cumulatively: after tranche k the shares vested are the grant times the
 * cumulative percentage, rounded down to whole shares (so 999 shares at 25% a year have 499 vested
 * after two tranches, not 2 × 249); the tranche numbered `years` takes what is left, and no tranche
 * takes the total above the grant. `years` defaults to the number of tranches that vest the whole
 * grant, 1 + ⌈(1 − first%) / rate⌉ (⌈1 / rate⌉ when the first is the rate).
 */
function schedule(t: VestingTerms): Schedule {
  checkRate(t.vestPercentPerYear, "vestPercentPerYear");
  const firstPercent = t.firstVestPercent ?? t.vestPercentPerYear;
  checkRate(firstPercent, "firstVestPercent");
  if (!t.grantShares.isInteger() || t.grantShares.isNegative()) throw numError("grantShares must be a whole number of shares, not negative");
  const years = t.years ?? ONE.plus(wholeUp(ONE.minus(firstPercent).dividedBy(t.vestPercentPerYear))).toNumber();
  if (!Number.isInteger(years) || years < 1) throw numError("years must be a whole number of at least 1");
  return { grant: t.grantShares, firstPercent, rate: t.vestPercentPerYear, years };
}

/** Shares vested once `count` tranches (1 ≤ count) have vested: floor(grant × cumulative %), the last tranche the rest. */
function vestedAfter(s: Schedule, count: number): Dec {
  if (count >= s.years) return s.grant;
  const cumulativePercent = s.firstPercent.plus(s.rate.times(count - 1));
  return Dec.min(s.grant, wholeSharesDown(s.grant.times(cumulativePercent)));
}

/**
 * Section ¶3 of the grant letter: "The above option will vest at the rate of _____% per year over
 * the next ___ years, with the first ____% vesting on _________."
 *
 * Shares vested at `asOfDate`: the first tranche on `firstVestDate`, then one on each anniversary
 * of it (Reading R-OPTION-VEST; Reading R-OPTION-ANNIVERSARY: a tranche has vested on its own date,
 * and the anniversary of 29 February in a common year is 28 February).
 *
 * @throws EngineError (num) for a rate outside (0, 1], years not a whole number of at least 1, or a
 * grant that is not a whole number of shares
 * @example vestedShares({ grantShares: dec(1000), vestPercentPerYear: dec("0.25"), firstVestDate: serial(2005, 3, 1) }, serial(2006, 3, 1)) //=> 500
 */
export function vestedShares(t: VestingTerms, asOfDate: number): Dec {
  const s = schedule(t);
  if (asOfDate < t.firstVestDate) return ZERO;
  let anniversaries = ymd(asOfDate).year - ymd(t.firstVestDate).year;
  if (addYears(t.firstVestDate, anniversaries) > asOfDate) anniversaries -= 1;
  return vestedAfter(s, anniversaries + 1);
}

/**
 * The whole vesting schedule of ¶3, one tranche per year (Reading R-OPTION-VEST), with the shares of
 * each and the cumulative total. Tranches that vest nothing (a `years` longer than the grant needs)
 * are listed with 0 shares.
 *
 * @example vestingSchedule({ grantShares: dec(100), vestPercentPerYear: dec("0.3"), firstVestDate: serial(2005, 3, 1) }).map((t) => t.shares.toString()) //=> ["30", "30", "30", "10"]
 */
export function vestingSchedule(t: VestingTerms): Tranche[] {
  const s = schedule(t);
  const tranches: Tranche[] = [];
  let previous = ZERO;
  for (let k = 1; k <= s.years; k++) {
    const cumulative = vestedAfter(s, k);
    tranches.push({ date: checkSerial(addYears(t.firstVestDate, k - 1), "the vesting date"), shares: cumulative.minus(previous), cumulative });
    previous = cumulative;
  }
  return tranches;
}

// ---------------------------------------------------------------------------------------------
// Exercise (¶4)
// ---------------------------------------------------------------------------------------------

const MS_PER_DAY = 86400000;
const MS_PER_HOUR = 3600000;

/**
 * Section ¶4 of the grant letter: "If the notice of exercise is received after 5:00 p.m. Houston
 * time, the exercise will be deemed to have occurred on the next business day."
 *
 * The date an exercise is deemed to occur: the notice's own date when it is received by the cut-off
 * on a business day, else the next business day.
 *
 * Reading R-EXERCISE-CUTOFF: a notice at exactly 5:00 p.m. is in time ("after" is strictly after).
 * The time of day is the serial's fraction read in Houston time, rounded to the nearest millisecond
 * and compared with 17:00:00.000 in whole milliseconds, so 17/24 (not a terminating decimal) is
 * exactly 5:00 p.m. and 5:00:00.001 p.m. is late. A fraction that rounds up to midnight is the next
 * day's midnight.
 *
 * Reading R-EXERCISE-BUSINESSDAY: the letter does not define "business day"; the add-in's calendar
 * applies (Reading R-BD-CALENDAR: Monday to Friday except the Federal Reserve's holidays and the
 * extra holidays given). A notice received on a day that is not a business day, at any hour, is
 * deemed exercised on the next business day. The alternative NYSE takes the New York Stock
 * Exchange's trading days (tradingDays.ts), whose closing price the repurchase of ¶3 uses.
 *
 * @throws EngineError (num) for a notice or a result outside the business-day calendar (1990-01-01 to 9999-12-31, Reading R-BD-RANGE)
 * @example exerciseDate(serial(2004, 9, 3) + 17.5 / 24) //=> serial(2004, 9, 7) (Friday after 5 p.m., Labor Day Monday)
 * @example exerciseDate(serial(2004, 6, 11) + 0.5, undefined, { "R-EXERCISE-BUSINESSDAY": "NYSE" }) //=> serial(2004, 6, 14)
 */
export function exerciseDate(noticeDateTime: number, extraHolidays?: ReadonlySet<number>, readings?: Readings): number {
  const totalMs = Math.round(noticeDateTime * MS_PER_DAY);
  const day = Math.floor(totalMs / MS_PER_DAY);
  const msOfDay = totalMs - day * MS_PER_DAY;
  const inTime = msOfDay <= termInt("exerciseCutoffHour") * MS_PER_HOUR;
  if (choiceOf(readings, "R-EXERCISE-BUSINESSDAY") === "NYSE") return inTime && isTradingDay(day, extraHolidays) ? day : nextTradingDay(day, extraHolidays);
  return inTime && isBusinessDay(day, extraHolidays) ? day : nextBusinessDay(day, extraHolidays);
}

// ---------------------------------------------------------------------------------------------
// Termination of employment (¶5)
// ---------------------------------------------------------------------------------------------

export const TERMINATION_REASONS = ["CAUSE", "DEATH", "DISABILITY", "RETIREMENT", "OTHER"] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/** The end of the window after termination, before the scheduled expiry is applied. */
function windowEnd(terminationDate: number, reason: TerminationReason): number {
  switch (reason) {
    case "CAUSE":
      return terminationDate;
    case "DEATH":
    case "DISABILITY":
      return addYears(terminationDate, termInt("deathDisabilityWindowYears"));
    case "RETIREMENT":
      return addYears(terminationDate, termInt("retirementWindowYears"));
    case "OTHER":
      return addMonths(terminationDate, termInt("otherTerminationWindowMonths"));
  }
}

/**
 * Section ¶5 of the grant letter: "All options terminate immediately upon termination of employment
 * for cause. If employment terminates on account of death or disability, any of the option … which
 * is exercisable at termination may be exercised until the earlier of the first anniversary of such
 * termination date or its scheduled expiration date. Any option exercisable upon the holder's
 * retirement may be exercised until the third anniversary of employment termination or its
 * scheduled expiration date. On termination of employment in any circumstances not mentioned above,
 * an option exercisable at termination may be exercised for three months thereafter, but not after
 * its scheduled expiration date."
 *
 * The last day the options exercisable at termination may be exercised:
 * - CAUSE: the termination date (Reading R-OPTION-CAUSE: the options end at termination; no exercise after it);
 * - DEATH, DISABILITY: the earlier of the first anniversary and the scheduled expiry;
 * - RETIREMENT: the earlier of the third anniversary and the scheduled expiry (Reading R-OPTION-RETIREMENT);
 * - OTHER: the earlier of three months after termination and the scheduled expiry.
 * Every window ends no later than the scheduled expiry, CAUSE included (an option past its
 * scheduled expiration is not revived by a termination). Reading R-OPTION-WINDOW: "until" the
 * anniversary and "for three months thereafter" include that day; month arithmetic clamps to the
 * month's end (2004-11-30 + 3 months = 2005-02-28), as does an anniversary of 29 February.
 * Reading R-OPTION-EXERCISABLE: the window applies to the part "exercisable at termination", the
 * shares vested at the termination date (`vestedShares(…, terminationDate)`); no tranche vests
 * after termination, and the rest of the option ends with employment.
 *
 * The alternative THIRDANNIVERSARY of Reading R-OPTION-RETIREMENT reads the retirement sentence as
 * written, without "the earlier of": the third anniversary, even past the scheduled expiry.
 *
 * @example optionExpiry(serial(2012, 1, 15), serial(2004, 11, 30), "OTHER") //=> serial(2005, 2, 28)
 */
export function optionExpiry(scheduledExpiry: number, terminationDate: number, reason: TerminationReason, readings?: Readings): number {
  if (reason === "RETIREMENT" && choiceOf(readings, "R-OPTION-RETIREMENT") === "THIRDANNIVERSARY") return windowEnd(terminationDate, reason);
  return Math.min(windowEnd(terminationDate, reason), scheduledExpiry);
}

// ---------------------------------------------------------------------------------------------
// Repurchase right (¶3), income (¶4), adjustments (¶6)
// ---------------------------------------------------------------------------------------------

/**
 * Section ¶3 of the grant letter: "This grant is subject to the Company's right to repurchase the
 * option, in whole or in part, within ten days of your exercise of such option at a price equal to
 * the difference between the exercise price and the closing price on the date of your exercise".
 *
 * Reading R-REPURCHASE-PRICE: the price is (closing price − exercise price) per share times the
 * shares repurchased, never below 0: when the closing price is at or below the exercise price the
 * option is worth nothing on exercise and the Company pays nothing. Exact, not rounded.
 *
 * @example repurchasePrice(dec("12.50"), dec("15.75"), dec(1000)) //=> 3250
 */
export function repurchasePrice(exercisePrice: Dec, closingPriceOnExercise: Dec, shares: Dec): Dec {
  return maxDec(ZERO, closingPriceOnExercise.minus(exercisePrice)).times(shares);
}

/**
 * Section ¶3 of the grant letter: the repurchase right runs "within ten days of your exercise".
 *
 * Reading R-REPURCHASE-DEADLINE: calendar days, day 1 the day after the exercise, so the last day is
 * the exercise date plus ten; no roll to a business day (the letter says days, not business days).
 *
 * @throws EngineError (num) when the deadline falls after 9999-12-31
 * @example repurchaseDeadline(serial(2004, 9, 7)) //=> serial(2004, 9, 17)
 */
export function repurchaseDeadline(exerciseDate: number): number {
  return checkSerial(exerciseDate + termInt("repurchaseWindowDays"), "the repurchase deadline");
}

/**
 * Section ¶4 of the grant letter: "Ordinary income is recognized by an optionee upon exercise of a
 * non-qualified stock option … in an amount equal to the difference between the market value of
 * the shares of common stock acquired and the exercise price paid for them."
 *
 * Reading R-OPTION-INCOME: (market value per share − exercise price) × shares, exact and signed:
 * an exercise below water gives a negative figure, which is shown rather than hidden (the tax
 * treatment of such an exercise is not modelled).
 *
 * @example optionIncome(dec("15.75"), dec("12.50"), dec(1000)) //=> 3250
 */
export function optionIncome(marketValuePerShare: Dec, exercisePrice: Dec, shares: Dec): Dec {
  return marketValuePerShare.minus(exercisePrice).times(shares);
}

export interface SplitAdjustment {
  readonly shares: Dec;
  readonly exercisePrice: Dec;
  /** The total price of the unexercised portion, before and after (unchanged). */
  readonly totalPrice: Dec;
}

/**
 * Section ¶6 of the grant letter: on a stock split, reverse split or the like "an appropriate and
 * proportionate adjustment (to be conclusively determined by the 'Compensation Committee' …) shall
 * be made in the number and kind of securities allocated to this option without change in the total
 * price applicable to the unexercised portion of this option, but with a corresponding adjustment in
 * the price for each share".
 *
 * Reading R-OPTION-SPLIT: the new number of shares is shares × ratio rounded down to whole shares
 * (Reading R-OPTION-WHOLE-SHARES; a 3-for-2 split is ratio 1.5, a 1-for-10 reverse split 0.1); the
 * new price per share is the unchanged total price (shares × exercise price) divided by the new
 * number of shares, to the 40 significant digits of the engine's arithmetic, not rounded, so that
 * the total price is kept to the cent. The Committee's determination is conclusive: this is a
 * proposal. Not modelled: a change "into … a different … kind" of security.
 *
 * @throws EngineError (num) for a ratio not above 0, or when the adjustment leaves no whole share
 * @example splitAdjust(dec(1000), dec(10), dec("1.5")) //=> { shares: 1500, exercisePrice: 6.666…67 }
 */
export function splitAdjust(shares: Dec, exercisePrice: Dec, ratio: Dec): SplitAdjustment {
  if (ratio.lessThanOrEqualTo(ZERO)) throw numError("ratio must be above 0 (a 3-for-2 split is 1.5, a 1-for-10 reverse split is 0.1)");
  const newShares = wholeSharesDown(shares.times(ratio));
  if (newShares.isZero()) throw numError("the adjustment leaves no whole share, so no price per share keeps the total price");
  const totalPrice = shares.times(exercisePrice);
  return { shares: newShares, exercisePrice: totalPrice.dividedBy(newShares), totalPrice };
}
