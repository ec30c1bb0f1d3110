import { engineErrorOf } from "../support/engineErrors";
import { dec, Dec } from "../../src/engine/decimal";
import { isoFromSerial } from "../../src/engine/dates";
import { gramercyReduction, PpeEvent, PpeEventKind, ppeReductions, ppeSchedule, PpeScheduleRow, splitAtFirstBadEvent, valcoReduction } from "../../src/engine/ppeReduction";
import { isoDay as d } from "../support/dates";

const ev = (iso: string, kind: PpeEventKind, amount: string | number = 0): PpeEvent => ({ date: d(iso), kind, amount: dec(amount) });
/** A row as [date, kind, clause, reduction, cumulative, PPE after, note] strings, for exact comparison. */
const show = (r: PpeScheduleRow): string[] => [isoFromSerial(r.date), r.kind, r.clause, r.reduction.toString(), r.cumulative.toString(), r.ppeSubcomponent.toString(), r.note];
const OLV = dec(100000000); // PPE base: the lesser of $50,000,000 and 50% of $100,000,000

describe("dispositions and the Sixth Amendment (Reading R-PPE-SIXTH) [1.1(t)(a)]", () => {
  it.each([
    ["2003-07-31", "0", "(a) nothing: 1.1(t)(a) counts dispositions after the effective date of the Sixth Amendment", "before the Sixth Amendment"],
    ["2003-08-01", "0", "(a) nothing: 1.1(t)(a) counts dispositions after the effective date of the Sixth Amendment", "on its date: not after it"],
    ["2003-08-02", "10000000", "(a) Net Disposition Proceeds", "the day after"],
  ])("a DISPOSITION of 10,000,000 on %s reduces %s (%s; %s) [1.1(t)(a)]", (iso, reduction, note, _why) => {
    const [row] = ppeSchedule({ olvInPlaceValue: OLV, events: [ev(iso, "DISPOSITION", 10000000)] });
    expect([row.reduction.toString(), row.note]).toEqual([reduction, note]);
  });
});

describe("a full sequence of reductions [1.1(t)]", () => {
  const events = [
    ev("2004-09-15", "DISPOSITION", 10000000),
    ev("2004-09-20", "VALCO", 4000000),
    ev("2004-09-24", "THRESHOLDEVENT"),
    ev("2004-09-29", "THRESHOLDEVENT"),
    ev("2004-10-08", "VALCO", 6000000),
    ev("2004-10-15", "THRESHOLDEVENT"),
    ev("2004-11-12", "THRESHOLDEVENT"),
    ev("2004-11-30", "INTERCOMPANY", 30000000),
  ];
  const rows = ppeSchedule({ olvInPlaceValue: OLV, events });

  it.each([
    [0, ["2004-09-15", "DISPOSITION", "(a)", "10000000", "10000000", "40000000", "(a) Net Disposition Proceeds"]],
    [1, ["2004-09-20", "VALCO", "(c)(2)", "0", "10000000", "40000000", "(c) VALCO deferred until first clause (b) reduction"]],
    [2, ["2004-09-24", "THRESHOLDEVENT", "(b)", "5000000", "15000000", "35000000", "(b) $5,000,000 upon the Threshold Event"]],
    [3, ["2004-09-24", "VALCO", "(c)(2)", "4000000", "19000000", "31000000", "(c) VALCO: $4,000,000 received before the first clause (b) reduction takes effect"]],
    [4, ["2004-09-29", "THRESHOLDEVENT", "(b)", "0", "19000000", "31000000", "(b) skipped: already reduced in 2004-09"]],
    [5, ["2004-10-08", "VALCO", "(c)(2)", "4500000", "23500000", "26500000", "(c) VALCO: up to $7,000,000, plus 50% of VALCO Proceeds above $7,000,000"]],
    [6, ["2004-10-15", "THRESHOLDEVENT", "(b)", "1500000", "25000000", "25000000", "(b) limited by the $25,000,000 floor"]],
    [7, ["2004-11-12", "THRESHOLDEVENT", "(b)", "0", "25000000", "25000000", "(b) nothing: the PPE Subcomponent is at or below the $25,000,000 floor"]],
    [8, ["2004-11-30", "INTERCOMPANY", "(d)/(e)", "30000000", "55000000", "0", "(d)/(e) 100% of intercompany Indebtedness not repaid; the PPE Subcomponent is at zero"]],
  ])("row %i is %j [1.1(t)]", (i, expected) => {
    expect(show(rows[i])).toEqual(expected);
  });

  it("has one row per event plus the row where the deferred VALCO cash takes effect [1.1(t)(c)]", () => {
    expect(rows).toHaveLength(events.length + 1);
    expect(rows.map((r) => r.event)).toEqual([0, 1, 2, undefined, 3, 4, 5, 6, 7]);
  });

  it.each([
    ["2004-09-14", "0"],
    ["2004-09-24", "19000000"],
    ["2004-10-31", "25000000"],
    ["2004-12-31", "55000000"],
  ])("gives the cumulative reductions at %s as %s [1.1(t)]", (asOf, expected) => {
    expect(ppeReductions({ olvInPlaceValue: OLV, events, asOfDate: d(asOf) }).toString()).toBe(expected);
  });
});

