/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any` as "any value" */
/** Custom functions that show the table of terms (src/engine/terms.ts) in the workbook. */
import { lookupTerm, TERM_KEYS, TERMS, term, TermSpec } from "../engine/terms";
import { guard, single } from "./support/arrays";
import { parseCell, text } from "./support/params";

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
