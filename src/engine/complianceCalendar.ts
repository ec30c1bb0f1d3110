/**
 * The compliance calendar: every dated obligation the amendment and its two companion documents set
 * that can be derived from given facts, sorted, each with what it is and its section. Each date comes
 * from the engine function that owns its rule; nothing here counts days of its own.
 *
 * - Section 9.1.1(o): the schedule due to the Agent for an Asset Disposition of the QAL or VALCO
 *   Interests and for an ALPART Plan Event, a QAL Plan Event or the effective date of a Subsidiary
 *   Plan for KBC or KFC (`noticeDeadline`).
 * - Section 9.1.18(b): the first day another appraisal of Eligible Fixed Assets may be required
 *   (`nextAppraisalDate`).
 * - Section 10.1.10(l): the Plan(s) of Reorganization to be filed on or before 2005-02-13 (terms table).
 * - Section 9.2.4: each Minimum EBITDA measurement date from the first month in which a three-Business-
 *   Day Threshold Event occurs (`minimumEbitdaPeriods`, `isTested`).
 * - Alpart release ¶4: the last day of Hydro's right to purchase, given a Court approval date
 *   (`hydroPurchaseDeadline`).
 * - Grant letter ¶3: the last day of the Company's repurchase window after each option exercise
 *   (`repurchaseDeadline`).
 *
 * Reading R-CAL-NOTICE: where it is not given whether a Threshold Event or outstandings above the
 * Threshold are expected as a result of the event, both deadlines of 9.1.1(o) are listed, (x) five
 * Business Days before and (y) one Business Day after, each saying when it applies.
 */
import { nextAppraisalDate, noticeDeadline } from "./appraisal";
import { hydroPurchaseDeadline } from "./alpart";
import { isoFromSerial } from "./dates";
import { describePeriod, isTested, minimumEbitdaPeriods } from "./minimumEbitda";
import { repurchaseDeadline } from "./optionGrant";
import { TermKey, TERMS, termDate, termInt } from "./terms";

/** The section the terms table gives for a term. */
function termSection(key: TermKey): string {
  return TERMS[key].section;
}

/** What kind of obligation an entry is: a stable part of its identity (iCalendar UIDs use it). */
export type CalendarKind = "notice" | "appraisal" | "plan-filing" | "minimum-ebitda" | "hydro-purchase" | "option-repurchase";

export interface CalendarEntry {
  /** Excel serial (whole days). */
  readonly date: number;
  readonly kind: CalendarKind;
  /** What falls due, for a finance user ("Schedule to the Agent: Asset Disposition of the VALCO Interests on 2004-11-15 (five Business Days before)"). */
  readonly what: string;
  /** The section that sets it ("9.1.1(o)(x)", "Grant letter ¶3"). */
  readonly section: string;
}

/** An event of Section 9.1.1(o)(i)–(ii). */
export interface NoticeEvent {
  readonly date: number;
  /** "Asset Disposition of the QAL Interests", "ALPART Plan Event", … */
  readonly what: string;
  /** Whether a Threshold Event, or outstandings above the Threshold, has occurred or is expected as a result; undefined: not known (Reading R-CAL-NOTICE). */
  readonly thresholdAffected?: boolean;
}

export interface CalendarFacts {
  readonly noticeEvents?: readonly NoticeEvent[];
  /** The date of the last appraisal of Eligible Fixed Assets, and whether a Default is continuing. */
  readonly lastAppraisal?: { readonly date: number; readonly defaultContinuing: boolean };
  /** The first Threshold Event with respect to Section 9.2.4 (three Business Days); null when none has occurred. */
  readonly firstThresholdEventMinimumEbitda?: number | null;
  /** The date Kaiser received the Court's approval of the Alpart sale. */
  readonly courtApprovalDate?: number;
  /** The exercise date of each option exercise (as EXERCISEDATE gives it). */
  readonly optionExercises?: readonly number[];
  readonly extraHolidays?: ReadonlySet<number>;
}

