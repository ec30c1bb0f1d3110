/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * Custom functions for the PPE Subcomponent Reductions (Section 1.1(t)): the schedule, event by
 * event, and the cumulative reduction at a date for KAISER.BORROWINGBASE.
 */
import * as engine from "../engine/ppeReduction";
import { NOT_EXACT, UNITS, unitsOf, unitsToNumber } from "../engine/ppeFast";
import { Dec, dec } from "../engine/decimal";
import { EngineError, numError } from "../engine/errors";
import { guard, Matrix, Out, parallelSeries, series, single, tooLargeAtOnce } from "./support/arrays";
import { ExcelErrorLike, toExcelError } from "./support/excelError";
import { amount, amountNumber, Cell, date, isBlank, keyword, parseCell } from "./support/params";
import { dateOk, isColumn, rowsOf, usedRows } from "./support/columns";
import { readingsArg } from "./support/readings";

const HEADER = ["Date", "Kind", "Clause", "Reduction", "Cumulative reductions", "PPE Subcomponent after", "Note"];

const KIND = keyword("eventKinds", engine.PPE_EVENT_KINDS);
const AMOUNT = amountNumber("eventAmounts");
const AS_OF_DATE = date("asOfDate", { optional: true });

/** PPESCHEDULE's and PPEREDUCTIONS's arguments but the readings. */
type ScheduleArgs = readonly [Cell, unknown, unknown, unknown, Cell, Cell];

/**
 * The fast path's answer (src/engine/ppeFast.ts: the schedule in exact integer mills); wherever it
 * cannot prove its figures exact, or meets anything it does not take (a bad cell, an error of the
 * schedule), the decimal path computes the call from the start, so every error it gives, and every
 * figure the fast path does not prove, is the decimal path's own.
 */
function fastOr<R>(fast: () => R, decimal: () => R): R {
  try {
    return fast();
  } catch {
    return decimal();
  }
}

/**
 * A column's figures converted once per figure: rows that reduce nothing repeat the row before's
 * figures, which then share one number (a double held once, not once a row).
 */
function converted<T>(toNumber: (x: T) => number): (x: T) => number {
  let last: T | undefined;
  let value = 0;
  return (x) => {
    if (x !== last) {
      last = x;
      value = toNumber(x);
    }
    return value;
  };
}

/**
 * The schedule's rows as cells, each pushed to `table` as the engine computes it (no spread of a
 * million rows: call-stack safe).
 */
function rowsInto<T>(table: Matrix, toNumber: (x: T) => number): (r: engine.PpeScheduleRowOf<T>) => void {
  const [reduction, cumulative, after] = [converted(toNumber), converted(toNumber), converted(toNumber)];
  return (r) => table.push([r.date, r.kind, r.clause, reduction(r.reduction), cumulative(r.cumulative), after(r.ppeSubcomponent), r.note]);
}

/** The too-large answer for a schedule of `events` dated events (at least as many rows, and the header) that cannot reach Excel, or undefined. */
function tooLargeSchedule(events: number): Matrix | undefined {
  return tooLargeAtOnce(events + 1, HEADER.length, { atLeast: true });
}

// ---- the fast path: whole cents, every event one the schedule takes ----

/** An amount in exact units; anything else is left to the decimal path. */
function units(cell: Cell): number {
  const u = unitsOf(cell);
  if (u < 0) throw NOT_EXACT;
  return u;
}

/** The kinds as typed in their canonical form (any other text goes through KIND's parser). */
const KIND_NAMES = new Map<unknown, engine.PpeEventKind>(engine.PPE_EVENT_KINDS.map((k) => [k, k]));

/** A kind typed otherwise (lower case, spaces), through the ordinary parser; a bad one leaves the fast path. */
function kindOf(cell: Cell): engine.PpeEventKind {
  if (typeof cell !== "string") throw NOT_EXACT;
  return parseCell(KIND, cell);
}

