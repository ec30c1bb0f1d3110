/**
 * Section 1.1(t), "PPE Subcomponent Reduction", applied event by event to the PPE Subcomponent of
 * Section 1.1(f)(c) ("permanently reduced in an amount equal to each PPE Subcomponent Reduction
 * … at no time … less than zero").
 *
 * "(a) the aggregate of all Net Disposition Proceeds … from any Asset Dispositions … plus (b) after
 * the occurrence of a Threshold Event, an amount equal to $5,000,000 upon each such occurrence,
 * provided that (i) any reductions under this clause (b) shall occur no more frequently than once
 * each calendar month and (ii) the aggregate reductions under this clause (b) shall not cause the
 * PPE Subcomponent to be less than $25,000,000; plus (c) at any time on or after the date on which
 * the first reduction of the PPE Subcomponent under clause (b) above has occurred, (1) … the
 * greater of (i) the KBC Allocable Amount and (ii) $3,000,000, plus … 50% of the Gramercy/KJBC
 * Proceeds (excluding the KBC Allocable Amount) in excess of $3,000,000, plus (2) … $7,000,000,
 * plus … 50% of the VALCO Proceeds in excess of $7,000,000, in each case whether such proceeds
 * were received prior to or after a reduction … pursuant to clause (b) …; plus (d) … 100% of the
 * Indebtedness owing … by AJI, KJC and/or KAAC … not indefeasibly repaid …; plus (e) … 100% of the
 * Indebtedness owing … by QAL that is not indefeasibly repaid …".
 *
 * Readings applied (README, "Readings"): R-PPE-ORDER, R-PPE-A, R-PPE-SIXTH, R-PPE-B-DATE, R-PPE-B-BUSINESS-DAY,
 * R-PPE-B-MONTH, R-PPE-B-FLOOR, R-PPE-C-DEFER, R-PPE-C-VALCO, R-PPE-C-GRAMERCY, R-PPE-DE, R-PPE-ZERO.
 * Switchable (readings.ts; the `readings` argument, defaults when absent): R-PPE-C-VALCO and
 * R-PPE-C-GRAMERCY FIXED — the $7,000,000, and the greater of the KBC Allocable Amount and
 * $3,000,000, apply in full from a VALCOCLOSING (consummation of the Asset Disposition of the VALCO
 * Interests), a GRAMERCYCLOSING (of the Gramercy/KJBC Interests) or a KBCPLAN (confirmation of a
 * Subsidiary Plan for KBC) event, only the 50% parts following cash; under CASH those events reduce
 * nothing. R-PPE-C-DEFER FIRSTEVENT — clause (c) starts from the first Threshold Event, even one
 * that reduced nothing.
 *
 * Not modelled: which Asset Dispositions are excluded under clause (a)(1)-(4) and the ownership
 * share of a less than wholly owned Subsidiary (the workbook gives the Net Disposition Proceeds that
 * count); the netting of escrowed amounts in the Gramercy/KJBC and VALCO Proceeds; whether an Asset
 * Disposition of the Gramercy/KJBC or VALCO Interests has occurred or a Subsidiary Plan for KBC been
 * confirmed (a clause (c) event is cash received after it); proviso (c)(ii) — a later repayment
 * of the Gramercy/KJBC Debt or VALCO Debt changes nothing, so it is simply not an event; and a change
 * of OLV In-Place Value between events (one figure serves the whole schedule; Reading R-PPE-ORDER).
 */
import { Dec, maxDec, minDec, ZERO } from "./decimal";
import { isoFromSerial, monthIndex } from "./dates";
import { numError, Messages } from "./errors";
import { formatPercent, formatUsd } from "./format";
import { term, termDate, TermKey } from "./terms";
import { choiceOf, Readings } from "./readings";
import { isBusinessDay } from "./businessDays";

/** The kinds of event that reduce the PPE Subcomponent, with the clause of Section 1.1(t) each falls under. */
export const PPE_EVENT_KINDS = ["DISPOSITION", "THRESHOLDEVENT", "GRAMERCY", "VALCO", "INTERCOMPANY", "VALCOCLOSING", "GRAMERCYCLOSING", "KBCPLAN"] as const;
export type PpeEventKind = (typeof PPE_EVENT_KINDS)[number];

