/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/** Custom functions for the Minimum EBITDA covenant (Section 9.2.4). Thin: convert, call the engine, convert back. */
import * as engine from "../engine/minimumEbitda";
import { valueError } from "../engine/errors";
import { asMatrix, elementwise, guard, parallelSeries, parseRows, rowValues } from "./support/arrays";
import { date, naAsBlank, signedAmount } from "./support/params";
import { readingsArg } from "./support/readings";

const PERIODS = engine.minimumEbitdaPeriods();

/**
 * The optional disposition columns shared by the three functions, read once per call. One column of
 * amounts is each disposition's amount for every period (as before the per-period columns: a row of
 * amounts beside a row or column of dates reads the same way); three columns are its amount for each
 * period, in the table's order (Reading R-EBITDA-PERIOD-AMOUNT).
 */
function dispositions(dispositionDates: unknown, attributableAmounts: unknown): engine.Disposition[] {
  const amounts = asMatrix(attributableAmounts);
  const dates = asMatrix(dispositionDates);
  const width = amounts[0].length;
  const severalDates = dates.length * dates[0].length > 1;
  if (width === 1 || (amounts.length === 1 && severalDates) || (dates.length === 1 && severalDates)) {
    const columns = parallelSeries([
      { arg: dispositionDates, name: "dispositionDates" },
      { arg: attributableAmounts, name: "attributableAmounts" },
    ]);
    return rowValues(parseRows(columns, [date("dispositionDates"), signedAmount("attributableAmounts")] as const)).map(([d, a]) => ({ date: d, attributableAmounts: engine.sameForEveryPeriod(a) }));
  }
  if (width !== PERIODS.length) throw valueError(engine.MinimumEbitdaMessages.attributableAmountsWidth(width));
  const names = PERIODS.map((_, i) => `attributableAmounts column ${i + 1}`);
  // Each column of amounts handed on as one row, so that no cell is copied twice.
  const columns = parallelSeries([{ arg: dispositionDates, name: "dispositionDates" }, ...names.map((name, i) => ({ arg: [amounts.map((row) => row[i])], name }))]);
  const params = [date("dispositionDates"), signedAmount(names[0]), signedAmount(names[1]), signedAmount(names[2])] as const;
  return rowValues(parseRows(columns, params)).map(([d, one, two, three]) => ({ date: d, attributableAmounts: [one, two, three] }));
}

/**
 * The Minimum EBITDA for the period ending on a date: −$22,500,000 for the 1 month ending 2004-10-31, −$20,500,000 for the 2 months ending 2004-11-30, −$19,500,000 for the 3 months ending 2004-12-31, each period starting 2004-10-01 (31, 61 and 92 days). Each QAL Triggering Event or Asset Disposition of the Gramercy/KJBC or VALCO Interests lowers the floor by its Attributable EBITDA Amount for the period times the days remaining after the day of consummation over the days in the period (all of it for one on or before 2004-09-30, none for one after the period), cumulatively. attributableAmounts is one column (that amount for every period) or three, one per period in the table's order (1, 2 and 3 months); another width is #VALUE!. The result is exact to 40 significant digits before Excel rounds it to a double. Any other period end is #N/A. Example: =KAISER.EBITDAFLOOR(DATE(2004,11,30), DATE(2004,11,15), 3000000) gives −20,500,000 − 3,000,000 × 15/61 = −21,237,704.92. Example: =KAISER.EBITDAFLOOR(DATE(2004,11,30), DATE(2004,11,15), {1000000,2000000,3000000}) takes the 2-month amount: −20,500,000 − 2,000,000 × 15/61 = −20,991,803.28. #NUM! when a date is not a valid Excel date. [9.2.4]
 * @customfunction
 * @param periodEnd Last day of the period, Excel date: 2004-10-31, 2004-11-30 or 2004-12-31 (number or range).
 * @param [dispositionDates] Date each disposition was consummated, Excel dates, one per row (range).
 * @param [attributableAmounts] Attributable EBITDA Amount of each disposition, US dollars, signed, one row beside its date: one column (used for every period) or three, for the 1, 2 and 3 months ending 2004-10-31, 11-30, 12-31 (range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-EBITDA-DAYS-REMAINING=INCLUSIVE" or a range of such texts; blank is the defaults (README, Readings).
 * @returns The minimum EBITDA in US dollars (negative).
 */
export function ebitdaFloor(periodEnd: any[][], dispositionDates?: any[][], attributableAmounts?: any[][], readings?: any[][]): any[][] {
  return guard(() => {
    const chosen = readingsArg(readings);
    const list = dispositions(dispositionDates, attributableAmounts);
    return elementwise([periodEnd], [date("periodEnd")] as const, (end) => engine.minimumEbitdaFloor(end, list, chosen));
  });
}

