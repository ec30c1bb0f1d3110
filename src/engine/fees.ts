/** The fees the Seventh Amendment sets: the amendment fee (5(d)) and the commitment fee rate (1.3). */
import { Dec } from "./decimal";
import { term } from "./terms";
import { choiceOf, Readings } from "./readings";

/**
 * Section 5(d): "an amendment fee equal to 0.00875 times the Revolving Commitment Amount (after
 * giving effect to this Amendment)".
 *
 * @example amendmentFee() //=> 1750000
 */
export function amendmentFee(revolvingCommitmentAmount: Dec = term("revolvingCommitmentAmount")): Dec {
  return revolvingCommitmentAmount.times(term("amendmentFeeFactor"));
}

/**
 * Section 1.3 (Section 3.5.1 as amended): the commitment fee at "0.625% per annum" on an average
 * unused commitment for a number of days, over a day-count basis (Reading R-COMMITMENTFEE-BASIS:
 * 360 unless given; the Credit Agreement's day count is not in the amendment). A basis given wins;
 * without one, the reading's choice: 360 (the default) or 365.
 *
 * @example commitmentFee(dec(100000000), 90) //=> 156250
 * @example commitmentFee(dec(100000000), 73, undefined, { "R-COMMITMENTFEE-BASIS": "365" }) //=> 125000
 */
export function commitmentFee(averageUnusedCommitment: Dec, days: number, dayCountBasis?: number, readings?: Readings): Dec {
  const basis = dayCountBasis ?? commitmentFeeBasis(readings);
  return averageUnusedCommitment.times(term("commitmentFeeRate")).times(days).dividedBy(basis);
}

/** Reading R-COMMITMENTFEE-BASIS: the day-count basis a `Readings` value chooses (360 by default). */
export function commitmentFeeBasis(readings?: Readings): number {
  const choice = choiceOf(readings, "R-COMMITMENTFEE-BASIS");
  return choice === "360" ? term("commitmentFeeDayCountBasis").toNumber() : Number(choice);
}
