import { serial } from "../../src/engine/dates";
import { review, figureOf, reviewInputs } from "../../src/review/review";
import { applyTableEdits, reviewScenario } from "../../src/review/scenarioEdits";
import { snapshotFromTemplate } from "../../src/review/template";

const base = review(snapshotFromTemplate());
const inputs = base.inputs;

describe("a scenario's table edits", () => {
  it("shifts the daily Revolving Credit Outstandings by an amount from a date, exactly [1.1(aa)]", () => {
    const edited = applyTableEdits(inputs, { outstandings: { kind: "shift", by: -10000000, from: serial(2004, 9, 2) } });
    const rows = edited.dailyOutstandings.rows ?? [];
    expect(rows[0].outstandings.toString()).toBe("176000000");
    expect(rows[1].outstandings.toString()).toBe("166500000");
    // The workbook's inputs are unchanged.
    expect(inputs.dailyOutstandings.rows?.[1].outstandings.toString()).toBe("176500000");
  });

  it("scales the outstandings by a percentage; 176,000,000 up 10 % is 193,600,000 [1.1(aa)]", () => {
    const rows = applyTableEdits(inputs, { outstandings: { kind: "scale", by: 10, from: serial(2004, 9, 1) } }).dailyOutstandings.rows ?? [];
    expect(rows[0].outstandings.toString()).toBe("193600000");
  });

  it("outstandings below the Threshold of $174,386,000 on every day leave no Threshold Event [1.1(aa)]", () => {
    const scenario = reviewScenario(inputs, {}, { outstandings: { kind: "scale", by: -50, from: serial(2004, 1, 1) } });
    expect(figureOf(base, "firstThresholdEvent")?.value).toBe(serial(2004, 9, 8));
    expect(figureOf(scenario, "firstThresholdEvent")).toMatchObject({ value: null, noEvent: true });
    expect(figureOf(scenario, "firstThresholdEvent3")).toMatchObject({ value: null, noEvent: true });
  });

  it("EBITDA of -$25,000,000 for October 2004 is below its floor of -$24,000,000 and fails [9.2.4]", () => {
    const scenario = reviewScenario(inputs, {}, { ebitda: [{ periodEnd: serial(2004, 10, 31), ebitda: -25000000 }] });
    expect(figureOf(base, "ebitdaTest:2004-10-31")?.value).toBe("PASS");
    expect(figureOf(scenario, "ebitdaFloor:2004-10-31")?.value).toBe(-24000000);
    expect(figureOf(scenario, "ebitdaTest:2004-10-31")?.value).toBe("FAIL");
  });

  it("moves, removes and adds PPEEvents and Dispositions rows, the rest in sheet order [1.1(t), 9.2.4]", () => {
    const edited = applyTableEdits(inputs, {
      ppeEvents: [{ op: "remove", index: 0 }, { op: "move", index: 3, date: serial(2004, 10, 4) }, { op: "add", row: { date: serial(2004, 12, 20), kind: "VALCO", amount: inputs.ppeEvents.rows![5].amount } }],
      dispositions: [{ op: "remove", index: 1 }],
    });
    const ppe = edited.ppeEvents.rows ?? [];
    expect(ppe).toHaveLength(7);
    expect(ppe[0].kind).toBe("THRESHOLDEVENT");
    expect(ppe[2]).toMatchObject({ kind: "GRAMERCY", date: serial(2004, 10, 4) });
    expect(ppe[6]).toMatchObject({ kind: "VALCO", date: serial(2004, 12, 20) });
    expect(edited.dispositions.rows?.map((d) => d.interest)).toEqual(["GRAMERCY"]);
  });

  it("with no edits is reviewInputs of the same overrides [1.1(f)]", () => {
    const a = reviewScenario(inputs, { EligibleInventory: 144000000 });
    const b = reviewInputs(inputs, { EligibleInventory: 144000000 });
    expect(a.figures).toEqual(b.figures);
  });

  it("refuses an edit out of bounds or of a row the table lacks, with a message", () => {
    expect(() => applyTableEdits(inputs, { outstandings: { kind: "scale", by: -150, from: 0 } })).toThrow("at least -100");
    expect(() => applyTableEdits(inputs, { outstandings: { kind: "shift", by: Number.NaN, from: 0 } })).toThrow("the amount must be a number");
    expect(() => applyTableEdits(inputs, { ppeEvents: [{ op: "remove", index: 7 }] })).toThrow("PPEEvents has no row 8");
    expect(() => applyTableEdits(inputs, { ebitda: [{ periodEnd: serial(2004, 9, 30), ebitda: 0 }] })).toThrow("MonthlyEBITDA has no period");
  });
});
