import {
  availability,
  availabilityReserve,
  borrowingBase,
  borrowingBaseDetail,
  inventoryComponent,
  ppeSubcomponent,
  threshold,
} from "../../src/functions/borrowingBase";
import { column, errorCell, errorOf, only } from "../support/cells";

describe("KAISER.INVENTORYCOMPONENT as Excel calls it [1.1(f)(b)]", () => {
  it("takes a single value [1.1(f)(b)]", () => {
    expect(only(inventoryComponent(200000000 as never))).toBe(125000000);
  });
  it("takes a 1×1 range [1.1(f)(b)]", () => {
    expect(inventoryComponent([[100000000]], [[0.7]])).toEqual([[59500000]]);
  });
  it("treats a blank Net Recovery Percentage as no appraisal [1.1(f)(b)]", () => {
    expect(inventoryComponent([[100000000]], [[null]])).toEqual([[65000000]]);
    expect(inventoryComponent([[100000000]], [[""]])).toEqual([[65000000]]);
  });
  it("gives #NUM! for a negative Eligible Inventory [1.1(f)(b)]", () => {
    expect(errorOf(only(inventoryComponent([[-1]])))?.code).toBe("#NUM!");
  });
  it("gives #NUM! for a Net Recovery Percentage outside 0..1, e.g. 72 typed for 72% [1.1(f)(b)]", () => {
    expect(errorOf(only(inventoryComponent([[100]], [[72]])))?.code).toBe("#NUM!");
  });
  it("gives #VALUE! naming the argument for text such as \"1,000\" [1.1(f)(b)]", () => {
    const e = errorOf(only(inventoryComponent([["1,000"]])));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("eligibleInventory");
    expect(e?.message).toContain("1,000");
  });
  it("gives #VALUE! for a blank required argument, never 0 [1.1(f)(b)]", () => {
    expect(errorOf(only(inventoryComponent([[null]])))?.code).toBe("#VALUE!");
  });
  it("gives #VALUE! for TRUE [1.1(f)(b)]", () => {
    expect(errorOf(only(inventoryComponent([[true]])))?.code).toBe("#VALUE!");
  });
});

describe("KAISER.BORROWINGBASE over ranges [1.1(f)]", () => {
  it("works element by element; a bad element errs in its own cell only [1.1(f)]", () => {
    const result = borrowingBase(column([150000000, 150000000, "n/a", 150000000]), column([200000000, -5, 100000000, errorCell()]), [[80000000]]);
    expect(result[0][0]).toBe(315000000);
    expect(errorOf(result[1][0])?.code).toBe("#NUM!");
    expect(errorOf(result[2][0])?.code).toBe("#VALUE!");
    expect(errorOf(result[2][0])?.message).toContain("receivablesComponent");
    expect(errorOf(result[3][0])?.code).toBe("#VALUE!");
    expect(errorOf(result[3][0])?.message).toContain("#DIV/0!");
  });

  it("gives one #VALUE! for ranges of different shapes [1.1(f)]", () => {
    const e = errorOf(only(borrowingBase(column([1, 2, 3]), column([1, 2]), [[1]])));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("same shape");
  });

  it("computes 10,000 rows in one call, each exact [1.1(f)]", () => {
    const n = 10000;
    const receivables = column(Array.from({ length: n }, (_, i) => i));
    const result = borrowingBase(receivables, [[200000000]], [[80000000]], [[null]], column(Array.from({ length: n }, () => 40000000)));
    expect(result.length).toBe(n);
    // (a) = i, (b) = 125,000,000, (c) = max(0, 40,000,000 − 40,000,000) = 0
    expect(result[0][0]).toBe(125000000);
    expect(result[9999][0]).toBe(125009999);
  });

  it("works across a row as well as down a column [1.1(f)]", () => {
    expect(borrowingBase([[1, 2]], [[0, 0]], [[0, 0]])).toEqual([[1, 2]]);
  });
});

describe("KAISER.PPESUBCOMPONENT, AVAILABILITYRESERVE, AVAILABILITY, THRESHOLD [1.1(f)(c), 1.1(e), 1.1(aa)]", () => {
  it("reduces the PPE Subcomponent but never below zero [1.1(f)(c)]", () => {
    expect(ppeSubcomponent(column([80000000, 80000000]), column([15000000, 60000000]))).toEqual([[25000000], [0]]);
  });
  it("defaults the Revolving Commitment Amount to $200,000,000 [1.1(e), 1.2]", () => {
    expect(only(availabilityReserve())).toBe(20000000);
    expect(only(availabilityReserve([[null]]))).toBe(20000000);
    expect(only(availabilityReserve([[100000000]]))).toBe(10000000);
  });
  it("returns an overadvance as a negative number [1.1(e)]", () => {
    expect(only(availability([[100000000]], [[95000000]]))).toBe(-15000000);
  });
  it("computes the Threshold at 85% of (a) + (b) [1.1(aa)]", () => {
    expect(only(threshold([[150000000]], [[125000000]]))).toBe(233750000);
    expect(errorOf(only(threshold([[150000000]], [[200000000]])))?.code).toBe("#NUM!");
  });
});

describe("KAISER.BORROWINGBASEDETAIL [1.1(f)]", () => {
  it("spills labelled rows with sections, naming the binding limit [1.1(f)(b)]", () => {
    const rows = borrowingBaseDetail(150000000, 200000000, 80000000, null, 5000000, 200000000);
    expect(rows).toEqual([
      ["Receivables (a) [1.1(f)]", 150000000],
      ["Inventory (b): $125,000,000 cap binds [1.1(f)(b)]", 125000000],
      ["PPE base: lesser of $50,000,000 and 50% of OLV In-Place Value [1.1(f)(c)]", 40000000],
      ["Less PPE Subcomponent Reductions [1.1(t)]", -5000000],
      ["PPE Subcomponent (c), not below zero [1.1(f)(c)]", 35000000],
      ["Borrowing Base (a)+(b)+(c) [1.1(f)]", 310000000],
      ["Threshold: 85% of (a)+(b) [1.1(aa)]", 233750000],
      ["Availability Reserve [1.1(e)]", 20000000],
      ["Availability, signed (reading) [1.1(e)]", 0],
      ["Headroom to the Threshold, signed [1.1(aa)]", 33750000],
    ]);
  });
  it("names 85% of the Net Recovery Percentage when it binds, and leaves out availability without outstandings [1.1(f)(b)]", () => {
    const rows = borrowingBaseDetail(0, 100000000, 0, 0.5);
    expect(rows[1]).toEqual(["Inventory (b): 85% of the Net Recovery Percentage binds [1.1(f)(b)]", 42500000]);
    expect(rows.length).toBe(8);
  });
  it("shows no reductions as 0, not -0 [1.1(t)]", () => {
    expect(borrowingBaseDetail(0, 0, 0)[3]).toEqual(["Less PPE Subcomponent Reductions [1.1(t)]", 0]);
  });
  it("gives one error for bad input [1.1(f)]", () => {
    expect(errorOf(only(borrowingBaseDetail("x", 1, 1)))?.code).toBe("#VALUE!");
  });
});
