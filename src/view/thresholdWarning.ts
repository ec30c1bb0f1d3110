/**
 * The Threshold early warning and the compliance calendar in words, for the task pane's card and
 * the CLI's text report (one wording for both).
 */
import type { Dec } from "../engine/decimal";
import { isoFromSerial } from "../engine/dates";
import type { CalendarEntry } from "../engine/complianceCalendar";
import type { ThresholdWarning } from "../review/calendar";

/**
 * One sentence for a warning, e.g. "3 of 5 consecutive Business Days above the Threshold; an event on
 * 2004-10-13 if outstandings stay above" [1.1(aa)].
 *
 * @example warningSentence({ daysRequired: 5, status }) //=> "3 of 5 consecutive Business Days above the Threshold (4 of 5 this month); an event on 2004-10-13 if outstandings stay above"
 */
export function warningSentence(w: ThresholdWarning): string {
  const s = w.status;
  if (s === null) return `${w.daysRequired} Business Days: cannot be worked out (${w.note ?? "no daily series"})`;
  const month = s.inMonth === s.consecutive ? "" : ` (${s.inMonth} of ${s.daysRequired} this month)`;
  const today = s.eventToday !== undefined ? `; a Threshold Event on ${isoFromSerial(s.asOf)} itself, clause (${s.eventToday})` : "";
  const next = s.next === null ? "; no event within the projection if outstandings stay above" : `; an event on ${isoFromSerial(s.next.date)} if outstandings stay above`;
  return `${s.consecutive} of ${s.daysRequired} consecutive Business Days above the Threshold${month}${today}${next}`;
}

/** The as-of line of a warning: the day, the headroom and the last event. */
export function warningDetail(w: ThresholdWarning, money: (value: Dec) => string): string {
  const s = w.status;
  if (s === null) return "";
  const last = s.lastEvent === null ? "no Threshold Event yet" : `last Threshold Event ${isoFromSerial(s.lastEvent.date)}`;
  return `as of ${isoFromSerial(s.asOf)}${s.carried ? " (carried from the previous row)" : ""}: headroom ${money(s.headroom)}; ${last}`;
}

/** One calendar line: "2005-02-13  Plan(s) of Reorganization … [10.1.10(l)]". */
export function calendarLine(e: CalendarEntry): string {
  return `${isoFromSerial(e.date)}  ${e.what} [${e.section}]`;
}
