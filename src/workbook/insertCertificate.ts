/**
 * Insert Borrowing Base Certificate: adds the sheet "Borrowing Base Certificate" (a new name when
 * taken), one printed page for the model's as-of date, every amount a live KAISER formula
 * (src/review/certificate.ts). Never overwrites; changes nothing and names the first missing input
 * when the model is incomplete.
 */
import { certificateDesign } from "../review/certificate";
import { insertDesign, InsertResult } from "./insertDesign";

/**
 * @param context - the request context of `Excel.run`
 * @example await Excel.run((context) => insertCertificate(context)) //=> { inserted: true, message: 'Added the sheet "Borrowing Base Certificate": …' }
 */
export function insertCertificate(context: Excel.RequestContext): Promise<InsertResult> {
  return insertDesign(context, "Borrowing Base Certificate", (facts) => certificateDesign(facts));
}
