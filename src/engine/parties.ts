/**
 * The parties and the instrument, as the Seventh Amendment names them: one place for the words a
 * certificate or a title repeats (the terms table, terms.ts, holds the amendment's numbers).
 */

/** The Company: "KAISER ALUMINUM & CHEMICAL CORPORATION, a Delaware corporation, as debtor and debtor-in-possession (the "Company")" (preamble). */
export const COMPANY = "Kaiser Aluminum & Chemical Corporation";

/** The Agent: "BANK OF AMERICA, N.A., as agent" (preamble). */
export const AGENT = "Bank of America, N.A.";

/** The instrument the add-in encodes. */
export const AMENDMENT = "Seventh Amendment to Post-Petition Credit Agreement";

/** "dated as of October 28, 2004". */
export const AMENDMENT_DATE_TEXT = "October 28, 2004";

/**
 * Section 9.1.1(o) (added by Section 1.8 of the amendment): the Company delivers schedules "together with a certificate of a Financial
 * Authorized Officer of the Company certifying to the Agent and the Lenders that such matters are
 * true and correct in all material respects". The certificate's signatory.
 */
export const CERTIFYING_OFFICER = "Financial Authorized Officer";
