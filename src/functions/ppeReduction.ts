/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * Custom functions for the PPE Subcomponent Reductions (Section 1.1(t)): the schedule, event by
 * event, and the cumulative reduction at a date for KAISER.BORROWINGBASE.
 */
import * as engine from "../engine/ppeReduction";
import { NOT_EXACT, UNITS, unitsOf, unitsToNumber } from "../engine/ppeFast";
import { Dec } from "../engine/decimal";
import { EngineError } from "../engine/errors";
import { termInt } from "../engine/terms";
import { guard, leastResultCharacters, Matrix, Out, parallelSeries, series, single, tooLargeMessage } from "./support/arrays";
import { excelError, ExcelErrorLike, toExcelError } from "./support/excelError";
import { amount, Cell, date, isBlank, keyword, parseCell } from "./support/params";
import { readingsArg } from "./support/readings";

const HEADER = ["Date", "Kind", "Clause", "Reduction", "Cumulative reductions", "PPE Subcomponent after", "Note"];

const KIND = keyword("eventKinds", engine.PPE_EVENT_KINDS);
const AMOUNTS = { eventAmounts: amount("eventAmounts"), olvInPlaceValue: amount("olvInPlaceValue") } as const;
const KBC_ALLOCABLE_AMOUNT = amount("kbcAllocableAmount", { optional: true });

/**
 * How the amounts are read and computed: as decimals, or (the fast path, src/engine/ppeFast.ts) in
 * exact integer units, where every amount is whole cents.
 */
interface Arithmetic<T> {
  readonly ops: engine.PpeArithmetic<T>;
  amount(cell: Cell, name: keyof typeof AMOUNTS): T;
  /** The KBC Allocable Amount; blank is undefined. */
  kbcAllocableAmount(cell: Cell): T | undefined;
  /** Each figure of a schedule as the number Excel receives. */
  numbers(): (x: T) => number;
}

/**
 * A column's figures converted once per figure: rows that reduce nothing repeat the row before's
 * figures, which then share one number (a double held once, not once a row).
 */
function converted<T>(toNumber: (x: T) => number): () => (x: T) => number {
  return () => {
    let last: T | undefined;
    let value = 0;
    return (x) => {
      if (x !== last) {
        last = x;
        value = toNumber(x);
      }
      return value;
    };
  };
}

const DECIMALS: Arithmetic<Dec> = {
  ops: engine.DECIMAL,
  amount: (cell, name) => parseCell(AMOUNTS[name], cell),
  kbcAllocableAmount: (cell) => parseCell(KBC_ALLOCABLE_AMOUNT, cell),
  numbers: converted((x) => x.toNumber()),
};

/** An amount in exact units; anything else is left to the decimal path. */
function units(cell: Cell): number {
  const u = unitsOf(cell);
  if (u < 0) throw NOT_EXACT;
  return u;
}

const UNIT_AMOUNTS: Arithmetic<number> = {
  ops: UNITS,
  amount: units,
  kbcAllocableAmount: (cell) => (isBlank(cell) ? undefined : units(cell)),
  numbers: converted(unitsToNumber),
};

/**
 * The fast path for these arguments: OLV In-Place Value and the KBC Allocable Amount are checked
 * first, so that a call the fast path cannot take leaves before reading a million events.
 */
function fast<R>(args: ScheduleArgs, compute: (arithmetic: Arithmetic<number>) => R): () => R {
  return () => {
    UNIT_AMOUNTS.amount(args[0], "olvInPlaceValue");
    UNIT_AMOUNTS.kbcAllocableAmount(args[5]);
    return compute(UNIT_AMOUNTS);
  };
}

/** PPESCHEDULE's and PPEREDUCTIONS's arguments but the readings. */
type ScheduleArgs = readonly [Cell, unknown, unknown, unknown, Cell, Cell];

/**
 * The fast path's answer; wherever it cannot prove its figures exact, or meets anything else (a bad
 * cell, an error of the schedule), the decimal path computes the call from the start, so every
 * error and every figure it gives is the decimal path's own.
 */
function fastOr<R>(fast: () => R, decimal: () => R): R {
  try {
    return fast();
  } catch {
    return decimal();
  }
}