describe("clause (a), Net Disposition Proceeds (Reading R-PPE-A) [1.1(t)(a)]", () => {
  it("reduces by the amount given, and may take the PPE Subcomponent below $25,000,000 [1.1(t)(a)]", () => {
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events: [ev("2004-09-15", "DISPOSITION", 30000000)] });
    expect(rows[0].ppeSubcomponent.toString()).toBe("20000000");
  });
});

describe("clause (b), Threshold Events [1.1(t)(b)]", () => {
  it("reduces by $5,000,000 upon each Threshold Event in different months [1.1(t)(b)]", () => {
    const events = [ev("2004-09-08", "THRESHOLDEVENT"), ev("2004-10-08", "THRESHOLDEVENT"), ev("2004-11-08", "THRESHOLDEVENT")];
    expect(ppeSchedule({ olvInPlaceValue: OLV, events }).map((r) => r.ppeSubcomponent.toString())).toEqual(["45000000", "40000000", "35000000"]);
  });

  it("reduces at most once each calendar month: a second event in the month reduces nothing (Reading R-PPE-B-MONTH) [1.1(t)(b)(i)]", () => {
    const events = [ev("2004-09-08", "THRESHOLDEVENT"), ev("2004-09-15", "THRESHOLDEVENT"), ev("2004-09-30", "THRESHOLDEVENT"), ev("2004-10-01", "THRESHOLDEVENT")];
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events });
    expect(rows.map((r) => r.reduction.toString())).toEqual(["5000000", "0", "0", "5000000"]);
    expect(rows[2].note).toBe("(b) skipped: already reduced in 2004-09");
  });

  it("steps down partly to the $25,000,000 floor, then reduces nothing (Reading R-PPE-B-FLOOR) [1.1(t)(b)(ii)]", () => {
    // OLV $56,000,000: PPE base $28,000,000.
    const events = [ev("2004-09-08", "THRESHOLDEVENT"), ev("2004-10-08", "THRESHOLDEVENT")];
    const rows = ppeSchedule({ olvInPlaceValue: dec(56000000), events });
    expect(rows.map(show)).toEqual([
      ["2004-09-08", "THRESHOLDEVENT", "(b)", "3000000", "3000000", "25000000", "(b) limited by the $25,000,000 floor"],
      ["2004-10-08", "THRESHOLDEVENT", "(b)", "0", "3000000", "25000000", "(b) nothing: the PPE Subcomponent is at or below the $25,000,000 floor"],
    ]);
  });

  it("reduces nothing when other clauses have taken the PPE Subcomponent below the floor (Reading R-PPE-B-FLOOR) [1.1(t)(b)(ii)]", () => {
    const events = [ev("2004-09-01", "DISPOSITION", 30000000), ev("2004-09-08", "THRESHOLDEVENT")];
    expect(ppeSchedule({ olvInPlaceValue: OLV, events })[1].reduction.toString()).toBe("0");
  });

  it("rejects a Threshold Event dated on or before 2004-08-31 as #NUM!: one occurs only after August 31, 2004 (Reading R-PPE-B-DATE) [1.1(t)(b), 1.1(aa)]", () => {
    const e = engineErrorOf(() => ppeSchedule({ olvInPlaceValue: OLV, events: [ev("2004-09-01", "DISPOSITION", 1), ev("2004-08-31", "THRESHOLDEVENT")] }));
    expect(e.kind).toBe("num");
    expect(e.message).toBe("event 2: a THRESHOLDEVENT dated 2004-08-31 cannot be a Threshold Event, which occurs only after 2004-08-31 (Section 1.1(aa))");
    expect(ppeReductions({ olvInPlaceValue: OLV, events: [ev("2004-09-01", "THRESHOLDEVENT")] }).toString()).toBe("5000000");
  });

  it("does not count a Threshold Event that reduced nothing as the month's reduction (Reading R-PPE-B-MONTH) [1.1(t)(b)(i)]", () => {
    // Below the floor on 09-08: the later event of September is at the floor too, not "already reduced".
    const events = [ev("2004-09-01", "DISPOSITION", 26000000), ev("2004-09-08", "THRESHOLDEVENT"), ev("2004-09-20", "THRESHOLDEVENT")];
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events });
    expect(rows[2].note).toBe("(b) nothing: the PPE Subcomponent is at or below the $25,000,000 floor");
  });
});

