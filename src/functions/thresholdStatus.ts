/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * KAISER.THRESHOLDSTATUS: the Threshold Event early warning (Section 1.1(aa)). Thin: read the series
 * with THRESHOLDEVENT's argument rules (and its one-pass reader), one engine call, the engine's
 * labelled lines back.
 */
import * as engine from "../engine/thresholdStatus";
import { checkDaysRequired } from "../engine/thresholdEvent";
import { termInt } from "../engine/terms";
import { guard, parallelSeries, series, toOut } from "./support/arrays";
import { readExceedances } from "./support/columns";
import { holidaySet } from "./support/holidays";
import { amount, date, integer, parseCell } from "./support/params";
import { readingsArg } from "./support/readings";

/**
 * The parallel series as the engine reads it (a single threshold cell applies to every row, as
 * THRESHOLDEVENT reads them): in the plain case in one pass over the columns (`readExceedances`), the
 * one row whose figures the status shows read as decimals on demand; otherwise every row parsed,
 * which names the first bad one.
 */
function readSeries(dates: unknown, outstandings: unknown, thresholds: unknown): engine.ThresholdStatusSeries {
  const quick = readExceedances(dates, outstandings, thresholds);
  if (quick !== undefined) {
    return {
      dates: quick.dates,
      exceeds: quick.exceeds,
      outstandings: (i) => parseCell(OUTSTANDINGS, quick.outstandingsCell(i)),
      threshold: (i) => parseCell(THRESHOLDS, quick.thresholdCell(i)),
    };
  }
  const [d, o, t] = parallelSeries([
    { arg: dates, name: "dates" },
    { arg: outstandings, name: "outstandings" },
    { arg: thresholds, name: "thresholds", scalarOk: true },
  ]);
  const days = series(d, date("dates"));
  const amounts = series(o, OUTSTANDINGS);
  const limits = series(t, THRESHOLDS);
  return {
    dates: days,
    // Reading R-TE-EXCEED: "exceed" is strictly greater than.
    exceeds: Uint8Array.from(days, (_, i) => (amounts[i].greaterThan(limits[i]) ? 1 : 0)),
    outstandings: (i) => amounts[i],
    threshold: (i) => limits[i],
  };
}

const OUTSTANDINGS = amount("outstandings");
const THRESHOLDS = amount("thresholds");

/**
 * Where the Threshold Event test stands on a day: outstandings, Threshold, headroom, the clause (x) and (y) counts, and the next event if outstandings stay above. Rules as KAISER.THRESHOLDEVENT; #N/A with no Business Day on or before asOfDate. [1.1(aa)]
 * @customfunction
 * @param dates Excel dates of the daily figures, ascending without duplicates; a single column or row (range).
 * @param outstandings Revolving Credit Outstandings on each date, amount in US dollars; same length as dates (range).
 * @param thresholds The Threshold on each date, amount in US dollars; one value for every date, or a series the same length as dates (number or range).
 * @param [asOfDate] Excel date to report on; the last Business Day of the series on or before it is used; blank is the last row's date.
 * @param [daysRequired] Business Days required: 5 (the general definition; blank is 5) or 3 (for Section 9.2.4).
 * @param [holidays] Extra non-business days, Excel dates, a single column or row; blank cells are skipped (range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-TE-RECUR=RUN; R-TE-DAYS=SPAN" or a range of such texts; blank is the defaults (README, Readings).
 * @returns A table of nine labels and values: as of, outstandings, Threshold, headroom, the two counts, Business Days to and date of the next event, the last event (or "none").
 */
export function thresholdStatus(dates: any[][], outstandings: any[][], thresholds: any[][], asOfDate?: any, daysRequired?: any, holidays?: any[][], readings?: any[][]): any[][] {
  return guard(() => {
    const chosen = readingsArg(readings);
    const series = readSeries(dates, outstandings, thresholds);
    const asOf = parseCell(date("asOfDate", { optional: true }), asOfDate);
    const days = checkDaysRequired(parseCell(integer("daysRequired", {}, { optional: true }), daysRequired) ?? termInt("thresholdEventDays"));
    const status = engine.thresholdStatusOf(series, asOf, days, holidaySet(holidays), chosen);
    return engine.thresholdStatusLines(status).map(([label, value]) => [label, toOut(value)]);
  });
}
