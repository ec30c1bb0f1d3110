/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * Custom functions for the baskets and limits (Sections 9.2.18(ix), 9.2.20, 10.1.10(l), 10.1.13,
 * 1.1(o)) and the arithmetic Events of Default of Section 10.1.10(k) and (l). Thin: convert, call
 * the engine, convert back.
 */
import * as baskets from "../engine/baskets";
import { Dec } from "../engine/decimal";
import * as defaults from "../engine/defaults";
import { elementwise, guard, parallelSeries, parseRows, rowValues, seriesCells } from "./support/arrays";
import { amount, bool, date, isBlank, keyword } from "./support/params";
import { readingsArg } from "./support/readings";

/** The uses of a basket, with their dates when `dates` is given; blank rows at the end are dropped. */
function uses(usedAmounts: unknown, dates: unknown): { amounts: Dec[]; dates?: number[] } {
  if (seriesCells(dates, "dates").every(isBlank)) {
    const columns = parallelSeries([{ arg: usedAmounts, name: "usedAmounts" }]);
    return { amounts: rowValues(parseRows(columns, [amount("usedAmounts")] as const)).map(([a]) => a) };
  }
  const columns = parallelSeries([
    { arg: usedAmounts, name: "usedAmounts" },
    { arg: dates, name: "dates" },
  ]);
  const rows = rowValues(parseRows(columns, [amount("usedAmounts"), date("dates")] as const));
  return { amounts: rows.map(([a]) => a), dates: rows.map(([, d]) => d) };
}

/**
 * The room left in a basket or limit as of a date: its cap less what has been used within its window up to that date, negative when exceeded. Baskets: QALCAPEX $15,000,000 in Fiscal Year 2004 only (9.2.20(i); #N/A as of another year); ANGLESEYVALCO $10,000,000 and CANADACAPEX $5,000,000 per annum, read as each Fiscal Year, the calendar year (9.2.20(ii), (iii)); KBCALLOCABLE $7,000,000 (9.2.18(ix)), AFFILIATELOANS $55,000,000 (10.1.10(l)) and PBGCPAYMENTS $25,000,000 (10.1.13), each in aggregate for all time; LETTERSOFCREDIT $100,000,000 outstanding at any time (1.1(o)): usedAmounts are the amounts outstanding and the latest on or before the date counts. Uses dated after asOfDate do not count; blank asOfDate is the latest date given; without dates every use counts; blank cells at the end of the columns are ignored, so a basket with no uses yet gives its whole cap. List only the uses the clause counts (e.g. Investments not reflected in the 2004 Financial Forecast). Example: =KAISER.BASKETHEADROOM("PBGCPAYMENTS", {10000000;15000000}) gives 0 (reached, not exceeded). #NUM! when a use is negative or a date is not a valid Excel date. [9.2.20, 9.2.18(ix), 10.1.10(l), 10.1.13, 1.1(o)]
 * @customfunction
 * @param basket QALCAPEX, ANGLESEYVALCO, CANADACAPEX, KBCALLOCABLE, AFFILIATELOANS, PBGCPAYMENTS or LETTERSOFCREDIT, case-insensitive (text or range).
 * @param usedAmounts Each use of the basket, US dollars, at least 0; for LETTERSOFCREDIT, the amounts outstanding (column or row).
 * @param [dates] Date of each use, Excel dates, beside its amount (column or row).
 * @param [asOfDate] Date of determination, Excel date; blank is the latest date given (number or range).
 * @param [qalTriggeringEventDate] QALCAPEX only: date of the QAL Triggering Event; from it the headroom is zero (negative only if already exceeded); other baskets ignore it (number or range).
 * @returns The headroom in US dollars, signed.
 */
export function basketHeadroom(basket: any[][], usedAmounts: any[][], dates?: any[][], asOfDate?: any[][], qalTriggeringEventDate?: any[][]): any[][] {
  return guard(() => {
    const given = uses(usedAmounts, dates);
    return elementwise(
      [basket, asOfDate, qalTriggeringEventDate],
      [keyword("basket", baskets.BASKET_KEYS), date("asOfDate", { optional: true }), date("qalTriggeringEventDate", { optional: true })] as const,
      (key, asOf, qte) => baskets.basketHeadroom(key, given.amounts, given.dates, asOf, qte),
    );
  });
}

/**
 * Upon a QAL Triggering Event, the Investments in (or Contingent Liabilities for) KAAC or QAL made from 2004-06-30 to the event that must be repaid in full in cash. #NUM! when an amount is negative or a date invalid. [9.2.20]
 * @customfunction
 * @param dates Date of each Investment or Contingent Liability in KAAC or QAL, Excel dates (column or row).
 * @param amounts Each amount, US dollars, at least 0, beside its date (column or row).
 * @param qalTriggeringEventDate Date of the QAL Sale Event or QAL Plan Event, Excel date (number or range).
 * @returns The amount to be repaid, US dollars.
 */
