/**
 * Section 2.11 of the Subsidiary Guaranties, "Limitations on Recourse as to Certain Subsidiaries", which
 * Sections 2.1 and 2.2 of the Seventh Amendment add to the Original Guaranty (AJI, KJC, KFC and KAAC)
 * and to the Additional Guaranty (AJI, KJC and KBC):
 * - (a), both: "The recourse liability of AJI and KJC under this Guaranty shall be limited, on an
 *   aggregate basis, to an amount equal to the ALPART Claims; provided that AJI's and KJC's liability …
 *   shall continue to be joint and several at all times."
 * - Original (b): "After the occurrence of the Settlement Effective Date …, the recourse liability of KAAC
 *   under this Guaranty shall be limited to the QAL Claims."
 * - Original (c): "After the occurrence of both the Settlement Effective Date and a QAL Plan Event and
 *   transfer of the QAL Collateral to the Company …, KAAC shall have no liability under this Guaranty."
 * - Original (d): "After the occurrence of both the Settlement Effective Date and the effective date of a
 *   Subsidiary Plan for KFC, KFC shall have no liability under this Guaranty."
 * - Additional (b): the same for KBC and a Subsidiary Plan for KBC.
 *
 * Reading R-RECOURSE-CAP: the result is the aggregate cap ("NOT LIMITED" where 2.11 sets none): AJI and KJC
 * the ALPART Claims jointly, at all times; KAAC not limited before the Settlement Effective Date, the QAL
 * Claims after it, zero after both it and a QAL Plan Event with the QAL Collateral transferred; KFC and
 * KBC zero after both the Settlement Effective Date and their Subsidiary Plan, else not limited; any other
 * guarantor is not limited by 2.11. The ALPART Claims default to $20,000,000 and the QAL Claims after the
 * Settlement Effective Date to $40,000,000 (1.1(d), 1.1(u)), their interest and earnings being the
 * workbook's to add. Not modelled: the Approval Order overturned on appeal, which voids 2.11 ab initio
 * (give FALSE for the Settlement Effective Date, and the AJI and KJC limit then still shows).
 */
import { Dec, ZERO } from "./decimal";
import { term } from "./terms";

export type Guarantor = "AJI" | "KJC" | "KAAC" | "KFC" | "KBC";

/** The five Subsidiaries 2.11 names, by abbreviation and by the name they sign under. */
export const GUARANTOR_NAMES: Readonly<Record<string, Guarantor>> = {
  AJI: "AJI",
  "ALPART JAMAICA INC.": "AJI",
  KJC: "KJC",
  "KAISER JAMAICA CORPORATION": "KJC",
  KAAC: "KAAC",
  "KAISER ALUMINA AUSTRALIA CORPORATION": "KAAC",
  KFC: "KFC",
  "KAISER FINANCE CORPORATION": "KFC",
  KBC: "KBC",
  "KAISER BAUXITE COMPANY": "KBC",
};

/** A guarantor named in 2.11, from its abbreviation or name (case and a final period ignored); undefined for any other. */
export function guarantorOf(name: string): Guarantor | undefined {
  const key = name.trim().toUpperCase().replace(/\s+/g, " ");
  return GUARANTOR_NAMES[key] ?? GUARANTOR_NAMES[`${key.replace(/\.$/, "")}.`] ?? GUARANTOR_NAMES[key.replace(/\.$/, "")];
}

export const NOT_LIMITED = "NOT LIMITED";

export interface RecourseInputs {
  readonly settlementEffectiveDateOccurred: boolean;
  /** For KAAC a QAL Plan Event with the QAL Collateral transferred to the Company; for KFC and KBC the effective date of its Subsidiary Plan. */
  readonly subsidiaryPlanEffective?: boolean;
  readonly alpartClaims?: Dec;
  readonly qalClaims?: Dec;
}

/**
 * Section 2.11 of the Subsidiary Guaranties: the cap on a guarantor's recourse liability (Reading R-RECOURSE-CAP).
 *
 * @param guarantor - The guarantor's name or abbreviation (AJI, KJC, KAAC, KFC, KBC or any other).
 * @returns The cap in US dollars, or "NOT LIMITED".
 * @example recourseCap("KAAC", { settlementEffectiveDateOccurred: true }) //=> 40000000
 */
export function recourseCap(guarantor: string, inputs: RecourseInputs): Dec | typeof NOT_LIMITED {
  const plan = inputs.subsidiaryPlanEffective ?? false;
  const settled = inputs.settlementEffectiveDateOccurred;
  switch (guarantorOf(guarantor)) {
    case "AJI":
    case "KJC":
      return inputs.alpartClaims ?? term("alpartClaims");
    case "KAAC":
      if (!settled) return NOT_LIMITED;
      return plan ? ZERO : (inputs.qalClaims ?? term("qalClaimsAfterSettlement"));
    case "KFC":
    case "KBC":
      return settled && plan ? ZERO : NOT_LIMITED;
    default:
      return NOT_LIMITED;
  }
}
