/** One field of the scenarios file as the number its named input holds. */
import { DEFAULT_VALUE_OPTIONS, readValue, ValueOptions } from "../../src/cli/csvValues";
import { serial } from "../../src/engine/dates";
import type { LayoutType } from "../../src/review/layout";

const DE: ValueOptions = { dateOrder: "dmy", decimal: "," };
const value = (raw: string, type: LayoutType, options = DEFAULT_VALUE_OPTIONS): number | string => {
  const r = readValue(raw, type, options);
  return r.ok ? r.value : `error: ${r.reason}`;
};

describe("readValue [CLI]", () => {
  it.each([
    ["150000000", "amount", 150000000],
    ["150,000,000", "amount", 150000000],
    ["$150,000,000.50", "amount", 150000000.5],
    [" $150,000,000 ", "amount", 150000000],
    ["-$2,500,000", "signed amount", -2500000],
    ["$-2,500,000", "signed amount", -2500000],
    ["($2,500,000)", "signed amount", -2500000],
    ["-2.5e6", "signed amount", -2500000],
    ["72%", "fraction", 0.72],
    ["7.2%", "fraction", 0.072],
    ["72 %", "fraction", 0.72],
    ["0.65", "fraction", 0.65],
    ["38291", "date", serial(2004, 10, 31)],
    ["2004-10-31", "date", serial(2004, 10, 31)],
    ["10/31/2004", "date", serial(2004, 10, 31)],
    ["2/1/05", "date", serial(2005, 2, 1)],
    ["2/1/95", "date", serial(1995, 2, 1)],
  ] as const)("reads %j of a %s input as %s (en-US) [CLI]", (raw, type, expected) => {
    expect(value(raw, type)).toBe(expected);
  });

  it.each([
    ["150.000.000", "amount", 150000000],
    ["150.000.000,50", "amount", 150000000.5],
    ["0,72", "fraction", 0.72],
    ["72,5 %", "fraction", 0.725],
    ["72\u00a0%", "fraction", 0.72],
    ["31.10.2004", "date", serial(2004, 10, 31)],
    ["1/2/2005", "date", serial(2005, 2, 1)],
  ] as const)("reads %j of a %s input as %s (de-DE) [CLI]", (raw, type, expected) => {
    expect(value(raw, type, DE)).toBe(expected);
  });

  it.each([
    ["1,00", "amount", DEFAULT_VALUE_OPTIONS, "is not a number in US dollars (150000000, 150,000,000 or $150,000,000)"],
    ["$5", "fraction", DEFAULT_VALUE_OPTIONS, "is not a fraction (0.72) or a percentage (72%)"],
    ["65%", "amount", DEFAULT_VALUE_OPTIONS, "is not a number in US dollars"],
    ["2004-02-30", "date", DEFAULT_VALUE_OPTIONS, "is not a date: 2004-02-30 does not exist"],
    ["13/1/2005", "date", DEFAULT_VALUE_OPTIONS, "there is no month 13; a day-first file needs --date-order dmy"],
    ["31/31/2005", "date", DE, "there is no month 31"],
    ["31.4.2005", "date", DE, "2005-04 has no day 31"],
    ["next week", "date", DEFAULT_VALUE_OPTIONS, "is not a date (2004-10-31, 10/31/2004 or an Excel serial)"],
    ["1,234.5", "amount", DE, 'this file\'s decimal mark is ","'],
    ["EUR 5", "amount", DE, "is not a number in US dollars (150000000 or 150.000.000)"],
  ] as const)("refuses %j of a %s input [CLI]", (raw, type, options, reason) => {
    expect(value(raw, type, options)).toContain(reason);
  });
});