export function qalRepaymentDue(dates: any[][], amounts: any[][], qalTriggeringEventDate: any[][]): any[][] {
  return guard(() => {
    const columns = parallelSeries([
      { arg: dates, name: "dates" },
      { arg: amounts, name: "amounts" },
    ]);
    const rows = rowValues(parseRows(columns, [date("dates"), amount("amounts")] as const));
    return elementwise([qalTriggeringEventDate], [date("qalTriggeringEventDate")] as const, (qte) =>
      baskets.qalRepaymentDue(
        rows.map(([d]) => d),
        rows.map(([, a]) => a),
        qte,
      ),
    );
  });
}

/**
 * The Plan filing deadline: "OK" if a Plan of Reorganization was filed on or before 2005-02-13, "EVENT OF DEFAULT" if filed after it or not filed by an as-of date after it, else "PENDING". #NUM! when a date is not a valid Excel date. [10.1.10(l)]
 * @customfunction
 * @param [filingDate] Date the Plan(s) of Reorganization for all Debtors was filed, Excel date; blank when not filed (number or range).
 * @param [asOfDate] Date of determination, Excel date; a filing after it has not happened yet (number or range).
 * @returns "OK", "EVENT OF DEFAULT" or "PENDING".
 */
export function planFilingTest(filingDate?: any[][], asOfDate?: any[][]): any[][] {
  return elementwise([filingDate, asOfDate], [date("filingDate", { optional: true }), date("asOfDate", { optional: true })] as const, (filed, asOf) => defaults.planFilingTest(filed, asOf));
}

/**
 * The Minimum Aggregate Proceeds Collateral test: "EVENT OF DEFAULT" when a QAL Triggering Event has occurred and the Minimum Aggregate Proceeds Collateral (the ALPART Collateral plus the QAL Collateral) is less than $60,000,000, else "OK" (exactly $60,000,000 is OK). Example: =KAISER.PROCEEDSCOLLATERALTEST(59000000, TRUE) gives "EVENT OF DEFAULT". #NUM! when the amount is negative. [10.1.10(k)]
 * @customfunction
 * @param minimumAggregateProceedsCollateral Minimum Aggregate Proceeds Collateral, US dollars (number or range).
 * @param qalTriggeringEventOccurred TRUE once a QAL Sale Event or QAL Plan Event has occurred (TRUE/FALSE or range).
 * @returns "EVENT OF DEFAULT" or "OK".
 */
export function proceedsCollateralTest(minimumAggregateProceedsCollateral: any[][], qalTriggeringEventOccurred: any[][]): any[][] {
  return elementwise(
    [minimumAggregateProceedsCollateral, qalTriggeringEventOccurred],
    [amount("minimumAggregateProceedsCollateral"), bool("qalTriggeringEventOccurred")] as const,
    (collateral, occurred) => defaults.proceedsCollateralTest(collateral, occurred),
  );
}

/**
 * What a deferred Affiliate Loan repays: the principal (at most $55,000,000) plus 12% per annum simple interest from the Plan of Reorganization's effective date to the repayment date, on actual days over 365 (a reading: the Credit Agreement's day count is not in the amendment), unrounded. Repayment may be deferred no later than 18 months after the effective date. Example: =KAISER.AFFILIATELOANREPAYMENT(10000000, DATE(2005,6,30), DATE(2006,6,30)) gives 11,200,000. #NUM! when the principal is negative or above $55,000,000, a date is not a valid Excel date, or the repayment date is before the effective date or more than 18 months after it. [10.1.10(l)]
 * @customfunction
 * @param principal Deferred portion of the Affiliate Loans, US dollars (number or range).
 * @param planEffectiveDate Effective date of the Plan of Reorganization, Excel date (number or range).
 * @param repaymentDate Date of repayment, Excel date (number or range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-AFFILIATE-DAYCOUNT=360" or a range of such texts; blank is the defaults (README, Readings).
 * @returns Principal plus interest, US dollars.
 */
export function affiliateLoanRepayment(principal: any[][], planEffectiveDate: any[][], repaymentDate: any[][], readings?: any[][]): any[][] {
  return guard(() => {
    const chosen = readingsArg(readings);
    return elementwise(
      [principal, planEffectiveDate, repaymentDate],
      [amount("principal"), date("planEffectiveDate"), date("repaymentDate")] as const,
      (p, effective, repaid) => defaults.affiliateLoanRepayment(p, effective, repaid, chosen),
    );
  });
}
