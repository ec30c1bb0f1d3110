import { complianceCalendar } from "../../src/engine/complianceCalendar";
import { isoFromSerial } from "../../src/engine/dates";
import { isoDay as d } from "../support/dates";

const rows = (facts: Parameters<typeof complianceCalendar>[0]): [string, string, string][] => complianceCalendar(facts).map((e) => [isoFromSerial(e.date), e.kind, e.section]);

describe("complianceCalendar: the dated obligations [9.1.1(o), 9.1.18(b), 9.2.4, 10.1.10(l)]", () => {
  it("always holds the Plan of Reorganization filing deadline, 2005-02-13 [10.1.10(l)]", () => {
    expect(complianceCalendar({})).toEqual([{ date: d("2005-02-13"), kind: "plan-filing", what: "Plan(s) of Reorganization for all Debtors filed on or before this date", section: "10.1.10(l)" }]);
  });

  it("gives both 9.1.1(o) deadlines when it is not known whether the Threshold is affected: 5 Business Days before, 1 after (Reading R-CAL-NOTICE) [9.1.1(o)]", () => {
    // An Asset Disposition of the VALCO Interests on Wednesday 2004-09-08: five Business Days before is
    // 2004-08-31 (Labor Day, 09-06, skipped); one after is 2004-09-09.
    const entries = complianceCalendar({ noticeEvents: [{ date: d("2004-09-08"), what: "Asset Disposition of the VALCO Interests" }] });
    expect(entries.map((e) => [isoFromSerial(e.date), e.section])).toEqual([
      ["2004-08-31", "9.1.1(o)(x)"],
      ["2004-09-09", "9.1.1(o)(y)"],
      ["2005-02-13", "10.1.10(l)"],
    ]);
    expect(entries[0].what).toBe("Schedule to the Agent for the Asset Disposition of the VALCO Interests on 2004-09-08: 5 Business Days before, if a Threshold Event or outstandings above the Threshold are expected as a result");
  });

  it("gives one 9.1.1(o) deadline when the Threshold is known to be affected or not [9.1.1(o)]", () => {
    expect(rows({ noticeEvents: [{ date: d("2004-11-26"), what: "QAL Plan Event", thresholdAffected: false }] })[0]).toEqual(["2004-11-29", "notice", "9.1.1(o)(y)"]);
    expect(rows({ noticeEvents: [{ date: d("2004-11-26"), what: "QAL Plan Event", thresholdAffected: true }] })[0]).toEqual(["2004-11-18", "notice", "9.1.1(o)(x)"]);
  });

  it("gives the next appraisal date 180 days after the last, or a month while a Default continues [9.1.18(b)]", () => {
    expect(rows({ lastAppraisal: { date: d("2004-10-28"), defaultContinuing: false } })).toEqual([
      ["2005-02-13", "plan-filing", "10.1.10(l)"],
      ["2005-04-26", "appraisal", "9.1.18(b)"],
    ]);
    expect(rows({ lastAppraisal: { date: d("2004-10-28"), defaultContinuing: true } })[0]).toEqual(["2004-11-28", "appraisal", "9.1.18(b)"]);
  });

  it("measures Minimum EBITDA from the month of the first three-day Threshold Event: November gives 11-30 and 12-31 [9.2.4]", () => {
    expect(rows({ firstThresholdEventMinimumEbitda: d("2004-11-09") })).toEqual([
      ["2004-11-30", "minimum-ebitda", "9.2.4"],
      ["2004-12-31", "minimum-ebitda", "9.2.4"],
      ["2005-02-13", "plan-filing", "10.1.10(l)"],
    ]);
    expect(complianceCalendar({ firstThresholdEventMinimumEbitda: d("2004-09-03") }).filter((e) => e.kind === "minimum-ebitda").map((e) => e.what)).toEqual([
      "Minimum EBITDA, 1 month ending 2004-10-31: -$22,500,000 measured (Threshold Event on 2004-09-03)",
      "Minimum EBITDA, 2 months ending 2004-11-30: -$20,500,000 measured (Threshold Event on 2004-09-03)",
      "Minimum EBITDA, 3 months ending 2004-12-31: -$19,500,000 measured (Threshold Event on 2004-09-03)",
    ]);
    expect(rows({ firstThresholdEventMinimumEbitda: null })).toEqual([["2005-02-13", "plan-filing", "10.1.10(l)"]]);
  });

  it("gives Hydro's deadline 30 days after Court approval and the repurchase window 10 days after each exercise, sorted [Alpart release ¶4; Grant letter ¶3]", () => {
    expect(rows({ courtApprovalDate: d("2004-04-26"), optionExercises: [d("2004-12-30"), d("2004-09-07")] })).toEqual([
      ["2004-05-26", "hydro-purchase", "Alpart release ¶4"],
      ["2004-09-17", "option-repurchase", "Grant letter ¶3"],
      ["2005-01-09", "option-repurchase", "Grant letter ¶3"],
      ["2005-02-13", "plan-filing", "10.1.10(l)"],
    ]);
  });
});
