import { lookupTerm, nearestKeys, term, termDate, TERM_KEYS, TERMS, TermSpec } from "../../src/engine/terms";
import { isoFromSerial } from "../../src/engine/dates";
import { amendmentFee, commitmentFee } from "../../src/engine/fees";
import { dec } from "../../src/engine/decimal";

describe("the table of terms", () => {
  it.each([
    ["inventoryCap", "125000000", "1.1(f)(b)"],
    ["inventoryAdvanceRate", "0.65", "1.1(f)(b)"],
    ["netRecoveryAdvanceRate", "0.85", "1.1(f)(b)"],
    ["ppeCap", "50000000", "1.1(f)(c)"],
    ["ppeOlvRate", "0.5", "1.1(f)(c)"],
    ["availabilityReserveCap", "20000000", "1.1(e)"],
    ["availabilityReserveRate", "0.1", "1.1(e)"],
    ["revolvingCommitmentAmount", "200000000", "1.2"],
    ["maximumLetterOfCreditAmount", "100000000", "1.1(o)"],
    ["commitmentFeeRate", "0.00625", "1.3"],
    ["amendmentFeeFactor", "0.00875", "5(d)"],
    ["thresholdRate", "0.85", "1.1(aa)"],
  ])("holds %s = %s with its section %s", (key, value, section) => {
    const { spec, value: v } = lookupTerm(key);
    expect(v.toString()).toBe(value);
    expect(spec.section).toBe(section);
  });

  it("gives every entry a unit, a section, a source and a description, and a value that parses", () => {
    for (const key of TERM_KEYS) {
      const spec: TermSpec = TERMS[key];
      expect(spec.section.length).toBeGreaterThan(0);
      expect(spec.description.length).toBeGreaterThan(0);
      expect(["002", "001", "000", "excel"]).toContain(spec.source);
      expect(term(key).isFinite()).toBe(true);
      if (spec.unit === "date") expect(isoFromSerial(termDate(key))).toBe(spec.value);
    }
  });

  it("keeps each key's case-insensitive spelling unique, so KAISER.TERM finds one entry", () => {
    const lower = TERM_KEYS.map((k) => k.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it("finds keys case-insensitively and names the nearest keys for an unknown one", () => {
    expect(lookupTerm("INVENTORYCAP").key).toBe("inventoryCap");
    expect(() => lookupTerm("inventoryCapp")).toThrow(/nearest keys: inventoryCap/);
    expect(nearestKeys("threshold", 1)).toEqual(["thresholdRate"]);
  });
});

describe("the fees [5(d), 1.3]", () => {
  it("makes the amendment fee $1,750,000 on the $200,000,000 commitment [5(d)]", () => {
    expect(amendmentFee().toString()).toBe("1750000");
  });
  it("makes the commitment fee 0.625% per annum on a 360-day basis (Reading R-COMMITMENTFEE-BASIS) [1.3]", () => {
    // 100,000,000 × 0.00625 × 90 / 360
    expect(commitmentFee(dec(100000000), 90).toString()).toBe("156250");
    // 0.00625 × 1,000,000 × 31 / 365 = 530.8219178082191780821917808219178082192 (40 digits)
    expect(commitmentFee(dec(1000000), 31, 365).toString()).toBe("530.8219178082191780821917808219178082192");
  });
});

describe("KAISER.TERM on the longest key a cell holds (issue 12, item 6) [Terms]", () => {
  it("answers a 32,767-character key with #N/A naming the nearest keys, echoing only the key's start", () => {
    const key = `inventoryCap${"x".repeat(32767 - "inventoryCap".length)}`;
    let error: unknown;
    try {
      lookupTerm(key);
    } catch (e) {
      error = e;
    }
    expect((error as { kind: string }).kind).toBe("na");
    const message = (error as Error).message;
    expect(message.length).toBeLessThan(200);
    expect(message).toContain("nearest keys: inventoryCap");
  });
});
