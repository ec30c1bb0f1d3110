import { ppeReductions, ppeSchedule } from "../../src/functions/ppeReduction";
import * as engineModule from "../../src/engine/ppeReduction";
import { isBusinessDay } from "../../src/engine/businessDays";
import { serial } from "../../src/engine/dates";
import { column, errorCell, errorOf, only } from "../support/cells";

const OLV = 100000000;
const HEADER = ["Date", "Kind", "Clause", "Reduction", "Cumulative reductions", "PPE Subcomponent after", "Note"];
const s = (m: number, d: number): number => serial(2004, m, d);
const col = (values: readonly unknown[]): never => column(values) as never;

describe("KAISER.PPESCHEDULE as Excel calls it [1.1(t)]", () => {
  it("spills a header row and one row per event, in date order, kinds in any case [1.1(t)]", () => {
    const result = ppeSchedule(OLV, col([s(9, 20), s(9, 15)]), col(["thresholdEvent", " Disposition "]), col([null, 10000000]));
    expect(result).toEqual([
      HEADER,
      [s(9, 15), "DISPOSITION", "(a)", 10000000, 10000000, 40000000, "(a) Net Disposition Proceeds"],
      [s(9, 20), "THRESHOLDEVENT", "(b)", 5000000, 15000000, 35000000, "(b) $5,000,000 upon the Threshold Event"],
    ]);
  });

  it("shows deferred VALCO cash taking effect with the first clause (b) reduction (Reading R-PPE-C-DEFER) [1.1(t)(c)]", () => {
    const result = ppeSchedule(OLV, col([s(9, 1), s(9, 8)]), col(["VALCO", "THRESHOLDEVENT"]), col([10000000, null]));
    expect(result.map((r) => [r[1], r[3], r[6]])).toEqual([
      ["Kind", "Reduction", "Note"],
      ["VALCO", 0, "(c) VALCO deferred until first clause (b) reduction"],
      ["THRESHOLDEVENT", 5000000, "(b) $5,000,000 upon the Threshold Event"],
      ["VALCO", 8500000, "(c) VALCO: $10,000,000 received before the first clause (b) reduction takes effect"],
    ]);
  });

  it("applies the KBC Allocable Amount to Gramercy/KJBC Proceeds [1.1(t)(c)(1)]", () => {
    const result = ppeSchedule(OLV, col([s(9, 8), s(9, 9)]), col(["THRESHOLDEVENT", "GRAMERCY"]), col([null, 10000000]), null, 5000000);
    expect(result[2][3]).toBe(6000000);
  });

  it("leaves out events after the as-of date [1.1(t)]", () => {
    expect(ppeSchedule(OLV, col([s(9, 8), s(10, 8)]), col(["THRESHOLDEVENT", "THRESHOLDEVENT"]), col([null, null]), s(9, 30))).toHaveLength(2);
  });

  it("gives a row with an unknown kind #VALUE! in that row, and does not compute the rows after it (Reading R-PPE-ROWS) [1.1(t)]", () => {
    const result = ppeSchedule(OLV, col([s(9, 1), s(9, 2), s(9, 3)]), col(["DISPOSITION", "SALE", "THRESHOLDEVENT"]), col([1000000, 2000000, null]));
    expect(result).toHaveLength(4);
    expect(result[1][5]).toBe(49000000);
    expect(result[2][0]).toBe(s(9, 2));
    expect(result[2][1]).toBe("SALE");
    expect(errorOf(result[2][3])?.code).toBe("#VALUE!");
    expect(errorOf(result[2][3])?.message).toContain('row 2: eventKinds "SALE" is not one of DISPOSITION, THRESHOLDEVENT, GRAMERCY, VALCO, INTERCOMPANY');
    expect(result[2][6]).toContain("row 2");
    expect(result[3][2]).toBe("(b)");
    expect(errorOf(result[3][5])?.message).toContain("not computed");
  });

  it("gives a bad amount #NUM! or #VALUE! in its row [1.1(t)]", () => {
    const negative = ppeSchedule(OLV, col([s(9, 1)]), col(["DISPOSITION"]), col([-1]));
    expect(errorOf(negative[1][3])?.code).toBe("#NUM!");
    expect(negative[1][6]).toContain("eventAmounts must not be negative");
    const blank = ppeSchedule(OLV, col([s(9, 1)]), col(["VALCO"]), col([null]));
    expect(errorOf(blank[1][3])?.code).toBe("#VALUE!");
    const text = ppeSchedule(OLV, col([s(9, 1)]), col(["INTERCOMPANY"]), col(["lots"]));
    expect(errorOf(text[1][4])?.message).toContain('"lots"');
    const errorValue = ppeSchedule(OLV, col([s(9, 1)]), col([errorCell("#REF!")]), col([1]));
    expect(errorOf(errorValue[1][3])?.message).toContain("#REF!");
  });

  it("gives a THRESHOLDEVENT on a Saturday #NUM! in its row, and later rows are not computed (Reading R-PPE-B-BUSINESS-DAY) [1.1(t)(b), 1.1(aa)]", () => {
    const result = ppeSchedule(OLV, col([s(9, 8), s(9, 25), s(10, 8)]), col(["THRESHOLDEVENT", "THRESHOLDEVENT", "THRESHOLDEVENT"]), col([null, null, null]));
    expect(result[1][3]).toBe(5000000);
    expect(errorOf(result[2][3])?.code).toBe("#NUM!");
    expect(result[2][6]).toBe("row 2: a THRESHOLDEVENT dated 2004-09-25 is not on a Business Day; a Threshold Event occurs on the Business Day its count is reached (Section 1.1(aa))");
    expect(errorOf(result[3][3])?.code).toBe("#VALUE!");
  });

  it("gives a THRESHOLDEVENT dated on or before 2004-08-31 #NUM! in its row, never a $5,000,000 reduction (Reading R-PPE-B-DATE) [1.1(t)(b), 1.1(aa)]", () => {
    const result = ppeSchedule(OLV, col([s(8, 16), s(9, 8)]), col(["THRESHOLDEVENT", "THRESHOLDEVENT"]), col([null, null]));
    expect(errorOf(result[1][3])?.code).toBe("#NUM!");
    expect(result[1][6]).toBe("row 1: a THRESHOLDEVENT dated 2004-08-16 cannot be a Threshold Event, which occurs only after 2004-08-31 (Section 1.1(aa))");
    expect(errorOf(result[2][3])?.message).toContain("not computed");
    expect(errorOf(only(ppeReductions(OLV, col([s(8, 16)]), col(["THRESHOLDEVENT"]), col([null]))))?.code).toBe("#NUM!");
  });

  it("gives the header alone when there are no events [1.1(t)]", () => {
    expect(ppeSchedule(OLV, col([null]), col([null]), col([null]))).toEqual([HEADER]);
  });

  it.each([
    ["a negative OLV In-Place Value", () => ppeSchedule(-1, col([s(9, 1)]), col(["THRESHOLDEVENT"]), col([null])), "#NUM!"],
    ["a KBC Allocable Amount above $7,000,000", () => ppeSchedule(OLV, col([s(9, 1)]), col(["THRESHOLDEVENT"]), col([null]), null, 7000001), "#NUM!"],
    ["a negative KBC Allocable Amount", () => ppeSchedule(OLV, col([s(9, 1)]), col(["THRESHOLDEVENT"]), col([null]), null, -1), "#NUM!"],
    ["a blank OLV In-Place Value", () => ppeSchedule(null, col([s(9, 1)]), col(["THRESHOLDEVENT"]), col([null])), "#VALUE!"],
    ["a date that is text", () => ppeSchedule(OLV, col(["Sept 1"]), col(["THRESHOLDEVENT"]), col([null])), "#VALUE!"],
    ["a date that is not a serial", () => ppeSchedule(OLV, col([-1]), col(["THRESHOLDEVENT"]), col([null])), "#NUM!"],
    ["ranges of different lengths", () => ppeSchedule(OLV, col([s(9, 1), s(9, 2)]), col(["THRESHOLDEVENT"]), col([null])), "#VALUE!"],
    ["an as-of date that is text", () => ppeSchedule(OLV, col([s(9, 1)]), col(["THRESHOLDEVENT"]), col([null]), "today"), "#VALUE!"],
  ])("gives one %s error for %s [1.1(t)]", (_what, call, code) => {
    expect(errorOf(only(call()))?.code).toBe(code);
  });
});

