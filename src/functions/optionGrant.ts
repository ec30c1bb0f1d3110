/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * Custom functions for the stock option grant letter under the Kaiser 1993 Omnibus Stock Incentive
 * Plan (source "001"; ¶ counts the letter's paragraphs from "We are pleased"). The letter's blanks
 * (shares, exercise price, vesting rate, years, first vesting date) are the arguments.
 * Thin: convert, call the engine (src/engine/optionGrant.ts), convert back.
 */
import { dec } from "../engine/decimal";
import * as engine from "../engine/optionGrant";
import { elementwise, elementwiseRows, guard } from "./support/arrays";
import { holidaySet } from "./support/holidays";
import { amount, date, dateTime, fraction, integer, keyword, number } from "./support/params";
import { readingsArg } from "./support/readings";

/**
 * Shares of an option grant vested at a date: the first tranche on the first vesting date, then one on each anniversary, the shares vested after each tranche being the grant times the cumulative percentage rounded down to whole shares (999 at 25%: 499 after two), the last tranche (year `years`) taking what is left, never more than the grant; a tranche has vested on its own date. Example: =KAISER.OPTIONVESTED(1000, 25%, DATE(2005,3,1), DATE(2006,6,30)) gives 500. #NUM! when grantShares is negative or not whole, vestPercentPerYear or firstVestPercent is not above 0 or is above 1, years is not a whole number of at least 1, or a date is not a valid Excel date. [Grant letter ¶3]
 * @customfunction
 * @param grantShares Shares of KAC common stock granted, a whole number (number or range).
 * @param vestPercentPerYear The rate of vesting per year, fraction (25% is 0.25), above 0 and at most 1 (number or range).
 * @param firstVestDate The date the first tranche vests, Excel date (number or range).
 * @param asOfDate The date at which vested shares are counted, Excel date (number or range).
 * @param [years] The letter's "over the next ___ years": the number of tranches, the first included, a whole number; blank is as many as vest the whole grant, 1 + ⌈(1 − firstVestPercent) / vestPercentPerYear⌉ (number or range).
 * @param [firstVestPercent] The letter's "with the first ____% vesting", fraction; blank is vestPercentPerYear (number or range).
 * @returns Vested shares, a whole number.
 */
export function optionVested(grantShares: any[][], vestPercentPerYear: any[][], firstVestDate: any[][], asOfDate: any[][], years?: any[][], firstVestPercent?: any[][]): any[][] {
  return elementwise(
    [grantShares, vestPercentPerYear, firstVestDate, asOfDate, years, firstVestPercent],
    [
      integer("grantShares", { min: 0 }),
      fraction("vestPercentPerYear"),
      date("firstVestDate"),
      date("asOfDate"),
      integer("years", { min: 1 }, { optional: true }),
      fraction("firstVestPercent", { optional: true }),
    ] as const,
    (shares, rate, first, asOf, n, firstRate) => engine.vestedShares({ grantShares: dec(shares), vestPercentPerYear: rate, firstVestDate: first, years: n, firstVestPercent: firstRate }, asOf),
  );
}

/**
 * The date an option exercise is deemed to occur: the notice's own date when it is received by 5:00 p.m. Houston time on a business day (exactly 5:00 p.m. is in time), else the next business day. The time of day is the date-time's fraction, read as Houston time; business days are Monday to Friday except the Federal Reserve's holidays and the holidays listed. Example: =KAISER.EXERCISEDATE(DATE(2004,9,3)+TIME(17,1,0)) gives 2004-09-07 (a Friday notice after 5:00 p.m.; Monday 2004-09-06 was Labor Day). #NUM! when the notice or a holiday is not a valid Excel date, or the notice or the result falls outside the business-day calendar (1990-01-01 to 9999-12-31). [Grant letter ¶4]
 * @customfunction
 * @param noticeDateTime When the notice of exercise was received, Excel date-time in Houston time (number or range).
 * @param [holidays] Extra non-business days of the Company, Excel dates, a single column or row; blank cells are skipped (range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-EXERCISE-BUSINESSDAY=NYSE" or a range of such texts; blank is the defaults (README, Readings).
 * @returns The deemed exercise date, an Excel date.
 */
export function exerciseDate(noticeDateTime: any[][], holidays?: any[][], readings?: any[][]): any[][] {
  return guard(() => {
    const extra = holidaySet(holidays);
    const chosen = readingsArg(readings);
    return elementwise([noticeDateTime], [dateTime("noticeDateTime")] as const, (notice) => engine.exerciseDate(notice, extra, chosen));
  });
}

/**
 * The last day options exercisable at termination of employment may be exercised, by the reason for termination: CAUSE, the termination date itself (the options terminate immediately; no exercise after it); DEATH or DISABILITY, the earlier of the first anniversary of termination and the scheduled expiration; RETIREMENT, the earlier of the third anniversary and the scheduled expiration; OTHER, the earlier of three months after termination (clamped to the month's end) and the scheduled expiration. Never after the scheduled expiration. The shares it applies to are those vested at termination, =KAISER.OPTIONVESTED(…, terminationDate). Example: =KAISER.OPTIONEXPIRY(DATE(2012,1,15), DATE(2004,11,30), "OTHER") gives 2005-02-28. #NUM! when a date is not a valid Excel date. [Grant letter ¶5]
 * @customfunction
 * @param scheduledExpiry The option's scheduled expiration date, Excel date (number or range).
 * @param terminationDate The date employment terminated, Excel date (number or range).
 * @param reason CAUSE, DEATH, DISABILITY, RETIREMENT or OTHER, case-insensitive (text or range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-OPTION-RETIREMENT=THIRDANNIVERSARY" or a range of such texts; blank is the defaults (README, Readings).
 * @returns The last day of exercise, an Excel date.
 */
export function optionExpiry(scheduledExpiry: any[][], terminationDate: any[][], reason: any[][], readings?: any[][]): any[][] {
  return guard(() => {
    const chosen = readingsArg(readings);
    return elementwise(
      [scheduledExpiry, terminationDate, reason],
      [date("scheduledExpiry"), date("terminationDate"), keyword("reason", engine.TERMINATION_REASONS)] as const,
      (expiry, termination, why) => engine.optionExpiry(expiry, termination, why, chosen),
    );
  });
}

/**
 * The price of the Company's right to repurchase an option on its exercise: (closing price on the date of exercise − exercise price) × shares, never below 0 (a reading: when the closing price is at or below the exercise price the Company pays nothing). Exact, not rounded. Example: =KAISER.REPURCHASEPRICE(12.5, 15.75, 1000) gives 3,250. #NUM! when a price is negative, or shares is negative or not whole. [Grant letter ¶3]
 * @customfunction
 * @param exercisePrice Exercise price per share, amount in US dollars (number or range).
 * @param closingPriceOnExercise Closing price of KAC common stock on the New York Stock Exchange (or other national exchange) on the date of exercise, amount in US dollars per share (number or range).
 * @param shares Shares whose option is repurchased, a whole number (number or range).
 * @returns The repurchase price in US dollars.
 */
export function repurchasePrice(exercisePrice: any[][], closingPriceOnExercise: any[][], shares: any[][]): any[][] {
  return elementwise(
    [exercisePrice, closingPriceOnExercise, shares],
    [amount("exercisePrice"), amount("closingPriceOnExercise"), integer("shares", { min: 0 })] as const,
    (price, closing, n) => engine.repurchasePrice(price, closing, dec(n)),
  );
}

/**
 * The last day of the Company's right to repurchase an option: ten calendar days after the exercise, counted from the day after (a reading), with no roll to a business day. Example: =KAISER.REPURCHASEDEADLINE(DATE(2004,9,7)) gives 2004-09-17. #NUM! when the exercise date is not a valid Excel date or the deadline falls after 9999-12-31. [Grant letter ¶3]
 * @customfunction
 * @param exerciseDate The date of exercise (as KAISER.EXERCISEDATE gives it), Excel date (number or range).
 * @returns The last day of the repurchase right, an Excel date.
 */
export function repurchaseDeadline(exerciseDate: any[][]): any[][] {
  return elementwise([exerciseDate], [date("exerciseDate")] as const, (exercised) => engine.repurchaseDeadline(exercised));
}

/**
 * Ordinary income recognized on exercising a non-qualified stock option: (market value per share − exercise price) × shares, exact and signed (negative for an exercise below water; the tax treatment of that case is not modelled). Example: =KAISER.OPTIONINCOME(15.75, 12.5, 1000) gives 3,250. #NUM! when a price is negative, or shares is negative or not whole. [Grant letter ¶4]
 * @customfunction
 * @param marketValuePerShare Market value of a share acquired, amount in US dollars (number or range).
 * @param exercisePrice Exercise price paid per share, amount in US dollars (number or range).
 * @param shares Shares acquired, a whole number (number or range).
 * @returns Ordinary income in US dollars, signed.
 */
export function optionIncome(marketValuePerShare: any[][], exercisePrice: any[][], shares: any[][]): any[][] {
  return elementwise(
    [marketValuePerShare, exercisePrice, shares],
    [amount("marketValuePerShare"), amount("exercisePrice"), integer("shares", { min: 0 })] as const,
    (value, price, n) => engine.optionIncome(value, price, dec(n)),
  );
}

/**
 * A proposed adjustment of an option for a stock split or reverse split, spilled as two cells: the new number of shares (shares × ratio, rounded down to whole shares) and the new exercise price per share (the unchanged total price divided by the new shares, unrounded), so the total price of the unexercised portion is kept. The Compensation Committee's determination is conclusive; this is a proposal. A column of grants gives one row each. Example: =KAISER.SPLITADJUST(1000, 10, 1.5) gives 1,500 and 6.6666…67 (a 3-for-2 split); =KAISER.SPLITADJUST(1000, 10, 0.1) gives 100 and 100 (a 1-for-10 reverse split). #NUM! when shares is negative or not whole, the exercise price is negative, the ratio is not above 0, or the adjustment leaves no whole share. [Grant letter ¶6]
 * @customfunction
 * @param shares Unexercised shares under the option, a whole number (number or column).
 * @param exercisePrice Exercise price per share, amount in US dollars (number or column).
 * @param ratio New shares per old share: 1.5 for a 3-for-2 split, 0.1 for a 1-for-10 reverse split (number or column).
 * @returns Adjusted shares and adjusted exercise price per share, one row of two cells per grant.
 */
export function splitAdjust(shares: any[][], exercisePrice: any[][], ratio: any[][]): any[][] {
  return elementwiseRows([shares, exercisePrice, ratio], [integer("shares", { min: 0 }), amount("exercisePrice"), number("ratio")] as const, 2, (n, price, r) => {
    const adjusted = engine.splitAdjust(dec(n), price, r);
    return [adjusted.shares, adjusted.exercisePrice];
  });
}