/**
 * The fast path's reader: the three event columns in one pass, straight from the ranges as the
 * runtime passes them, into columns (dates, kinds, amounts in mills), with no object an event. The
 * ordinary reader copies each column, parses it and builds an object a row, a cost that grew with
 * the rows (PPEREDUCTIONS's per-row time 1.6–2.1× from 10,000 to 1,000,000 events). It takes only
 * the plain case: single columns of one length; every row a valid date, a kind, and an amount in
 * whole cents (any amount, even text, where the kind ignores it, as the ordinary reader reads it).
 * Anything else throws `NOT_EXACT`; an event the schedule refuses (a THRESHOLDEVENT on a day that
 * cannot be one) throws in the engine. Either way the decimal path reads the call and gives its
 * errors (Reading R-PPE-ROWS).
 */
function readEventColumns(eventDates: unknown, eventKinds: unknown, eventAmounts: unknown): engine.PpeEventColumns<number> {
  const [d, k, a] = [rowsOf(eventDates), rowsOf(eventKinds), rowsOf(eventAmounts)];
  if (!isColumn(d) || !isColumn(k) || !isColumn(a) || k.length !== d.length || a.length !== d.length) throw NOT_EXACT;
  const end = usedRows([d, k, a], d.length);
  const dates = new Float64Array(end);
  const kinds = new Array<engine.PpeEventKind>(end);
  const amounts = new Float64Array(end);
  for (let i = 0; i < end; i++) {
    const dateRow = d[i];
    const kindRow = k[i];
    const amountRow = a[i];
    if (!Array.isArray(dateRow) || !Array.isArray(kindRow) || !Array.isArray(amountRow)) throw NOT_EXACT;
    const day = dateRow[0];
    // As `date` reads it (checkSerial): a finite serial in Excel's range, on its whole day.
    if (!dateOk(day)) throw NOT_EXACT;
    const kind = KIND_NAMES.get(kindRow[0]) ?? kindOf(kindRow[0]);
    dates[i] = Math.floor(day);
    kinds[i] = kind;
    amounts[i] = engine.PPE_AMOUNT_IGNORED.includes(kind) ? 0 : units(amountRow[0]);
  }
  return { dates, kinds, amounts };
}

/** The fast path's input; OLV In-Place Value and the KBC Allocable Amount first, so that a call it cannot take leaves before reading a million events. */
function unitInput([olvInPlaceValue, eventDates, eventKinds, eventAmounts, asOfDate, kbcAllocableAmount]: ScheduleArgs): engine.PpeColumnsInputOf<number> {
  const olv = units(olvInPlaceValue);
  const kbc = isBlank(kbcAllocableAmount) ? undefined : units(kbcAllocableAmount);
  const asOf = parseCell(AS_OF_DATE, asOfDate);
  return { olvInPlaceValue: olv, kbcAllocableAmount: kbc, asOfDate: asOf, columns: readEventColumns(eventDates, eventKinds, eventAmounts) };
}

function fastTable(args: ScheduleArgs, readings: unknown, bounded: boolean): Matrix {
  const chosen = readingsArg(readings);
  const input = unitInput(args);
  const { dates } = input.columns;
  const asOf = input.asOfDate;
  let dated = dates.length;
  if (asOf !== undefined) for (let i = 0; i < dates.length; i++) if (dates[i] > asOf) dated--;
  const tooLarge = bounded ? tooLargeSchedule(dated) : undefined;
  if (tooLarge !== undefined) return tooLarge;
  const table: Matrix = [HEADER];
  engine.ppeScheduleEachIn(UNITS, input, rowsInto(table, unitsToNumber), chosen);
  return table;
}

function fastFigure(args: ScheduleArgs, readings: unknown): number {
  const chosen = readingsArg(readings);
  return unitsToNumber(engine.ppeReductionsIn(UNITS, unitInput(args), chosen));
}

// ---- the decimal path: every input, and every error ----

/**
 * One event row as read: its kind and amount (checked, the amount still the cell's number: a decimal
 * is made only for an event the schedule computes, none for the million rows after a bad one), or
 * the error of a row whose kind or amount is bad.
 */
type Read = { index: number; date: number; kindText: Out; kind?: engine.PpeEventKind; amount?: number; error?: ExcelErrorLike; problem?: string };

/**
 * Reads the event rows in date order (same date: the order given), up to asOfDate. A bad date stops
 * the whole call (the order depends on it); a bad kind or amount is that row's error. With `early`,
 * a schedule that cannot reach Excel whatever it holds is answered before its kinds and amounts are
 * parsed: undefined, the answer in `early`.
 */
