/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/** Custom functions for Adjusted Net Earnings from Operations (Section 1.1(c)). Thin: convert, call the engine, convert back. */
import * as engine from "../engine/adjustedNetEarnings";
import { Dec } from "../engine/decimal";
import { Messages, valueError } from "../engine/errors";
import { alongSeries, guard, parallelSeries, parseRows, perRow, rowValues, series, single } from "./support/arrays";
import { amount, Cell, date, keyword, parseCell, signedAmount } from "./support/params";

const chargeParams = [keyword("categories", engine.ANE_CATEGORY_KEYS), date("dates"), amount("amounts")] as const;

/** The three charge columns; categories and dates may be one cell for every row. */
function chargeColumns(categories: unknown, dates: unknown, amounts: unknown): Cell[][] {
  return parallelSeries([
    { arg: categories, name: "categories", scalarOk: true },
    { arg: dates, name: "dates", scalarOk: true },
    { arg: amounts, name: "amounts" },
  ]);
}

const toCharge = ([category, d, a]: readonly [engine.AneCategory, number, Dec]): engine.Charge => ({ category, date: d, amount: a });

/**
 * The part of each charge excluded from Adjusted Net Earnings from Operations, one charge a row. Each category's aggregate cap is used up in date order (same date: row order), each row excluding what of its own charge fits under what remains, so the charge that reaches a cap is split; a charge outside its category's window is excluded 0. Categories: LIFO (i) $20,000,000 after 2004-05-31; PENSION (j) $68,000,000 in Fiscal Year 2004; PENSIONSPECIAL (k) $25,000,000 in each Fiscal Year; IMPAIRMENT (l) $100,000,000 after 2004-05-31; FOREIGNINVENTORY (m) $10,000,000 after 2004-05-31; BPA (n)(i) $80,000,000, USWA (n)(ii) $250,000,000, PBGC (n)(iii) $250,000,000, RETIREEMEDICAL (n)(iv) $400,000,000, PREPETITION (n)(vi) $100,000,000, each after 2004-05-31; ASBESTOS (n)(v) without cap. The Fiscal Year is the calendar year. List every charge since the windows opened: earlier charges use up the caps. An unknown category is #VALUE! in its row, listing the valid ones. Example: LIFO charges of 15,000,000 and 8,000,000 in 2004-06 and 2004-09 give 15,000,000 and 5,000,000. #NUM! in a row whose amount is negative or whose date is not a valid Excel date. [1.1(c)]
 * @customfunction
 * @param categories Category of each charge, e.g. "LIFO", "PENSION", "IMPAIRMENT" (one per row, or one cell for all).
 * @param dates Date each charge was recorded, Excel dates (one per row, or one cell for all).
 * @param amounts Each charge, US dollars, at least 0 (column or row).
 * @returns The excluded part of each charge, US dollars, in the same rows.
 */
export function aneExclusions(categories: any[][], dates: any[][], amounts: any[][]): any[][] {
  return guard(() => {
    const rows = parseRows(chargeColumns(categories, dates, amounts), chargeParams);
    if (rows.length === 0) throw valueError(Messages.blank("amounts"));
    return alongSeries(amounts, perRow(rows, (good) => engine.aneExclusions(good.map(toCharge))));
  });
}

/**
 * Adjusted Net Earnings from Operations: net earnings plus the excluded part of the capped charges of clauses (i)–(n) (as KAISER.ANEEXCLUSIONS gives them), less each non-recurring or extraordinary gain greater than $150,000 (clause (g); a gain of $150,000 or less stays in). With periodStart and periodEnd, only charges dated within the period are added back while earlier ones still use up the caps. The other exclusions of 1.1(c) — clauses (a)–(f) and (h), the OLV In-Place Value exception of (l), and whether an accrual under (n) is non-cash and pre-petition — are left to the workbook: apply them to the amounts given. Example: =KAISER.ADJNETEARNINGS(-30000000, "PENSION", DATE(2004,10,31), 5000000, 200000) gives −25,200,000. #NUM! when a charge or gain is negative, a date is not a valid Excel date, or periodEnd is before periodStart. [1.1(c)]
 * @customfunction
 * @param netEarnings Consolidated net income after provision for income taxes for the fiscal period, US dollars, signed.
 * @param [categories] Category of each capped charge (see KAISER.ANEEXCLUSIONS), one per row (range).
 * @param [dates] Date each charge was recorded, Excel dates (range).
 * @param [amounts] Each charge, US dollars, at least 0 (range).
 * @param [nonRecurringGains] Each non-recurring or extraordinary gain in the period, US dollars, at least 0 (range).
 * @param [periodStart] First day of the fiscal period, Excel date; blank counts every charge given.
 * @param [periodEnd] Last day of the fiscal period, Excel date; blank counts every charge given.
 * @returns Adjusted Net Earnings from Operations, US dollars, signed.
 */
export function adjNetEarnings(netEarnings: any, categories?: any[][], dates?: any[][], amounts?: any[][], nonRecurringGains?: any[][], periodStart?: any, periodEnd?: any): any[][] {
  return single(
    () =>
      engine.adjustedNetEarnings({
        netEarnings: parseCell(signedAmount("netEarnings"), netEarnings),
        charges: rowValues(parseRows(chargeColumns(categories, dates, amounts), chargeParams)).map(toCharge),
        gains: series(nonRecurringGains, amount("nonRecurringGains", { optional: true }), { optional: true }).filter((g): g is Dec => g !== undefined),
        periodStart: parseCell(date("periodStart", { optional: true }), periodStart),
        periodEnd: parseCell(date("periodEnd", { optional: true }), periodEnd),
      }).total,
  );
}
