import { aneItemsOf, compareAneFastWithDecimal, randomAneItems } from "../../bench/aneRows";
import { seeded } from "../../bench/exactRows";
import { adjustedNetEarnings, ANE_ITEM_KEYS, AneItemCategory, aneItemExclusions } from "../../src/engine/adjustedNetEarnings";
import { AneItemColumns, exclusionNumber, fastAdjustedNetEarnings, fastAneItemExclusions } from "../../src/engine/aneFast";
import { dec } from "../../src/engine/decimal";
import { serial } from "../../src/engine/dates";

/** Items in columns, as the adapter reads them (NaN: a column not given). */
function columnsOf(items: { category: AneItemCategory; date: number; amount: number; cash?: number; book?: number; olv?: number }[]): AneItemColumns {
  return {
    category: Uint8Array.from(items, (x) => ANE_ITEM_KEYS.indexOf(x.category)),
    date: Float64Array.from(items, (x) => x.date),
    amount: Float64Array.from(items, (x) => x.amount),
    cashReceived: Float64Array.from(items, (x) => x.cash ?? NaN),
    bookValue: Float64Array.from(items, (x) => x.book ?? NaN),
    olvInPlaceValue: Float64Array.from(items, (x) => x.olv ?? NaN),
  };
}

function excluded(items: Parameters<typeof columnsOf>[0]): { values: number[]; fast: number } {
  const result = fastAneItemExclusions(columnsOf(items));
  return { values: items.map((_, i) => exclusionNumber(result, i)), fast: result.fastItems };
}

describe("ANEEXCLUSIONS's exact fast path gives decimal.js's numbers, bit for bit [1.1(c)]", () => {
  // Fixed seed: the same 100,000 items every run (bench/aneRows.ts), in calls of 200 items, mixing
  // whole dollars, cents, sub-cent values, values near and beyond the bound, amounts at the caps.
  it("over 100,000 random items across Fiscal Years and categories: no mismatch, and most take the fast path", () => {
    const result = compareAneFastWithDecimal(100000, 14);
    expect(result.firstMismatch).toBeUndefined();
    expect(result.mismatches).toBe(0);
    expect(result.fast).toBeGreaterThan(30000);
    expect(result.fast).toBeLessThan(result.rows);
  });

  it("in one call of 20,000 items all in whole cents, every item takes the fast path", () => {
    const columns = randomAneItems(seeded(7), 20000, 0);
    // Whole cents below 10^13 dollars, and no asset whose book value is beyond the bound.
    const rand = seeded(8);
    columns.amount.forEach((_, i) => (columns.amount[i] = Math.round(rand() * 3e9) / 100));
    columns.bookValue.forEach((b, i) => (columns.bookValue[i] = Number.isNaN(b) ? b : Math.round(rand() * 3e9) / 100));
    columns.olvInPlaceValue.forEach((o, i) => (columns.olvInPlaceValue[i] = Number.isNaN(o) ? o : Math.round(rand() * 3e9) / 100));
    columns.cashReceived.forEach((c, i) => (columns.cashReceived[i] = Number.isNaN(c) ? c : Math.round(rand() * 3e9) / 100));
    expect(fastAneItemExclusions(columns).fastItems).toBe(20000);
  });
});

describe("the caps used up in date order, by counting or by a sort [1.1(c)]", () => {
  it.each([
    ["a few years (counted, one count a day)", 1500],
    ["more than 4,096 days beyond the items (a numeric sort)", 20000],
  ])("gives decimal.js's numbers when the dates span %s [1.1(c)]", (_what, span) => {
    // LIFO charges of $0.5–3.5 million against the $20,000,000 cap (it binds after a dozen, so the
    // order decides which are excluded), some on the same day, among charges of other categories.
    const rand = seeded(21);
    const categories: AneItemCategory[] = ["LIFO", "LIFO", "LIFO", "PENSIONSPECIAL", "PENSION"];
    for (let call = 0; call < 40; call++) {
      const items = Array.from({ length: 60 }, () => ({
        category: categories[Math.floor(rand() * categories.length)],
        date: serial(2004, 6, 1) + Math.floor(rand() * span),
        amount: Math.round(5e7 + rand() * 3e8) / 100,
      }));
      const exact = aneItemExclusions(aneItemsOf(columnsOf(items)));
      const { values, fast } = excluded(items);
      expect(fast).toBe(60);
      expect(values).toEqual(exact.map((x) => x.toNumber()));
    }
  });
});

