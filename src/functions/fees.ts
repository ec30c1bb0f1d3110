/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/** Custom functions for the amendment fee (Section 5(d)) and the commitment fee (Section 1.3). */
import * as engine from "../engine/fees";
import * as fast from "../engine/exactFast";
import { term } from "../engine/terms";
import { elementwise, FastPath, guard } from "./support/arrays";
import { defaultNumber, orDefault } from "./support/fast";
import { amount, integer } from "./support/params";
import { readingsArg } from "./support/readings";

const BASIS = defaultNumber(term("commitmentFeeDayCountBasis"));
// The exact fast paths (src/engine/exactFast.ts), functions of one element's column and its
// arguments' rows (FastPath); a blank position of AMENDMENTFEE goes the ordinary way.
const fastAmendment: FastPath = (c, rca) => fast.fastAmendmentFee(rca[c]);
const fastCommitment: FastPath = (c, unused, days, basis) => fast.fastCommitmentFee(unused[c], days[c], orDefault(basis[c], BASIS));

/**
 * The amendment fee: 0.00875 times the Revolving Commitment Amount after the amendment. Example: =KAISER.AMENDMENTFEE() gives 1,750,000. #NUM! when the Revolving Commitment Amount is negative. [5(d)]
 * @customfunction
 * @param [revolvingCommitmentAmount] Revolving Commitment Amount, amount in US dollars; blank is $200,000,000 (number or range).
 * @returns The amendment fee in US dollars.
 */
export function amendmentFee(revolvingCommitmentAmount?: any[][]): any[][] {
  return elementwise(
    [revolvingCommitmentAmount],
    [amount("revolvingCommitmentAmount", { optional: true, default: term("revolvingCommitmentAmount") })] as const,
    (rca) => engine.amendmentFee(rca),
    fastAmendment,
  );
}

/**
 * The commitment fee: 0.625% per annum times the average unused commitment times days over the day-count basis (360 unless given; a reading, the Credit Agreement's day count is not in the amendment). Example: =KAISER.COMMITMENTFEE(100000000, 90) gives 156,250. #NUM! when the amount is negative, days is negative or not whole, or the basis is not a whole number from 1 to 366. [1.3]
 * @customfunction
 * @param averageUnusedCommitment Average unused Revolving Commitment over the period, amount in US dollars (number or range).
 * @param days Days in the period, a whole number (number or range).
 * @param [dayCountBasis] Days in the fee year; blank is 360, or 365 under R-COMMITMENTFEE-BASIS=365 (number or range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-COMMITMENTFEE-BASIS=365" or a range of such texts; blank is the defaults (README, Readings).
 * @returns The commitment fee in US dollars, unrounded.
 */
export function commitmentFee(averageUnusedCommitment: any[][], days: any[][], dayCountBasis?: any[][], readings?: any[][]): any[][] {
  return guard(() => {
    const chosen = readingsArg(readings);
    return elementwise(
      [averageUnusedCommitment, days, dayCountBasis],
      [amount("averageUnusedCommitment"), integer("days", { min: 0 }), integer("dayCountBasis", { min: 1, max: 366 }, { optional: true })] as const,
      (unused, d, basis) => engine.commitmentFee(unused, d, basis, chosen),
      // The fast path assumes the default basis for a blank one (Reading R-COMMITMENTFEE-BASIS).
      engine.commitmentFeeBasis(chosen) === BASIS ? fastCommitment : undefined,
    );
  });
}
