/**
 * Appraisals of Eligible Fixed Assets (Section 9.1.18(b), Section 1.9 of the amendment) and the
 * schedule due to the Agent before or after certain dispositions and plan events (Section 9.1.1(o),
 * Section 1.8).
 */
import { Dec } from "./decimal";
import { addMonths, checkSerial } from "./dates";
import { addBusinessDays } from "./businessDays";
import { termInt, term } from "./terms";

/**
 * Section 9.1.18(b): "If at any time the Revolving Credit Outstandings exceed eighty percent (80%)
 * of the Borrowing Base, the Agent may … obtain an updated appraisal".
 * Reading R-APPRAISAL-EXCEED: "exceed" is strictly greater than; exactly 80% does not trigger.
 *
 * @example appraisalTrigger(dec(240000001), dec(300000000)) //=> true
 */
export function appraisalTrigger(outstandings: Dec, borrowingBase: Dec): boolean {
  return outstandings.greaterThan(borrowingBase.times(term("appraisalTriggerRate")));
}

/**
 * Section 9.1.18(b): "such updated appraisal will be required no more frequently than once in every
 * 180-day period, unless a Default or an Event of Default shall have occurred and be continuing, in
 * which case the Agent may require more frequent appraisals, but in any event no more frequently
 * than monthly."
 *
 * Reading R-APPRAISAL-NEXT: the 180-day period starts on the day of the last appraisal, so the
 * first day another may be required is 180 calendar days after it; while a Default continues, one
 * month after it (the same day of the next month, clamped to the month's end: 2005-01-31 gives
 * 2005-02-28).
 *
 * @example nextAppraisalDate(serial(2004, 10, 28), false) //=> serial(2005, 4, 26)
 * @example nextAppraisalDate(serial(2004, 10, 28), true) //=> serial(2004, 11, 28)
 */
export function nextAppraisalDate(lastAppraisalDate: number, defaultContinuing: boolean): number {
  const last = Math.floor(lastAppraisalDate);
  const next = defaultContinuing ? addMonths(last, termInt("appraisalDefaultIntervalMonths")) : last + termInt("appraisalIntervalDays");
  return checkSerial(next, "the next appraisal date");
}

/**
 * Section 9.1.1(o): the schedule is due "no later than (x) if a Threshold Event has occurred or is
 * reasonably expected to occur as a result of any of the following, or if the Revolving Credit
 * Outstandings exceed the Threshold or are reasonably expected to exceed the Threshold after giving
 * effect to any of the following, five (5) Business Days prior thereto, and (y) otherwise … no later
 * than one (1) Business Day thereafter".
 *
 * Reading R-NOTICE-DAYS: Business Days are counted as `addBusinessDays` does (Excel's WORKDAY): five
 * Business Days before is the fifth Business Day strictly before the event date, one Business Day
 * after is the first Business Day strictly after, whether or not the event date is a Business Day.
 *
 * @param eventDate - the date of the Asset Disposition, plan event or effective date
 * @param thresholdAffected - TRUE when a Threshold Event, or outstandings above the Threshold, has
 *   occurred or is expected as a result
 * @example noticeDeadline(serial(2004, 9, 8), true) //=> serial(2004, 8, 31) (Labor Day skipped)
 * @example noticeDeadline(serial(2004, 9, 3), false) //=> serial(2004, 9, 7)
 */
export function noticeDeadline(eventDate: number, thresholdAffected: boolean, extraHolidays?: ReadonlySet<number>): number {
  return thresholdAffected
    ? addBusinessDays(eventDate, -termInt("noticeDaysBefore"), extraHolidays)
    : addBusinessDays(eventDate, termInt("noticeDaysAfter"), extraHolidays);
}
