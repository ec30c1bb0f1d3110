/**
 * Everything `kaiser-check` reports about one workbook, worked out without any I/O: the layout
 * findings (checks.ts, the pane's rules), the recomputed figures beside the workbook's own
 * (recalc.ts, the pane's figures), and the schedules a reviewer also needs and the pane does not
 * show: every Threshold Event (1.1(aa)), the PPE Subcomponent schedule (1.1(t)), the Minimum EBITDA
 * floor, headroom and test of each period (9.2.4), and the amendment fee split among the Lenders
 * (5(d), Schedule A). Each schedule calls the same engine functions the custom functions call.
 */
import { validate } from "../review/checks";
import { Dec, dec } from "../engine/decimal";
import { EngineError } from "../engine/errors";
import { amendmentFee } from "../engine/fees";
import type { Finding } from "../review/findings";
import { allocate, LENDERS, proRataShares, scheduleACommitments } from "../engine/lenders";
import { ebitdaHeadroom, ebitdaTest, minimumEbitdaFloor } from "../engine/minimumEbitda";
import { ppeSchedule, PpeEvent } from "../engine/ppeReduction";
import { Figure, ModelInputs, readModelInputs, recompute } from "../review/recalc";
import type { WorkbookSnapshot } from "../review/snapshot";
import { term, termInt } from "../engine/terms";
import { ThresholdClause, thresholdEventDetails, ThresholdRow } from "../engine/thresholdEvent";
import { summarize, Summary } from "../review/findingGroups";

export type { Summary };

export interface ThresholdEventList {
  /** 5 (the general definition) or 3 (with respect to Section 9.2.4). */
  readonly daysRequired: number;
  readonly section: string;
  /** Every event in date order, with the clause that gave it: (x) consecutive days, (y) days in the month. */
  readonly events: readonly { readonly date: number; readonly clause: ThresholdClause }[];
  /** Why the events cannot be worked out; absent when they can (an empty list means none occurred). */
  readonly note?: string;
}

export interface PpeScheduleLine {
  readonly date: number;
  readonly kind: string;
  readonly clause: string;
  readonly reduction: Dec;
  readonly cumulative: Dec;
  readonly ppeSubcomponent: Dec;
  readonly note: string;
}

export interface EbitdaLine {
  readonly periodEnd: number;
  readonly ebitda: Dec;
  readonly floor: Dec | null;
  readonly headroom: Dec | null;
  readonly status: string | null;
  readonly note?: string;
}

export interface AllocationLine {
  readonly lender: string;
  readonly commitment: Dec;
  readonly share: Dec;
  readonly amount: Dec;
}

export interface Schedules {
  readonly thresholdEvents: readonly ThresholdEventList[];
  readonly ppeSchedule: { readonly section: string; readonly lines: readonly PpeScheduleLine[]; readonly note?: string };
  readonly minimumEbitda: { readonly section: string; readonly lines: readonly EbitdaLine[]; readonly note?: string };
  readonly amendmentFee: {
    readonly section: string;
    /** The fee, 0.00875 times the Revolving Commitment Amount; null when that amount is unusable. */
    readonly fee: Dec | null;
    readonly revolvingCommitmentAmount: Dec | null;
    readonly lines: readonly AllocationLine[];
    readonly note?: string;
  };
}

export interface Review extends Schedules {
  readonly findings: readonly Finding[];
  readonly summary: Summary;
  readonly figures: readonly Figure[];
}

/** The whole review of a workbook: findings, figures and schedules. */
export function reviewWorkbook(snapshot: WorkbookSnapshot): Review {
  const findings = validate(snapshot);
  const inputs = readModelInputs(snapshot);
  const figures = recompute(inputs);
  return { findings, summary: summarize(findings), figures, ...schedules(inputs, figures) };
}

function problemOf(e: unknown): string {
  if (e instanceof EngineError) return e.message;
  throw e;
}

function figureValue(figures: readonly Figure[], key: string): Figure | undefined {
  return figures.find((f) => f.key === key);
}

/** The schedules, from the inputs and the figures `recompute` gave for them. */
export function schedules(inputs: ModelInputs, figures: readonly Figure[]): Schedules {
  return {
    thresholdEvents: [termInt("thresholdEventDays"), termInt("thresholdEventDaysMinimumEbitda")].map((days) => eventList(inputs, figures, days)),
    ppeSchedule: ppeLines(inputs),
    minimumEbitda: ebitdaLines(inputs, figures),
    amendmentFee: feeAllocation(inputs),
  };
}