export const PPE_CLAUSE: Record<PpeEventKind, string> = {
  DISPOSITION: "(a)",
  THRESHOLDEVENT: "(b)",
  GRAMERCY: "(c)(1)",
  VALCO: "(c)(2)",
  INTERCOMPANY: "(d)/(e)",
  VALCOCLOSING: "(c)(2)",
  GRAMERCYCLOSING: "(c)(1)",
  KBCPLAN: "(c)(1)",
};

/** The kinds whose amount is ignored (may be blank): a Threshold Event, and the closings of R-PPE-C-VALCO / R-PPE-C-GRAMERCY FIXED. */
export const PPE_AMOUNT_IGNORED: readonly PpeEventKind[] = ["THRESHOLDEVENT", "VALCOCLOSING", "GRAMERCYCLOSING", "KBCPLAN"];

/** The clause (c) kind a closing event (R-PPE-C-VALCO / R-PPE-C-GRAMERCY FIXED) belongs to. */
const CLOSING_OF: Readonly<Partial<Record<PpeEventKind, "GRAMERCY" | "VALCO">>> = { VALCOCLOSING: "VALCO", GRAMERCYCLOSING: "GRAMERCY", KBCPLAN: "GRAMERCY" };

/**
 * The arithmetic a schedule is computed in. The schedule is written once over it: decimal.js
 * (`DECIMAL`, what every caller gets), or exact integer units held in doubles (`src/engine/ppeFast.ts`,
 * the custom functions' fast path, which gives the same numbers where it can prove them exact).
 */
export interface PpeArithmetic<T> {
  readonly zero: T;
  /** A US-dollar term of the amendment. */
  usd(key: TermKey): T;
  /** `a` times a fraction term of the amendment (a share). */
  share(a: T, key: TermKey): T;
  plus(a: T, b: T): T;
  minus(a: T, b: T): T;
  min(a: T, b: T): T;
  max(a: T, b: T): T;
  isZero(a: T): boolean;
  isNegative(a: T): boolean;
  greaterThan(a: T, b: T): boolean;
  lessThan(a: T, b: T): boolean;
  /** The amount as a decimal, for a note that shows it. */
  toDec(a: T): Dec;
}

/** decimal.js: the schedule every caller gets. */
export const DECIMAL: PpeArithmetic<Dec> = {
  zero: ZERO,
  usd: (key) => term(key),
  share: (a, key) => a.times(term(key)),
  plus: (a, b) => a.plus(b),
  minus: (a, b) => a.minus(b),
  min: (a, b) => minDec(a, b),
  max: (a, b) => maxDec(a, b),
  isZero: (a) => a.isZero(),
  isNegative: (a) => a.isNegative(),
  greaterThan: (a, b) => a.greaterThan(b),
  lessThan: (a, b) => a.lessThan(b),
  toDec: (a) => a,
};

export interface PpeEventOf<T> {
  /** Excel serial (whole days). */
  readonly date: number;
  readonly kind: PpeEventKind;
  /**
   * DISPOSITION: Net Disposition Proceeds that count; GRAMERCY / VALCO: cash received that day;
   * INTERCOMPANY: the intercompany Indebtedness not repaid; THRESHOLDEVENT, VALCOCLOSING,
   * GRAMERCYCLOSING, KBCPLAN: ignored (use zero).
   */
  readonly amount: T;
}
export type PpeEvent = PpeEventOf<Dec>;

export interface PpeScheduleInputOf<T> {
  /** OLV In-Place Value of Eligible Fixed Assets. */
  readonly olvInPlaceValue: T;
  readonly events: readonly PpeEventOf<T>[];
  /** Events after this date are left out; omitted: every event. */
  readonly asOfDate?: number;
  /** KBC Allocable Amount (Section 1.1(n)); omitted: zero; more than $7,000,000 is #NUM! (Section 9.2.18(ix)). */
  readonly kbcAllocableAmount?: T;
}
export type PpeScheduleInput = PpeScheduleInputOf<Dec>;

