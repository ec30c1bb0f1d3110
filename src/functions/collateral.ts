/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * Custom functions for the proceeds collateral (Sections 1.1(p), 1.1(u)) and the limits on recourse of
 * Section 2.11 of the Subsidiary Guaranties (Sections 2.1 and 2.2 of the amendment). Thin: convert, call
 * the engine, convert back.
 */
import * as collateral from "../engine/collateral";
import * as guaranty from "../engine/guaranty";
import { elementwise } from "./support/arrays";
import { amount, bool, text } from "./support/params";

/**
 * Minimum Aggregate Proceeds Collateral: the ALPART Collateral plus the QAL Claims before a QAL Triggering Event, or the QAL Collateral after it ($40,000,000 once the Settlement Effective Date has occurred). #NUM! for a negative amount. [1.1(p), 1.1(u)]
 * @customfunction
 * @param alpartCollateral ALPART Collateral with its interest and earnings, US dollars (number or range).
 * @param qalAmount Before a QAL Triggering Event the QAL Claims, after it the QAL Collateral, US dollars (number or range).
 * @param qalTriggeringEventOccurred TRUE once a QAL Sale Event or QAL Plan Event has occurred (TRUE/FALSE or range).
 * @param [settlementEffectiveDateOccurred] TRUE once the Settlement Effective Date has occurred; blank is FALSE (TRUE/FALSE or range).
 * @returns The Minimum Aggregate Proceeds Collateral, US dollars, for KAISER.PROCEEDSCOLLATERALTEST.
 */
export function minimumProceedsCollateral(alpartCollateral: any[][], qalAmount: any[][], qalTriggeringEventOccurred: any[][], settlementEffectiveDateOccurred?: any[][]): any[][] {
  return elementwise(
    [alpartCollateral, qalAmount, qalTriggeringEventOccurred, settlementEffectiveDateOccurred],
    [amount("alpartCollateral"), amount("qalAmount"), bool("qalTriggeringEventOccurred"), bool("settlementEffectiveDateOccurred", { optional: true, default: false })] as const,
    (alpart, qal, triggered, settled) => collateral.minimumProceedsCollateral(alpart, qal, triggered, settled),
  );
}

/**
 * The cap on a guarantor's recourse liability, US dollars, or "NOT LIMITED": AJI and KJC the ALPART Claims jointly; KAAC, KFC and KBC by the Settlement Effective Date and their plans. #NUM! for a negative amount. [Subsidiary Guaranties 2.11]
 * @customfunction
 * @param guarantor AJI, KJC, KAAC, KFC or KBC (or the name it signs under); any other guarantor is not limited by 2.11 (text or range).
 * @param settlementEffectiveDateOccurred TRUE once the Settlement Effective Date has occurred (TRUE/FALSE or range).
 * @param [subsidiaryPlanEffective] KAAC: TRUE after a QAL Plan Event with the QAL Collateral transferred to the Company; KFC, KBC: TRUE once its Subsidiary Plan is effective; blank is FALSE (TRUE/FALSE or range).
 * @param [alpartClaims] ALPART Claims, US dollars; blank is $20,000,000 (number or range).
 * @param [qalClaims] QAL Claims after the Settlement Effective Date, US dollars; blank is $40,000,000 (number or range).
 * @returns The cap in US dollars, or "NOT LIMITED".
 */
export function recourseCap(guarantor: any[][], settlementEffectiveDateOccurred: any[][], subsidiaryPlanEffective?: any[][], alpartClaims?: any[][], qalClaims?: any[][]): any[][] {
  return elementwise(
    [guarantor, settlementEffectiveDateOccurred, subsidiaryPlanEffective, alpartClaims, qalClaims],
    [
      text("guarantor"),
      bool("settlementEffectiveDateOccurred"),
      bool("subsidiaryPlanEffective", { optional: true, default: false }),
      amount("alpartClaims", { optional: true }),
      amount("qalClaims", { optional: true }),
    ] as const,
    (name, settled, plan, alpart, qal) => guaranty.recourseCap(name, { settlementEffectiveDateOccurred: settled, subsidiaryPlanEffective: plan, alpartClaims: alpart, qalClaims: qal }),
  );
}
