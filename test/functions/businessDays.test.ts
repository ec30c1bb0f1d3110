import { addBusinessDays, holidays, isBusinessDay } from "../../src/functions/businessDays";
import { serial } from "../../src/engine/dates";
import { column, errorCell, errorOf, only } from "../support/cells";

const LABOR_DAY_2004 = serial(2004, 9, 6);

describe("KAISER.HOLIDAYS as Excel calls it (Readings R-BD-CALENDAR, R-BD-SUNDAY) [1.1(aa)]", () => {
  it("spills 2004's ten holidays as a column of dates [1.1(aa)]", () => {
    const result = holidays(2004);
    expect(result).toHaveLength(10);
    expect(result.every((row) => row.length === 1)).toBe(true);
    expect(result[5][0]).toBe(LABOR_DAY_2004);
  });

  it("adds the names beside the dates when asked [1.1(aa)]", () => {
    expect(holidays(2004, true)[5]).toEqual([LABOR_DAY_2004, "Labor Day"]);
    expect(holidays(2022, true)[4]).toEqual([serial(2022, 6, 20), "Juneteenth National Independence Day"]);
  });

  it("treats a blank withNames as FALSE [1.1(aa)]", () => {
    expect(holidays(2004, null)[0]).toEqual([serial(2004, 1, 1)]);
  });

  it.each([
    [1989, "#NUM!"],
    [10000, "#NUM!"],
    [2004.5, "#NUM!"],
    ["2004", "#VALUE!"],
    [null, "#VALUE!"],
    [true, "#VALUE!"],
  ])("gives %s for year %p [1.1(aa)]", (year, code) => {
    expect(errorOf(only(holidays(year)))?.code).toBe(code);
  });
});

describe("KAISER.ISBUSINESSDAY as Excel calls it [1.1(aa)]", () => {
  it("works element by element over a column, a bad element erring in its own cell and a blank one blank [1.1(aa)]", () => {
    const result = isBusinessDay(column([LABOR_DAY_2004, LABOR_DAY_2004 + 1, "Tuesday", null, errorCell("#N/A"), -3]) as never);
    expect(result.slice(0, 2)).toEqual([[false], [true]]);
    expect(errorOf(result[2][0])?.code).toBe("#VALUE!");
    expect(result[3][0]).toBe("");
    expect(errorOf(result[4][0])?.message).toContain("#N/A");
    expect(errorOf(result[5][0])?.code).toBe("#NUM!");
  });

  it("takes extra holidays from a range, skipping blank cells [1.1(aa)]", () => {
    const tuesday = LABOR_DAY_2004 + 1;
    expect(isBusinessDay([[tuesday]], column([null, tuesday, ""]) as never)).toEqual([[false]]);
    expect(isBusinessDay([[tuesday]], [[tuesday, null]])).toEqual([[false]]);
  });

  it("gives one #VALUE! for a holiday that is text, naming the row [1.1(aa)]", () => {
    const e = errorOf(only(isBusinessDay([[LABOR_DAY_2004]], column([LABOR_DAY_2004, "Boxing Day"]) as never)));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("holidays row 2");
  });

  it("gives #VALUE! for a two-dimensional block of holidays [1.1(aa)]", () => {
    expect(errorOf(only(isBusinessDay([[LABOR_DAY_2004]], [[1, 2], [3, 4]])))?.code).toBe("#VALUE!");
  });
});

describe("KAISER.ADDBUSINESSDAYS as Excel calls it (Reading R-BD-ZERO) [1.1(aa)]", () => {
  it("moves dates by Business Days element by element [1.1(aa)]", () => {
    const friday = serial(2004, 9, 3);
    expect(addBusinessDays(column([friday, friday, LABOR_DAY_2004]) as never, column([1, -1, 0]) as never)).toEqual([[friday + 4], [friday - 1], [LABOR_DAY_2004]]);
  });

  it("drops a time of day [1.1(aa)]", () => {
    expect(only(addBusinessDays([[serial(2004, 9, 3) + 0.75]], [[1]]))).toBe(serial(2004, 9, 7));
  });

  it("counts extra holidays [1.1(aa)]", () => {
    expect(only(addBusinessDays([[serial(2004, 9, 3)]], [[1]], [[serial(2004, 9, 7)]]))).toBe(serial(2004, 9, 8));
  });

  it.each([
    [1.5, "#NUM!"],
    ["one", "#VALUE!"],
    [null, "#VALUE!"],
  ])("gives %p days the error %s [1.1(aa)]", (days, code) => {
    expect(errorOf(only(addBusinessDays([[serial(2004, 9, 3)]], [[days]])))?.code).toBe(code);
  });

  it("gives #NUM! for a result before the calendar [1.1(aa)]", () => {
    expect(errorOf(only(addBusinessDays([[serial(1990, 1, 2)]], [[-1]])))?.code).toBe("#NUM!");
  });
});