/** The events as columns, one entry an event: the custom functions' fast path reads them so, without an object an event. */
export interface PpeEventColumns<T> {
  readonly dates: ArrayLike<number>;
  readonly kinds: ArrayLike<PpeEventKind>;
  readonly amounts: ArrayLike<T>;
}

/** As `PpeScheduleInputOf`, the events given as columns. */
export interface PpeColumnsInputOf<T> extends Omit<PpeScheduleInputOf<T>, "events"> {
  readonly columns: PpeEventColumns<T>;
}

function columnsOf<T>(input: PpeScheduleInputOf<T> | PpeColumnsInputOf<T>): PpeEventColumns<T> {
  if ("columns" in input) return input.columns;
  const events = input.events;
  return { dates: events.map((e) => e.date), kinds: events.map((e) => e.kind), amounts: events.map((e) => e.amount) };
}

export interface PpeScheduleRowOf<T> {
  readonly date: number;
  readonly kind: PpeEventKind;
  /** "(a)", "(b)", "(c)(1)", "(c)(2)" or "(d)/(e)". */
  readonly clause: string;
  /** This row's reduction (zero when skipped, deferred or limited to nothing). */
  readonly reduction: T;
  /** All reductions so far, this row included. */
  readonly cumulative: T;
  /** The PPE Subcomponent after this row: the base less the cumulative reductions, not below zero. */
  readonly ppeSubcomponent: T;
  readonly note: string;
  /** Index of the input event this row shows; undefined for a row where deferred clause (c) proceeds take effect. */
  readonly event?: number;
}
export type PpeScheduleRow = PpeScheduleRowOf<Dec>;

export const PpeMessages = {
  kbcCap: () => `kbcAllocableAmount must not exceed ${formatUsd(term("kbcAllocableAmountCap"))} (Section 9.2.18(ix))`,
  notComputed: (cause: string) => `not computed: ${cause}`,
  thresholdEventDate: (date: number) =>
    `a THRESHOLDEVENT dated ${isoFromSerial(date)} cannot be a Threshold Event, which occurs only after ${isoFromSerial(termDate("thresholdEventAfter"))} (Section 1.1(aa))`,
  thresholdEventNotBusinessDay: (date: number) =>
    `a THRESHOLDEVENT dated ${isoFromSerial(date)} is not on a Business Day; a Threshold Event occurs on the Business Day its count is reached (Section 1.1(aa))`,
  beforeSixthAmendment: () => "1.1(t)(a) counts dispositions after the effective date of the Sixth Amendment",
} as const;

const CLAUSE_C_NAME: Record<"GRAMERCY" | "VALCO", string> = { GRAMERCY: "Gramercy/KJBC", VALCO: "VALCO" };

/**
 * Reading R-PPE-C-VALCO, Section 1.1(t)(c)(2): the VALCO reduction to date for cumulative VALCO
 * Proceeds received in cash P: the lesser of P and $7,000,000, plus 50% of P above $7,000,000 (the
 * $7,000,000 is reached only as cash arrives, proviso (i)).
 *
 * @example valcoReduction(dec(10000000)).toString() //=> "8500000"
 */
export function valcoReduction(proceeds: Dec, closed?: boolean, readings?: Readings): Dec {
  return valcoReductionIn(DECIMAL, proceeds, closed, readings);
}

function valcoReductionIn<T>(ops: PpeArithmetic<T>, proceeds: T, closed: boolean | undefined, readings: Readings | undefined): T {
  const base = ops.usd("valcoBaseReduction");
  // R-PPE-C-VALCO FIXED: the $7,000,000 in full once the disposition is consummated, nothing before.
  const first = choiceOf(readings, "R-PPE-C-VALCO") === "FIXED" ? (closed === true ? base : ops.zero) : ops.min(proceeds, base);
  return ops.plus(first, ops.share(ops.max(ops.zero, ops.minus(proceeds, base)), "valcoExcessShare"));
}

