/**
 * The one decimal constructor (CONVENTIONS.md, "Arithmetic"): exact, 40 digits, numbers read through
 * their shortest round-trip text, rounding only through `toCents`.
 */
import { dec, Dec, maxDec, minDec, ONE, toCents, ZERO } from "../../src/engine/decimal";

describe("exact decimals [conventions: arithmetic]", () => {
  it("reads Excel's numbers through their shortest text, so 0.1 + 0.2 is exactly 0.3", () => {
    expect(dec(0.1).plus(dec(0.2)).toString()).toBe("0.3");
    expect(dec(0.65).times(200000000).toString()).toBe("130000000");
  });

  it("holds an amount times a rate without rounding: $123,456,789.01 × 0.625% per annum × 31/360", () => {
    expect(dec("123456789.01").times("0.00625").times(31).dividedBy(360).toString()).toBe("66443.75797413194444444444444444444444444");
  });

  it("rounds to cents half away from zero, only through toCents", () => {
    expect(toCents(dec("0.005")).toString()).toBe("0.01");
    expect(toCents(dec("-0.005")).toString()).toBe("-0.01");
    expect(toCents(dec("1749999.994999")).toString()).toBe("1749999.99");
  });

  it("takes the least and the greatest of its arguments: the lesser of $125,000,000 and 65% of inventory [1.1(f)(b)]", () => {
    expect(minDec(dec(125000000), dec(200000000).times("0.65")).toString()).toBe("125000000");
    expect(maxDec(ZERO, dec(-5)).toString()).toBe("0");
    expect(minDec(dec(3)).toString()).toBe("3");
    expect(maxDec(ONE, dec(2), dec("2.5"), dec(-1)).toString()).toBe("2.5");
  });

  describe("edge cases", () => {
    it("prints large and small amounts without exponents", () => {
      expect(dec("12345678901234567890123").toString()).toBe("12345678901234567890123");
      expect(dec("0.0000000001").toString()).toBe("0.0000000001");
    });

    it("is a clone: configuring the global decimal.js does not change it", () => {
      expect(Dec.precision).toBe(40);
      expect(Dec.rounding).toBe(Dec.ROUND_HALF_UP);
    });
  });
});
