import { review, reviewInputs } from "../../src/review/review";
import { snapshotFromTemplate } from "../../src/review/template";
import { compareScenario, parseAmountText, scenarioCsv } from "../../src/view/whatIf";
import { warningSentence } from "../../src/view/thresholdWarning";
import { serial } from "../../src/engine/dates";
import { dec } from "../../src/engine/decimal";
import { parseScenarios } from "../../src/cli/scenarios";

describe("the What-if comparison and the Threshold early warning in words [1.1(f), 1.1(aa), 9.2.4]", () => {
  const base = review(snapshotFromTemplate());

  it("marks the Borrowing Base and Threshold changed when Eligible Inventory falls to $144,000,000, and nothing else that is unchanged [1.1(f)]", () => {
    const rows = compareScenario(base, reviewInputs(base.inputs, { EligibleInventory: 144000000 }));
    const bb = rows.find((r) => r.key === "borrowingBase");
    expect(bb).toMatchObject({ scenario: "$198,128,000", changed: true });
    expect(rows.find((r) => r.key === "threshold")).toMatchObject({ scenario: "$155,658,800", changed: true });
    expect(rows.find((r) => r.key === "ppeReductions")?.changed).toBe(false);
    expect(rows.filter((r) => r.key.startsWith("ebitdaTest:")).length).toBeGreaterThan(0);
  });

  it("compares a review with itself as unchanged throughout [1.1(f)]", () => {
    expect(compareScenario(base, reviewInputs(base.inputs, {})).every((r) => !r.changed && r.base === r.scenario)).toBe(true);
  });

  it("words the warning as the card shows it: 3 of 5 and the event date [1.1(aa)]", () => {
    const status = {
      asOf: serial(2004, 10, 12),
      carried: false,
      outstandings: dec(240000000),
      threshold: dec(233750000),
      headroom: dec(-6250000),
      consecutive: 3,
      inMonth: 4,
      daysRequired: 5,
      next: { date: serial(2004, 10, 13), businessDaysAfter: 1, clause: "y" as const },
      lastEvent: null,
    };
    expect(warningSentence({ daysRequired: 5, status })).toBe("3 of 5 consecutive Business Days above the Threshold (4 of 5 this month); an event on 2004-10-13 if outstandings stay above");
    expect(warningSentence({ daysRequired: 3, status: null, note: "the table DailyOutstandings is missing" })).toBe("3 Business Days: cannot be worked out (the table DailyOutstandings is missing)");
  });

  it("gives the ready model a warning for 5 and for 3 Business Days and a calendar with the Plan filing deadline [1.1(aa), 10.1.10(l)]", () => {
    expect(base.thresholdWarnings.map((w) => w.daysRequired)).toEqual([5, 3]);
    expect(base.thresholdWarnings.every((w) => w.status !== null)).toBe(true);
    expect(base.calendar.some((e) => e.section === "10.1.10(l)" && e.date === serial(2005, 2, 13))).toBe(true);
  });
});

describe("the What-if form's numbers and the CSV row", () => {
  it("reads amounts as a finance user types them, and says which field is not a number", () => {
    expect(parseAmountText("$144,000,000", "EligibleInventory")).toBe(144000000);
    expect(parseAmountText(" -2.5 ", "x")).toBe(-2.5);
    expect(parseAmountText("", "x")).toBeUndefined();
    expect(parseAmountText("12abc", "EligibleInventory")).toEqual(new Error('EligibleInventory: "12abc" is not a number'));
    expect(parseAmountText("1e400", "x")).toEqual(new Error('x: "1e400" is not a finite number'));
  });

  it("writes a scenario as the CLI's scenarios CSV reads it: quoted names, blank for a cleared input", () => {
    expect(scenarioCsv('Low "inv", 20%', { EligibleInventory: 113600000, NetRecoveryPercentage: null })).toBe('Scenario,EligibleInventory,NetRecoveryPercentage\r\n"Low ""inv"", 20%",113600000,blank\r\n');
    const [read] = parseScenarios(scenarioCsv('Low "inv", 20%', { EligibleInventory: 113600000, NetRecoveryPercentage: null }));
    expect(read).toMatchObject({ name: 'Low "inv", 20%', overrides: [{ name: "EligibleInventory", value: 113600000 }, { name: "NetRecoveryPercentage", value: null }] });
  });

  it("puts an apostrophe before a name Excel would run as a formula, and the CLI reads the name back as typed", () => {
    const csv = scenarioCsv('=HYPERLINK("http://x","y")', { EligibleInventory: -2500000 });
    expect(csv).toBe('Scenario,EligibleInventory\r\n"\'=HYPERLINK(""http://x"",""y"")",-2500000\r\n');
    for (const name of ["+1", "-1", "@SUM(A1)", "\tx"]) expect(scenarioCsv(name, { EligibleInventory: 1 }).split("\r\n")[1].startsWith("'")).toBe(true);
    expect(scenarioCsv("Low inventory", { EligibleInventory: 1 })).toBe("Scenario,EligibleInventory\r\nLow inventory,1\r\n");
    const [read] = parseScenarios(csv);
    expect(read).toMatchObject({ name: '=HYPERLINK("http://x","y")', overrides: [{ name: "EligibleInventory", value: -2500000 }] });
    expect(parseScenarios("Scenario,EligibleInventory\n'Tom's case,1\n")[0].name).toBe("'Tom's case");
  });
});