/**
 * Reading R-PPE-C-GRAMERCY, Section 1.1(t)(c)(1): the Gramercy/KJBC reduction to date for cumulative
 * Gramercy/KJBC Proceeds received in cash P (the KBC Allocable Amount K included): the lesser of P
 * and the greater of K and $3,000,000, plus 50% of (P − K − $3,000,000) where positive.
 *
 * @example gramercyReduction(dec(10000000), dec(5000000)).toString() //=> "6000000"
 */
export function gramercyReduction(proceeds: Dec, kbcAllocableAmount: Dec = ZERO, closed?: boolean, readings?: Readings): Dec {
  return gramercyReductionIn(DECIMAL, proceeds, checkKbcAllocableAmount(kbcAllocableAmount), closed, readings);
}

/** As `gramercyReduction`, for a KBC Allocable Amount already checked. */
function gramercyReductionIn<T>(ops: PpeArithmetic<T>, proceeds: T, kbcAllocableAmount: T, closed: boolean | undefined, readings: Readings | undefined): T {
  const base = ops.usd("gramercyBaseReduction");
  const fixed = ops.max(kbcAllocableAmount, base);
  // R-PPE-C-GRAMERCY FIXED: the greater amount in full upon the disposition or a KBC plan, nothing before.
  const first = choiceOf(readings, "R-PPE-C-GRAMERCY") === "FIXED" ? (closed === true ? fixed : ops.zero) : ops.min(proceeds, fixed);
  const excess = ops.max(ops.zero, ops.minus(ops.minus(proceeds, kbcAllocableAmount), base));
  return ops.plus(first, ops.share(excess, "gramercyExcessShare"));
}

/** The KBC Allocable Amount: not negative, at most $7,000,000 (Section 9.2.18(ix)); #NUM! otherwise. */
export function checkKbcAllocableAmount(kbcAllocableAmount: Dec): Dec {
  return checkKbcAllocableAmountIn(DECIMAL, kbcAllocableAmount);
}

function checkKbcAllocableAmountIn<T>(ops: PpeArithmetic<T>, kbcAllocableAmount: T): T {
  if (ops.isNegative(kbcAllocableAmount)) throw numError(Messages.negative("kbcAllocableAmount"));
  if (ops.greaterThan(kbcAllocableAmount, ops.usd("kbcAllocableAmountCap"))) throw numError(PpeMessages.kbcCap());
  return kbcAllocableAmount;
}

/**
 * Why the schedule cannot take an event (#NUM!), or undefined: a negative amount, or (Reading
 * R-PPE-B-DATE) a THRESHOLDEVENT dated on or before 2004-08-31 — Section 1.1(aa): a Threshold Event
 * occurs only "at any time after August 31, 2004", so such a row is a mistake, not a $5,000,000
 * reduction; or (R-PPE-B-BUSINESS-DAY) one on a day that is not a Business Day. The schedule throws
 * it for the event; adapters that show a bad row in its own cell ask first.
 */
export function ppeEventProblem<T>(ops: PpeArithmetic<T>, date: number, kind: PpeEventKind, amount: T): string | undefined {
  if (ops.isNegative(amount)) return Messages.negative("eventAmounts");
  const day = Math.floor(date);
  if (kind === "THRESHOLDEVENT" && day <= termDate("thresholdEventAfter")) return PpeMessages.thresholdEventDate(day);
  // Reading R-PPE-B-BUSINESS-DAY: a Threshold Event is the Business Day a count of Business Days is reached.
  if (kind === "THRESHOLDEVENT" && !isBusinessDay(day)) return PpeMessages.thresholdEventNotBusinessDay(day);
  return undefined;
}

/**
 * Reading R-PPE-SIXTH: clause (a) counts "Asset Dispositions effected after the effective date of the
 * Sixth Amendment" (dated as of August 1, 2003): a DISPOSITION dated on or before that day reduces nothing.
 */
export function beforeSixthAmendment(event: { readonly date: number; readonly kind: PpeEventKind }): boolean {
  return event.kind === "DISPOSITION" && Math.floor(event.date) <= termDate("sixthAmendmentEffectiveDate");
}

