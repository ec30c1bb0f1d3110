/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any` as "any value" */
/** Custom functions that show the table of terms (src/engine/terms.ts) in the workbook. */
import { lookupTerm, TERM_KEYS, TERMS, term, termDate, TermSpec } from "../engine/terms";
import { termAsOf as engineTermAsOf } from "../engine/termsAsOf";
import { elementwise, guard, single } from "./support/arrays";
import { date as dateParam, parseCell, text } from "./support/params";

/**
 * The value of one term of the amendment's table, by key (case-insensitive); dates come back as Excel dates. Example: =KAISER.TERM("inventoryCap") gives 125,000,000. An unknown key is #N/A naming the nearest keys; see KAISER.TERMS() for the whole table. [Terms]
 * @customfunction TERM
 * @param key The term's key, e.g. "inventoryCap", "thresholdRate", "revolvingCommitmentAmount".
 * @returns The term's value.
 */
export function termValue(key: any): any[][] {
  return single(() => lookupTerm(parseCell(text("key"), key)).value);
}

/**
 * The whole table of terms as a spilled range with a header row: key, value, unit, section, description. Every figure the Seventh Amendment (and the option grant letter and the Alpart announcement) fixes, with the section that fixes it. Example: =KAISER.TERMS() in A1 spills the table; the row of revolvingCommitmentAmount reads 200,000,000, USD, 1.2. [Terms]
 * @customfunction
 * @returns The table of terms.
 */
export function terms(): any[][] {
  return guard(() => [
    ["key", "value", "unit", "section", "description"],
    ...TERM_KEYS.map((key) => {
      const spec: TermSpec = TERMS[key];
      return [key, term(key).toNumber(), spec.unit, spec.section, spec.description];
    }),
  ]);
}

/**
 * A term's value in force on a date: before the effective date $285,000,000 for revolvingCommitmentAmount, $125,000,000 for maximumLetterOfCreditAmount, 0.5% for commitmentFeeRate; else as KAISER.TERM. #NUM! for an invalid date. [1.2, 1.1(o), 1.3]
 * @customfunction
 * @param key The term's key, e.g. "revolvingCommitmentAmount" (text or range).
 * @param date Date the value is wanted for, Excel date (number or range).
 * @param [effectiveDate] Date the Seventh Amendment took effect, Excel date; blank is 2004-10-28 (number or range).
 * @returns The term's value on that date.
 */
export function termAsOf(key: any[][], date: any[][], effectiveDate?: any[][]): any[][] {
  return elementwise(
    [key, date, effectiveDate],
    [text("key"), dateParam("date"), dateParam("effectiveDate", { optional: true, default: termDate("amendmentEffectiveDate") })] as const,
    (k, on, effective) => engineTermAsOf(k, on, effective),
  );
}
