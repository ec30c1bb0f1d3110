/** Amounts and rates in messages and labels: the same text on every machine (no locale). */
import { dec } from "../../src/engine/decimal";
import { formatPercent, formatUsd } from "../../src/engine/format";

describe("formatting amounts and rates for messages", () => {
  it.each([
    ["125000000", "$125,000,000", "the clause (b) cap [1.1(f)(b)]"],
    ["1750000", "$1,750,000", "the amendment fee [5(d)]"],
    ["1234.5", "$1,234.50", "cents shown when there are any"],
    ["0.01", "$0.01", "one cent"],
    ["-5000000", "-$5,000,000", "a negative Availability (Reading R-AVAILABILITY)"],
    ["0", "$0", "zero"],
    ["-0", "$0", "minus zero is zero"],
  ])("formatUsd(%s) is %s: %s", (value, expected) => {
    expect(formatUsd(dec(value))).toBe(expected);
  });

  it.each([
    ["0.65", "65%", "the inventory advance rate [1.1(f)(b)]"],
    ["0.00625", "0.625%", "the commitment fee rate [1.3]"],
    ["0.86", "86%", "the consent share [9.2.25]"],
  ])("formatPercent(%s) is %s: %s", (value, expected) => {
    expect(formatPercent(dec(value))).toBe(expected);
  });

  describe("edge cases", () => {
    it("rounds sub-cent amounts to cents for display only", () => {
      expect(formatUsd(dec("1234.505"))).toBe("$1,234.51");
      expect(formatUsd(dec("999.999"))).toBe("$1,000.00");
    });
  });
});