function readEvents(eventDates: unknown, eventKinds: unknown, eventAmounts: unknown, asOfDate: number | undefined, early?: Early): Read[] | undefined {
  const [d, k, a] = parallelSeries([
    { arg: eventDates, name: "eventDates" },
    { arg: eventKinds, name: "eventKinds" },
    { arg: eventAmounts, name: "eventAmounts" },
  ]);
  // Every row blank: no events (series() would read an empty list as one blank cell).
  const dates = d.length === 0 ? [] : series(d, date("eventDates"));
  if (early !== undefined) {
    early.answer = tooLargeSchedule(asOfDate === undefined ? dates.length : dates.reduce((n, day) => (day <= asOfDate ? n + 1 : n), 0));
    if (early.answer !== undefined) return undefined;
  }
  const rows = dates.map((day, index): Read => {
    const kindText: Out = typeof k[index] === "string" || typeof k[index] === "number" ? (k[index] as Out) : "";
    try {
      const kind = parseCell(KIND, k[index]);
      // The amount as `amount` reads it (the same errors), not yet a decimal.
      const value = engine.PPE_AMOUNT_IGNORED.includes(kind) ? 0 : parseCell(AMOUNT, a[index]);
      const problem = engine.ppeEventProblem(engine.DECIMAL, day, kind, engine.DECIMAL.zero);
      if (problem !== undefined) throw numError(problem);
      return { index, date: day, kindText: kind, kind, amount: value };
    } catch (e) {
      const message = e instanceof EngineError ? e.message : String(e);
      return { index, date: day, kindText, error: toExcelError(rowError(e, index)), problem: `row ${index + 1}: ${message}` };
    }
  });
  return inDateOrder(asOfDate === undefined ? rows : rows.filter((r) => r.date <= asOfDate));
}

/**
 * The rows in date order, same date in the order given: as they are when they are in it already,
 * else one numeric sort of `date · n + index` (whole days from `checkSerial`, at most 2,958,465, so
 * every key is an exact integer below 2^53 for any column Excel has), no comparator over objects.
 */
function inDateOrder(rows: Read[]): Read[] {
  const n = rows.length;
  // Rows already in date order (the usual case) stay as they are.
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = rows[i].date >= rows[i - 1].date;
  if (ordered) return rows;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = rows[i].date * n + i;
  keys.sort();
  const sorted: Read[] = new Array<Read>(n);
  for (let i = 0; i < n; i++) sorted[i] = rows[keys[i] % n];
  return sorted;
}

function rowError(e: unknown, index: number): unknown {
  return e instanceof EngineError ? new EngineError(e.kind, `row ${index + 1}: ${e.message}`) : e;
}

type Split = ReturnType<typeof engine.splitAtFirstBadEvent<Read>>;

/** Where `readEvents` leaves the answer to a schedule too large for Excel. */
type Early = { answer?: Matrix };

function readInput(
  [olvInPlaceValue, eventDates, eventKinds, eventAmounts, asOfDate, kbcAllocableAmount]: ScheduleArgs,
  early?: Early,
): { input: engine.PpeScheduleInput; bad: Split } | undefined {
  const asOf = parseCell(AS_OF_DATE, asOfDate);
  const read = readEvents(eventDates, eventKinds, eventAmounts, asOf, early);
  if (read === undefined) return undefined;
  // Reading R-PPE-ROWS (the engine's): computed up to the first bad row, that row's error, the rest not computed.
  const bad = engine.splitAtFirstBadEvent(read);
  const input: engine.PpeScheduleInput = {
    olvInPlaceValue: parseCell(amount("olvInPlaceValue"), olvInPlaceValue),
    kbcAllocableAmount: parseCell(amount("kbcAllocableAmount", { optional: true }), kbcAllocableAmount),
    events: bad.good.map((r): engine.PpeEvent => ({ date: r.date, kind: r.kind as engine.PpeEventKind, amount: dec(r.amount as number) })),
  };
  return { input, bad };
}

