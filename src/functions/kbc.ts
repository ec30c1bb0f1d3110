/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/** Custom functions for KBC's Professional Fees (Sections 9.2.14 and 9.2.18(ix)). Thin: read the series, one engine call per date. */
import * as engine from "../engine/kbc";
import { valueError } from "../engine/errors";
import { term } from "../engine/terms";
import { elementwise, guard, parallelSeries, parseRows, rowValues, seriesCells } from "./support/arrays";
import { amount, date, fraction, integer, isBlank } from "./support/params";

function advances(advanceDates: unknown, advanceAmounts: unknown): engine.Advance[] {
  const columns = parallelSeries([
    { arg: advanceDates, name: "advanceDates" },
    { arg: advanceAmounts, name: "advanceAmounts" },
  ]);
  return rowValues(parseRows(columns, [date("advanceDates"), amount("advanceAmounts")] as const)).map(([d, a]) => ({ date: d, amount: a }));
}

function rates(referenceRates: unknown, rateDates: unknown): engine.ReferenceRate[] {
  if (seriesCells(rateDates, "rateDates").every(isBlank)) {
    const given = rowValues(parseRows(parallelSeries([{ arg: referenceRates, name: "referenceRates" }]), [fraction("referenceRates")] as const));
    if (given.length > 1) throw valueError("referenceRates has several rates but rateDates is blank; give the date each rate took effect, or one rate for all days");
    return given.map(([rate]) => ({ rate }));
  }
  const columns = parallelSeries([
    { arg: referenceRates, name: "referenceRates" },
    { arg: rateDates, name: "rateDates" },
  ]);
  return rowValues(parseRows(columns, [fraction("referenceRates"), date("rateDates")] as const)).map(([rate, from]) => ({ rate, from }));
}

/**
 * What the Company is reimbursed from the KBC Allocable Amount: each advance plus simple interest at the Reference Rate in effect plus 1½%, actual days over 360. #NUM! for a negative amount, a rate outside 0..1 or an advance after the date. [9.2.14]
 * @customfunction
 * @param advanceDates Date of each advance of KBC's Professional Fees, Excel dates (column or row).
 * @param advanceAmounts Each advance, US dollars, at least 0, beside its date (column or row).
 * @param reimbursementDate Date of reimbursement, Excel date (number or range).
 * @param referenceRates The Reference Rate, fraction per annum (4.75% is 0.0475): one for all days, or one per rate date (number or range).
 * @param [rateDates] Date each Reference Rate took effect, ascending, beside its rate; blank when one rate applies to all days (column or row).
 * @param [dayCountBasis] Days in the interest year; blank is 360 (number or range).
 * @returns The advances plus interest, US dollars, unrounded.
 */
export function kbcReimbursement(advanceDates: any[][], advanceAmounts: any[][], reimbursementDate: any[][], referenceRates: any[][], rateDates?: any[][], dayCountBasis?: any[][]): any[][] {
  return guard(() => {
    const given = advances(advanceDates, advanceAmounts);
    const schedule = rates(referenceRates, rateDates);
    return elementwise(
      [reimbursementDate, dayCountBasis],
      [date("reimbursementDate"), integer("dayCountBasis", { min: 1, max: 366 }, { optional: true, default: term("kbcReimbursementDayCountBasis").toNumber() })] as const,
      (on, basis) => engine.kbcReimbursement(given, on, schedule, basis),
    );
  });
}

/**
 * What KBC may transfer to AJI and/or KJC: the KBC Allocable Amount less the reimbursement to the Company, not below zero. #NUM! when an amount is negative or the KBC Allocable Amount exceeds $7,000,000. [9.2.18(ix)]
 * @customfunction
 * @param kbcAllocableAmount KBC Allocable Amount, US dollars, at most $7,000,000 (number or range).
 * @param reimbursement Reimbursement to the Company, as KAISER.KBCREIMBURSEMENT gives it, US dollars (number or range).
 * @returns The amount KBC may transfer, US dollars.
 */
export function kbcTransferable(kbcAllocableAmount: any[][], reimbursement: any[][]): any[][] {
  return elementwise([kbcAllocableAmount, reimbursement], [amount("kbcAllocableAmount"), amount("reimbursement")] as const, (k, r) => engine.kbcTransferable(k, r));
}
