import { FORMULA_START, inertText, withoutInertMark } from "../../src/review/formulaText";

describe("text Excel would run as a formula is written inert (CSV injection) [README What-if]", () => {
  it("puts an apostrophe before text starting with =, +, -, @, a tab or a carriage return, and nothing before other text", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"].map(inertText)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(["Low inventory", "1-2", " =x", "'quoted", ""].map(inertText)).toEqual(["Low inventory", "1-2", " =x", "'quoted", ""]);
    expect(FORMULA_START.test("=")).toBe(true);
  });

  it("reads back the text as typed, and leaves an apostrophe the user typed before ordinary text", () => {
    for (const t of ["=HYPERLINK(\"http://x\")", "-5", "plain", "'plain"]) expect(withoutInertMark(inertText(t))).toBe(t);
    expect(withoutInertMark("'Tom's case")).toBe("'Tom's case");
  });
});
