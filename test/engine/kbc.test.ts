import { kindOf } from "../support/engineErrors";
import { dec } from "../../src/engine/decimal";
import { serialFromIso } from "../../src/engine/dates";
import { kbcReimbursement, kbcTransferable } from "../../src/engine/kbc";

const d = serialFromIso;

describe("the reimbursement of KBC's Professional Fees (Readings R-KBC-INTEREST, R-KBC-DAYCOUNT) [9.2.14]", () => {
  it("adds simple interest at the Reference Rate plus 1½%: 1,000,000 from 2004-07-01 to 2004-12-28 at 4.5% + 1.5% over 180/360 is 1,030,000 [9.2.14]", () => {
    expect(kbcReimbursement([{ date: d("2004-07-01"), amount: dec(1000000) }], d("2004-12-28"), [{ rate: dec("0.045") }]).toString()).toBe("1030000");
  });

  it("takes the Reference Rate from time to time in effect: 26 days at 5.75%, 42 at 6.00% and 24 at 6.25% on 2,000,000 [9.2.14]", () => {
    const rates = [
      { from: d("2004-06-30"), rate: dec("0.0425") },
      { from: d("2004-08-10"), rate: dec("0.045") },
      { from: d("2004-09-21"), rate: dec("0.0475") },
    ];
    // 2,000,000 × (26 × 0.0575 + 42 × 0.06 + 24 × 0.0625) / 360 = 2,000,000 × 5.515 / 360 = 30,638.888…
    const result = kbcReimbursement([{ date: d("2004-07-15"), amount: dec(2000000) }], d("2004-10-15"), rates);
    expect(result.toDecimalPlaces(10).toString()).toBe("2030638.8888888889");
  });

  it("sums several advances, each from its own date; an advance repaid the day it is made bears no interest [9.2.14]", () => {
    const advances = [
      { date: d("2004-07-01"), amount: dec(1000000) },
      { date: d("2004-12-28"), amount: dec(500000) },
    ];
    expect(kbcReimbursement(advances, d("2004-12-28"), [{ rate: dec("0.045") }]).toString()).toBe("1530000");
  });

  it("counts actual days over another basis when given: 365 gives 1,000,000 × 6% × 180/365 [9.2.14]", () => {
    const result = kbcReimbursement([{ date: d("2004-07-01"), amount: dec(1000000) }], d("2004-12-28"), [{ rate: dec("0.045") }], 365);
    expect(result.toString()).toBe(dec(1000000).plus(dec(1000000).times("0.06").times(180).dividedBy(365)).toString());
  });
});

describe("what KBC may transfer to AJI and/or KJC (Reading R-KBC-TRANSFER) [9.2.18(ix)]", () => {
  it.each([
    ["4500000", "1030000", "3470000", "the KBC Allocable Amount less the reimbursement"],
    ["4500000", "5000000", "0", "a reimbursement above it leaves nothing, not a negative transfer"],
    ["7000000", "0", "7000000", "the whole $7,000,000 cap when nothing is owed"],
  ])("%s less %s transfers %s (%s) [9.2.18(ix)]", (allocable, reimbursement, expected, _why) => {
    expect(kbcTransferable(dec(allocable), dec(reimbursement)).toString()).toBe(expected);
  });

  it("is #NUM! for a KBC Allocable Amount above $7,000,000 [9.2.18(ix)]", () => {
    expect(kindOf(() => kbcTransferable(dec("7000000.01"), dec(0)))).toBe("num");
  });
});

describe("edge cases", () => {
  const one = [{ date: d("2004-07-01"), amount: dec(1) }];
  it("is #NUM! for an advance after the reimbursement date, a negative advance or a rate above 1 [9.2.14]", () => {
    expect(kindOf(() => kbcReimbursement(one, d("2004-06-30"), [{ rate: dec("0.05") }]))).toBe("num");
    expect(kindOf(() => kbcReimbursement([{ date: d("2004-07-01"), amount: dec(-1) }], d("2004-08-01"), [{ rate: dec("0.05") }]))).toBe("num");
    expect(kindOf(() => kbcReimbursement(one, d("2004-08-01"), [{ rate: dec("4.75") }]))).toBe("num");
  });

  it("is #N/A when no Reference Rate is in effect on an advance's date, and #VALUE! for rate dates not ascending or no rate [9.2.14]", () => {
    expect(kindOf(() => kbcReimbursement(one, d("2004-08-01"), [{ from: d("2004-07-02"), rate: dec("0.05") }]))).toBe("na");
    expect(kindOf(() => kbcReimbursement(one, d("2004-08-01"), [{ from: d("2004-07-02"), rate: dec("0.05") }, { from: d("2004-07-01"), rate: dec("0.05") }]))).toBe("value");
    expect(kindOf(() => kbcReimbursement(one, d("2004-08-01"), []))).toBe("value");
  });

  it("gives 0 for no advances [9.2.14]", () => {
    expect(kbcReimbursement([], d("2004-08-01"), [{ rate: dec("0.05") }]).toString()).toBe("0");
  });
});
