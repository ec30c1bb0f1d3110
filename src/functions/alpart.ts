/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * Custom functions for the sale of Kaiser's Alpart interests (the April 21, 2004 announcement,
 * source "000"; the amendment's ALPART figures are in KAISER.TERM). Thin: convert, call the engine
 * (src/engine/alpart.ts), convert back.
 */
import * as engine from "../engine/alpart";
import { elementwise } from "./support/arrays";
import { date } from "./support/params";

/**
 * The last day of Hydro Aluminium's right to buy Kaiser's Alpart interests at the price the Court approved: 30 calendar days after Kaiser receives the Court's approval, day 1 being the day after (a reading), with no roll to a business day. Example: =KAISER.HYDROPURCHASEDEADLINE(DATE(2004,4,26)) gives 2004-05-26 (April 26, 2004 was the day Kaiser expected the Court to rule, KAISER.TERM("alpartExpectedCourtRuling")). #NUM! when the approval date is not a valid Excel date or the deadline falls after 9999-12-31. [Alpart release ¶4]
 * @customfunction
 * @param courtApprovalDate The date Kaiser received the Court's approval of the sale, Excel date (number or range).
 * @returns The last day of Hydro's right, an Excel date.
 */
export function hydroPurchaseDeadline(courtApprovalDate: any[][]): any[][] {
  return elementwise([courtApprovalDate], [date("courtApprovalDate")] as const, (approved) => engine.hydroPurchaseDeadline(approved));
}
