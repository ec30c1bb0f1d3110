import { dec } from "../../src/engine/decimal";
import {
  availability,
  availabilityReserve,
  borrowingBase,
  borrowingBaseLines,
  INVENTORY_LIMIT_LABEL,
  inventoryComponent,
  ppeBase,
  ppeSubcomponent,
  threshold,
} from "../../src/engine/borrowingBase";

describe("clause (b), the inventory component [1.1(f)(b)]", () => {
  it.each([
    // eligible inventory, NRP, expected, binding limit, why
    ["100000000", undefined, "65000000", "advanceRate", "65% of $100,000,000 is below the $125,000,000 cap"],
    ["192307692.30", undefined, "124999999.995", "advanceRate", "65% of Eligible Inventory just under the cap"],
    ["200000000", undefined, "125000000", "cap", "65% of $200,000,000 is $130,000,000, so the cap binds"],
    ["100000000", "0.70", "59500000", "netRecovery", "85% × 70% × $100,000,000 = $59,500,000 < $65,000,000"],
    ["100000000", "0.80", "65000000", "advanceRate", "85% × 80% = 68% > 65%, so 65% binds"],
    ["300000000", "0.90", "125000000", "cap", "all three: cap $125,000,000 < $195,000,000 < $229,500,000"],
  ])("Eligible Inventory %s with NRP %s gives %s (%s binds) [1.1(f)(b)]", (inventory, nrp, expected, binding, _why) => {
    const result = inventoryComponent(dec(inventory), nrp === undefined ? undefined : dec(nrp));
    expect(result.amount.toString()).toBe(expected);
    expect(result.binding).toBe(binding);
  });

  it("names the limit listed first when two are equal (Reading R-BINDING-TIE) [1.1(f)(b)]", () => {
    // With no Eligible Inventory, (B) 65% and (C) 85% of the NRP are both zero: (B) is listed first.
    const result = inventoryComponent(dec(0), dec("0.5"));
    expect(result.amount.toString()).toBe("0");
    expect(result.binding).toBe("advanceRate");
  });

  it("without an appraisal ignores the Net Recovery Percentage limit (clause (b)(i)) [1.1(f)(b)]", () => {
    expect(inventoryComponent(dec(100000000)).binding).toBe("advanceRate");
  });
});

describe("clause (c), the PPE Subcomponent [1.1(f)(c)]", () => {
  it.each([
    ["80000000", "0", "40000000", "50% of $80,000,000"],
    ["120000000", "0", "50000000", "the $50,000,000 cap binds"],
    ["120000000", "15000000", "35000000", "reduced by the PPE Subcomponent Reductions"],
    ["80000000", "45000000", "0", "reductions past zero stop at zero"],
    ["0", "0", "0", "no fixed assets"],
  ])("OLV %s less reductions %s gives %s (%s) [1.1(f)(c)]", (olv, reductions, expected, _why) => {
    expect(ppeSubcomponent(dec(olv), dec(reductions)).toString()).toBe(expected);
  });

  it("before reductions is the lesser of $50,000,000 and 50% of OLV In-Place Value [1.1(f)(c)]", () => {
    expect(ppeBase(dec(99999999)).toString()).toBe("49999999.5");
  });
});

describe("the Borrowing Base, (a) + (b) + (c) [1.1(f)]", () => {
  it("adds the three clauses [1.1(f)]", () => {
    const bb = borrowingBase({ receivablesComponent: dec(150000000), eligibleInventory: dec(200000000), olvInPlaceValue: dec(80000000) });
    expect(bb.clauseB.amount.toString()).toBe("125000000");
    expect(bb.clauseC.toString()).toBe("40000000");
    expect(bb.total.toString()).toBe("315000000");
  });

  it("is exact in cents where floating point is not [1.1(f)]", () => {
    const bb = borrowingBase({ receivablesComponent: dec("0.1"), eligibleInventory: dec("0.3"), olvInPlaceValue: dec("0.7") });
    // 0.1 + 0.65 × 0.3 + 0.5 × 0.7 = 0.1 + 0.195 + 0.35
    expect(bb.total.toString()).toBe("0.645");
  });
});

describe("the Availability Reserve [1.1(e)]", () => {
  it("is $20,000,000 at the default $200,000,000 commitment [1.1(e), 1.2]", () => {
    expect(availabilityReserve().toString()).toBe("20000000");
  });
  it("is 10% of a smaller commitment [1.1(e)]", () => {
    expect(availabilityReserve(dec(150000000)).toString()).toBe("15000000");
  });
  it("is capped at $20,000,000 for a larger commitment [1.1(e)]", () => {
    expect(availabilityReserve(dec(285000000)).toString()).toBe("20000000");
  });
});

