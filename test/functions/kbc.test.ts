import { serial } from "../../src/engine/dates";
import { kbcReimbursement, kbcTransferable } from "../../src/functions/kbc";
import { column, errorOf, only } from "../support/cells";

describe("KAISER.KBCREIMBURSEMENT as Excel calls it [9.2.14]", () => {
  it("gives 1,030,000 for 1,000,000 advanced on 2004-07-01 and reimbursed 2004-12-28 at a 4.5% Reference Rate [9.2.14]", () => {
    expect(only(kbcReimbursement([[serial(2004, 7, 1)]], [[1000000]], [[serial(2004, 12, 28)]], [[0.045]]))).toBe(1030000);
  });

  it("takes a Reference Rate series with its dates, and spills one result per reimbursement date [9.2.14]", () => {
    const rates = column([0.0425, 0.045, 0.0475]);
    const from = column([serial(2004, 6, 30), serial(2004, 8, 10), serial(2004, 9, 21)]);
    const result = kbcReimbursement([[serial(2004, 7, 15)]], [[2000000]], column([serial(2004, 7, 15), serial(2004, 10, 15)]), rates, from);
    expect(result[0][0]).toBe(2000000);
    expect(result[1][0]).toBeCloseTo(2030638.89, 2);
  });

  it("uses another day-count basis when given [9.2.14]", () => {
    expect(only(kbcReimbursement([[serial(2004, 7, 1)]], [[1000000]], [[serial(2004, 12, 28)]], [[0.045]], undefined, [[365]]))).toBeCloseTo(1029589.04, 2);
  });

  it("gives #VALUE! for several rates without their dates, and #N/A before the first rate date [9.2.14]", () => {
    expect(errorOf(only(kbcReimbursement([[serial(2004, 7, 1)]], [[1]], [[serial(2004, 8, 1)]], column([0.04, 0.05]))))?.code).toBe("#VALUE!");
    expect(errorOf(only(kbcReimbursement([[serial(2004, 7, 1)]], [[1]], [[serial(2004, 8, 1)]], [[0.04]], [[serial(2004, 7, 2)]])))?.code).toBe("#N/A");
  });

  it("gives #NUM! for a Reference Rate typed as a whole percentage [9.2.14]", () => {
    expect(errorOf(only(kbcReimbursement([[serial(2004, 7, 1)]], [[1]], [[serial(2004, 8, 1)]], [[4.75]])))?.code).toBe("#NUM!");
  });
});

describe("KAISER.KBCTRANSFERABLE as Excel calls it [9.2.18(ix)]", () => {
  it("gives the KBC Allocable Amount less the reimbursement, not below zero, element by element [9.2.18(ix)]", () => {
    expect(kbcTransferable(column([4500000, 4500000]), column([1030000, 5000000]))).toEqual([[3470000], [0]]);
  });

  it("gives #NUM! for a KBC Allocable Amount above $7,000,000 [9.2.18(ix)]", () => {
    expect(errorOf(only(kbcTransferable([[7500000]], [[0]])))?.code).toBe("#NUM!");
  });
});