/** One event row as read: the engine's event, or the error of a row whose kind or amount is bad. */
type Read<T> = { index: number; date: number; kindText: Out; event?: engine.PpeEventOf<T>; error?: ExcelErrorLike; problem?: string };

/**
 * Reads the event rows in date order (same date: the order given), up to asOfDate. A bad date stops
 * the whole call (the order depends on it); a bad kind or amount is that row's error. `fits`, when
 * given, is asked first how many rows the events make (then undefined when they cannot fit).
 */
function readEvents<T>(
  arithmetic: Arithmetic<T>,
  eventDates: unknown,
  eventKinds: unknown,
  eventAmounts: unknown,
  asOfDate: number | undefined,
  fits?: (rows: number) => boolean,
): Read<T>[] | undefined {
  const [d, k, a] = parallelSeries([
    { arg: eventDates, name: "eventDates" },
    { arg: eventKinds, name: "eventKinds" },
    { arg: eventAmounts, name: "eventAmounts" },
  ]);
  // Every row blank: no events (series() would read an empty list as one blank cell).
  const dates = d.length === 0 ? [] : series(d, date("eventDates"));
  if (fits !== undefined && !fits(asOfDate === undefined ? dates.length : dates.reduce((n, day) => (day <= asOfDate ? n + 1 : n), 0))) return undefined;
  const rows = dates.map((day, index): Read<T> => {
    const kindText: Out = typeof k[index] === "string" || typeof k[index] === "number" ? (k[index] as Out) : "";
    try {
      const kind = parseCell(KIND, k[index]);
      const value = engine.PPE_AMOUNT_IGNORED.includes(kind) ? arithmetic.ops.zero : arithmetic.amount(a[index], "eventAmounts");
      // The row is its own event (one object a row, not two: a million of them stay alive through the call).
      const row: Read<T> & engine.PpeEventOf<T> = { index, date: day, kindText: kind, kind, amount: value };
      row.event = engine.checkPpeEvent(row, arithmetic.ops);
      return row;
    } catch (e) {
      if (e === NOT_EXACT) throw e;
      const message = e instanceof EngineError ? e.message : String(e);
      return { index, date: day, kindText, error: toExcelError(rowError(e, index)), problem: `row ${index + 1}: ${message}` };
    }
  });
  return inDateOrder(asOfDate === undefined ? rows : rows.filter((r) => r.date <= asOfDate));
}

/**
 * The rows in date order, same date in the order given: unless they are in it already, one numeric sort of `date · n + index` (whole
 * days from `checkSerial`, at most 2,958,465, so every key is an exact integer below 2^53 for any
 * column Excel has), no comparator over objects.
 */
function inDateOrder<T>(rows: Read<T>[]): Read<T>[] {
  const n = rows.length;
  // Rows already in date order (the usual case) stay as they are.
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = rows[i].date >= rows[i - 1].date;
  if (ordered) return rows;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = rows[i].date * n + i;
  keys.sort();
  const sorted: Read<T>[] = new Array<Read<T>>(n);
  for (let i = 0; i < n; i++) sorted[i] = rows[keys[i] % n];
  return sorted;
}

function rowError(e: unknown, index: number): unknown {
  return e instanceof EngineError ? new EngineError(e.kind, `row ${index + 1}: ${e.message}`) : e;
}

type Split<T> = ReturnType<typeof engine.splitAtFirstBadEvent<Read<T>>>;

function readInput<T>(
  arithmetic: Arithmetic<T>,
  olvInPlaceValue: Cell,
  eventDates: unknown,
  eventKinds: unknown,
  eventAmounts: unknown,
  asOfDate: Cell,
  kbcAllocableAmount: Cell,
  fits?: (rows: number) => boolean,
): { input: engine.PpeScheduleInputOf<T>; bad: Split<T> } | undefined {
  const asOf = parseCell(date("asOfDate", { optional: true }), asOfDate);
  const read = readEvents(arithmetic, eventDates, eventKinds, eventAmounts, asOf, fits);
  if (read === undefined) return undefined;
  // Reading R-PPE-ROWS (the engine's): computed up to the first bad row, that row's error, the rest not computed.
  const bad = engine.splitAtFirstBadEvent(read);
  const input: engine.PpeScheduleInputOf<T> = {
    olvInPlaceValue: arithmetic.amount(olvInPlaceValue, "olvInPlaceValue"),
    kbcAllocableAmount: arithmetic.kbcAllocableAmount(kbcAllocableAmount),
    events: bad.good.map((r) => r.event as engine.PpeEventOf<T>),
  };
  return { input, bad };
}

