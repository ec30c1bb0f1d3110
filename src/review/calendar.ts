/**
 * What the review derives for the days ahead: the Threshold early warning (where the Threshold Event
 * test stands on the date of determination, for 5 and for 3 Business Days, Section 1.1(aa)) and the
 * compliance calendar (complianceCalendar.ts) from the workbook's inputs. Plain data; the renderers
 * word it.
 *
 * Facts the layout contract does not hold (the date of the last appraisal of Eligible Fixed Assets,
 * the Court's approval of the Alpart sale, option exercises) are not in a workbook's calendar; the
 * engine takes them, for a caller that has them.
 */
import { CalendarEntry, complianceCalendar, NoticeEvent } from "../engine/complianceCalendar";
import { EngineError } from "../engine/errors";
import type { Readings } from "../engine/readings";
import { termInt } from "../engine/terms";
import { thresholdStatus, ThresholdStatus } from "../engine/thresholdStatus";
import type { Figure, ModelInputs } from "./recalc";
import { thresholdSeries } from "./recalc";

/** The Threshold early warning for one count of Business Days. */
export interface ThresholdWarning {
  /** 5 (the general definition) or 3 (with respect to Section 9.2.4). */
  readonly daysRequired: number;
  /** Null when the series cannot be read or has no Business Day on or before the as-of date. */
  readonly status: ThresholdStatus | null;
  readonly note?: string;
}

function extraHolidays(inputs: ModelInputs, holidays: readonly number[] | undefined): Set<number> {
  return new Set<number>([...(inputs.holidays.rows ?? []), ...(holidays ?? [])]);
}

/**
 * Section 1.1(aa): the status of the test on the date of determination (AsOfDate; without one, the
 * series' last day), for 5 and for 3 Business Days, under the readings the review applies (the
 * workbook's Readings table and the reviewer's choices over it), as the Threshold Events are.
 */
export function thresholdWarnings(inputs: ModelInputs, options: { holidays?: readonly number[]; readings?: Readings } = {}): ThresholdWarning[] {
  const series = thresholdSeries(inputs);
  const extra = extraHolidays(inputs, options.holidays);
  return [termInt("thresholdEventDays"), termInt("thresholdEventDaysMinimumEbitda")].map((daysRequired) => {
    if (series.rows === undefined) return { daysRequired, status: null, note: series.note ?? "the table DailyOutstandings is missing" };
    try {
      return { daysRequired, status: thresholdStatus(series.rows, inputs.asOfDate.value, daysRequired, extra, options.readings) };
    } catch (e) {
      if (e instanceof EngineError) return { daysRequired, status: null, note: e.message };
      throw e;
    }
  });
}

const NOTICE_INTERESTS: Readonly<Record<string, string>> = {
  QAL: "QAL Triggering Event (Asset Disposition of the QAL Interests)",
  VALCO: "Asset Disposition of the VALCO Interests",
};

/**
 * The compliance calendar of a workbook (Reading R-CAL-NOTICE): 9.1.1(o) deadlines for its QAL and
 * VALCO Dispositions and its INTERCOMPANY PPE events (plan events), the Plan filing deadline, and the
 * Minimum EBITDA measurement dates from its first three-day Threshold Event. A table that cannot be
 * read contributes nothing (the checks report it).
 */
export function workbookCalendar(inputs: ModelInputs, figures: readonly Figure[], options: { holidays?: readonly number[] } = {}): CalendarEntry[] {
  const noticeEvents: NoticeEvent[] = [];
  for (const d of inputs.dispositions.rows ?? []) {
    const what = NOTICE_INTERESTS[d.interest.toUpperCase()];
    if (what !== undefined) noticeEvents.push({ date: d.date, what });
  }
  for (const e of inputs.ppeEvents.rows ?? []) {
    if (e.kind === "INTERCOMPANY") noticeEvents.push({ date: e.date, what: "plan event (ALPART Plan Event, QAL Plan Event or Subsidiary Plan for KBC or KFC)" });
  }
  const first3 = figures.find((f) => f.key === "firstThresholdEvent3");
  const firstThresholdEventMinimumEbitda = typeof first3?.value === "number" ? first3.value : first3?.noEvent === true ? null : undefined;
  try {
    return complianceCalendar({
      noticeEvents,
      ...(firstThresholdEventMinimumEbitda === undefined ? {} : { firstThresholdEventMinimumEbitda }),
      extraHolidays: extraHolidays(inputs, options.holidays),
    });
  } catch (e) {
    // A date the business-day calendar cannot reach: the checks report the cell; the calendar keeps what it can.
    if (e instanceof EngineError) return complianceCalendar({});
    throw e;
  }
}
