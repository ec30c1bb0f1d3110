import { CASES, compareFastWithDecimal } from "../../bench/exactRows";
import { dec } from "../../src/engine/decimal";
import { borrowingBase, inventoryComponent } from "../../src/engine/borrowingBase";
import * as fast from "../../src/engine/exactFast";
import { term } from "../../src/engine/terms";

describe("the exact fast path gives decimal.js's numbers, bit for bit", () => {
  // Fixed seed: the same 100,000 rows every run, mixing whole dollars, cents, sub-cent values, values
  // near and beyond the bound, and the amendment's caps and floors exactly (bench/exactRows.ts).
  it.each(Object.keys(CASES))("%s over 100,000 random rows: no mismatch, and the fast path answers some rows", (name) => {
    const result = compareFastWithDecimal(name, 100000, 14);
    expect(result.firstMismatch).toBeUndefined();
    expect(result.mismatches).toBe(0);
    expect(result.fast).toBeGreaterThan(10000);
    expect(result.fast).toBeLessThan(result.rows);
  });
});

describe("worked examples on the fast path", () => {
  it.each([
    ["the Borrowing Base 150,000,000 + 125,000,000 + 40,000,000 [1.1(f)]", fast.fastBorrowingBase(150000000, 200000000, 80000000, undefined, 0), 315000000],
    ["the Borrowing Base with NRP 70%: (b) is 85% × 70% × 100,000,000 [1.1(f)(b)]", fast.fastBorrowingBase(0, 100000000, 0, { units: 70, places: 2 }, 0), 59500000],
    ["clause (b) 65% of 192,307,692.30 just under the cap [1.1(f)(b)]", fast.fastInventoryComponent(192307692.3, undefined), 124999999.995],
    ["the PPE Subcomponent 40,000,000 less 15,000,000 [1.1(f)(c)]", fast.fastPpeSubcomponent(80000000, 15000000), 25000000],
    ["the Threshold 85% of 275,000,000 [1.1(aa)]", fast.fastThreshold(150000000, 125000000), 233750000],
    ["the Availability Reserve at the $200,000,000 commitment [1.1(e)]", fast.fastAvailabilityReserve(200000000), 20000000],
    ["Availability 200,000,000 less 150,000,000 [1.1(e)]", fast.fastAvailability(315000000, 150000000, 0, 200000000), 50000000],
    ["an overadvance is negative [1.1(e)]", fast.fastAvailability(100000000, 150000000, 0, 200000000), -70000000],
    ["the amendment fee 0.00875 × 200,000,000 [5(d)]", fast.fastAmendmentFee(200000000), 1750000],
    ["the commitment fee 0.625% × 100,000,000 × 90/360 [1.3]", fast.fastCommitmentFee(100000000, 90, 360), 156250],
    ["the commitment fee over 365 days, not a whole number of cents [1.3]", fast.fastCommitmentFee(100000000, 1, 365), dec(100000000).times("0.00625").dividedBy(365).toNumber()],
  ])("%s", (_label, got, expected) => {
    expect(got).toBe(expected);
  });

  it("the appraisal trigger: 240,000,001 exceeds 80% of 300,000,000, 240,000,000 does not [9.1.18(b)]", () => {
    expect(fast.fastAppraisalTrigger(240000001, 300000000)).toBe(true);
    expect(fast.fastAppraisalTrigger(240000000, 300000000)).toBe(false);
  });
});

describe("edge cases: the bound of exactness", () => {
  it("reads whole cents below 10^13 dollars and refuses 10^13 and above (15 significant digits)", () => {
    expect(fast.cents(9999999999999.99)).toBe(999999999999999);
    expect(fast.cents(1e13)).toBe(-1);
    expect(fast.cents(2 ** 53)).toBe(-1);
  });

  it("refuses what decimal.js reads otherwise: 0.1 + 0.2, a tenth of a cent, −0, negatives, text, NaN", () => {
    expect(fast.cents(0.1 + 0.2)).toBe(-1);
    expect(fast.cents(1.001)).toBe(-1);
    expect(fast.cents(-0)).toBe(-1);
    expect(fast.cents(-1)).toBe(-1);
    expect(fast.cents("5")).toBe(-1);
    expect(fast.cents(NaN)).toBe(-1);
    expect(fast.cents(0)).toBe(0);
  });

  it("reads a fraction at 2, 4 or 6 places and refuses one outside 0..1 or with more places", () => {
    expect(fast.exactFraction(0.72)).toEqual({ units: 72, places: 2 });
    expect(fast.exactFraction(0.7235)).toEqual({ units: 7235, places: 4 });
    expect(fast.exactFraction(0.723)).toEqual({ units: 7230, places: 4 });
    expect(fast.exactFraction(1)).toEqual({ units: 100, places: 2 });
    expect(fast.exactFraction(0.1234567)).toBeUndefined();
    expect(fast.exactFraction(1.5)).toBeUndefined();
    expect(fast.exactFraction(1 / 3)).toBeUndefined();
  });

  it("leaves a clause (b) above its cap to the decimal path, which answers #NUM! [1.1(aa)]", () => {
    expect(fast.fastThreshold(0, term("inventoryCap").toNumber() + 0.01)).toBeUndefined();
  });

  it("leaves a Net Recovery Percentage product beyond 2^53 to the decimal path, and matches it below [1.1(f)(b)]", () => {
    // 85% × 72.3456% × 200,000,000 at scale 10^-10 needs more than 53 bits; with 2 places it fits.
    expect(fast.fastInventoryComponent(200000000, { units: 723456, places: 6 })).toBeUndefined();
    expect(fast.fastInventoryComponent(200000000, { units: 72, places: 2 })).toBe(inventoryComponent(dec(200000000), dec("0.72")).amount.toNumber());
    expect(fast.fastBorrowingBase(1, 200000000, 0, { units: 72, places: 2 }, 0)).toBe(
      borrowingBase({ receivablesComponent: dec(1), eligibleInventory: dec(200000000), olvInPlaceValue: dec(0), netRecoveryPercentage: dec("0.72") }).total.toNumber(),
    );
  });

  it("takes every rate from the terms table as integer units over a power of ten", () => {
    expect(fast.exactRate("inventoryAdvanceRate")).toEqual({ units: 65, places: 2 });
    expect(fast.exactRate("amendmentFeeFactor")).toEqual({ units: 875, places: 5 });
    expect(fast.termCents("inventoryCap")).toBe(12500000000);
  });
});
