/**
 * The PPE schedule's exact fast path (src/engine/ppeFast.ts) against decimal.js, bit for bit: the
 * same rows, notes and numbers for random schedules of every kind of event under every reading of
 * Section 1.1(t), and `NOT_EXACT` (never a wrong figure) past the bound.
 */
import { businessDayOnOrAfter } from "../../src/engine/businessDays";
import { dec } from "../../src/engine/decimal";
import { NOT_EXACT, UNITS, unitsOf, unitsToNumber } from "../../src/engine/ppeFast";
import { PPE_EVENT_KINDS, PpeEventKind, ppeReductionsIn, ppeSchedule, ppeScheduleEachIn, PpeScheduleRowOf, ppeReductions } from "../../src/engine/ppeReduction";
import { parseReadings, Readings } from "../../src/engine/readings";
import { term } from "../../src/engine/terms";
import { isoDay } from "../support/dates";

/** A small linear congruential generator: the same schedules on every run. */
function generator(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648);
}

/** Amounts in whole cents: round figures, cents, the amendment's amounts exactly, and large ones. */
function amountOf(next: () => number): number {
  const kind = next() % 6;
  if (kind === 0) return (next() % 20) * 1000000;
  if (kind === 1) return (next() % 100000000) / 100;
  if (kind === 2) return [3000000, 7000000, 5000000, 25000000, 50000000, 0][next() % 6];
  if (kind === 3) return ((next() % 1000) * 1000000 + (next() % 100)) / 100;
  if (kind === 4) return (next() * 4096 + next()) / 100;
  return (next() % 100) / 100;
}

const FIRST_THRESHOLD_DAY = isoDay("2004-09-01");

type Schedule = { olv: number; kbc: number | undefined; events: { date: number; kind: PpeEventKind; amount: number }[]; readings: Readings | undefined };

const READINGS = [
  undefined,
  "R-PPE-C-VALCO=FIXED",
  "R-PPE-C-GRAMERCY=FIXED",
  "R-PPE-C-DEFER=FIRSTEVENT",
  "R-PPE-C-VALCO=FIXED; R-PPE-C-GRAMERCY=FIXED; R-PPE-C-DEFER=FIRSTEVENT",
];

function schedule(next: () => number): Schedule {
  const n = 1 + (next() % 40);
  let day = isoDay("2003-07-25") + (next() % 20);
  const events = Array.from({ length: n }, () => {
    day += next() % 12;
    const kind = PPE_EVENT_KINDS[next() % PPE_EVENT_KINDS.length];
    // A Threshold Event on a Business Day after 2004-08-31, as the schedule requires.
    const date = kind === "THRESHOLDEVENT" ? businessDayOnOrAfter(Math.max(day, FIRST_THRESHOLD_DAY)) : day;
    return { date, kind, amount: amountOf(next) };
  });
  const olvKind = next() % 4;
  const olv = olvKind === 0 ? 1e12 : olvKind === 1 ? (next() % 200) * 1000000 : olvKind === 2 ? 100000000 : (next() % 1e9) / 100;
  const kbcKind = next() % 4;
  const kbc = kbcKind === 0 ? undefined : kbcKind === 1 ? 7000000 : kbcKind === 2 ? (next() % 700000000) / 100 : 3000000;
  const text = READINGS[next() % READINGS.length];
  return { olv, kbc, events, readings: text === undefined ? undefined : parseReadings(text) };
}

/** Each row as plain values: the figures as the numbers Excel receives. */
function decimalRows(s: Schedule): unknown[][] {
  const rows = ppeSchedule(
    { olvInPlaceValue: dec(s.olv), kbcAllocableAmount: s.kbc === undefined ? undefined : dec(s.kbc), events: s.events.map((e) => ({ ...e, amount: dec(e.amount) })) },
    s.readings,
  );
  return rows.map((r) => [r.date, r.kind, r.clause, r.reduction.toNumber(), r.cumulative.toNumber(), r.ppeSubcomponent.toNumber(), r.note, r.event]);
}

function unitRows(s: Schedule): unknown[][] {
  const rows: PpeScheduleRowOf<number>[] = [];
  ppeScheduleEachIn(
    UNITS,
    { olvInPlaceValue: unitsOf(s.olv), kbcAllocableAmount: s.kbc === undefined ? undefined : unitsOf(s.kbc), events: s.events.map((e) => ({ ...e, amount: unitsOf(e.amount) })) },
    (r) => rows.push(r),
    s.readings,
  );
  return rows.map((r) => [r.date, r.kind, r.clause, unitsToNumber(r.reduction), unitsToNumber(r.cumulative), unitsToNumber(r.ppeSubcomponent), r.note, r.event]);
}

