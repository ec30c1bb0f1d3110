/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/** Custom functions for Schedule A (the Lenders and their Revolving Commitments) and the pro rata allocation of an amount. */
import * as engine from "../engine/lenders";
import { fastAllocator } from "../engine/exactFast";
import { elementwiseRows, guard, series } from "./support/arrays";
// `amount` is also the name of LENDERALLOCATION's first argument (its public name in Excel).
import { amount as amountArg } from "./support/params";

/**
 * Schedule A as a table that spills, with a header row: each Lender, its Revolving Commitment and its pro rata share (the commitment over the $200,000,000 total, a fraction: 19.2985% is 0.192985). The shares add up to 1 and equal the percentages Schedule A prints. Example: =KAISER.LENDERS() spills eight rows; Bank of America, N.A. has 38,597,000 and 0.192985. [Schedule A]
 * @customfunction
 * @returns A table of lender, commitment (US dollars) and pro rata share (fraction).
 */
export function lenders(): any[][] {
  return guard(() => {
    const commitments = engine.scheduleACommitments();
    const shares = engine.proRataShares(commitments);
    return [["lender", "commitment", "pro rata share"], ...engine.LENDERS.map((l, i) => [l.name, commitments[i].toNumber(), shares[i].toNumber()])];
  });
}

/**
 * Splits an amount (a fee, a payment, a draw) among the Lenders pro rata to their Revolving Commitments, in cents, so the shares add up exactly to the amount: the amount is rounded to cents, each Lender gets the whole cents of its share, and the cents left over go one each to the largest remainders, a tie going to the Lender listed first. Spills one row per amount with one column per Lender in Schedule A's order (Bank of America, GE Capital, CIT, Wells Fargo Foothill, Merrill Lynch, GMAC, PNC), or per commitment given. Example: =KAISER.LENDERALLOCATION(KAISER.AMENDMENTFEE()) gives 337,723.75 for Bank of America, N.A. (0.00875 × 38,597,000) and adds up to 1,750,000.00. #NUM! when an amount or a commitment is negative or the commitments are all zero. [Schedule A, 5(d)]
 * @customfunction
 * @param amount Amount to split, US dollars, at least 0 (a single cell or a column: one row of shares per amount).
 * @param [commitments] Commitments to allocate over instead of Schedule A's, US dollars, in the Lenders' order (a column or row).
 * @returns Each Lender's share in US dollars, in cents.
 */
export function lenderAllocation(amount: any[][], commitments?: any[][]): any[][] {
  return guard(() => {
    const given = series(commitments, amountArg("commitments"), { optional: true });
    const weights = given.length > 0 ? given : engine.scheduleACommitments();
    const split = engine.allocator(weights);
    // The exact fast path (src/engine/exactFast.ts); an amount it cannot prove is split on BigInt.
    const quick = fastAllocator(weights);
    return elementwiseRows([amount], [amountArg("amount")] as const, weights.length, split, quick);
  });
}
