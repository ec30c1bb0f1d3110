/**
 * Insert dashboard: adds the sheet "KAISER Dashboard" (a new name when taken) with live KAISER
 * formulas and three native Excel charts over the model's tables (src/review/dashboard.ts).
 * Never overwrites; changes nothing and names the first missing input when the model is incomplete.
 */
import { dashboardDesign } from "../review/dashboard";
import { insertDesign, InsertResult } from "./insertDesign";

/**
 * @param context - the request context of `Excel.run`
 * @example await Excel.run((context) => insertDashboard(context)) //=> { inserted: true, message: 'Added the sheet "KAISER Dashboard": …' }
 */
export function insertDashboard(context: Excel.RequestContext): Promise<InsertResult> {
  return insertDesign(context, "dashboard", dashboardDesign);
}