function monthLabel(date: number): string {
  return isoFromSerial(date).slice(0, 7);
}

/**
 * Section 1.1(t) applied event by event: the PPE Subcomponent Reduction of each event, the
 * cumulative reductions and the PPE Subcomponent after it, with a note saying which proviso acted.
 *
 * Reading R-PPE-ORDER: events are taken in date order, events of one date in the order given.
 * A clause (c) event before the first clause (b) reduction that actually reduced shows a zero
 * reduction ("deferred"); when that clause (b) reduction comes, one further row per kind (VALCO,
 * Gramercy/KJBC) follows it, dated the same, in which the deferred proceeds take effect.
 *
 * @param input - OLV In-Place Value, the events, and optionally the as-of date and KBC Allocable Amount
 * @returns one row per event (plus the rows where deferred clause (c) proceeds take effect)
 * @throws EngineError (num) for a negative amount, OLV In-Place Value or KBC Allocable Amount, a
 *   KBC Allocable Amount above $7,000,000, or a THRESHOLDEVENT dated on or before 2004-08-31
 * @example
 * ppeSchedule({ olvInPlaceValue: dec(100000000), events: [{ date: serial(2004, 9, 8), kind: "THRESHOLDEVENT", amount: ZERO }] })
 * //=> [{ clause: "(b)", reduction: 5000000, cumulative: 5000000, ppeSubcomponent: 45000000, … }]
 */
export function ppeSchedule(input: PpeScheduleInput, readings?: Readings): PpeScheduleRow[] {
  const rows: PpeScheduleRow[] = [];
  ppeScheduleEach(input, (row) => rows.push(row), readings);
  return rows;
}

/**
 * As `ppeSchedule`, handing each row to `onRow` as it is computed instead of keeping them: a caller
 * that turns rows into cells keeps only its cells (1,000,000 events in a few hundred MB, not GB).
 * The notes are built once per schedule, not once per row.
 *
 * @throws as `ppeSchedule`
 */
export function ppeScheduleEach(input: PpeScheduleInput, onRow: (row: PpeScheduleRow) => void, readings?: Readings): void {
  ppeScheduleEachIn(DECIMAL, input, onRow, readings);
}

/**
 * As `ppeScheduleEach`, in the arithmetic `ops` (the input's amounts, and the rows' figures, are in it).
 *
 * @throws as `ppeSchedule`; and whatever `ops` throws (the fast path's "not provably exact")
 */