describe("clause (c), Gramercy/KJBC and VALCO Proceeds [1.1(t)(c)]", () => {
  it.each([
    ["0", "0"],
    ["3000000", "3000000"],
    ["7000000", "7000000"],
    ["10000000", "8500000"],
    ["17000000", "12000000"],
  ])("VALCO Proceeds of %s reduce by %s to date: the lesser of P and $7,000,000 plus 50% above (Reading R-PPE-C-VALCO) [1.1(t)(c)(2)]", (p, expected) => {
    expect(valcoReduction(dec(p)).toString()).toBe(expected);
  });

  it.each([
    ["2000000", "0", "2000000", "less than $3,000,000 received"],
    ["3000000", "0", "3000000", "exactly $3,000,000"],
    ["5000000", "0", "4000000", "$3,000,000 + 50% of $2,000,000"],
    ["4000000", "5000000", "4000000", "the lesser of P and the KBC Allocable Amount of $5,000,000"],
    ["10000000", "5000000", "6000000", "$5,000,000 + 50% of ($10,000,000 − $5,000,000 − $3,000,000)"],
    ["7000000", "7000000", "7000000", "nothing above the KBC Allocable Amount plus $3,000,000"],
    ["12000000", "7000000", "8000000", "$7,000,000 + 50% of $2,000,000"],
    ["10000000", "2000000", "5500000", "the greater is $3,000,000; 50% of ($10,000,000 − $2,000,000 − $3,000,000)"],
  ])("Gramercy/KJBC Proceeds of %s with a KBC Allocable Amount of %s reduce by %s to date (%s) (Reading R-PPE-C-GRAMERCY) [1.1(t)(c)(1)]", (p, k, expected, _why) => {
    expect(gramercyReduction(dec(p), dec(k)).toString()).toBe(expected);
  });

  it("defers clause (c) until the first clause (b) reduction, then takes the cash received before in one row per kind (Reading R-PPE-C-DEFER) [1.1(t)(c)]", () => {
    const events = [
      ev("2004-09-01", "VALCO", 3000000),
      ev("2004-09-02", "GRAMERCY", 5000000),
      ev("2004-09-03", "VALCO", 7000000),
      ev("2004-09-20", "THRESHOLDEVENT"),
      ev("2004-09-21", "GRAMERCY", 1000000),
    ];
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events, kbcAllocableAmount: dec(2000000) });
    expect(rows.map((r) => [isoFromSerial(r.date), r.kind, r.reduction.toString()])).toEqual([
      ["2004-09-01", "VALCO", "0"],
      ["2004-09-02", "GRAMERCY", "0"],
      ["2004-09-03", "VALCO", "0"],
      ["2004-09-20", "THRESHOLDEVENT", "5000000"],
      // Gramercy/KJBC: P $5,000,000, K $2,000,000: $3,000,000 + 50% of $0.
      ["2004-09-20", "GRAMERCY", "3000000"],
      // VALCO: P $10,000,000: $7,000,000 + 50% of $3,000,000.
      ["2004-09-20", "VALCO", "8500000"],
      // Gramercy/KJBC: P $6,000,000: $3,000,000 + 50% of $1,000,000, less the $3,000,000 taken.
      ["2004-09-21", "GRAMERCY", "500000"],
    ]);
    expect(rows[4].note).toBe("(c) Gramercy/KJBC: $5,000,000 received before the first clause (b) reduction takes effect");
  });

  it("stays deferred while clause (b) reduces nothing (at the floor): 'the first reduction … under clause (b)' has not occurred (Reading R-PPE-C-DEFER) [1.1(t)(c)]", () => {
    const events = [ev("2004-09-01", "DISPOSITION", 30000000), ev("2004-09-08", "THRESHOLDEVENT"), ev("2004-09-09", "VALCO", 1000000)];
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events });
    expect(rows).toHaveLength(3);
    expect(rows[2].reduction.toString()).toBe("0");
    expect(rows[2].note).toBe("(c) VALCO deferred until first clause (b) reduction");
  });

  it("counts clause (c) cash after the first (b) reduction even in a month whose (b) was skipped [1.1(t)(c)]", () => {
    const events = [ev("2004-09-08", "THRESHOLDEVENT"), ev("2004-10-08", "VALCO", 2000000)];
    expect(ppeReductions({ olvInPlaceValue: OLV, events }).toString()).toBe("7000000");
  });
});

