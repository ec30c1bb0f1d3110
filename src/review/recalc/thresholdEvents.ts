/**
 * The Threshold Events of the daily series (Section 1.1(aa)): the series as the test reads it, every
 * event for 5 and 3 Business Days, and the first of each as a figure.
 */
import { dec, Dec } from "../../engine/decimal";
import * as bb from "../../engine/borrowingBase";
import { EngineError } from "../../engine/errors";
import { choiceOf, Readings } from "../../engine/readings";
import {
  THRESHOLD_EVENT_READINGS,
  ThresholdEvent,
  thresholdEventsOfDays,
  ThresholdMessages,
  ThresholdRow,
  thresholdSeriesDays,
  ThresholdSeriesDays,
} from "../../engine/thresholdEvent";
import type { ThresholdStatusSeries } from "../../engine/thresholdStatus";
import { termInt } from "../../engine/terms";
import { blocker, engineMessage, missingTable } from "./figure";
import type { DailyOutstandingsInput, DailyOutstandingsRow, Figure, ModelInputs, RecalcOptions, ThresholdEventList } from "./types";

/** Where the daily series' Threshold comes from: the table's Threshold column (every row has one), or the Threshold computed from the inputs. */
interface SeriesSource {
  readonly daily: DailyOutstandingsInput;
  /** Null: every row's own Threshold column. */
  readonly computed: Dec | null;
}

/** How many rows of DailyOutstandings have a Threshold of their own, and how many rows in all (undefined: the table is not usable). */
function thresholdColumnCount(daily: DailyOutstandingsInput): { withColumn: number; length: number } | undefined {
  const columns = daily.columns;
  if (columns !== undefined) {
    let withColumn = 0;
    const t = columns.thresholds;
    if (t !== undefined) for (let i = 0; i < columns.length; i++) if (!Number.isNaN(t[i])) withColumn++;
    return { withColumn, length: columns.length };
  }
  const rows = daily.rows;
  if (rows === undefined) return undefined;
  let withColumn = 0;
  for (const r of rows) if (r.threshold !== undefined) withColumn++;
  return { withColumn, length: rows.length };
}

/** The daily series' source, or why there is none (the same notes as the figures give). */
function seriesSource(inputs: ModelInputs, computedThreshold: Dec | null): { source?: SeriesSource; note?: string } {
  const daily = inputs.dailyOutstandings;
  // An absent Holidays table is no extra holidays; a present one must be readable.
  const note = blocker({}, { DailyOutstandings: daily }) ?? (inputs.holidays.cell === undefined ? undefined : missingTable("Holidays", inputs.holidays));
  const count = note === undefined ? thresholdColumnCount(daily) : undefined;
  if (count === undefined) return { note };
  const { withColumn, length } = count;
  if (withColumn > 0 && withColumn < length) return { note: "the Threshold column of DailyOutstandings is blank in some rows" };
  if (withColumn === 0 && computedThreshold === null) return { note: "the Threshold cannot be computed" };
  return { source: { daily, computed: withColumn > 0 ? null : computedThreshold } };
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
 * The daily series as the Threshold Event test reads it, worked out once: each row's date, whether
 * its outstandings exceed its Threshold (Reading R-TE-EXCEED, one exact comparison a row), the
 * Business Days the test visits (checked and prepared once) and every list of events already
 * counted, by count of days and the readings the test depends on. A review re-runs its figures once
 * per reading alternative (readings.ts) and a pane's scenarios re-run them on the same table: each
 * re-run of a reading the test does not depend on takes the events counted already, and every one
 * takes the prepared days; nothing is copied per day.
 */
interface PreparedSeries {
  readonly length: number;
  readonly dates: Float64Array;
  readonly exceeds: Uint8Array;
  readonly outstandings: (row: number) => Dec;
  readonly threshold: (row: number) => Dec;
  /** The prepared days, shared by every Threshold of the same table, dates and holidays. */
  readonly days: DaysHolder;
  readonly events: Map<string, ThresholdEvent[] | EngineError>;
  /** The series in date order, rows repeated exactly counted once (itself when already so); null when one date carries two different rows. */
  ordered?: PreparedSeries | null;
}

/**
 * Whether `outstandings` exceeds `threshold`, strictly (Reading R-TE-EXCEED), as the decimals
 * `dec(outstandings)` and `threshold` compare, without building the decimal where the doubles decide:
 * `dec(x)` reads a double through its shortest round-trip string, a decimal that rounds to x, and
 * `threshold.toNumber()` is the double nearest the threshold; rounding to the nearest double is
 * monotone, so x above (below) that double puts dec(x) above (below) the threshold. Only x equal to
 * it is compared in decimals. Between two doubles (a Threshold column) the same argument makes the
 * doubles' order the decimals' order, and equal doubles read as equal decimals (0 and −0 too).
 */
function exceedsComputed(threshold: Dec): (outstandings: number) => boolean {
  const nearest = threshold.toNumber();
  let atNearest: boolean | undefined;
  return (x) => (x > nearest ? true : x < nearest ? false : (atNearest ??= dec(x).greaterThan(threshold)));
}

/** A series' prepared days, worked out when first needed, or the engine's error for the series (dates out of order, outside the calendar). */
interface DaysHolder {
  days?: ThresholdSeriesDays | EngineError;
}

function prepare(dates: Float64Array, exceeds: Uint8Array, outstandings: (row: number) => Dec, threshold: (row: number) => Dec, days: DaysHolder = {}): PreparedSeries {
  return { length: dates.length, dates, exceeds, outstandings, threshold, days, events: new Map() };
}

function preparedFromSource({ daily, computed }: SeriesSource, days: DaysHolder): PreparedSeries {
  const columns = daily.columns;
  if (columns !== undefined) {
    const { length, outstandings } = columns;
    const exceeds = new Uint8Array(length);
    if (computed === null) {
      const thresholds = columns.thresholds as Float64Array;
      for (let i = 0; i < length; i++) exceeds[i] = outstandings[i] > thresholds[i] ? 1 : 0;
      return prepare(columns.dates, exceeds, (i) => dec(outstandings[i]), (i) => dec(thresholds[i]), days);
    }
    const above = exceedsComputed(computed);
    for (let i = 0; i < length; i++) exceeds[i] = above(outstandings[i]) ? 1 : 0;
    return prepare(columns.dates, exceeds, (i) => dec(outstandings[i]), () => computed, days);
  }
  // A table a scenario edited: its rows, decimals.
  const rows = daily.rows as readonly DailyOutstandingsRow[];
  const threshold = computed === null ? (i: number) => rows[i].threshold as Dec : () => computed;
  return preparedFromRows(rows.length, (i) => rows[i].date, (i) => rows[i].outstandings, threshold, days);
}

function preparedFromRows(length: number, date: (row: number) => number, outstandings: (row: number) => Dec, threshold: (row: number) => Dec, days: DaysHolder = {}): PreparedSeries {
  const dates = new Float64Array(length);
  const exceeds = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    dates[i] = date(i);
    // Reading R-TE-EXCEED: "exceed" is strictly greater than.
    exceeds[i] = outstandings(i).greaterThan(threshold(i)) ? 1 : 0;
  }
  return prepare(dates, exceeds, outstandings, threshold, days);
}