/** Object.is on every cell: 0 and −0 differ, as Excel's would not, but decimal.js gives neither here. */
function sameRows(a: unknown[][], b: unknown[][]): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((v, j) => Object.is(v, b[i][j])));
}

describe("the PPE schedule in exact integer units, against decimal.js [1.1(t), 1.1(f)(c)]", () => {
  it("gives the same rows, notes and numbers, bit for bit, for 3,000 seeded schedules of every kind and reading [1.1(t)]", () => {
    const next = generator(20041028);
    const mismatches: number[] = [];
    let rows = 0;
    for (let i = 0; i < 3000; i++) {
      const s = schedule(next);
      const expected = decimalRows(s);
      rows += expected.length;
      if (!sameRows(unitRows(s), expected)) mismatches.push(i);
    }
    expect(mismatches).toEqual([]);
    expect(rows).toBeGreaterThan(50000);
  });

  it("gives the cumulative reductions decimal.js gives, as PPEREDUCTIONS reads them [1.1(t)]", () => {
    const next = generator(7);
    for (let i = 0; i < 500; i++) {
      const s = schedule(next);
      const input = { olvInPlaceValue: dec(s.olv), kbcAllocableAmount: s.kbc === undefined ? undefined : dec(s.kbc), events: s.events.map((e) => ({ ...e, amount: dec(e.amount) })) };
      const fast = ppeReductionsIn(UNITS, { olvInPlaceValue: unitsOf(s.olv), kbcAllocableAmount: s.kbc === undefined ? undefined : unitsOf(s.kbc), events: s.events.map((e) => ({ ...e, amount: unitsOf(e.amount) })) }, s.readings);
      expect(unitsToNumber(fast)).toBe(ppeReductions(input, s.readings).toNumber());
    }
  });

  it("works the 1.1(t)(c)(2) example in mills: VALCO Proceeds of 10,000,000.01 after a Threshold Event reduce by 8,500,000.005 [1.1(t)(c)(2)]", () => {
    // 7,000,000 + 50% × 3,000,000.01: half a cent, which whole cents could not hold.
    const olv = unitsOf(200000000);
    const rows: PpeScheduleRowOf<number>[] = [];
    const events = [
      { date: isoDay("2004-09-08"), kind: "THRESHOLDEVENT" as const, amount: 0 },
      { date: isoDay("2004-09-09"), kind: "VALCO" as const, amount: unitsOf(10000000.01) },
    ];
    ppeScheduleEachIn(UNITS, { olvInPlaceValue: olv, events }, (r) => rows.push(r));
    expect(rows.map((r) => unitsToNumber(r.reduction))).toEqual([5000000, 8500000.005]);
    // The PPE base (the lesser of $50,000,000 and 50% of $200,000,000) less both reductions.
    expect(unitsToNumber(rows[1].ppeSubcomponent)).toBe(36499999.995);
    const decimal = ppeSchedule({ olvInPlaceValue: dec(200000000), events: events.map((e) => ({ ...e, amount: dec(unitsToNumber(e.amount)) })) });
    expect(decimal.map((r) => r.ppeSubcomponent.toString())).toEqual(["45000000", "36499999.995"]);
  });

  it("throws NOT_EXACT, never a wrong figure, once the cumulative reductions pass 2^53 mills (about $9 trillion) [1.1(t)(a)]", () => {
    const big = 5e12; // $5 trillion of Net Disposition Proceeds, twice: 10^16 mills
    const events = [
      { date: isoDay("2004-09-15"), kind: "DISPOSITION" as const, amount: unitsOf(big) },
      { date: isoDay("2004-09-16"), kind: "DISPOSITION" as const, amount: unitsOf(big) },
    ];
    expect(events[0].amount).toBe(5e15);
    let thrown: unknown;
    try {
      ppeScheduleEachIn(UNITS, { olvInPlaceValue: unitsOf(100000000), events }, () => undefined);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(NOT_EXACT);
  });

  it("reads only whole cents below the bound; sub-cent amounts, negatives and text go to decimal.js [1.1(t)]", () => {
    expect([unitsOf(1234.56), unitsOf(0), unitsOf(-0), unitsOf(term("valcoBaseReduction").toNumber())]).toEqual([1234560, 0, 0, 7000000000]);
    expect([unitsOf(0.001), unitsOf(-5), unitsOf("5"), unitsOf(null), unitsOf(0.1 + 0.2), unitsOf(1e13)]).toEqual([-1, -1, -1, -1, -1, -1]);
  });
});