describe("KAISER.PPEREDUCTIONS as Excel calls it [1.1(t)]", () => {
  const dates = col([s(9, 15), s(9, 20), s(9, 29), s(10, 8)]);
  const kinds = col(["DISPOSITION", "THRESHOLDEVENT", "THRESHOLDEVENT", "INTERCOMPANY"]);
  const amounts = col([10000000, null, null, 2500000]);

  it("gives the cumulative reductions after the last event, or at the as-of date [1.1(t)]", () => {
    expect(only(ppeReductions(OLV, dates, kinds, amounts))).toBe(17500000);
    expect(only(ppeReductions(OLV, dates, kinds, amounts, s(9, 30)))).toBe(15000000);
    expect(only(ppeReductions(OLV, dates, kinds, amounts, s(9, 1)))).toBe(0);
  });

  it("gives the error of a bad row on or before the as-of date, and ignores one after it [1.1(t)]", () => {
    const badKinds = col(["DISPOSITION", "THRESHOLDEVENT", "THRESHOLDEVENT", "LOAN"]);
    expect(errorOf(only(ppeReductions(OLV, dates, badKinds, amounts)))?.code).toBe("#VALUE!");
    expect(only(ppeReductions(OLV, dates, badKinds, amounts, s(9, 30)))).toBe(15000000);
  });
});