/** The rows from the first bad one on (Reading R-PPE-ROWS): its own error, then "not computed" errors, each with its note. */
function errorRows({ rest, cause, notComputed: problem }: Split): Matrix {
  // Every row after the first bad one has the same problem ("not computed: …"): one error value for them all.
  let notComputed: ExcelErrorLike | undefined;
  return rest.map((r, i): Out[] => {
    const error = i === 0 ? (r.error as ExcelErrorLike) : (notComputed ??= toExcelError(new EngineError("value", problem as string)));
    const clause = r.kind !== undefined ? engine.PPE_CLAUSE[r.kind] : error;
    return [r.date, r.kindText, clause, error, error, error, (i === 0 ? cause : problem) as string];
  });
}

function decimalTable(args: ScheduleArgs, readings: unknown, bounded: boolean): Matrix {
  const chosen = readingsArg(readings);
  const early: Early = {};
  const read = readInput(args, bounded ? early : undefined);
  if (read === undefined) return early.answer as Matrix;
  const table: Matrix = [HEADER];
  engine.ppeScheduleEach(read.input, rowsInto(table, (x: Dec) => x.toNumber()), chosen);
  for (const row of errorRows(read.bad)) table.push(row);
  return table;
}

function decimalFigure(args: ScheduleArgs, readings: unknown): Dec {
  const chosen = readingsArg(readings);
  const { input, bad } = readInput(args) as NonNullable<ReturnType<typeof readInput>>;
  if (bad.rest.length > 0) throw bad.rest[0].error;
  return engine.ppeReductions(input, chosen);
}

/**
 * The PPE Subcomponent Reductions event by event, as a table with a header row that spills: date, kind, clause, reduction, cumulative reductions, PPE Subcomponent after, and a note saying which proviso acted. Events are taken in date order (same date: the order given). Kinds: DISPOSITION, clause (a), reduces by the Net Disposition Proceeds given (nothing when dated on or before 2003-08-01, the Sixth Amendment); THRESHOLDEVENT, clause (b), $5,000,000, at most once each calendar month and never taking the PPE Subcomponent below $25,000,000 (a partial step to the floor; at or below it nothing); GRAMERCY and VALCO, clause (c), the cash received that day: VALCO reduces by the lesser of the cash received to date and $7,000,000 plus 50% of the cash above $7,000,000, Gramercy/KJBC by the lesser of the cash and the greater of the KBC Allocable Amount and $3,000,000 plus 50% of the cash less the KBC Allocable Amount above $3,000,000, both only from the first clause (b) reduction that reduced (cash received before then takes effect that day, in one row per kind); INTERCOMPANY, clauses (d) and (e), 100% of the Indebtedness not repaid. The PPE Subcomponent after is the lesser of $50,000,000 and 50% of OLV In-Place Value less the cumulative reductions, not below zero. Example: =KAISER.PPESCHEDULE(100000000, A2:A3, B2:B3, C2:C3) with a DISPOSITION of 10,000,000 on 2004-09-15 and a THRESHOLDEVENT on 2004-09-20 gives reductions 10,000,000 then 5,000,000 and a PPE Subcomponent of 35,000,000. A kind that is not one of the five, a bad amount, or a THRESHOLDEVENT dated on or before 2004-08-31 is #VALUE! or #NUM! in its row, and later rows are not computed. #VALUE! when the ranges differ in length or a date is blank or text. #NUM! when OLV In-Place Value, an amount or the KBC Allocable Amount is negative, the KBC Allocable Amount exceeds $7,000,000, a THRESHOLDEVENT is dated on or before 2004-08-31 (a Threshold Event occurs only after that date) or on a day that is not a Business Day, or a date is not a valid Excel date. [1.1(t)]
 * @customfunction
 * @param olvInPlaceValue OLV In-Place Value of Eligible Fixed Assets, amount in US dollars.
 * @param eventDates Excel dates of the events; a single column or row, in any order (range).
 * @param eventKinds Kind of each event: DISPOSITION, THRESHOLDEVENT, GRAMERCY, VALCO, INTERCOMPANY, or VALCOCLOSING, GRAMERCYCLOSING, KBCPLAN (for R-PPE-C-VALCO / R-PPE-C-GRAMERCY FIXED), any case (range).
 * @param eventAmounts Amount of each event in US dollars: Net Disposition Proceeds that count, cash received, or intercompany Indebtedness not repaid; ignored (may be blank) for THRESHOLDEVENT (range).
 * @param [asOfDate] Excel date; events after it are left out; blank is every event.
 * @param [kbcAllocableAmount] KBC Allocable Amount, amount in US dollars, at most $7,000,000; blank is zero.
 * @param [readings] Readings other than the add-in's defaults, text such as "R-PPE-C-VALCO=FIXED; R-PPE-C-DEFER=FIRSTEVENT" or a range of such texts; blank is the defaults (README, Readings).
 * @returns A table with a header row and one row per event (plus one per kind where deferred clause (c) cash takes effect).
 */