/** The rows from the first bad one on (Reading R-PPE-ROWS): its own error, then "not computed" errors, each with its note. */
function errorRows<T>({ rest, cause, notComputed: problem }: Split<T>): Matrix {
  // Every row after the first bad one has the same problem ("not computed: …"): one error value for them all.
  let notComputed: ExcelErrorLike | undefined;
  return rest.map((r, i): Out[] => {
    const error = i === 0 ? (r.error as ExcelErrorLike) : (notComputed ??= toExcelError(new EngineError("value", problem as string)));
    const clause = r.event ? engine.PPE_CLAUSE[r.event.kind] : error;
    return [r.date, r.kindText, clause, error, error, error, (i === 0 ? cause : problem) as string];
  });
}

/**
 * PPESCHEDULE's table in `arithmetic`. When `bounded`, a schedule whose rows (the header, and at
 * least one a dated event) cannot reach Excel whatever they hold is answered before its events are
 * parsed: a whole column of 1,048,576 events at once, not after computing a million rows.
 */
function scheduleTable<T>(arithmetic: Arithmetic<T>, args: ScheduleArgs, readings: unknown, bounded: boolean): Matrix {
  const chosen = readingsArg(readings);
  let rows = 0;
  const fits = (events: number): boolean => leastResultCharacters((rows = events + 1), HEADER.length) <= termInt("maxResultCharacters");
  const read = readInput(arithmetic, ...args, bounded ? fits : undefined);
  if (read === undefined) return [[excelError("#VALUE!", tooLargeMessage(rows, HEADER.length, { atLeast: true }))]];
  const { input, bad } = read;
  // Rows become cells as the engine computes them; no spread of a million rows (call-stack safe).
  const table: Matrix = [HEADER];
  const [reduction, cumulative, after] = [arithmetic.numbers(), arithmetic.numbers(), arithmetic.numbers()];
  engine.ppeScheduleEachIn(arithmetic.ops, input, (r) => table.push([r.date, r.kind, r.clause, reduction(r.reduction), cumulative(r.cumulative), after(r.ppeSubcomponent), r.note]), chosen);
  for (const row of errorRows(bad)) table.push(row);
  return table;
}

/** PPEREDUCTIONS's figure in `arithmetic`. */
function reductionsFigure<T>(arithmetic: Arithmetic<T>, args: ScheduleArgs, readings: unknown): number {
  const chosen = readingsArg(readings);
  const { input, bad } = readInput(arithmetic, ...args) as NonNullable<ReturnType<typeof readInput<T>>>;
  if (bad.rest.length > 0) throw bad.rest[0].error;
  return arithmetic.numbers()(engine.ppeReductionsIn(arithmetic.ops, input, chosen));
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
  return guard(() => fastOr(fast(args, (a) => scheduleTable(a, args, readings, true)), () => scheduleTable(DECIMALS, args, readings, true)));
}

/**
 * Not a custom function: PPESCHEDULE's table computed whatever its size and not sized for Excel, the
 * same rows a spill would hold (bench/ppeMemory.ts measures a million computed rows with it).
 */
export function ppeScheduleTable(...args: [...ScheduleArgs, unknown]): Matrix {
  const [olv, dates, kinds, amounts, asOf, kbc, readings] = args;
  const schedule: ScheduleArgs = [olv, dates, kinds, amounts, asOf, kbc];
  return fastOr(fast(schedule, (a) => scheduleTable(a, schedule, readings, false)), () => scheduleTable(DECIMALS, schedule, readings, false));
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
  return single(() => fastOr(fast(args, (a) => reductionsFigure(a, args, readings)), () => reductionsFigure(DECIMALS, args, readings)));
}