/**
 * Prepared series by daily table (the inputs are never changed in place; a scenario's edit is a new
 * table), then by holidays (the days, shared), then by Threshold: the last `MAX_THRESHOLDS_KEPT`
 * only, so a scenarios file that moves the Threshold row after row holds a bounded few.
 */
const PREPARED = new WeakMap<object, Map<string, { readonly days: DaysHolder; readonly byThreshold: Map<string, PreparedSeries> }>>();
const MAX_THRESHOLDS_KEPT = 4;

/** The prepared series of the inputs' DailyOutstandings with this Threshold and these holidays, or why there is none. */
function preparedSeries(inputs: ModelInputs, threshold: Dec | null, extra: ReadonlySet<number>): { series?: PreparedSeries; note?: string } {
  const { source, note } = seriesSource(inputs, threshold);
  if (source === undefined) return { note };
  const holidaysKey = [...extra].sort((a, b) => a - b).join(",");
  const thresholdKey = source.computed === null ? "column" : source.computed.toString();
  let byHolidays = PREPARED.get(inputs.dailyOutstandings);
  if (byHolidays === undefined) {
    byHolidays = new Map();
    PREPARED.set(inputs.dailyOutstandings, byHolidays);
  }
  let entry = byHolidays.get(holidaysKey);
  if (entry === undefined) {
    entry = { days: {}, byThreshold: new Map() };
    byHolidays.set(holidaysKey, entry);
  }
  let series = entry.byThreshold.get(thresholdKey);
  if (series === undefined) {
    series = preparedFromSource(source, entry.days);
    if (entry.byThreshold.size >= MAX_THRESHOLDS_KEPT) entry.byThreshold.delete(entry.byThreshold.keys().next().value as string);
    entry.byThreshold.set(thresholdKey, series);
  }
  return { series };
}

function daysOf(series: PreparedSeries, extra: ReadonlySet<number>): ThresholdSeriesDays {
  const holder = series.days;
  if (holder.days === undefined) {
    try {
      holder.days = thresholdSeriesDays(series.dates, extra);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      holder.days = e;
    }
  }
  if (holder.days instanceof EngineError) throw holder.days;
  return holder.days;
}

/**
 * Section 1.1(aa): every event of the prepared series for `daysRequired`, as `thresholdEventDetails`
 * gives them for its rows (the same days, the same count); counted once per count of days and
 * choice of the readings the test depends on (`THRESHOLD_EVENT_READINGS`).
 *
 * @throws EngineError as `thresholdEventDetails` (dates out of order, outside the calendar)
 */
