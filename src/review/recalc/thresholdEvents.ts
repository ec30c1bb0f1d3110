/**
 * The Threshold Events of the daily series (Section 1.1(aa)): the series as the test reads it, every
 * event for 5 and 3 Business Days, and the first of each as a figure.
 */
import { Dec } from "../../engine/decimal";
import * as bb from "../../engine/borrowingBase";
import { ThresholdEvent, thresholdEventDetails, ThresholdMessages, thresholdEvents, ThresholdRow } from "../../engine/thresholdEvent";
import { termInt } from "../../engine/terms";
import { blocker, engineMessage, missingTable } from "./figure";
import type { Figure, ModelInputs, RecalcOptions, ThresholdEventList } from "./types";

/** The Threshold's rows for the daily series: the table's Threshold column where every row has one, else the computed Threshold. */
function thresholdRows(inputs: ModelInputs, computedThreshold: Dec | null): { rows?: ThresholdRow[]; note?: string } {
  const daily = inputs.dailyOutstandings.rows;
  // An absent Holidays table is no extra holidays; a present one must be readable.
  const note = blocker({}, { DailyOutstandings: inputs.dailyOutstandings }) ?? (inputs.holidays.cell === undefined ? undefined : missingTable("Holidays", inputs.holidays));
  if (note !== undefined || daily === undefined) return { note };
  const withColumn = daily.filter((r) => r.threshold !== undefined).length;
  if (withColumn > 0 && withColumn < daily.length) return { note: "the Threshold column of DailyOutstandings is blank in some rows" };
  if (withColumn === 0 && computedThreshold === null) return { note: "the Threshold cannot be computed" };
  return { rows: daily.map((r) => ({ date: r.date, outstandings: r.outstandings, threshold: r.threshold ?? (computedThreshold as Dec) })) };
}

function extraHolidaySet(inputs: ModelInputs, options: { holidays?: readonly number[] }): Set<number> {
  return new Set<number>([...(inputs.holidays.rows ?? []), ...(options.holidays ?? [])]);
}

/** The Threshold after reading the inputs, or null when an input is missing. */
function computedThreshold(inputs: ModelInputs): Dec | null {
  const a = inputs.receivablesComponent.value;
  const inventory = inputs.eligibleInventory.value;
  if (a === undefined || inventory === undefined || inputs.netRecoveryPercentage.problem !== undefined) return null;
  return bb.threshold(a, bb.inventoryComponent(inventory, inputs.netRecoveryPercentage.value).amount);
}

/**
 * The daily series in date order with each date once: a row repeated exactly (same date,
 * outstandings and Threshold) counts once. Undefined when one date carries two different rows,
 * since which of them held that day cannot be told.
 */
function inDateOrder(rows: readonly ThresholdRow[]): ThresholdRow[] | undefined {
  const result: ThresholdRow[] = [];
  for (const row of [...rows].sort((a, b) => a.date - b.date)) {
    const last = result[result.length - 1];
    if (last?.date !== row.date) result.push(row);
    else if (!last.outstandings.equals(row.outstandings) || !last.threshold.equals(row.threshold)) return undefined;
  }
  return result;
}

/**
 * Every Threshold Event of the workbook's DailyOutstandings (Section 1.1(aa)), for `daysRequired`
 * 5 or 3, read in date order with rows repeated exactly counted once: the events are facts of the
 * days, not of the table's row order (KAISER.THRESHOLDEVENT itself refuses a series out of order,
 * which the checks report as dates-out-of-order). Undefined when the series or the Threshold
 * cannot be read, when one date carries two different balances, or when the engine rejects it.
 */
export function thresholdEventDates(inputs: ModelInputs, daysRequired: number, options: RecalcOptions = {}): number[] | undefined {
  const { rows } = thresholdRows(inputs, computedThreshold(inputs));
  const ordered = rows === undefined ? undefined : inDateOrder(rows);
  if (ordered === undefined) return undefined;
  try {
    return thresholdEvents(ordered, daysRequired, extraHolidaySet(inputs, options), options.readings);
  } catch (e) {
    engineMessage(e);
    return undefined;
  }
}

/**
 * Every Threshold Event [1.1(aa)]: 5 Business Days, and 3 for Section 9.2.4; the first of each is
 * a figure, pushed onto `figures`. `thresholdValue` is the Threshold the inputs give (null when
 * they give none, explained by `thresholdNote`).
 */
export function thresholdEventFigures(
  inputs: ModelInputs,
  options: RecalcOptions,
  thresholdValue: Dec | null,
  thresholdNote: string | undefined,
  figures: Figure[],
): { eventLists: ThresholdEventList[]; first3: Figure | undefined } {
  const readings = options.readings;
  const series = thresholdRows(inputs, thresholdValue);
  const extra = extraHolidaySet(inputs, options);
  const eventLists: ThresholdEventList[] = [];
  let first3: Figure | undefined;
  for (const days of [termInt("thresholdEventDays"), termInt("thresholdEventDaysMinimumEbitda")]) {
    const general = days === termInt("thresholdEventDays");
    const section = general ? "1.1(aa)" : "1.1(aa), 9.2.4";
    let note = series.note === "the Threshold cannot be computed" ? thresholdNote : series.note;
    let events: ThresholdEvent[] | undefined;
    if (series.rows !== undefined) {
      try {
        events = thresholdEventDetails(series.rows, days, extra, readings);
      } catch (e) {
        note = engineMessage(e);
      }
    }
    const none = events !== undefined && events.length === 0;
    if (none) note = ThresholdMessages.none();
    eventLists.push(
      events === undefined
        ? { daysRequired: days, section, events: [], note: note ?? inputs.dailyOutstandings.problem ?? "the table DailyOutstandings is missing" }
        : { daysRequired: days, section, events },
    );
    const figure: Figure = {
      key: general ? "firstThresholdEvent" : "firstThresholdEvent3",
      label: `First Threshold Event (${days} Business Days${general ? "" : ", for Section 9.2.4"})`,
      section,
      value: events?.[0]?.date ?? null,
      format: "date",
      mismatch: false,
      ...(note === undefined ? {} : { note }),
      ...(none ? { noEvent: true as const } : {}),
    };
    figures.push(figure);
    if (!general) first3 = figure;
  }
  return { eventLists, first3 };
}

/**
 * The daily series as the Threshold Event test reads it (the Threshold column where the table has
 * one, else the Threshold computed from the inputs), in date order with rows repeated exactly
 * counted once; `note` says why there is none. For the Threshold early warning (thresholdStatus).
 */
export function thresholdSeries(inputs: ModelInputs): { rows?: ThresholdRow[]; note?: string } {
  const { rows, note } = thresholdRows(inputs, computedThreshold(inputs));
  if (rows === undefined) return { note: note ?? "the table DailyOutstandings is missing" };
  const ordered = inDateOrder(rows);
  return ordered === undefined ? { note: "DailyOutstandings has two different rows for one date" } : { rows: ordered };
}
