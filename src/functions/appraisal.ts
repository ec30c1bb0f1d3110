/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * Custom functions for appraisals of Eligible Fixed Assets (Section 9.1.18(b)) and the schedule due
 * to the Agent around dispositions and plan events (Section 9.1.1(o)).
 */
import * as engine from "../engine/appraisal";
import { fastAppraisalTrigger } from "../engine/exactFast";
import { elementwise, FastPath, guard } from "./support/arrays";
import { holidaySet } from "./support/holidays";
import { amount, bool, date } from "./support/params";

// The exact fast path (src/engine/exactFast.ts), a function of one element's column and its arguments' rows (FastPath).
const fastTrigger: FastPath = (c, o, bb) => fastAppraisalTrigger(o[c], bb[c]);

/**
 * TRUE when Revolving Credit Outstandings exceed 80% of the Borrowing Base, so that the Agent may obtain an updated appraisal of the Eligible Fixed Assets; exactly 80% is not above it. Example: =KAISER.APPRAISALTRIGGER(240000001, 300000000) gives TRUE; =KAISER.APPRAISALTRIGGER(240000000, 300000000) gives FALSE. #NUM! when an amount is negative. [9.1.18(b)]
 * @customfunction
 * @param outstandings Revolving Credit Outstandings, amount in US dollars (number or range).
 * @param borrowingBase Borrowing Base, amount in US dollars (number or range).
 * @returns TRUE or FALSE.
 */
export function appraisalTrigger(outstandings: any[][], borrowingBase: any[][]): any[][] {
  return elementwise([outstandings, borrowingBase], [amount("outstandings"), amount("borrowingBase")] as const, (o, bb) => engine.appraisalTrigger(o, bb), fastTrigger);
}

/**
 * The first date on which another updated appraisal may be required: 180 days after the last one, or, while a Default or Event of Default continues, one month after it (the same day of the next month, or that month's last day). Example: =KAISER.NEXTAPPRAISALDATE(DATE(2004,10,28)) gives 2005-04-26; =KAISER.NEXTAPPRAISALDATE(DATE(2004,10,28), TRUE) gives 2004-11-28. #NUM! when the date is not a valid Excel date or the result would pass 9999-12-31. [9.1.18(b)]
 * @customfunction
 * @param lastAppraisalDate Excel date of the last updated appraisal (number or range).
 * @param [defaultContinuing] TRUE while a Default or Event of Default continues; blank is FALSE (logical or range).
 * @returns The date.
 */
export function nextAppraisalDate(lastAppraisalDate: any[][], defaultContinuing?: any[][]): any[][] {
  return elementwise(
    [lastAppraisalDate, defaultContinuing],
    [date("lastAppraisalDate"), bool("defaultContinuing", { optional: true, default: false })] as const,
    (last, inDefault) => engine.nextAppraisalDate(last, inDefault === true),
  );
}

/**
 * The latest date for the schedule (use of proceeds, Indebtedness owed and left unpaid) due to the Agent for an Asset Disposition of the QAL or VALCO Interests, an ALPART Plan Event, a QAL Plan Event or a Subsidiary Plan for KBC or KFC: five Business Days before the event when a Threshold Event, or outstandings above the Threshold, has occurred or is expected as a result; otherwise one Business Day after it. Business Days are counted as KAISER.ADDBUSINESSDAYS counts them. Example: =KAISER.NOTICEDEADLINE(DATE(2004,9,8), TRUE) gives 2004-08-31 (Labor Day skipped); =KAISER.NOTICEDEADLINE(DATE(2004,9,3), FALSE) gives 2004-09-07. #NUM! when a date or holiday is not a valid Excel date, or the event or the deadline falls outside the business-day calendar (1990-01-01 to 9999-12-31). [9.1.1(o)]
 * @customfunction
 * @param eventDate Excel date of the disposition or plan event (number or range).
 * @param thresholdAffected TRUE when a Threshold Event, or outstandings above the Threshold, has occurred or is expected as a result of the event (logical or range).
 * @param [holidays] Extra non-business days, Excel dates, a single column or row; blank cells are skipped (range).
 * @returns The deadline date.
 */
export function noticeDeadline(eventDate: any[][], thresholdAffected: any[][], holidays?: any[][]): any[][] {
  return guard(() => {
    const extra = holidaySet(holidays);
    return elementwise([eventDate, thresholdAffected], [date("eventDate"), bool("thresholdAffected")] as const, (d, affected) => engine.noticeDeadline(d, affected, extra));
  });
}