export function ppeScheduleEachIn<T>(
  ops: PpeArithmetic<T>,
  input: PpeScheduleInputOf<T> | PpeColumnsInputOf<T>,
  onRow: (row: PpeScheduleRowOf<T>) => void,
  readings?: Readings,
): void {
  if (ops.isNegative(input.olvInPlaceValue)) throw numError(Messages.negative("olvInPlaceValue"));
  const kbc = checkKbcAllocableAmountIn(ops, input.kbcAllocableAmount ?? ops.zero);
  // Section 1.1(f)(c), as `ppeBase` (borrowingBase.ts): the lesser of the cap and the share of OLV In-Place Value.
  const base = ops.min(ops.usd("ppeCap"), ops.share(input.olvInPlaceValue, "ppeOlvRate"));
  const floor = ops.usd("ppeClauseBFloor");
  const step = ops.usd("ppeThresholdEventReduction");

  const events = columnsOf(input);
  const order = scheduleOrder(events.dates, input.asOfDate);
  const notes = scheduleNotes(ops.toDec(kbc));

  let cumulative = ops.zero;
  const current = (): T => ops.max(ops.zero, ops.minus(base, cumulative));
  let lastClauseBMonth: number | undefined;
  let clauseBReduced = false;
  // Cumulative cash received and the reduction already taken, per clause (c) kind.
  const received = { GRAMERCY: ops.zero, VALCO: ops.zero };
  const taken = { GRAMERCY: ops.zero, VALCO: ops.zero };
  const closed = { GRAMERCY: false, VALCO: false };
  const reductionToDate = (kind: "GRAMERCY" | "VALCO"): T =>
    kind === "VALCO" ? valcoReductionIn(ops, received.VALCO, closed.VALCO, readings) : gramercyReductionIn(ops, received.GRAMERCY, kbc, closed.GRAMERCY, readings);
  const fromFirstEvent = choiceOf(readings, "R-PPE-C-DEFER") === "FIRSTEVENT";
  // Reading R-PPE-C-DEFER: proceeds received (and closings) before clause (c) starts take effect on that date, one row per kind.
  const startClauseC = (date: number): void => {
    clauseBReduced = true;
    for (const kind of ["GRAMERCY", "VALCO"] as const) {
      const due = reductionToDate(kind);
      if (ops.isZero(due)) continue;
      taken[kind] = due;
      push(date, kind, due, `(c) ${CLAUSE_C_NAME[kind]}: ${formatUsd(ops.toDec(received[kind]))} received before the first clause (b) ${fromFirstEvent ? "Threshold Event" : "reduction"} takes effect`);
    }
  };

  // The PPE Subcomponent after the last row: a row that reduces nothing leaves both figures as they are (no decimals per skipped row).
  let after = current();
  const push = (date: number, kind: PpeEventKind, reduction: T, note: string, event?: number): void => {
    if (!ops.isZero(reduction)) {
      cumulative = ops.plus(cumulative, reduction);
      after = current();
    }
    // Reading R-PPE-ZERO: the PPE Subcomponent stops at zero; the cumulative reductions do not.
    const zeroNote = ops.isZero(after) && ops.greaterThan(reduction, ops.zero) ? ZERO_NOTE : "";
    onRow({ date, kind, clause: PPE_CLAUSE[kind], reduction, cumulative, ppeSubcomponent: after, note: zeroNote === "" ? note : notes.atZero(note), event });
  };

  for (let k = 0; k < order.length; k++) {
    const index = order[k];
    // The event on its whole day.
    const event = { date: Math.floor(events.dates[index]), kind: events.kinds[index] };
    const amount = events.amounts[index];
    const problem = ppeEventProblem(ops, event.date, event.kind, amount);
    if (problem !== undefined) throw numError(`event ${index + 1}: ${problem}`);
    switch (event.kind) {
      case "DISPOSITION":
        if (beforeSixthAmendment(event)) {
          push(event.date, event.kind, ops.zero, `(a) nothing: ${PpeMessages.beforeSixthAmendment()}`, index);
          break;
        }
        // Reading R-PPE-A: the amount given is the Net Disposition Proceeds that count.
        push(event.date, event.kind, amount, "(a) Net Disposition Proceeds", index);
        break;
      case "INTERCOMPANY":
        // Reading R-PPE-DE: 100% of the intercompany Indebtedness not repaid.
        push(event.date, event.kind, ops.share(amount, "intercompanyReductionShare"), notes.intercompany, index);
        break;
      case "THRESHOLDEVENT": {
        const month = monthIndex(event.date);
        if (lastClauseBMonth === month) {
          // Reading R-PPE-B-MONTH: at most one clause (b) reduction each calendar month.
          push(event.date, event.kind, ops.zero, notes.skipped(event.date), index);
          break;
        }
        // Reading R-PPE-B-FLOOR: a partial step down to the floor; at or below it, nothing.
        const room = ops.max(ops.zero, ops.minus(current(), floor));
        const reduction = ops.min(step, room);
        if (ops.isZero(reduction)) {
          push(event.date, event.kind, ops.zero, notes.atFloor, index);
          if (!clauseBReduced && fromFirstEvent) startClauseC(event.date);
          break;
        }
        lastClauseBMonth = month;
        const limited = ops.lessThan(reduction, step);
        push(event.date, event.kind, reduction, limited ? notes.limited : notes.step, index);
        if (!clauseBReduced) startClauseC(event.date);
        break;
      }
      case "VALCOCLOSING":
      case "GRAMERCYCLOSING":
      case "KBCPLAN": {
        const kind = CLOSING_OF[event.kind] as "GRAMERCY" | "VALCO";
        const reading = kind === "VALCO" ? "R-PPE-C-VALCO" : "R-PPE-C-GRAMERCY";
        if (choiceOf(readings, reading) !== "FIXED") {
          push(event.date, event.kind, ops.zero, `(c) ${CLAUSE_C_NAME[kind]} closing: nothing under ${reading}=CASH (the reduction follows cash received)`, index);
          break;
        }
        if (closed[kind]) {
          push(event.date, event.kind, ops.zero, `(c) ${CLAUSE_C_NAME[kind]}: already closed`, index);
          break;
        }
        closed[kind] = true;
        if (!clauseBReduced) {
          push(event.date, event.kind, ops.zero, `(c) ${CLAUSE_C_NAME[kind]} closing deferred until first clause (b) reduction`, index);
          break;
        }
        const due = reductionToDate(kind);
        const reduction = ops.minus(due, taken[kind]);
        taken[kind] = due;
        push(event.date, event.kind, reduction, `(c) ${CLAUSE_C_NAME[kind]} closing: the fixed amount applies in full (${reading}=FIXED)`, index);
        break;
      }
      case "GRAMERCY":
      case "VALCO": {
        received[event.kind] = ops.plus(received[event.kind], amount);
        if (!clauseBReduced) {
          push(event.date, event.kind, ops.zero, notes.deferred[event.kind], index);
          break;
        }
        const due = reductionToDate(event.kind);
        const reduction = ops.minus(due, taken[event.kind]);
        taken[event.kind] = due;
        push(event.date, event.kind, reduction, notes.clauseC[event.kind], index);
        break;
      }
    }
  }
}