describe("availability (Reading R-AVAILABILITY) [1.1(e)]", () => {
  it("is Borrowing Base less the reserve less outstandings [1.1(e)]", () => {
    // min(200,000,000, 180,000,000 − 20,000,000) − 150,000,000
    expect(availability(dec(180000000), dec(150000000)).toString()).toBe("10000000");
  });
  it("is limited by the Revolving Commitment Amount [1.2]", () => {
    // min(200,000,000, 400,000,000 − 20,000,000) − 50,000,000
    expect(availability(dec(400000000), dec(50000000)).toString()).toBe("150000000");
  });
  it("is negative in an overadvance [1.1(e)]", () => {
    expect(availability(dec(100000000), dec(95000000), dec(1000000)).toString()).toBe("-16000000");
  });
});

describe("the Threshold [1.1(aa)]", () => {
  it("is 85% of clauses (a) plus (b) [1.1(aa)]", () => {
    expect(threshold(dec(150000000), dec(125000000)).toString()).toBe("233750000");
  });
  it("refuses an inventory component above the $125,000,000 cap, Eligible Inventory passed by mistake [1.1(aa), 1.1(f)(b)]", () => {
    expect(() => threshold(dec(150000000), dec("125000000.01"))).toThrow(/above the \$125,000,000 cap of clause \(b\)/);
  });
});

describe("edge cases", () => {
  it("makes clause (b) zero for a Net Recovery Percentage of 0, naming (C) [1.1(f)(b)]", () => {
    const result = inventoryComponent(dec(100000000), dec(0));
    expect(result.amount.toString()).toBe("0");
    expect(result.binding).toBe("netRecovery");
  });
  it("lets 65% bind over 85% of a 100% Net Recovery Percentage [1.1(f)(b)]", () => {
    // 85% × 100% = 85% > 65%
    expect(inventoryComponent(dec(100000000), dec(1)).binding).toBe("advanceRate");
  });
  it("leaves zero when the reductions equal the PPE base exactly [1.1(f)(c)]", () => {
    expect(ppeSubcomponent(dec(80000000), dec(40000000)).toString()).toBe("0");
  });
  it("with no Revolving Commitment Amount has no reserve, and availability is less the outstandings [1.1(e), 1.2]", () => {
    expect(availabilityReserve(dec(0)).toString()).toBe("0");
    expect(availability(dec(100000000), dec(10000000), dec(0), dec(0)).toString()).toBe("-10000000");
  });
});

describe("the Borrowing Base worked clause by clause [1.1(f)]", () => {
  it("labels each line with its section and names the binding limit once: $125,000,000 cap, then 310,000,000 after $5,000,000 of reductions [1.1(f)]", () => {
    const lines = borrowingBaseLines({ receivablesComponent: dec(150000000), eligibleInventory: dec(200000000), olvInPlaceValue: dec(80000000), ppeSubcomponentReductions: dec(5000000) }, dec(200000000));
    expect(lines.map((l) => [l.label, l.amount.toString()])).toEqual([
      ["Receivables (a) [1.1(f)]", "150000000"],
      ["Inventory (b): $125,000,000 cap binds [1.1(f)(b)]", "125000000"],
      ["PPE base: lesser of $50,000,000 and 50% of OLV In-Place Value [1.1(f)(c)]", "40000000"],
      ["Less PPE Subcomponent Reductions [1.1(t)]", "-5000000"],
      ["PPE Subcomponent (c), not below zero [1.1(f)(c)]", "35000000"],
      ["Borrowing Base (a)+(b)+(c) [1.1(f)]", "310000000"],
      ["Threshold: 85% of (a)+(b) [1.1(aa)]", "233750000"],
      ["Availability Reserve [1.1(e)]", "20000000"],
      ["Availability, signed (reading) [1.1(e)]", "0"],
      ["Headroom to the Threshold, signed [1.1(aa)]", "33750000"],
    ]);
  });

  it("words the three limits of clause (b) from the terms [1.1(f)(b)]", () => {
    expect(INVENTORY_LIMIT_LABEL).toEqual({ cap: "$125,000,000 cap binds", advanceRate: "65% of Eligible Inventory binds", netRecovery: "85% of the Net Recovery Percentage binds" });
  });
});
