/**
 * How the pane reads the reviewer's recalculation: each figure as text, beside the workbook's own
 * where the workbook computes it, mismatches marked with the difference; and one review of a
 * snapshot (the checks, the recalculation and the schedules together) with the daily series.
 */
import type { Figure } from "../../src/review/recalc";
import { validate } from "../../src/review/review";
import { readModelInputs, recompute } from "../../src/review/recalc";
import { snapshotFromTemplate } from "../../src/review/template";
import { figureView } from "../../taskpane/analysis";
import { reviewForPane } from "../../taskpane/paneReview";

function figure(partial: Partial<Figure> & Pick<Figure, "value" | "format">): Figure {
  return { key: "borrowingBase", label: "Borrowing Base (a)+(b)+(c)", section: "1.1(f)", mismatch: false, ...partial };
}

describe("figures beside the workbook's own", () => {
  it("shows an amount the workbook does not compute as recomputed only [1.1(f)(b)]", () => {
    const view = figureView(figure({ key: "clauseB", label: "Inventory (b): 65% binds", section: "1.1(f)(b)", value: 97500000, format: "usd" }));
    expect(view).toEqual({ key: "clauseB", label: "Inventory (b): 65% binds", section: "1.1(f)(b)", value: "$97,500,000.00", status: "recomputed" });
  });

  it("shows a matching output with its cell [1.1(f)]", () => {
    const view = figureView(figure({ value: 315000000, workbookValue: 315000000.004, cell: "Model!C20", format: "usd" }));
    expect(view.status).toBe("match");
    expect(view.workbook).toEqual({ cell: "Model!C20", value: "$315,000,000.00" });
  });

  it("marks a mismatch of more than a cent with both figures and the difference [1.1(f)]", () => {
    const view = figureView(figure({ value: 315000000, workbookValue: 320000000.5, cell: "Model!C20", mismatch: true, format: "usd" }));
    expect(view.status).toBe("mismatch");
    expect(view.value).toBe("$315,000,000.00");
    expect(view.workbook).toEqual({ cell: "Model!C20", value: "$320,000,000.50" });
    expect(view.difference).toBe("Differs by $5,000,000.50");
  });

  it("marks an output cell holding no number where the engine has a figure [1.1(aa)]", () => {
    const view = figureView(figure({ key: "threshold", value: 233750000, workbookValue: null, cell: "Model!C21", mismatch: true, format: "usd" }));
    expect(view.status).toBe("mismatch");
    expect(view.workbook).toEqual({ cell: "Model!C21", value: "no number in the cell" });
    expect(view.difference).toBeUndefined();
  });

  it("reads a date figure as the date and its weekday [1.1(aa)]", () => {
    // 38296 is 2004-11-05, a Friday.
    const view = figureView(figure({ key: "firstThresholdEvent", value: 38296, format: "date" }));
    expect(view.value).toBe("2004-11-05 (Friday)");
  });

  it("shows a figure that cannot be computed with its reason [1.1(t)]", () => {
    const view = figureView(figure({ key: "ppeReductions", value: null, format: "usd", note: "the table PPEEvents is missing" }));
    expect(view.value).toBe("Not computed");
    expect(view.note).toBe("the table PPEEvents is missing");
  });

  it("does not call a workbook figure matching when the engine cannot compute it [1.1(f)]", () => {
    const view = figureView(figure({ value: null, workbookValue: 315000000, cell: "Model!C20", format: "usd", note: "the name OLVInPlaceValue is missing" }));
    expect(view.status).toBe("unchecked");
    expect(view.workbook).toEqual({ cell: "Model!C20", value: "$315,000,000.00" });
  });

  it("shows text figures as they are [9.2.4]", () => {
    expect(figureView(figure({ key: "ebitdaTest:2004-10-31", value: "PASS", format: "text" })).value).toBe("PASS");
  });

  it("shows a negative Availability as a negative amount (an overadvance) [1.1(e)]", () => {
    expect(figureView(figure({ key: "availability", value: -5000000, format: "usd" })).value).toBe("-$5,000,000.00");
  });
});

describe("one validation", () => {
  it("runs the same checks and recalculation as the engine gives on their own [task pane]", () => {
    const snapshot = snapshotFromTemplate();
    const { source, review: report, daily } = reviewForPane(snapshot, "model.xlsx");
    expect(source).toBe("model.xlsx");
    expect(report.findings).toEqual(validate(snapshot));
    expect(report.figures).toEqual(recompute(readModelInputs(snapshot)));
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === "error").length);
    // The picture's series: every row of DailyOutstandings, in date order, each with the Threshold.
    const rows = readModelInputs(snapshot).dailyOutstandings.rows ?? [];
    expect(daily).toHaveLength(rows.length);
    const threshold = report.figures.find((f) => f.key === "threshold")?.value;
    expect(daily.every((d) => d.threshold === threshold)).toBe(true);
  });

  it("reports the ready model as ready and an empty workbook as not [task pane]", () => {
    expect(reviewForPane(snapshotFromTemplate(), "model.xlsx").review.summary.ready).toBe(true);
    const { review: report, daily } = reviewForPane({ sheets: [], names: [], tables: [], calculationMode: "automatic" }, "empty.xlsx");
    expect(daily).toEqual([]);
    expect(report.summary.ready).toBe(false);
    expect(report.findings.map((f) => f.ruleId)).toContain("missing-name");
    expect(report.figures.find((f) => f.key === "borrowingBase")?.value).toBeNull();
  });
});

describe("edge cases", () => {
  it("never reports a mismatch for a figure without an output cell", () => {
    expect(figureView(figure({ value: 1, format: "usd" })).workbook).toBeUndefined();
  });
});