describe("clauses (d) and (e), intercompany Indebtedness (Reading R-PPE-DE) [1.1(t)(d)-(e)]", () => {
  it("reduces by 100% of the Indebtedness not repaid [1.1(t)(d)]", () => {
    expect(ppeReductions({ olvInPlaceValue: OLV, events: [ev("2004-11-30", "INTERCOMPANY", 12345678.9)] }).toString()).toBe("12345678.9");
  });
});

describe("order and the PPE Subcomponent (Readings R-PPE-ORDER, R-PPE-ZERO) [1.1(t), 1.1(f)(c)]", () => {
  it("takes events in date order, events of one date in the order given [1.1(t)]", () => {
    const events = [ev("2004-10-08", "THRESHOLDEVENT"), ev("2004-09-08", "DISPOSITION", 1), ev("2004-09-08", "INTERCOMPANY", 2)];
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events });
    expect(rows.map((r) => [isoFromSerial(r.date), r.kind, r.event])).toEqual([
      ["2004-09-08", "DISPOSITION", 1],
      ["2004-09-08", "INTERCOMPANY", 2],
      ["2004-10-08", "THRESHOLDEVENT", 0],
    ]);
  });

  it("starts from the lesser of $50,000,000 and 50% of OLV In-Place Value [1.1(f)(c)]", () => {
    expect(ppeSchedule({ olvInPlaceValue: dec(60000000), events: [ev("2004-09-08", "DISPOSITION", 1000000)] })[0].ppeSubcomponent.toString()).toBe("29000000");
    expect(ppeSchedule({ olvInPlaceValue: dec(120000000), events: [ev("2004-09-08", "DISPOSITION", 1000000)] })[0].ppeSubcomponent.toString()).toBe("49000000");
  });

  it("keeps the PPE Subcomponent at zero while the cumulative reductions go on [1.1(f)(c)]", () => {
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events: [ev("2004-09-08", "DISPOSITION", 60000000), ev("2004-09-09", "DISPOSITION", 1000000)] });
    expect(rows.map((r) => [r.cumulative.toString(), r.ppeSubcomponent.toString()])).toEqual([
      ["60000000", "0"],
      ["61000000", "0"],
    ]);
  });

  it("leaves out events after the as-of date [1.1(t)]", () => {
    const events = [ev("2004-09-08", "THRESHOLDEVENT"), ev("2004-10-08", "THRESHOLDEVENT")];
    expect(ppeSchedule({ olvInPlaceValue: OLV, events, asOfDate: d("2004-10-07") })).toHaveLength(1);
    expect(ppeSchedule({ olvInPlaceValue: OLV, events, asOfDate: d("2004-10-08") })).toHaveLength(2);
  });
});

