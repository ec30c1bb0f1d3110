/**
 * Section 1.1(p), "Minimum Aggregate Proceeds Collateral": "the aggregate of the ALPART Collateral and
 * the QAL Collateral; provided that (i) prior to a QAL Triggering Event, the Minimum Aggregate Proceeds
 * Collateral shall consist of (x) the ALPART Collateral, maintained in Cash Collateral Accounts in
 * accordance herewith, plus (y) the QAL Claims, and (ii) after the occurrence of a QAL Triggering Event,
 * the Minimum Aggregate Proceeds Collateral shall consist of the ALPART Collateral and the QAL
 * Collateral". Section 1.1(u), "QAL Collateral": "following the occurrence of both the Settlement
 * Effective Date and a QAL Triggering Event …, the QAL Collateral shall be fixed at a principal amount of
 * $40,000,000".
 *
 * Reading R-MIN-PROCEEDS-COLLATERAL: the workbook gives the ALPART Collateral (with its interest and
 * earnings) and, as `qalAmount`, the QAL Claims before a QAL Triggering Event or the QAL Collateral after
 * it; once both the Settlement Effective Date and a QAL Triggering Event have occurred the QAL Collateral
 * is its fixed $40,000,000 principal, whatever `qalAmount` says. Not modelled: the interest and earnings
 * on the fixed $40,000,000, and whether the amounts are maintained in Cash Collateral Accounts.
 */
import { Dec } from "./decimal";
import { term } from "./terms";

/**
 * Section 1.1(p): the Minimum Aggregate Proceeds Collateral, which Section 10.1.10(k) tests against
 * $60,000,000 after a QAL Triggering Event (`proceedsCollateralTest`).
 *
 * @param alpartCollateral - The ALPART Collateral, US dollars.
 * @param qalAmount - Before a QAL Triggering Event the QAL Claims, after it the QAL Collateral, US dollars.
 * @param qalTriggeringEventOccurred - Whether a QAL Sale Event or QAL Plan Event has occurred.
 * @param settlementEffectiveDateOccurred - Whether the Settlement Effective Date has occurred.
 * @example minimumProceedsCollateral(dec(20000000), dec(35000000), true, true) //=> 60000000 (the QAL Collateral fixed at $40,000,000)
 */
export function minimumProceedsCollateral(alpartCollateral: Dec, qalAmount: Dec, qalTriggeringEventOccurred: boolean, settlementEffectiveDateOccurred = false): Dec {
  const qal = qalTriggeringEventOccurred && settlementEffectiveDateOccurred ? term("qalCollateralFixed") : qalAmount;
  return alpartCollateral.plus(qal);
}
