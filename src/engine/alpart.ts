/**
 * The sale of Kaiser's interests in and related to Alpart: the April 21, 2004 announcement
 * (source "000", paragraphs counted from "HOUSTON", ¶1) and what the Seventh Amendment makes of the
 * sale (source "002").
 *
 * From the announcement: RUSAL's base purchase price of $295,000,000 before adjustments (¶1);
 * Hydro Aluminium's 35% of Alpart, Kaiser's 65% (¶4), and Hydro's right, for 30 days after Kaiser
 * receives Court approval, to buy Kaiser's interests at the approved price (¶4).
 * From the amendment: the ALPART Collateral, $20,000,000 of the sale's Net Disposition Proceeds
 * kept in Cash Collateral Accounts (1.1(d)); the KACC Available Amount, $28,000,000 deposited on
 * the sale's consummation (1.1(m)); and the sale that closed on July 1, 2004 is excluded from the
 * PPE Subcomponent Reduction (1.1(t)(a)(3)). Those figures are in the table of terms
 * (`alpartBasePurchasePrice`, `hydroAlpartShare`, `kaiserAlpartShare`, `hydroPurchaseRightDays`,
 * `alpartExpectedCourtRuling`, `alpartCollateral`, `kaccAvailableAmount`, `alpartSaleClosingDate`).
 *
 * Reading R-ALPART-EXCLUDED: the sale that closed on July 1, 2004 is the one transaction 1.1(t)(a)(3)
 * names, so none of its Net Disposition Proceeds (the $20,000,000 ALPART Collateral included) is a
 * PPE Subcomponent Reduction under clause (a); the PPE functions take proceeds after the
 * exclusions, so a workbook leaves this sale out of its disposition events. Clause (d) still
 * reaches AJI's and KJC's intercompany Indebtedness left unpaid at an ALPART Plan Event.
 *
 * Not modelled: the purchase price adjustments (the release gives none), the conditions of the sale
 * (Court, lenders, Government of Jamaica), and the ALPART Plan Event mechanics of Section 9.1.19.
 */
import { checkSerial } from "./dates";
import { termInt } from "./terms";

/**
 * Announcement ¶4: "Hydro Aluminium a.s., which currently owns the remaining 35% of Alpart, retains
 * the right – for 30 days following Kaiser's receipt of Court approval of any sale transaction – to
 * elect to purchase Kaiser's interests at the price specified in any agreement approved by the
 * Court."
 *
 * Reading R-HYDRO-DEADLINE: calendar days, day 1 the day after Kaiser receives the Court's
 * approval, so the last day of Hydro's right is the approval date plus 30; no roll to a business
 * day (the release says days; the partnership agreement's notice terms are not in the documents).
 *
 * @param courtApprovalDate - the date Kaiser received the Court's approval, an Excel serial
 * @throws EngineError (num) when the deadline falls after 9999-12-31
 * @example hydroPurchaseDeadline(serial(2004, 4, 26)) //=> serial(2004, 5, 26)
 */
export function hydroPurchaseDeadline(courtApprovalDate: number): number {
  return checkSerial(courtApprovalDate + termInt("hydroPurchaseRightDays"), "the deadline of Hydro's right");
}