/**
 * Tests the Minimum EBITDA covenant for a period: "PASS" when EBITDA is not less than the floor of KAISER.EBITDAFLOOR (equal passes), "FAIL" when it is less, "NOT TESTED" when the period ends before the month of the first Threshold Event (three Business Days, KAISER.THRESHOLDEVENT with daysRequired 3) or there is none (blank or #N/A). attributableAmounts is as for KAISER.EBITDAFLOOR: one column, or three (one per period). A period end the covenant sets no minimum for is #N/A. Example: =KAISER.EBITDATEST(DATE(2004,11,30), -20500000, DATE(2004,9,20)) gives "PASS". #NUM! when a date is not a valid Excel date, or firstThresholdEvent is on or before 2004-08-31 (Threshold Events occur only after it). [9.2.4]
 * @customfunction
 * @param periodEnd Last day of the period, Excel date (number or range).
 * @param ebitda Consolidated EBITDA of the Company and its Subsidiaries for the period, US dollars, signed (number or range).
 * @param firstThresholdEvent Date of the first Threshold Event for Section 9.2.4, Excel date; blank or #N/A when none has occurred (number or range).
 * @param [dispositionDates] Date each disposition was consummated, Excel dates (range).
 * @param [attributableAmounts] Attributable EBITDA Amount of each disposition, US dollars, signed, one row beside its date: one column (used for every period) or three, for the 1, 2 and 3 months ending 2004-10-31, 11-30, 12-31 (range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-EBITDA-DAYS-REMAINING=INCLUSIVE" or a range of such texts; blank is the defaults (README, Readings).
 * @returns "PASS", "FAIL" or "NOT TESTED".
 */
export function ebitdaTest(periodEnd: any[][], ebitda: any[][], firstThresholdEvent: any[][], dispositionDates?: any[][], attributableAmounts?: any[][], readings?: any[][]): any[][] {
  return guard(() => {
    const chosen = readingsArg(readings);
    const list = dispositions(dispositionDates, attributableAmounts);
    return elementwise(
      [periodEnd, ebitda, firstThresholdEvent],
      [date("periodEnd"), signedAmount("ebitda"), naAsBlank(date("firstThresholdEvent", { optional: true }))] as const,
      (end, value, event) => engine.ebitdaTest(end, value, event, list, chosen),
    );
  });
}

/**
 * The cushion on the Minimum EBITDA covenant: EBITDA less the floor of KAISER.EBITDAFLOOR, signed (negative when the covenant fails). Shown whether or not the covenant is yet tested; firstThresholdEvent is taken so the arguments match KAISER.EBITDATEST and is only checked; attributableAmounts is as for KAISER.EBITDAFLOOR (one column, or one per period). A period end the covenant sets no minimum for is #N/A. Example: =KAISER.EBITDAHEADROOM(DATE(2004,10,31), -20000000) gives 2,500,000. #NUM! when a date is not a valid Excel date, or firstThresholdEvent is on or before 2004-08-31. [9.2.4]
 * @customfunction
 * @param periodEnd Last day of the period, Excel date (number or range).
 * @param ebitda Consolidated EBITDA for the period, US dollars, signed (number or range).
 * @param [firstThresholdEvent] Date of the first Threshold Event for Section 9.2.4, Excel date; blank or #N/A when none (number or range).
 * @param [dispositionDates] Date each disposition was consummated, Excel dates (range).
 * @param [attributableAmounts] Attributable EBITDA Amount of each disposition, US dollars, signed, one row beside its date: one column (used for every period) or three, for the 1, 2 and 3 months ending 2004-10-31, 11-30, 12-31 (range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-EBITDA-DAYS-REMAINING=INCLUSIVE" or a range of such texts; blank is the defaults (README, Readings).
 * @returns EBITDA less the minimum, US dollars, signed.
 */
export function ebitdaHeadroom(periodEnd: any[][], ebitda: any[][], firstThresholdEvent?: any[][], dispositionDates?: any[][], attributableAmounts?: any[][], readings?: any[][]): any[][] {
  return guard(() => {
    const chosen = readingsArg(readings);
    const list = dispositions(dispositionDates, attributableAmounts);
    return elementwise(
      [periodEnd, ebitda, firstThresholdEvent],
      [date("periodEnd"), signedAmount("ebitda"), naAsBlank(date("firstThresholdEvent", { optional: true }))] as const,
      (end, value, event) => {
        engine.checkFirstThresholdEvent(event);
        return engine.ebitdaHeadroom(end, value, list, chosen);
      },
    );
  });
}