/** The Plan of Reorganization filing deadline of Section 10.1.10(l), as the terms table holds it. */
function planFiling(): CalendarEntry {
  return { date: termDate("planFilingDeadline"), kind: "plan-filing", what: "Plan(s) of Reorganization for all Debtors filed on or before this date", section: termSection("planFilingDeadline") };
}

function notices(event: NoticeEvent, extraHolidays: ReadonlySet<number> | undefined): CalendarEntry[] {
  const on = isoFromSerial(event.date);
  const before: CalendarEntry = {
    date: noticeDeadline(event.date, true, extraHolidays),
    kind: "notice",
    what: `Schedule to the Agent for the ${event.what} on ${on}: ${termInt("noticeDaysBefore")} Business Days before${event.thresholdAffected === undefined ? ", if a Threshold Event or outstandings above the Threshold are expected as a result" : ""}`,
    section: termSection("noticeDaysBefore"),
  };
  const after: CalendarEntry = {
    date: noticeDeadline(event.date, false, extraHolidays),
    kind: "notice",
    what: `Schedule to the Agent for the ${event.what} on ${on}: ${termInt("noticeDaysAfter")} Business Day after${event.thresholdAffected === undefined ? ", otherwise" : ""}`,
    section: termSection("noticeDaysAfter"),
  };
  if (event.thresholdAffected === true) return [before];
  if (event.thresholdAffected === false) return [after];
  return [before, after];
}

/**
 * Every dated obligation the facts give, in date order (entries of one date in the order listed above).
 *
 * @param facts - what is known: notice events, the last appraisal, the first 3-day Threshold Event, the Court approval, option exercises
 * @returns the entries, sorted by date; the Plan filing deadline is always among them
 * @throws EngineError (num) where an owning function does (a date outside the business-day calendar)
 * @example
 * complianceCalendar({ courtApprovalDate: serial(2004, 4, 26) }).map((e) => [isoFromSerial(e.date), e.section])
 * //=> [["2004-05-26", "Alpart release ¶4"], ["2005-02-13", "10.1.10(l)"]]
 */
export function complianceCalendar(facts: CalendarFacts): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const event of facts.noticeEvents ?? []) for (const entry of notices(event, facts.extraHolidays)) entries.push(entry);
  if (facts.lastAppraisal !== undefined) {
    const { date, defaultContinuing } = facts.lastAppraisal;
    entries.push({
      date: nextAppraisalDate(date, defaultContinuing),
      kind: "appraisal",
      what: `First day an updated appraisal of Eligible Fixed Assets may be required after the one of ${isoFromSerial(date)}${defaultContinuing ? " (a Default continuing: monthly)" : ""}`,
      section: termSection("appraisalIntervalDays"),
    });
  }
  entries.push(planFiling());
  const first = facts.firstThresholdEventMinimumEbitda;
  if (first !== undefined && first !== null) {
    for (const period of minimumEbitdaPeriods()) {
      if (!isTested(period.end, first)) continue;
      entries.push({ date: period.end, kind: "minimum-ebitda", what: `${describePeriod(period).replace(/ \[9\.2\.4\]$/, "")} measured (Threshold Event on ${isoFromSerial(first)})`, section: "9.2.4" });
    }
  }
  if (facts.courtApprovalDate !== undefined) {
    entries.push({
      date: hydroPurchaseDeadline(facts.courtApprovalDate),
      kind: "hydro-purchase",
      what: `Last day of Hydro Aluminium's right to purchase Kaiser's Alpart interests (Court approval ${isoFromSerial(facts.courtApprovalDate)})`,
      section: termSection("hydroPurchaseRightDays"),
    });
  }
  for (const exercise of facts.optionExercises ?? []) {
    entries.push({
      date: repurchaseDeadline(exercise),
      kind: "option-repurchase",
      what: `Last day of the Company's right to repurchase the option exercised on ${isoFromSerial(exercise)}`,
      section: termSection("repurchaseWindowDays"),
    });
  }
  // A stable sort: entries of one date keep the order above.
  return entries.map((e, i) => [e, i] as const).sort((a, b) => a[0].date - b[0].date || a[1] - b[1]).map(([e]) => e);
}