function eventList(inputs: ModelInputs, figures: readonly Figure[], daysRequired: number): ThresholdEventList {
  const general = daysRequired === termInt("thresholdEventDays");
  const section = general ? "1.1(aa)" : "1.1(aa), 9.2.4";
  const first = figureValue(figures, general ? "firstThresholdEvent" : "firstThresholdEvent3");
  const daily = inputs.dailyOutstandings.rows;
  // The first event's figure already says why the series cannot be tested (a missing table, a
  // Threshold that cannot be computed …); "no event" is not such a reason.
  const blocked = first !== undefined && first.value === null && first.note !== undefined && !/no Threshold Event/i.test(first.note);
  if (daily === undefined || blocked) {
    return { daysRequired, section, events: [], note: first?.note ?? inputs.dailyOutstandings.problem ?? "the table DailyOutstandings is missing" };
  }
  const threshold = figureValue(figures, "threshold")?.value;
  const extra = new Set<number>(inputs.holidays.rows ?? []);
  // As recalc.ts reads the series: a Threshold column is used only when every row has one.
  const withColumn = daily.filter((r) => r.threshold !== undefined).length;
  if (withColumn > 0 && withColumn < daily.length) return { daysRequired, section, events: [], note: "the Threshold column of DailyOutstandings is blank in some rows" };
  const rows: ThresholdRow[] = [];
  for (const r of daily) {
    const t = r.threshold ?? (typeof threshold === "number" ? dec(threshold) : undefined);
    if (t === undefined) return { daysRequired, section, events: [], note: "the Threshold cannot be computed" };
    rows.push({ date: r.date, outstandings: r.outstandings, threshold: t });
  }
  try {
    return { daysRequired, section, events: thresholdEventDetails(rows, daysRequired, extra) };
  } catch (e) {
    return { daysRequired, section, events: [], note: problemOf(e) };
  }
}

function ppeLines(inputs: ModelInputs): Schedules["ppeSchedule"] {
  const section = "1.1(t)";
  const olv = inputs.olvInPlaceValue.value;
  const events = inputs.ppeEvents.rows;
  if (olv === undefined) return { section, lines: [], note: inputs.olvInPlaceValue.problem ?? "OLVInPlaceValue is missing" };
  if (events === undefined) return { section, lines: [], note: inputs.ppeEvents.problem ?? "the table PPEEvents is missing" };
  if (inputs.kbcAllocableAmount.problem !== undefined) return { section, lines: [], note: inputs.kbcAllocableAmount.problem };
  try {
    const rows = ppeSchedule({ olvInPlaceValue: olv, events: events as PpeEvent[], asOfDate: inputs.asOfDate.value, kbcAllocableAmount: inputs.kbcAllocableAmount.value });
    return { section, lines: rows.map((r) => ({ date: r.date, kind: r.kind, clause: r.clause, reduction: r.reduction, cumulative: r.cumulative, ppeSubcomponent: r.ppeSubcomponent, note: r.note })) };
  } catch (e) {
    return { section, lines: [], note: problemOf(e) };
  }
}

function ebitdaLines(inputs: ModelInputs, figures: readonly Figure[]): Schedules["minimumEbitda"] {
  const section = "9.2.4";
  const rows = inputs.monthlyEbitda.rows;
  if (rows === undefined) return { section, lines: [], note: inputs.monthlyEbitda.problem ?? "the table MonthlyEBITDA is missing" };
  const dispositions = inputs.dispositions.rows;
  if (dispositions === undefined) return { section, lines: [], note: inputs.dispositions.problem ?? "the table Dispositions is missing" };
  const first3 = figureValue(figures, "firstThresholdEvent3");
  const firstEvent = typeof first3?.value === "number" ? first3.value : undefined;
  const eventKnown = first3 !== undefined && (first3.value !== null || /no Threshold Event/i.test(first3.note ?? ""));
  const lines = rows.map((row): EbitdaLine => {
    try {
      const floor = minimumEbitdaFloor(row.periodEnd, dispositions);
      const headroom = ebitdaHeadroom(row.periodEnd, row.ebitda, dispositions);
      if (!eventKnown) {
        return { periodEnd: row.periodEnd, ebitda: row.ebitda, floor, headroom, status: null, note: `the first Threshold Event for Section 9.2.4 cannot be worked out: ${first3?.note ?? "no daily outstandings"}` };
      }
      return { periodEnd: row.periodEnd, ebitda: row.ebitda, floor, headroom, status: ebitdaTest(row.periodEnd, row.ebitda, firstEvent, dispositions) };
    } catch (e) {
      return { periodEnd: row.periodEnd, ebitda: row.ebitda, floor: null, headroom: null, status: null, note: problemOf(e) };
    }
  });
  return { section, lines };
}

/**
 * Section 5(d): the amendment fee, "0.00875 times the Revolving Commitment Amount (after giving
 * effect to this Amendment)", paid "for the ratable benefit of the Lenders": split by Schedule A's
 * commitments to the cent (Reading R-ALLOCATION). The workbook's Revolving Commitment Amount is
 * used, so a model still carrying a replaced commitment shows the fee that figure would give.
 */
function feeAllocation(inputs: ModelInputs): Schedules["amendmentFee"] {
  const section = "5(d), Schedule A";
  const rca = inputs.revolvingCommitmentAmount.value;
  if (rca === undefined) {
    return { section, fee: null, revolvingCommitmentAmount: null, lines: [], note: inputs.revolvingCommitmentAmount.problem ?? "RevolvingCommitmentAmount is missing" };
  }
  const fee = amendmentFee(rca);
  const commitments = scheduleACommitments();
  const shares = proRataShares(commitments);
  const amounts = allocate(fee, commitments);
  const lines = LENDERS.map((l, i) => ({ lender: l.name, commitment: commitments[i], share: shares[i], amount: amounts[i] }));
  const note = rca.equals(term("revolvingCommitmentAmount")) ? undefined : `the workbook's Revolving Commitment Amount is not the amendment's; the fee follows the workbook`;
  return { section, fee, revolvingCommitmentAmount: rca, lines, ...(note === undefined ? {} : { note }) };
}