describe("ADJNETEARNINGS on the fast path gives decimal.js's figures exactly [1.1(c)]", () => {
  it("over 500 random calls of 100 items, with and without a fiscal period: the same exact decimal strings", () => {
    const rand = seeded(15);
    const mismatches: string[] = [];
    for (let call = 0; call < 500; call++) {
      const columns = randomAneItems(rand, 100, [0, 0.01, 0.2][call % 3]);
      const year = 2003 + Math.floor(rand() * 5);
      const period = call % 2 === 0 ? {} : { periodStart: serial(year, 1, 1), periodEnd: serial(year, 12, 31) };
      const inputs = { netEarnings: dec(Math.round((rand() - 0.5) * 1e10) / 100), gains: [dec(150000.01), dec(150000)], ...period };
      const fast = fastAdjustedNetEarnings(inputs, columns);
      const exact = adjustedNetEarnings({ ...inputs, charges: aneItemsOf(columns) });
      for (const key of ["excludedCharges", "excludedEarnings", "total"] as const) {
        if (fast[key].toString() !== exact[key].toString()) mismatches.push(`call ${call} ${key}: fast ${fast[key].toString()}, decimal.js ${exact[key].toString()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("a period that ends before it starts is #NUM! on the fast path too (Reading R-ANE-PERIOD) [1.1(c)]", () => {
    expect(() => fastAdjustedNetEarnings({ netEarnings: dec(0), periodStart: serial(2005, 1, 1), periodEnd: serial(2004, 12, 31) }, columnsOf([]))).toThrow("before periodStart");
  });
});

describe("worked examples on the fast path [1.1(c)]", () => {
  it("the $20,000,000 LIFO cap is reached in the second charge, in date order, not the order given [1.1(c)(i)]", () => {
    const got = excluded([
      { category: "LIFO", date: serial(2004, 9, 30), amount: 8000000 },
      { category: "LIFO", date: serial(2004, 6, 30), amount: 15000000 },
    ]);
    expect(got).toEqual({ values: [5000000, 15000000], fast: 2 });
  });

  it("a LIFO charge dated May 31, 2004 is outside the window and uses no cap [1.1(c)(i)]", () => {
    expect(excluded([{ category: "LIFO", date: serial(2004, 5, 31), amount: 30000000 }, { category: "LIFO", date: serial(2004, 6, 1), amount: 30000000 }]).values).toEqual([0, 20000000]);
  });

  it("the $25,000,000 special pension cap starts again each Fiscal Year [1.1(c)(k)]", () => {
    const got = excluded([
      { category: "PENSIONSPECIAL", date: serial(2004, 12, 31), amount: 30000000 },
      { category: "PENSIONSPECIAL", date: serial(2005, 1, 1), amount: 30000000 },
    ]);
    expect(got.values).toEqual([25000000, 25000000]);
  });

  it("the $68,000,000 pension cap counts Fiscal Year 2004 only [1.1(c)(j)]", () => {
    expect(excluded([{ category: "PENSION", date: serial(2003, 12, 31), amount: 1 }, { category: "PENSION", date: serial(2004, 3, 1), amount: 70000000.01 }]).values).toEqual([0, 68000000]);
  });

  it("an impairment charge taking the book value $10,000,000 below the OLV In-Place Value keeps that part in net income [1.1(c)(l)]", () => {
    expect(excluded([{ category: "IMPAIRMENT", date: serial(2004, 10, 1), amount: 30000000, book: 100000000, olv: 80000000 }]).values).toEqual([20000000]);
  });

  it("a capital loss of $150,000.01 is added back, one of $150,000 is not [1.1(c)(a)]", () => {
    expect(excluded([{ category: "CAPITALLOSS", date: serial(2004, 10, 1), amount: 150000.01 }, { category: "CAPITALGAIN", date: serial(2004, 10, 1), amount: 150000 }]).values).toEqual([150000.01, 0]);
  });

  it("investee earnings of $5,000,000 with $1,000,000 received in cash: $1,000,000 above the $3,000,000 allowance [1.1(c)(d)]", () => {
    expect(excluded([{ category: "INVESTEE", date: serial(2004, 10, 1), amount: 5000000, cash: 1000000 }]).values).toEqual([1000000]);
  });

  it("a sub-cent charge sends its cap to decimal.js, the other caps stay on the fast path [1.1(c)]", () => {
    const got = excluded([
      { category: "LIFO", date: serial(2004, 7, 1), amount: 19999999.995 },
      { category: "LIFO", date: serial(2004, 8, 1), amount: 1 },
      { category: "BPA", date: serial(2004, 8, 1), amount: 1 },
    ]);
    expect(got).toEqual({ values: [19999999.995, 0.005, 1], fast: 1 });
  });

  it("an amount of 10^13 dollars is beyond the bound and goes to decimal.js [1.1(c)(n)(v)]", () => {
    expect(excluded([{ category: "ASBESTOS", date: serial(2004, 7, 1), amount: 1e13 }, { category: "ASBESTOS", date: serial(2004, 7, 1), amount: 1e13 - 0.01 }])).toEqual({ values: [1e13, 1e13 - 0.01], fast: 1 });
  });
});
