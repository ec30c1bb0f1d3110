import { dec } from "../../src/engine/decimal";
import { guarantorOf, NOT_LIMITED, recourseCap } from "../../src/engine/guaranty";

const cap = (g: string, settled: boolean, plan?: boolean) => {
  const r = recourseCap(g, { settlementEffectiveDateOccurred: settled, subsidiaryPlanEffective: plan });
  return typeof r === "string" ? r : r.toString();
};

describe("the limits on recourse of Section 2.11 of the Subsidiary Guaranties (Reading R-RECOURSE-CAP) [Subsidiary Guaranties 2.11]", () => {
  it.each([
    ["AJI", false, undefined, "20000000", "2.11(a): the ALPART Claims, jointly with KJC, at all times"],
    ["KJC", true, true, "20000000", "2.11(a): the same after the Settlement Effective Date"],
    ["KAAC", false, undefined, NOT_LIMITED, "before the Settlement Effective Date 2.11 sets no limit"],
    ["KAAC", true, false, "40000000", "Original 2.11(b): the QAL Claims, $40,000,000 after the Settlement Effective Date"],
    ["KAAC", true, true, "0", "Original 2.11(c): no liability after a QAL Plan Event with the QAL Collateral transferred"],
    ["KAAC", false, true, NOT_LIMITED, "the plan alone, before the Settlement Effective Date, is not enough"],
    ["KFC", true, true, "0", "Original 2.11(d): no liability after both"],
    ["KFC", true, false, NOT_LIMITED, "the Settlement Effective Date alone leaves KFC unlimited"],
    ["KBC", true, true, "0", "Additional 2.11(b): no liability after both"],
    ["KBC", false, true, NOT_LIMITED, "the plan alone is not enough"],
    ["Kaiser Bellwood Corporation", true, true, NOT_LIMITED, "any other guarantor is not limited by 2.11"],
  ] as const)("%s (settlement %s, plan %s) is capped at %s (%s) [Subsidiary Guaranties 2.11]", (guarantor, settled, plan, expected, _why) => {
    expect(cap(guarantor, settled, plan)).toBe(expected);
  });

  it("takes the ALPART Claims and QAL Claims given, with their interest and earnings [Subsidiary Guaranties 2.11, 1.1(d), 1.1(u)]", () => {
    expect(recourseCap("aji", { settlementEffectiveDateOccurred: false, alpartClaims: dec(20250000) })).toEqual(dec(20250000));
    expect(recourseCap("KAAC", { settlementEffectiveDateOccurred: true, qalClaims: dec(40125000) })).toEqual(dec(40125000));
  });

  it("knows the guarantors by the names they sign under, case-insensitively [Subsidiary Guaranties 2.11]", () => {
    expect(guarantorOf("Alpart Jamaica Inc.")).toBe("AJI");
    expect(guarantorOf("alpart jamaica inc")).toBe("AJI");
    expect(guarantorOf("KAISER ALUMINA AUSTRALIA CORPORATION")).toBe("KAAC");
    expect(guarantorOf("Kaiser Bauxite Company")).toBe("KBC");
    expect(guarantorOf("Kaiser Finance Corporation")).toBe("KFC");
    expect(guarantorOf("Kaiser Jamaica Corporation")).toBe("KJC");
    expect(guarantorOf("Oxnard Forge Die Company, Inc.")).toBeUndefined();
  });
});
