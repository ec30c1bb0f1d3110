/**
 * The three figures the Seventh Amendment replaced, before and after it:
 * - Section 1.2: Section 2.1.1(b) is amended "to delete the reference to "$285,000,000" in clause (x)
 *   thereof and to replace it with "$200,000,000"" (the Revolving Commitment Amount);
 * - Section 1.1(o): the Maximum Letter of Credit Amount "is amended to change the number "$125,000,000" to
 *   "$100,000,000"";
 * - Section 1.3: Section 3.5.1 (the commitment fee) "is amended to delete the reference to "1/2 of 1% per
 *   annum" and replace it with "0.625% per annum"".
 *
 * Reading R-TERM-EFFECTIVE: a date before the effective date takes the figure before the amendment; the
 * effective date and later take the amendment's. The effective date defaults to 2004-10-28: the amendment
 * is dated as of that day and the Court's approval is of it, though its effectiveness depends on the
 * conditions of Section 5 (signatures, the Final Order, the amendment fee), which a workbook may date
 * otherwise. Every other key has one value, the table's, whatever the date.
 */
import { Dec } from "./decimal";
import { lookupTerm, term, TermKey, termDate, TERMS } from "./terms";

/** The replaced figures: the key in force after the amendment, and the key of the figure before it. */
export const REPLACED_TERMS: readonly { readonly after: TermKey; readonly before: TermKey }[] = [
  { after: "revolvingCommitmentAmount", before: "priorRevolvingCommitmentAmount" },
  { after: "maximumLetterOfCreditAmount", before: "priorMaximumLetterOfCreditAmount" },
  { after: "commitmentFeeRate", before: "priorCommitmentFeeRate" },
];

/**
 * The value of a term in force on a date (Reading R-TERM-EFFECTIVE).
 *
 * @param key - A key of the table of terms, case-insensitive.
 * @param date - Excel serial of the date.
 * @param effectiveDate - Excel serial of the amendment's effective date; 2004-10-28 by default.
 * @throws #N/A for an unknown key, naming the nearest keys.
 * @example termAsOf("revolvingCommitmentAmount", serial(2004, 10, 27)) //=> 285000000
 */
export function termAsOf(key: string, date: number, effectiveDate: number = termDate("amendmentEffectiveDate")): Dec {
  const found = lookupTerm(key);
  const replaced = REPLACED_TERMS.find((r) => r.after === found.key);
  return replaced !== undefined && date < effectiveDate ? term(replaced.before) : found.value;
}

export interface BeforeAfterRow {
  readonly key: TermKey;
  readonly description: string;
  readonly section: string;
  readonly unit: string;
  readonly before: Dec;
  readonly after: Dec;
}

/** The before/after table of the three replaced figures, for the pane and the CLI. */
export function beforeAfterTable(): BeforeAfterRow[] {
  return REPLACED_TERMS.map(({ after, before }) => ({
    key: after,
    description: TERMS[after].description,
    section: TERMS[after].section,
    unit: TERMS[after].unit,
    before: term(before),
    after: term(after),
  }));
}
