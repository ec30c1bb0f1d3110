/** The CLI's report formats, in process: money in columns, figures as JSON. */
import { figureJson, money } from "../../src/cli/report";
import { dec } from "../../src/engine/decimal";
import type { Figure } from "../../src/review/recalc";

describe("money in the text report", () => {
  it.each([
    [dec(220160000), "$220,160,000.00"],
    [dec("-22762295.0819672131147540983606557377"), "-$22,762,295.08"],
    [337723.75, "$337,723.75"],
    [0, "$0.00"],
    [null, "—"],
  ])("shows %s as %s, always with cents so columns line up [CLI]", (value, text) => {
    expect(money(value)).toBe(text);
  });
});

describe("edge cases", () => {
  const base: Figure = { key: "firstThresholdEvent", label: "First Threshold Event (5 Business Days)", section: "1.1(aa)", value: 38238, format: "date", mismatch: false };

  it("writes a date figure as an ISO date and fills every key [1.1(aa)]", () => {
    expect(figureJson(base)).toEqual({ ...base, value: "2004-09-08", workbookValue: null, cell: null, note: null });
  });

  it("writes a figure that cannot be computed as null with its reason [1.1(aa)]", () => {
    expect(figureJson({ ...base, value: null, note: "no Threshold Event in the series" })).toMatchObject({ value: null, note: "no Threshold Event in the series" });
  });

  it("shows a loss that rounds to no cents as $0.00, and -$0.01 as a loss [CLI]", () => {
    expect(money(dec("-0.004"))).toBe("$0.00");
    expect(money(dec("-0.01"))).toBe("-$0.01");
  });
});