describe("edge cases", () => {

  it("returns no rows and zero reductions without events [1.1(t)]", () => {
    expect(ppeSchedule({ olvInPlaceValue: OLV, events: [] })).toEqual([]);
    expect(ppeReductions({ olvInPlaceValue: OLV, events: [] }).toString()).toBe("0");
  });

  it("accepts a KBC Allocable Amount of exactly $7,000,000 and rejects more as #NUM! [9.2.18(ix)]", () => {
    expect(gramercyReduction(dec(7000000), dec(7000000)).toString()).toBe("7000000");
    expect(engineErrorOf(() => gramercyReduction(dec(1), dec("7000000.01"))).kind).toBe("num");
    expect(engineErrorOf(() => ppeSchedule({ olvInPlaceValue: OLV, events: [], kbcAllocableAmount: dec(7000001) })).kind).toBe("num");
  });

  it.each<[string, () => unknown]>([
    ["a negative OLV In-Place Value", () => ppeSchedule({ olvInPlaceValue: dec(-1), events: [] })],
    ["a negative event amount", () => ppeSchedule({ olvInPlaceValue: OLV, events: [ev("2004-09-08", "DISPOSITION", -1)] })],
    ["a negative KBC Allocable Amount", () => ppeSchedule({ olvInPlaceValue: OLV, events: [], kbcAllocableAmount: dec(-1) })],
  ])("rejects %s as #NUM! [1.1(t)]", (_what, f) => {
    expect(engineErrorOf(f).kind).toBe("num");
  });

  it("rejects a THRESHOLDEVENT on a day that is not a Business Day as #NUM!: Saturday 2004-09-25, Labor Day 2004-09-06 (Reading R-PPE-B-BUSINESS-DAY) [1.1(t)(b), 1.1(aa)]", () => {
    for (const iso of ["2004-09-25", "2004-09-06"]) {
      const e = engineErrorOf(() => ppeSchedule({ olvInPlaceValue: OLV, events: [ev(iso, "THRESHOLDEVENT")] }));
      expect([e.kind, e.message]).toEqual(["num", `event 1: a THRESHOLDEVENT dated ${iso} is not on a Business Day; a Threshold Event occurs on the Business Day its count is reached (Section 1.1(aa))`]);
    }
  });

  it("ignores the amount of a THRESHOLDEVENT row [1.1(t)(b)]", () => {
    expect(ppeReductions({ olvInPlaceValue: OLV, events: [ev("2004-09-08", "THRESHOLDEVENT", 123)] }).toString()).toBe("5000000");
  });

  it("keeps exact decimals over many small receipts [1.1(t)(c)]", () => {
    const events: PpeEvent[] = [ev("2004-09-08", "THRESHOLDEVENT")];
    for (let i = 0; i < 1000; i++) events.push({ date: d("2004-10-01") + i, kind: "VALCO", amount: dec("10000.01") });
    const total: Dec = ppeReductions({ olvInPlaceValue: OLV, events });
    // P = $10,000,010: $7,000,000 + 50% of $3,000,010, plus the $5,000,000 step.
    expect(total.toString()).toBe("13500005");
  });
});

describe("a schedule with a bad event (Reading R-PPE-ROWS) [1.1(t)]", () => {
  it("computes up to the first bad event, shows its problem, and leaves every later event not computed [1.1(t)]", () => {
    const events = [{ id: 1 }, { id: 2, problem: "row 2: unknown kind" }, { id: 3 }, { id: 4, problem: "row 4: negative" }];
    const { good, rest, cause, notComputed } = splitAtFirstBadEvent(events);
    expect(good.map((e) => e.id)).toEqual([1]);
    expect(rest.map((e) => e.id)).toEqual([2, 3, 4]);
    expect([cause, notComputed]).toEqual(["row 2: unknown kind", "not computed: row 2: unknown kind"]);
  });

  it("computes every event when none is bad [1.1(t)]", () => {
    const clean: { id: number; problem?: string }[] = [{ id: 1 }, { id: 2 }];
    expect(splitAtFirstBadEvent(clean)).toEqual({ good: [{ id: 1 }, { id: 2 }], rest: [] });
  });
});