export function ppeSchedule(olvInPlaceValue: any, eventDates: any[][], eventKinds: any[][], eventAmounts: any[][], asOfDate?: any, kbcAllocableAmount?: any, readings?: any[][]): any[][] {
  const args = [olvInPlaceValue, eventDates, eventKinds, eventAmounts, asOfDate, kbcAllocableAmount] as const;
  return guard(() => fastOr(() => fastTable(args, readings, true), () => decimalTable(args, readings, true)));
}

/**
 * Not a custom function: PPESCHEDULE's table computed whatever its size and not sized for Excel, the
 * same rows a spill would hold (bench/ppeMemory.ts measures a million computed rows with it).
 */
export function ppeScheduleTable(...args: [...ScheduleArgs, unknown]): Matrix {
  const [olv, dates, kinds, amounts, asOf, kbc, readings] = args;
  const schedule: ScheduleArgs = [olv, dates, kinds, amounts, asOf, kbc];
  return fastOr(() => fastTable(schedule, readings, false), () => decimalTable(schedule, readings, false));
}

/**
 * The cumulative PPE Subcomponent Reductions at a date, by the rules of KAISER.PPESCHEDULE (same arguments), to feed KAISER.BORROWINGBASE's ppeSubcomponentReductions. Example: =KAISER.PPEREDUCTIONS(100000000, A2:A3, B2:B3, C2:C3) with a DISPOSITION of 10,000,000 on 2004-09-15 and a THRESHOLDEVENT on 2004-09-20 gives 15,000,000. The error of the first bad event row dated on or before asOfDate is the result (#VALUE! for a kind that is not one of the five). #VALUE! when the ranges differ in length or a date is blank or text. #NUM! when OLV In-Place Value, an amount or the KBC Allocable Amount is negative, the KBC Allocable Amount exceeds $7,000,000, a THRESHOLDEVENT is dated on or before 2004-08-31 (a Threshold Event occurs only after that date) or on a day that is not a Business Day, or a date is not a valid Excel date. [1.1(t)]
 * @customfunction
 * @param olvInPlaceValue OLV In-Place Value of Eligible Fixed Assets, amount in US dollars.
 * @param eventDates Excel dates of the events; a single column or row, in any order (range).
 * @param eventKinds Kind of each event: DISPOSITION, THRESHOLDEVENT, GRAMERCY, VALCO, INTERCOMPANY, or VALCOCLOSING, GRAMERCYCLOSING, KBCPLAN (for R-PPE-C-VALCO / R-PPE-C-GRAMERCY FIXED), any case (range).
 * @param eventAmounts Amount of each event in US dollars; ignored (may be blank) for THRESHOLDEVENT (range).
 * @param [asOfDate] Excel date; the reductions of events on or before it; blank is after the last event.
 * @param [kbcAllocableAmount] KBC Allocable Amount, amount in US dollars, at most $7,000,000; blank is zero.
 * @param [readings] Readings other than the add-in's defaults, text such as "R-PPE-C-VALCO=FIXED; R-PPE-C-DEFER=FIRSTEVENT" or a range of such texts; blank is the defaults (README, Readings).
 * @returns The cumulative PPE Subcomponent Reductions in US dollars.
 */
export function ppeReductions(olvInPlaceValue: any, eventDates: any[][], eventKinds: any[][], eventAmounts: any[][], asOfDate?: any, kbcAllocableAmount?: any, readings?: any[][]): any[][] {
  const args = [olvInPlaceValue, eventDates, eventKinds, eventAmounts, asOfDate, kbcAllocableAmount] as const;
  return single(() => fastOr<Dec | number>(() => fastFigure(args, readings), () => decimalFigure(args, readings)));
}
