import { amendmentFee } from "../../src/functions/fees";
import { lenderAllocation, lenders } from "../../src/functions/lenders";
import { column, errorCell, errorOf, only } from "../support/cells";

describe("KAISER.LENDERS [Schedule A]", () => {
  it("spills Schedule A with a header row [Schedule A]", () => {
    const table = lenders();
    expect(table[0]).toEqual(["lender", "commitment", "pro rata share"]);
    expect(table.length).toBe(8);
    expect(table[1]).toEqual(["Bank of America, N.A.", 38597000, 0.192985]);
    expect(table[7]).toEqual(["PNC Bank, National Association", 17544000, 0.08772]);
  });

  it("has commitments that add up to $200,000,000 [Schedule A]", () => {
    const total = lenders()
      .slice(1)
      .reduce((a, row) => a + (row[1] as number), 0);
    expect(total).toBe(200000000);
  });
});

describe("KAISER.LENDERALLOCATION as Excel calls it [Schedule A, 5(d)]", () => {
  it("allocates KAISER.AMENDMENTFEE() across one row, Bank of America first with $337,723.75 [5(d), Schedule A]", () => {
    const row = lenderAllocation(amendmentFee());
    expect(row).toEqual([[337723.75, 337723.75, 245612.5, 276307.5, 214917.5, 184205, 153510]]);
  });

  it("gives one row per amount in a column [Schedule A]", () => {
    const result = lenderAllocation(column([0.01, 0.03]));
    expect(result).toEqual([
      [0.01, 0, 0, 0, 0, 0, 0],
      [0.01, 0.01, 0, 0.01, 0, 0, 0],
    ]);
  });

  it("allocates over the commitments given, a column or a row, in their order [Schedule A]", () => {
    expect(lenderAllocation([[100]], column([1, 1, 1]))).toEqual([[33.34, 33.33, 33.33]]);
    expect(lenderAllocation([[100]], [[1, 2, 1]])).toEqual([[25, 50, 25]]);
  });

  it("uses Schedule A when commitments are blank [Schedule A]", () => {
    expect(lenderAllocation([[1750000]], [[null]])[0][0]).toBe(337723.75);
  });

  it("fills the row of a bad amount with its error and computes the others [Schedule A]", () => {
    const result = lenderAllocation(column([100, -1, "x"]), column([1, 1]));
    expect(result[0]).toEqual([50, 50]);
    expect(result[1].map((c) => errorOf(c)?.code)).toEqual(["#NUM!", "#NUM!"]);
    expect(result[2].map((c) => errorOf(c)?.code)).toEqual(["#VALUE!", "#VALUE!"]);
  });

  it("gives #NUM! for commitments that are negative or all zero [Schedule A]", () => {
    expect(errorOf(lenderAllocation([[100]], column([1, -1]))[0][0])?.code).toBe("#NUM!");
    expect(errorOf(lenderAllocation([[100]], column([0, 0]))[0][0])?.code).toBe("#NUM!");
  });

  it("gives one #VALUE! naming the row for an error or text among the commitments [Schedule A]", () => {
    const e = errorOf(only(lenderAllocation([[100]], column([1, errorCell()]))));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("commitments row 2");
  });

  it("computes 10,000 amounts in one call, each row adding up to its amount [Schedule A]", () => {
    const amounts = Array.from({ length: 10000 }, (_, i) => Math.round(i * 123456.789) / 100);
    const result = lenderAllocation(column(amounts));
    expect(result.length).toBe(10000);
    for (let i = 0; i < amounts.length; i += 997) {
      const cents = (result[i] as number[]).reduce((a, b) => a + Math.round(b * 100), 0);
      expect(cents).toBe(Math.round(amounts[i] * 100));
    }
  });
});

describe("edge cases", () => {
  it("gives #VALUE! for a blank amount, never 0 [Schedule A]", () => {
    expect(errorOf(lenderAllocation([[null]])[0][0])?.code).toBe("#VALUE!");
  });

  it("gives #VALUE! for amounts in a row, which would have nowhere to spill [Schedule A]", () => {
    expect(errorOf(only(lenderAllocation([[1, 2]])))?.code).toBe("#VALUE!");
  });
});

describe("KAISER.LENDERALLOCATION and the size of a result Excel can receive [Schedule A, RUNTIME.md Size]", () => {
  it("answers 250,000 amounts with one #VALUE! naming the 7 columns of the spill, not the amounts' one column", () => {
    const amounts = Array.from({ length: 250000 }, (_, i) => [1000000 + i]);
    expect(errorOf(only(lenderAllocation(amounts)))).toEqual({ code: "#VALUE!", message: "the result is 250,000 rows × 7 columns, too large for Excel to receive; split the range" });
  });
});