/** Below this a date-and-index key `day · n + index` is an exact integer (2^53), and so a numeric sort of the keys is date order, ties by index. */
const EXACT_KEY_LIMIT = 2 ** 53;

/**
 * Reading R-PPE-ORDER: the indices of the events dated on or before `asOfDate` (whole days), in
 * date order, events of one date in the order given. Events already in that order keep it; else one numeric sort of the keys `day · n + index`
 * (exact integers while below 2^53, so their order is (day, index) order), without an object per
 * event; dates outside that range are sorted by comparison.
 */
function scheduleOrder(dates: ArrayLike<number>, asOfDate: number | undefined): Float64Array | number[] {
  const n = dates.length;
  const last = asOfDate === undefined ? undefined : Math.floor(asOfDate);
  const included = (day: number): boolean => last === undefined || day <= last;
  const keys = new Float64Array(n);
  let kept = 0;
  let exact = true;
  // Events given in date order (as the custom functions hand them) keep their order: no sort.
  let ordered = true;
  let previous = -Infinity;
  for (let index = 0; index < n; index++) {
    const day = Math.floor(dates[index]);
    if (!included(day)) continue;
    if (day < previous) ordered = false;
    previous = day;
    if (!(day >= 0 && (day + 1) * n < EXACT_KEY_LIMIT)) exact = false;
    keys[kept++] = day * n + index;
  }
  if (ordered) {
    let k = 0;
    for (let index = 0; index < n; index++) if (included(Math.floor(dates[index]))) keys[k++] = index;
    return keys.subarray(0, kept);
  }
  if (exact) {
    const order = keys.subarray(0, kept).sort();
    for (let k = 0; k < kept; k++) order[k] = order[k] % n;
    return order;
  }
  const indices: number[] = [];
  for (let index = 0; index < n; index++) if (included(Math.floor(dates[index]))) indices.push(index);
  const day = (i: number): number => Math.floor(dates[i]);
  return indices.sort((a, b) => day(a) - day(b) || a - b);
}

const ZERO_NOTE = "; the PPE Subcomponent is at zero";

