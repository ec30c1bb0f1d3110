/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/** Custom functions for the 86% consent of Section 9.2.25 (Section 1.19). Thin: read the Lenders' columns, one engine call. */
import * as engine from "../engine/consent";
import { Dec } from "../engine/decimal";
import { guard, parallelSeries, parseRows, rowValues, seriesCells } from "./support/arrays";
import { amount, bool, isBlank } from "./support/params";

/** A column of one amount per Lender; omitted or wholly blank is undefined (Schedule A's, or none outstanding). */
function perLender(arg: unknown, name: string): Dec[] | undefined {
  if (seriesCells(arg, name).every(isBlank)) return undefined;
  return rowValues(parseRows(parallelSeries([{ arg, name }]), [amount(name)] as const)).map(([a]) => a);
}

function share(approving: unknown, outstandings: unknown, commitments: unknown): engine.ConsentShare {
  const votes = rowValues(parseRows(parallelSeries([{ arg: approving, name: "approving" }]), [bool("approving")] as const)).map(([v]) => v);
  return engine.consentShare(votes, perLender(outstandings, "outstandings"), perLender(commitments, "commitments"));
}

/**
 * The share (a fraction) of the Lenders' outstanding principal, or of their Revolving Commitments when none is outstanding, held by the approving Lenders. #NUM! when an amount is negative or the commitments are all zero. [9.2.25]
 * @customfunction
 * @param approving TRUE for each Lender that approves, FALSE for the others, in Schedule A's order (column or row).
 * @param [outstandings] Each Lender's outstanding principal of the Revolving Credit Outstandings, US dollars; blank or all zero is none outstanding (column or row).
 * @param [commitments] Each Lender's Revolving Commitment, US dollars; blank is Schedule A's (column or row).
 * @returns The approving Lenders' share, a fraction.
 */
export function consentShare(approving: any[][], outstandings?: any[][], commitments?: any[][]): any[][] {
  return guard(() => [[share(approving, outstandings, commitments).share.toNumber()]]);
}

/**
 * TRUE when the approving Lenders hold at least 86% of the outstanding principal (or, with none outstanding, of the Revolving Commitments), as KAISER.CONSENTSHARE computes it; exactly 86% is TRUE. #NUM! as for KAISER.CONSENTSHARE. [9.2.25]
 * @customfunction
 * @param approving TRUE for each Lender that approves, FALSE for the others, in Schedule A's order (column or row).
 * @param [outstandings] Each Lender's outstanding principal of the Revolving Credit Outstandings, US dollars; blank or all zero is none outstanding (column or row).
 * @param [commitments] Each Lender's Revolving Commitment, US dollars; blank is Schedule A's (column or row).
 * @returns TRUE or FALSE.
 */
export function consentTest(approving: any[][], outstandings?: any[][], commitments?: any[][]): any[][] {
  return guard(() => {
    const votes = rowValues(parseRows(parallelSeries([{ arg: approving, name: "approving" }]), [bool("approving")] as const)).map(([v]) => v);
    return [[engine.consentTest(votes, perLender(outstandings, "outstandings"), perLender(commitments, "commitments"))]];
  });
}