describe("edge cases", () => {
  it("computes 10,000 events in one call, the cumulative figure exact [1.1(t)]", () => {
    const n = 10000;
    const dates: number[][] = [];
    const kinds: string[][] = [];
    const amounts: number[][] = [];
    for (let i = 0; i < n; i++) {
      dates.push([s(9, 1) + i]);
      kinds.push(["INTERCOMPANY"]);
      amounts.push([0.1]);
    }
    const table = ppeSchedule(OLV, dates, kinds, amounts);
    expect(table).toHaveLength(n + 1);
    expect(table[n][4]).toBe(1000);
    expect(only(ppeReductions(OLV, dates, kinds, amounts))).toBe(1000);
  });
});

describe("the exact fast path and the decimal path give the same answers (src/engine/ppeFast.ts) [1.1(t)]", () => {
  const dates = col([s(9, 15), s(9, 20), s(10, 8)]);
  const kinds = col(["DISPOSITION", "THRESHOLDEVENT", "VALCO"]);

  it("takes a sub-cent amount exactly, on decimal.js: 10,000,000.005 + 5,000,000 + 4,000,000.0001 [1.1(t)(a)-(c)]", () => {
    // The fast path reads whole cents only; these amounts go the decimal way and stay exact.
    expect(only(ppeReductions(OLV, dates, kinds, col([10000000.005, null, 4000000.0001])))).toBe(19000000.0051);
    expect(ppeSchedule(OLV, dates, kinds, col([10000000.005, null, 4000000.0001])).map((r) => r[4])).toEqual(["Cumulative reductions", 10000000.005, 15000000.005, 19000000.0051]);
  });

  it("answers with decimal.js past the fast path's bound of 2^53 mills: two dispositions of $5 trillion [1.1(t)(a)]", () => {
    const big = col([s(9, 15), s(9, 16)]);
    expect(only(ppeReductions(OLV, big, col(["DISPOSITION", "DISPOSITION"]), col([5e12, 5e12])))).toBe(1e13);
  });

  it("gives half a cent where 50% of VALCO Proceeds above $7,000,000 has one: 7,000,000 + 50% × 3,000,000.01 [1.1(t)(c)(2)]", () => {
    expect(only(ppeReductions(OLV, dates, kinds, col([0, null, 10000000.01])))).toBe(5000000 + 8500000.005);
  });

  it("keeps the decimal path's errors: a negative amount is #NUM! in its row, the rows after it not computed [1.1(t)]", () => {
    const result = ppeSchedule(OLV, dates, kinds, col([1000, null, -1]));
    expect(errorOf(result[3][3])?.code).toBe("#NUM!");
    expect(errorOf(only(ppeReductions(OLV, dates, kinds, col([1000, null, -1]))))?.code).toBe("#NUM!");
  });

  it("answers 200,000 events at once, before parsing their kinds and amounts: no spill of that many rows can reach Excel [1.1(t)]", () => {
    // Each row takes at least 17 characters (brackets, seven one-character cells, commas): above
    // about 117,000 rows no table fits the 2,000,000 characters (as a whole column of 1,048,576).
    const n = 200000;
    const [dates, kinds, amounts] = [col(Array.from({ length: n }, (_, i) => s(9, 1) + (i % 400))), col(Array.from({ length: n }, () => "DISPOSITION")), col(Array.from({ length: n }, () => 1000))];
    const started = Date.now();
    const result = ppeSchedule(OLV, dates, kinds, amounts);
    expect(errorOf(only(result))?.message).toBe("the result is at least 200,001 rows × 7 columns, too large for Excel to receive; split the range");
    // Excel's limit for a custom function's answer (a whole column takes about 0.3 s: only the dates are read).
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("the one-pass reader of the fast path reads events as the ordinary reader does (src/functions/ppeReduction.ts) [1.1(t)]", () => {
  const KINDS = ["DISPOSITION", "thresholdevent", " Valco ", "GRAMERCY", "INTERCOMPANY", "VALCOCLOSING", "gramercyclosing", "KBCPLAN"];
  /** A small linear congruential generator: the same calls on every run. */
  function generator(seed: number): () => number {
    let x = seed;
    return () => (x = (x * 1103515245 + 12345) % 2147483648);
  }
  const businessDays = Array.from({ length: 400 }, (_, i) => s(9, 1) + i).filter((day) => isBusinessDay(day));

  it("gives the same table and total for 300 seeded calls, columns (fast path) or the same cells as rows (the ordinary reader) [1.1(t)]", () => {
    const next = generator(2004);
    const decimalCalls = jest.spyOn(engineModule, "ppeScheduleEach");
    let fastTables = 0;
    for (let i = 0; i < 300; i++) {
      // At least two events: one cell is a column and a row at once.
      const n = 2 + (next() % 30);
      const dates: number[] = [];
      const kinds: string[] = [];
      const amounts: unknown[] = [];
      for (let j = 0; j < n; j++) {
        const kind = KINDS[next() % KINDS.length];
        const ignored = /threshold|closing|kbcplan/i.test(kind);
        dates.push(ignored ? businessDays[next() % businessDays.length] : s(9, 1) + (next() % 400));
        kinds.push(kind);
        amounts.push(ignored ? [null, "", "n/a", 0][next() % 4] : ((next() % 2000000) * 100 + (next() % 100)) / 100);
      }
      const asOf = next() % 3 === 0 ? s(9, 1) + (next() % 400) : null;
      const kbc = next() % 2 === 0 ? null : 7000000;
      const readings = next() % 2 === 0 ? null : "R-PPE-C-VALCO=FIXED; R-PPE-C-DEFER=FIRSTEVENT";
      const asRow = (v: unknown[]): never => [v] as never;
      decimalCalls.mockClear();
      const fast = ppeSchedule(OLV, col(dates), col(kinds), col(amounts), asOf, kbc, readings as never);
      if (decimalCalls.mock.calls.length === 0) fastTables++;
      const ordinary = ppeSchedule(OLV, asRow(dates), asRow(kinds), asRow(amounts), asOf, kbc, readings as never);
      // The cells as rows go the ordinary way: the decimal path computes them.
      expect([i, decimalCalls.mock.calls.length, ordinary.length]).toEqual([i, 1, ordinary.length]);
      expect(fast).toEqual(ordinary);
      expect(ppeReductions(OLV, col(dates), col(kinds), col(amounts), asOf, kbc, readings as never)).toEqual(ppeReductions(OLV, asRow(dates), asRow(kinds), asRow(amounts), asOf, kbc, readings as never));
    }
    // Every call here is one the fast path takes (whole cents, Threshold Events on Business Days).
    expect(fastTables).toBe(300);
    decimalCalls.mockRestore();
  });
});