/** The notes of one schedule, each worded once (a million rows share a handful of strings). */
function scheduleNotes(kbc: Dec) {
  const floor = formatUsd(term("ppeClauseBFloor"));
  const skippedByMonth = new Map<string, string>();
  const atZero = new Map<string, string>();
  return {
    intercompany: `(d)/(e) ${formatPercent(term("intercompanyReductionShare"))} of intercompany Indebtedness not repaid`,
    atFloor: `(b) nothing: the PPE Subcomponent is at or below the ${floor} floor`,
    limited: `(b) limited by the ${floor} floor`,
    step: `(b) ${formatUsd(term("ppeThresholdEventReduction"))} upon the Threshold Event`,
    deferred: { GRAMERCY: `(c) ${CLAUSE_C_NAME.GRAMERCY} deferred until first clause (b) reduction`, VALCO: `(c) ${CLAUSE_C_NAME.VALCO} deferred until first clause (b) reduction` },
    clauseC: { GRAMERCY: clauseCNote("GRAMERCY", kbc), VALCO: clauseCNote("VALCO", kbc) },
    skipped(date: number): string {
      const month = monthLabel(date);
      let note = skippedByMonth.get(month);
      if (note === undefined) skippedByMonth.set(month, (note = `(b) skipped: already reduced in ${month}`));
      return note;
    },
    atZero(note: string): string {
      let full = atZero.get(note);
      if (full === undefined) atZero.set(note, (full = note + ZERO_NOTE));
      return full;
    },
  };
}

function clauseCNote(kind: "GRAMERCY" | "VALCO", kbc: Dec): string {
  if (kind === "VALCO") {
    const base = term("valcoBaseReduction");
    return `(c) VALCO: up to ${formatUsd(base)}, plus ${formatPercent(term("valcoExcessShare"))} of VALCO Proceeds above ${formatUsd(base)}`;
  }
  const base = term("gramercyBaseReduction");
  return `(c) Gramercy/KJBC: up to the greater of the KBC Allocable Amount (${formatUsd(kbc)}) and ${formatUsd(base)}, plus ${formatPercent(
    term("gramercyExcessShare"),
  )} of the proceeds less the KBC Allocable Amount above ${formatUsd(base)}`;
}

/**
 * The cumulative PPE Subcomponent Reductions at a date (default: after the last event), to feed the
 * Borrowing Base's `ppeSubcomponentReductions`.
 *
 * @example ppeReductions({ olvInPlaceValue: dec(100000000), events }) //=> the last row's cumulative
 */
export function ppeReductions(input: PpeScheduleInput, readings?: Readings): Dec {
  return ppeReductionsIn(DECIMAL, input, readings);
}

/** As `ppeReductions`, in the arithmetic `ops`. */
export function ppeReductionsIn<T>(ops: PpeArithmetic<T>, input: PpeScheduleInputOf<T> | PpeColumnsInputOf<T>, readings?: Readings): T {
  let cumulative = ops.zero;
  ppeScheduleEachIn(ops, input, (row) => (cumulative = row.cumulative), readings);
  return cumulative;
}

/**
 * Reading R-PPE-ROWS: a schedule whose events include one that cannot be read (an unknown kind, a bad
 * amount, a THRESHOLDEVENT dated on or before 2004-08-31) is computed up to that event; that event
 * shows its own problem, and every later event is not computed — no plausible figure after an event
 * whose effect is unknown (each reduction depends on the ones before it: the floor, the month, the
 * deferral of clause (c)).
 *
 * @param events - the events in the schedule's order (date order; same date, the order given), each
 *   with its problem, if any
 * @returns the events to compute; from the first bad one on, the rest (the first shows `cause`, each
 *   later one `notComputed`, one text for a million rows); no object per row
 * @example splitAtFirstBadEvent([{ problem: undefined }, { problem: "bad kind" }, { problem: undefined }])
 * //=> { good: [first], rest: [second, third], cause: "bad kind", notComputed: "not computed: bad kind" }
 */
export function splitAtFirstBadEvent<T extends { readonly problem?: string }>(
  events: readonly T[],
): { good: readonly T[]; rest: readonly T[]; cause?: string; notComputed?: string } {
  const firstBad = events.findIndex((e) => e.problem !== undefined);
  if (firstBad === -1) return { good: events, rest: [] };
  const cause = events[firstBad].problem as string;
  return { good: events.slice(0, firstBad), rest: events.slice(firstBad), cause, notComputed: PpeMessages.notComputed(cause) };
}
