/**
 * Two Events of Default the Seventh Amendment adds to Section 10.1.10 (Section 1.21) that are
 * arithmetic: the Minimum Aggregate Proceeds Collateral test of clause (k) and the repayment of
 * deferred Affiliate Loans that a Plan of Reorganization must provide for under clause (l).
 * (The PBGC payments limit of 10.1.13 is a basket: see baskets.ts.)
 */
import { Dec } from "./decimal";
import { addMonths, isoFromSerial } from "./dates";
import { numError } from "./errors";
import { formatUsd } from "./format";
import { term, termDate, termInt } from "./terms";
import { choiceOf, Readings } from "./readings";

export type ProceedsCollateralStatus = "EVENT OF DEFAULT" | "OK";

/**
 * Section 10.1.10(k): an Event of Default when "a QAL Triggering Event occurs and the Minimum
 * Aggregate Proceeds Collateral are less than $60,000,000".
 *
 * Reading R-PROCEEDS-COLLATERAL: "less than" is strict, so exactly $60,000,000 is "OK"; before a QAL
 * Triggering Event the clause does not apply ("OK" whatever the amount).
 *
 * @param minimumAggregateProceedsCollateral - The ALPART Collateral plus the QAL Collateral (1.1(p)), US dollars.
 * @param qalTriggeringEventOccurred - Whether a QAL Sale Event or QAL Plan Event has occurred.
 * @example proceedsCollateralTest(dec(59999999.99), true) //=> "EVENT OF DEFAULT"
 */
export function proceedsCollateralTest(minimumAggregateProceedsCollateral: Dec, qalTriggeringEventOccurred: boolean): ProceedsCollateralStatus {
  return qalTriggeringEventOccurred && minimumAggregateProceedsCollateral.lessThan(term("minimumAggregateProceedsCollateral")) ? "EVENT OF DEFAULT" : "OK";
}

/**
 * Section 10.1.10(l)(ii): the last day a deferred Affiliate Loan may be repaid, "not later than
 * eighteen (18) months after the effective date of such Plan of Reorganization" (a month-end date
 * clamps: 2005-08-31 gives 2007-02-28).
 */
export function affiliateLoanDeadline(planEffectiveDate: number): number {
  return addMonths(planEffectiveDate, termInt("affiliateLoanDeferralMonths"));
}

/**
 * Section 10.1.10(l): "such Affiliate Loans shall be capped at a maximum of $55,000,000, and (ii) if
 * the repayment of any portion of such Affiliate Loans cannot be paid at the time of consummation of
 * such Plan of Reorganization …, then the repayment … shall be deferred until such time, not later
 * than eighteen (18) months after the effective date of such Plan …, at which time such claim shall
 * be paid in full together with interest at the rate of twelve percent (12%) per annum."
 *
 * Reading R-AFFILIATE-INTEREST: simple interest runs from the Plan's effective date (when repayment
 * would otherwise have been due) to the repayment date. Reading R-AFFILIATE-DAYCOUNT: actual days over
 * 365, leap years included (the Credit Agreement's day count is not in the amendment); the
 * alternative 360 counts actual days over 360. Unrounded.
 *
 * @param principal - The deferred portion of the Affiliate Loans, US dollars, at most $55,000,000.
 * @param planEffectiveDate - Excel serial of the Plan of Reorganization's effective date.
 * @param repaymentDate - Excel serial of the repayment, on or after the effective date and not more
 *   than 18 months after it.
 * @returns Principal plus interest, US dollars.
 * @throws #NUM! when the principal is negative or above $55,000,000, or the repayment date is before
 *   the effective date or more than 18 months after it.
 * @example affiliateLoanRepayment(dec(10000000), serial(2005, 6, 30), serial(2006, 6, 30)) //=> 11200000
 */
export function affiliateLoanRepayment(principal: Dec, planEffectiveDate: number, repaymentDate: number, readings?: Readings): Dec {
  if (principal.isNegative()) throw numError("principal must not be negative");
  const cap = term("affiliateLoanCap");
  if (principal.greaterThan(cap)) throw numError(`principal exceeds the ${formatUsd(cap)} cap on Affiliate Loans [10.1.10(l)]`);
  if (repaymentDate < planEffectiveDate) throw numError("repaymentDate is before planEffectiveDate");
  const deadline = affiliateLoanDeadline(planEffectiveDate);
  if (repaymentDate > deadline) {
    throw numError(`repaymentDate is after ${isoFromSerial(deadline)}, ${termInt("affiliateLoanDeferralMonths")} months after the Plan's effective date [10.1.10(l)]`);
  }
  const interest = principal
    .times(term("affiliateLoanInterestRate"))
    .times(repaymentDate - planEffectiveDate)
    .dividedBy(choiceOf(readings, "R-AFFILIATE-DAYCOUNT") === "365" ? term("affiliateLoanDayCountBasis") : Number(choiceOf(readings, "R-AFFILIATE-DAYCOUNT")));
  return principal.plus(interest);
}

export type PlanFilingStatus = "OK" | "EVENT OF DEFAULT" | "PENDING";

/**
 * Section 10.1.10(l): an Event of Default when "a Plan(s) of Reorganization with respect to all Debtors
 * is not filed on or before February 13, 2005".
 *
 * Reading R-PLAN-FILING: "OK" when the Plan was filed on or before 2005-02-13; "EVENT OF DEFAULT" when it
 * was filed after that day, or when it has not been filed and the as-of date is after it; "PENDING"
 * otherwise (not filed, and no as-of date or one on or before the deadline). A filing dated after the
 * as-of date has not happened yet as of that date. Not modelled: the Plan's contents that 10.1.10(l) also
 * requires (termination of the Revolving Commitments and payment in full, the Affiliate Loans agreement).
 *
 * @param filingDate - Excel serial of the filing, or undefined when no Plan has been filed.
 * @param asOfDate - Excel serial of the date of determination, or undefined.
 * @example planFilingTest(serial(2005, 2, 13)) //=> "OK"
 * @example planFilingTest(undefined, serial(2005, 2, 14)) //=> "EVENT OF DEFAULT"
 */
export function planFilingTest(filingDate: number | undefined, asOfDate?: number): PlanFilingStatus {
  const deadline = termDate("planFilingDeadline");
  const filed = filingDate !== undefined && (asOfDate === undefined || filingDate <= asOfDate);
  if (filed) return (filingDate as number) <= deadline ? "OK" : "EVENT OF DEFAULT";
  return asOfDate !== undefined && asOfDate > deadline ? "EVENT OF DEFAULT" : "PENDING";
}
