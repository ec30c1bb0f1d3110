/**
 * Section 9.2.25 (Section 1.19), the consent to changes to the Settlement and Release Agreement:
 * "with such modifications thereto … as may be approved by the Agent and the Lenders holding at least
 * 86% of the then aggregate outstanding principal amount of the Revolving Credit Outstandings or, if no
 * such principal amount is then outstanding, Lenders having at least 86% of the Revolving Commitments."
 *
 * Reading R-CONSENT-BASE: the base is the Lenders' outstanding principal when any is outstanding (the
 * total is above zero), else their Revolving Commitments; "at least 86%" includes 86% exactly. The share
 * is exact (a fraction of decimals), never rounded before the comparison. Not modelled: the Agent's own
 * approval, which the clause also requires.
 */
import { Dec, ZERO } from "./decimal";
import { numError, valueError } from "./errors";
import { scheduleACommitments } from "./lenders";
import { term } from "./terms";

export interface ConsentShare {
  /** The share of the base held by the approving Lenders, a fraction. */
  readonly share: Dec;
  /** Which base the share is of. */
  readonly base: "outstandings" | "commitments";
}

function total(amounts: readonly Dec[], name: string): Dec {
  let sum = ZERO;
  amounts.forEach((a, i) => {
    if (a.isNegative()) throw numError(`${name} row ${i + 1} is negative; it is an amount of at least 0`);
    sum = sum.plus(a);
  });
  return sum;
}

/**
 * Section 9.2.25: the share of the relevant base held by the approving Lenders.
 *
 * @param approving - TRUE for each Lender that approves, in Schedule A's order (or the order of `commitments`).
 * @param outstandings - Each Lender's outstanding principal of the Revolving Credit Outstandings; omitted or all zero means none is outstanding.
 * @param commitments - Each Lender's Revolving Commitment; Schedule A's by default.
 * @throws #VALUE! when the lists differ in length; #NUM! for a negative amount or commitments that are all zero.
 * @example consentShare([true, true, true, true, true, true, false]).share //=> 0.91228 (all but PNC)
 */
export function consentShare(approving: readonly boolean[], outstandings?: readonly Dec[], commitments: readonly Dec[] = scheduleACommitments()): ConsentShare {
  if (approving.length !== commitments.length) {
    throw valueError(`approving has ${approving.length} Lenders and the commitments ${commitments.length}; give one TRUE/FALSE per Lender, in Schedule A's order`);
  }
  if (outstandings !== undefined && outstandings.length > 0 && outstandings.length !== approving.length) {
    throw valueError(`approving has ${approving.length} Lenders and outstandings ${outstandings.length}; give one amount per Lender`);
  }
  const useOutstandings = outstandings !== undefined && outstandings.length > 0 && total(outstandings, "outstandings").greaterThan(ZERO);
  const base = useOutstandings ? (outstandings as readonly Dec[]) : commitments;
  const whole = total(base, useOutstandings ? "outstandings" : "commitments");
  if (whole.isZero()) throw numError("the Revolving Commitments are all zero, so no share can be taken of them");
  let held = ZERO;
  base.forEach((a, i) => {
    if (approving[i]) held = held.plus(a);
  });
  return { share: held.dividedBy(whole), base: useOutstandings ? "outstandings" : "commitments" };
}

/**
 * Section 9.2.25: TRUE when the approving Lenders hold at least 86% of the base (Reading R-CONSENT-BASE).
 *
 * @example consentTest([true, true, true, true, true, false, true]) //=> true (89.474%: all but GMAC)
 */
export function consentTest(approving: readonly boolean[], outstandings?: readonly Dec[], commitments?: readonly Dec[]): boolean {
  return consentShare(approving, outstandings, commitments).share.greaterThanOrEqualTo(term("settlementConsentShare"));
}
