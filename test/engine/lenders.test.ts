import { kindOf } from "../support/engineErrors";
import { dec, Dec, ZERO } from "../../src/engine/decimal";
import { amendmentFee } from "../../src/engine/fees";
import { allocate, LENDERS, proRataShares, scheduleACommitments } from "../../src/engine/lenders";

function sum(values: readonly Dec[]): Dec {
  return values.reduce((a, b) => a.plus(b), ZERO);
}

function strings(values: readonly Dec[]): string[] {
  return values.map((v) => v.toString());
}

describe("Schedule A [Schedule A]", () => {
  it("lists the seven Lenders in the schedule's order with their commitments [Schedule A]", () => {
    expect(LENDERS.map((l) => l.name)).toEqual([
      "Bank of America, N.A.",
      "General Electric Capital Corporation",
      "The CIT Group/Business Credit, Inc.",
      "Wells Fargo Foothill, Inc. (fka Foothill Capital Corporation)",
      "Merrill Lynch Business Financial Services Inc.",
      "GMAC Commercial Finance LLC",
      "PNC Bank, National Association",
    ]);
    expect(strings(scheduleACommitments())).toEqual(["38597000", "38597000", "28070000", "31578000", "24562000", "21052000", "17544000"]);
  });

  it("has commitments that add up to $200,000,000, the Revolving Commitment Amount [Schedule A, 1.2]", () => {
    expect(sum(scheduleACommitments()).toString()).toBe("200000000");
  });

  it("has shares that add up to 100% exactly (Reading R-LENDER-SHARES) [Schedule A]", () => {
    expect(sum(proRataShares()).toString()).toBe("1");
  });

  it.each([
    // Schedule A's PERCENTAGE column, as printed, in its order
    ["Bank of America, N.A.", "19.2985%", 0],
    ["General Electric Capital Corporation", "19.2985%", 1],
    ["The CIT Group/Business Credit, Inc.", "14.0350%", 2],
    ["Wells Fargo Foothill, Inc. (fka Foothill Capital Corporation)", "15.7890%", 3],
    ["Merrill Lynch Business Financial Services Inc.", "12.2810%", 4],
    ["GMAC Commercial Finance LLC", "10.5260%", 5],
    ["PNC Bank, National Association", "8.7720%", 6],
  ] as const)("computes %s's share as the printed %s [Schedule A]", (name, printed, i) => {
    expect(LENDERS[i].name).toBe(name);
    expect(`${proRataShares()[i].times(100).toFixed(4)}%`).toBe(printed);
    // The printed percentage is the exact share, not a rounding of it.
    expect(proRataShares()[i].times(100).toString()).toBe(dec(printed.replace("%", "")).toString());
  });
});

describe("the allocation of an amount among the Lenders (Reading R-ALLOCATION) [Schedule A, 5(d)]", () => {
  it("allocates the amendment fee: Bank of America gets $337,723.75 and the shares add up to $1,750,000.00 [5(d), Schedule A]", () => {
    const shares = allocate(amendmentFee());
    expect(shares[0].toString()).toBe("337723.75");
    expect(strings(shares)).toEqual(["337723.75", "337723.75", "245612.5", "276307.5", "214917.5", "184205", "153510"]);
    expect(sum(shares).toFixed(2)).toBe("1750000.00");
  });

  it.each([
    // amount, expected shares, why
    ["0.01", ["0.01", "0", "0", "0", "0", "0", "0"], "one cent: Bank of America and GE Capital tie on the largest remainder; the first listed gets it"],
    ["0.02", ["0.01", "0.01", "0", "0", "0", "0", "0"], "two cents: both tied Lenders"],
    ["0.03", ["0.01", "0.01", "0", "0.01", "0", "0", "0"], "three cents: the third goes to Wells Fargo Foothill's larger remainder, not to CIT listed before it"],
  ])("allocates %s as %j (%s) [Schedule A]", (amount, expected, _why) => {
    expect(strings(allocate(dec(amount)))).toEqual(expected);
  });

  it("gives a tie among equal commitments to the Lender listed first [Schedule A]", () => {
    expect(strings(allocate(dec(100), [dec(1), dec(1), dec(1)]))).toEqual(["33.34", "33.33", "33.33"]);
    expect(strings(allocate(dec(100), [dec(1), dec(2), dec(1), dec(2)]))).toEqual(["16.67", "33.33", "16.67", "33.33"]);
  });

  it("gives the leftover cents to the largest remainders, not the largest commitments [Schedule A]", () => {
    // 1.00 over 0.1 and 0.2: exact shares 0.333… and 0.666…; the leftover cent goes to the second.
    expect(strings(allocate(dec(1), [dec("0.1"), dec("0.2")]))).toEqual(["0.33", "0.67"]);
  });

  it("rounds the amount to cents first, half up [Schedule A]", () => {
    expect(sum(allocate(dec("100.005"))).toString()).toBe("100.01");
    expect(sum(allocate(dec("100.004"))).toString()).toBe("100");
  });

  it("adds up exactly for a thousand odd amounts [Schedule A]", () => {
    for (let i = 0; i < 1000; i++) {
      const amount = dec(i).times("1234.57").plus("0.01");
      const shares = allocate(amount);
      expect(sum(shares).toString()).toBe(amount.toString());
      for (const s of shares) expect(s.decimalPlaces()).toBeLessThanOrEqual(2);
    }
  });

  it("allocates over the commitments given instead of Schedule A's [Schedule A]", () => {
    expect(strings(allocate(dec(1000), [dec(3), dec(1)]))).toEqual(["750", "250"]);
  });
});

describe("edge cases", () => {
  it("gives a Lender with no commitment nothing [Schedule A]", () => {
    expect(strings(allocate(dec("0.05"), [dec(1), dec(0), dec(1)]))).toEqual(["0.03", "0", "0.02"]);
  });

  it("allocates over 200,000 commitments given without running out of stack [Schedule A]", () => {
    const shares = allocate(dec("2000.01"), Array.from({ length: 200000 }, (_, i) => (i === 0 ? dec("0.5") : dec(1))));
    // 200,001 cents over weights 0.5, 1, 1, … (199,999.5 in all): the whole cents give 0 to the first and 1 to
    // each other (199,999 cents); of the 2 left, one goes to the first's remainder of 0.50000375 cents and one
    // to the largest of the tied remainders of 0.0000075, the second Lender, listed first among them.
    expect(sum(shares).toString()).toBe("2000.01");
    expect(strings(shares.slice(0, 3))).toEqual(["0.01", "0.02", "0.01"]);
  });

  it("allocates zero as zeros [Schedule A]", () => {
    expect(strings(allocate(ZERO))).toEqual(["0", "0", "0", "0", "0", "0", "0"]);
  });

  it.each([
    ["a negative amount", () => allocate(dec(-1))],
    ["a negative commitment", () => allocate(dec(1), [dec(1), dec(-1)])],
    ["commitments that are all zero", () => allocate(dec(1), [ZERO, ZERO])],
    ["no commitments", () => allocate(dec(1), [])],
    ["shares of commitments that are all zero", () => proRataShares([ZERO])],
  ])("is #NUM! for %s [Schedule A]", (_what, f) => {
    expect(kindOf(f)).toBe("num");
  });
});
