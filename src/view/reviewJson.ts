/**
 * The review as one JSON document, the `kaiser-check --json` format, shared by the CLI and the task
 * pane's "Save JSON": every key always present (null or [] when empty), amounts as numbers in US
 * dollars, fractions as numbers (0.65), dates as "YYYY-MM-DD" strings. The README documents each key.
 */
import type { Dec } from "../engine/decimal";
import { isoFromSerial } from "../engine/dates";
import type { Calculation, Figure, Review } from "../review/review";
import { beforeAfterTable } from "../engine/termsAsOf";
import { warningSentence } from "./thresholdWarning";
import { readingsJson } from "./readings";

/** Bumped when a key is removed or changes meaning; adding keys does not bump it. */
export const JSON_FORMAT_VERSION = 1;

export interface ReportContext {
  readonly file: string;
  readonly version: string;
}


function num(value: Dec | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === "number" ? value : value.toNumber();
}

/** One figure as JSON: `value` is a number (US dollars), a "YYYY-MM-DD" date or text, by `format`. */
export function figureJson(f: Figure): Record<string, unknown> {
  const value = f.value === null ? null : f.format === "date" && typeof f.value === "number" ? isoFromSerial(f.value) : f.value;
  return {
    key: f.key,
    label: f.label,
    section: f.section,
    format: f.format,
    value,
    workbookValue: f.workbookValue ?? null,
    cell: f.cell ?? null,
    mismatch: f.mismatch,
    note: f.note ?? null,
  };
}

function schedulesJson(s: Calculation): Record<string, unknown> {
  return {
    thresholdEvents: s.thresholdEvents.map((l) => ({
      daysRequired: l.daysRequired,
      section: l.section,
      events: l.events.map((e) => ({ date: isoFromSerial(e.date), clause: e.clause })),
      note: l.note ?? null,
    })),
    ppeSchedule: {
      section: s.ppeSchedule.section,
      rows: s.ppeSchedule.lines.map((l) => ({
        date: isoFromSerial(l.date),
        kind: l.kind,
        clause: l.clause,
        reduction: num(l.reduction),
        cumulative: num(l.cumulative),
        ppeSubcomponent: num(l.ppeSubcomponent),
        note: l.note,
      })),
      note: s.ppeSchedule.note ?? null,
    },
    minimumEbitda: {
      section: s.minimumEbitda.section,
      periods: s.minimumEbitda.lines.map((l) => ({
        periodEnd: isoFromSerial(l.periodEnd),
        ebitda: num(l.ebitda),
        minimum: num(l.floor),
        reduction: num(l.reduction),
        headroom: num(l.headroom),
        test: l.status,
        note: l.note ?? null,
      })),
      note: s.minimumEbitda.note ?? null,
    },
    amendmentFee: {
      section: s.amendmentFee.section,
      revolvingCommitmentAmount: num(s.amendmentFee.revolvingCommitmentAmount),
      fee: num(s.amendmentFee.fee),
      allocation: s.amendmentFee.lines.map((l) => ({ lender: l.lender, commitment: num(l.commitment), share: num(l.share), amount: num(l.amount) })),
      note: s.amendmentFee.note ?? null,
    },
  };
}

/** Reading R-TERM-EFFECTIVE: the three figures the amendment replaced, before and after (KAISER.TERMASOF). */
function replacedTermsJson(): Record<string, unknown>[] {
  return beforeAfterTable().map((r) => ({ key: r.key, section: r.section, unit: r.unit, before: r.before.toNumber(), after: r.after.toNumber() }));
}

/** The Threshold early warning on the as-of date, for 5 or 3 Business Days [1.1(aa)]. */
function warningJson(w: Calculation["thresholdWarnings"][number]): Record<string, unknown> {
  const s = w.status;
  return {
    daysRequired: w.daysRequired,
    section: "1.1(aa)",
    asOf: s === null ? null : isoFromSerial(s.asOf),
    outstandings: num(s?.outstandings),
    threshold: num(s?.threshold),
    headroom: num(s?.headroom),
    consecutive: s?.consecutive ?? null,
    inMonth: s?.inMonth ?? null,
    businessDaysToNextEvent: s?.next?.businessDaysAfter ?? null,
    nextEvent: s?.next === null || s === null ? null : isoFromSerial(s.next.date),
    lastEvent: s?.lastEvent === null || s === null ? null : isoFromSerial(s.lastEvent.date),
    words: warningSentence(w),
    note: w.note ?? null,
  };
}

/**
 * The JSON document: one object, keys in a fixed order.
 *
 * @param scenarios - the CLI's scenario results already as JSON objects, or null (the pane has none)
 */
export function reviewJson(review: Review, context: ReportContext, scenarios: readonly Record<string, unknown>[] | null): string {
  const doc = {
    tool: "kaiser-check",
    version: context.version,
    formatVersion: JSON_FORMAT_VERSION,
    file: context.file,
    summary: { ...review.summary, mismatches: review.figures.filter((f) => f.mismatch).length },
    findings: review.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, cell: f.cell, section: f.section })),
    figures: review.figures.map(figureJson),
    ...schedulesJson(review),
    replacedTerms: replacedTermsJson(),
    thresholdStatus: review.thresholdWarnings.map(warningJson),
    calendar: review.calendar.map((e) => ({ date: isoFromSerial(e.date), what: e.what, section: e.section })),
    scenarios,
    readings: readingsJson(review),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
