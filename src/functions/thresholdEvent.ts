/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * Custom functions for the Threshold Event (Section 1.1(aa)) over a daily series of Revolving Credit
 * Outstandings and Thresholds. Thin: read the series, one engine pass, convert back.
 */
import * as engine from "../engine/thresholdEvent";
import { naError } from "../engine/errors";
import { termInt } from "../engine/terms";
import { asMatrix, guard, parallelSeries, series } from "./support/arrays";
import { readExceedances } from "./support/columns";
import { holidaySet } from "./support/holidays";
import { amountNumber, date, integer, parseCell } from "./support/params";
import { readingsArg } from "./support/readings";

/**
 * Reads the parallel series: the dates, and whether each row's outstandings exceed its Threshold
 * (Reading R-TE-EXCEED, strictly). A single threshold cell applies to every row. The comparison is
 * of the cells' own numbers, exact without decimals.
 */
function readSeries(dates: unknown, outstandings: unknown, thresholds: unknown): [ArrayLike<number>, Uint8Array] {
  // One pass over the columns in the plain case; otherwise the ordinary reader, which names the bad row.
  const quick = readExceedances(dates, outstandings, thresholds);
  if (quick !== undefined) return [quick.dates, quick.exceeds];
  const [d, o, t] = parallelSeries([
    { arg: dates, name: "dates" },
    { arg: outstandings, name: "outstandings" },
    { arg: thresholds, name: "thresholds", scalarOk: true },
  ]);
  if (d.length === 0) return [[], new Uint8Array(0)];
  const days = series(d, date("dates"));
  const amounts = series(o, amountNumber("outstandings"));
  const one = asMatrix(thresholds);
  const shared = one.length === 1 && one[0].length === 1 ? parseCell(amountNumber("thresholds"), one[0][0]) : undefined;
  const limits = shared === undefined ? series(t, amountNumber("thresholds")) : undefined;
  return [days, Uint8Array.from(amounts, (amount, i) => (amount > (limits === undefined ? (shared as number) : limits[i]) ? 1 : 0))];
}

function events(dates: unknown, outstandings: unknown, thresholds: unknown, daysRequired: unknown, holidays: unknown, readings: unknown): number[] {
  const chosen = readingsArg(readings);
  const found = engine.thresholdEventsByExceedance(...readSeries(dates, outstandings, thresholds), readDaysRequired(daysRequired), holidaySet(holidays), chosen);
  if (found.length === 0) throw naError(engine.ThresholdMessages.none());
  return found.map((e) => e.date);
}

function readDaysRequired(daysRequired: unknown): number {
  const days = parseCell(integer("daysRequired", {}, { optional: true }), daysRequired);
  return engine.checkDaysRequired(days ?? termInt("thresholdEventDays"));
}

/**
 * The date of the first Threshold Event in a daily series: Revolving Credit Outstandings above the Threshold on 5 consecutive Business Days (clause (x)) or on any 5 Business Days of one calendar month (clause (y)), whichever comes first; 3 instead of 5 for Section 9.2.4. Only Business Days after 2004-08-31 count; rows on other days are ignored; a Business Day missing between two rows carries the previous row's figures; equal to the Threshold is not above it. Example: with outstandings above the Threshold on 2004-09-01, 09-02, 09-03, 09-07 and 09-08, =KAISER.THRESHOLDEVENT(A2:A6, B2:B6, C2:C6) gives 2004-09-08 (Labor Day, 09-06, is not a Business Day, so the run is consecutive) and with daysRequired 3 gives 2004-09-03. #N/A when there is no Threshold Event; #VALUE! when dates are not ascending (naming the first such row) or a cell is blank, text or an error. #NUM! when daysRequired is not 5 or 3, an amount is negative, a date or holiday is not a valid Excel date, or a date falls outside the business-day calendar (1990-01-01 to 9999-12-31). [1.1(aa)]
 * @customfunction
 * @param dates Excel dates of the daily figures, ascending without duplicates; a single column or row (range).
 * @param outstandings Revolving Credit Outstandings on each date, amount in US dollars; same length as dates (range).
 * @param thresholds The Threshold on each date (as KAISER.THRESHOLD gives it), amount in US dollars; one value for every date, or a series the same length as dates (number or range).
 * @param [daysRequired] Business Days required: 5 (the general definition; blank is 5) or 3 (for Section 9.2.4).
 * @param [holidays] Extra non-business days, Excel dates, a single column or row; blank cells are skipped (range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-TE-RECUR=RUN; R-TE-DAYS=SPAN" or a range of such texts; blank is the defaults (README, Readings).
 * @returns The date of the first Threshold Event.
 */
export function thresholdEvent(dates: any[][], outstandings: any[][], thresholds: any[][], daysRequired?: any, holidays?: any[][], readings?: any[][]): any[][] {
  return guard(() => [[events(dates, outstandings, thresholds, daysRequired, holidays, readings)[0]]]);
}

/**
 * Every Threshold Event in a daily series, in date order, one date per row (spills). After each event both counts start again at zero on the next Business Day; the count within the month stays at zero for the rest of that month (clause (y) at most once a month; clause (x) can still occur later in it). Same rules and arguments as KAISER.THRESHOLDEVENT. Example: with outstandings above the Threshold on every Business Day of September 2004, =KAISER.THRESHOLDEVENTS(A2:A22, B2:B22, C2:C22) spills 2004-09-08, 2004-09-15, 2004-09-22 and 2004-09-29. #N/A when there is no Threshold Event; #VALUE! when dates are not ascending (naming the first such row) or a cell is blank, text or an error. #NUM! when daysRequired is not 5 or 3, an amount is negative, a date or holiday is not a valid Excel date, or a date falls outside the business-day calendar (1990-01-01 to 9999-12-31). [1.1(aa)]
 * @customfunction
 * @param dates Excel dates of the daily figures, ascending without duplicates; a single column or row (range).
 * @param outstandings Revolving Credit Outstandings on each date, amount in US dollars; same length as dates (range).
 * @param thresholds The Threshold on each date, amount in US dollars; one value for every date, or a series the same length as dates (number or range).
 * @param [daysRequired] Business Days required: 5 (the general definition; blank is 5) or 3 (for Section 9.2.4).
 * @param [holidays] Extra non-business days, Excel dates, a single column or row; blank cells are skipped (range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-TE-RECUR=RUN; R-TE-DAYS=SPAN" or a range of such texts; blank is the defaults (README, Readings).
 * @returns The dates of the Threshold Events, one per row.
 */
export function thresholdEvents(dates: any[][], outstandings: any[][], thresholds: any[][], daysRequired?: any, holidays?: any[][], readings?: any[][]): any[][] {
  return guard(() => events(dates, outstandings, thresholds, daysRequired, holidays, readings).map((d) => [d]));
}