function eventsOf(series: PreparedSeries, daysRequired: number, extra: ReadonlySet<number>, readings: Readings | undefined): ThresholdEvent[] {
  const key = [daysRequired, ...THRESHOLD_EVENT_READINGS.map((id) => choiceOf(readings, id))].join("|");
  let events = series.events.get(key);
  if (events === undefined) {
    try {
      events = thresholdEventsOfDays(daysOf(series, extra), series.exceeds, daysRequired, readings);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      events = e;
    }
    series.events.set(key, events);
  }
  if (events instanceof EngineError) throw events;
  return events;
}

/**
 * The daily series in date order with each date once: a row repeated exactly (same date,
 * outstandings and Threshold) counts once. Null when one date carries two different rows, since
 * which of them held that day cannot be told. The series itself when its dates already ascend.
 */
function inDateOrder(series: PreparedSeries): PreparedSeries | null {
  if (series.ordered !== undefined) return series.ordered;
  let ascending = true;
  for (let i = 1; i < series.length && ascending; i++) ascending = series.dates[i] > series.dates[i - 1];
  if (ascending) {
    series.ordered = series;
    return series;
  }
  const rows: ThresholdRow[] = [];
  for (let i = 0; i < series.length; i++) rows.push({ date: series.dates[i], outstandings: series.outstandings(i), threshold: series.threshold(i) });
  rows.sort((a, b) => a.date - b.date);
  const result: ThresholdRow[] = [];
  for (const row of rows) {
    const last = result[result.length - 1];
    if (last?.date !== row.date) result.push(row);
    else if (!last.outstandings.equals(row.outstandings) || !last.threshold.equals(row.threshold)) {
      series.ordered = null;
      return null;
    }
  }
  series.ordered = preparedFromRows(result.length, (i) => result[i].date, (i) => result[i].outstandings, (i) => result[i].threshold);
  return series.ordered;
}

/**
 * Every Threshold Event of the workbook's DailyOutstandings (Section 1.1(aa)), for `daysRequired`
 * 5 or 3, read in date order with rows repeated exactly counted once: the events are facts of the
 * days, not of the table's row order (KAISER.THRESHOLDEVENT itself refuses a series out of order,
 * which the checks report as dates-out-of-order). Undefined when the series or the Threshold
 * cannot be read, when one date carries two different balances, or when the engine rejects it.
 */
export function thresholdEventDates(inputs: ModelInputs, daysRequired: number, options: RecalcOptions = {}): number[] | undefined {
  const extra = extraHolidaySet(inputs, options);
  const { series } = preparedSeries(inputs, computedThreshold(inputs), extra);
  const ordered = series === undefined ? null : inDateOrder(series);
  if (ordered === null) return undefined;
  try {
    return eventsOf(ordered, daysRequired, extra, options.readings).map((e) => e.date);
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
  const extra = extraHolidaySet(inputs, options);
  const series = preparedSeries(inputs, thresholdValue, extra);
  const eventLists: ThresholdEventList[] = [];
  let first3: Figure | undefined;
  for (const days of [termInt("thresholdEventDays"), termInt("thresholdEventDaysMinimumEbitda")]) {
    const general = days === termInt("thresholdEventDays");
    const section = general ? "1.1(aa)" : "1.1(aa), 9.2.4";
    let note = series.note === "the Threshold cannot be computed" ? thresholdNote : series.note;
    let events: ThresholdEvent[] | undefined;
    if (series.series !== undefined) {
      try {
        events = eventsOf(series.series, days, extra, readings);
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
  const { series, note } = preparedSeries(inputs, computedThreshold(inputs), extraHolidaySet(inputs, {}));
  if (series === undefined) return { note: note ?? "the table DailyOutstandings is missing" };
  const ordered = inDateOrder(series);
  if (ordered === null) return { note: "DailyOutstandings has two different rows for one date" };
  const rows: ThresholdRow[] = [];
  for (let i = 0; i < ordered.length; i++) rows.push({ date: ordered.dates[i], outstandings: ordered.outstandings(i), threshold: ordered.threshold(i) });
  return { rows };
}

/**
 * As `thresholdSeries`, as the columns `thresholdStatusOf` reads (no row copied), with the
 * Business Days prepared for these holidays when the series passes the test's checks (the status
 * reports the engine's error otherwise).
 */
export function thresholdStatusSeries(inputs: ModelInputs, options: { holidays?: readonly number[] } = {}): { series?: ThresholdStatusSeries; note?: string } {
  const extra = extraHolidaySet(inputs, options);
  const { series, note } = preparedSeries(inputs, computedThreshold(inputs), extra);
  if (series === undefined) return { note: note ?? "the table DailyOutstandings is missing" };
  const ordered = inDateOrder(series);
  if (ordered === null) return { note: "DailyOutstandings has two different rows for one date" };
  let days: ThresholdSeriesDays | undefined;
  try {
    days = daysOf(ordered, extra);
  } catch (e) {
    engineMessage(e);
  }
  return {
    series: {
      dates: ordered.dates,
      exceeds: ordered.exceeds,
      outstandings: ordered.outstandings,
      threshold: ordered.threshold,
      ...(days === undefined ? {} : { days }),
    },
  };
}
