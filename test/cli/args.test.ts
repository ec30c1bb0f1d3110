/** The command line of kaiser-check: arguments, the scenarios CSV, the file sniffing and the progress line. */
import { parseArgs } from "../../src/cli/args";
import { CsvError, parseCsv } from "../../src/cli/csv";
import { Progress } from "../../src/cli/progress";
import { sniff } from "../../src/cli/readWorkbook";
import { parseScenarios, parseValue } from "../../src/cli/scenarios";

describe("arguments", () => {
  it.each([
    [["model.xlsx"], { file: "model.xlsx", json: false }],
    [["model.xlsx", "--json"], { file: "model.xlsx", json: true }],
    [["--json", "model.xlsx"], { file: "model.xlsx", json: true }],
    [["model.xlsx", "--scenarios", "s.csv"], { file: "model.xlsx", json: false, scenarios: "s.csv" }],
    [["--scenarios=s.csv", "model.xlsx", "--json"], { file: "model.xlsx", json: true, scenarios: "s.csv" }],
    [["--", "--odd name.xlsx"], { file: "--odd name.xlsx", json: false }],
    [["model.xlsx", "--certificate", "out.xlsx"], { file: "model.xlsx", json: false, certificate: "out.xlsx" }],
    [["model.xlsx", "--certificate=out.xlsx", "--as-of", "2004-09-30", "--force"], { file: "model.xlsx", json: false, certificate: "out.xlsx", asOf: "2004-09-30", force: true }],
    [["m.xlsx", "--scenarios", "s.csv", "--date-order", "DMY", "--decimal=comma"], { file: "m.xlsx", json: false, scenarios: "s.csv", dateOrder: "dmy", decimal: "," }],
    [["m.xlsx", "--calendar", "out.ics", "--force"], { file: "m.xlsx", json: false, calendar: "out.ics", force: true }],
    [["model.xlsx", "--max-part-mb", "512", "--max-total-mb=2048"], { file: "model.xlsx", json: false, limits: { maxPartBytes: 512 * 1048576, maxTotalBytes: 2048 * 1048576 } }],
    [["model.xlsx", "--max-cells", "20000000", "--max-file-mb", "1024"], { file: "model.xlsx", json: false, limits: { maxCells: 20000000, maxFileBytes: 1024 * 1048576 } }],
  ])("reads %j as a check of the workbook [CLI]", (argv, options) => {
    expect(parseArgs(argv)).toEqual({ kind: "check", options });
  });

  it.each([
    [[], "no workbook given"],
    [["a.xlsx", "b.xlsx"], "one workbook at a time"],
    [["a.xlsx", "--scenarios"], "--scenarios needs a CSV file"],
    [["a.xlsx", "--scenarios", "x.csv", "--scenarios", "y.csv"], "given twice"],
    [["a.xlsx", "--jsn"], "unknown option --jsn"],
    [["a.xlsx", "--certificate", "o.xlsx", "--as-of", "2004-02-30"], "--as-of 2004-02-30 is not a date YYYY-MM-DD"],
    [["a.xlsx", "--certificate", "o.xlsx", "--certificate", "p.xlsx"], "--certificate is given twice"],
    [["a.xlsx", "--as-of", "2004-09-30"], "--as-of goes with --certificate <out.xlsx>"],
    [["a.xlsx", "--scenarios", "s.csv", "--date-order", "ymd"], "--date-order is mdy or dmy, not ymd"],
    [["a.xlsx", "--scenarios", "s.csv", "--decimal", "dot"], "--decimal is point or comma"],
    [["a.xlsx", "--date-order", "dmy"], "applies to a scenarios file"],
    [["a.xlsx", "--force"], "--force applies to --calendar or --certificate"],
    [["a.xlsx", "--calendar"], "--calendar needs an .ics file"],
    [["a.xlsx", "--max-part-mb"], "--max-part-mb needs a whole number of megabytes"],
    [["a.xlsx", "--max-cells", "-5"], "--max-cells needs a whole number of cells"],
    [["a.xlsx", "--max-total-mb", "1e3"], "--max-total-mb needs a whole number of megabytes"],
  ])("rejects %j with a usage message [CLI]", (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe("usage");
    expect(parsed.kind === "usage" && parsed.message).toContain(message);
  });

  it("answers --help and --version before anything else [CLI]", () => {
    expect(parseArgs(["model.xlsx", "--help"])).toEqual({ kind: "help" });
    expect(parseArgs(["-h"])).toEqual({ kind: "help" });
    expect(parseArgs(["--version"])).toEqual({ kind: "version" });
  });
});

describe("the file's kind, from its first bytes", () => {
  const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
  const compound = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

  it.each([
    ["a zip package (an .xlsx)", bytes(0x50, 0x4b, 0x03, 0x04, 0, 0), "zip"],
    ["an empty zip", bytes(0x50, 0x4b, 0x05, 0x06), "zip"],
    ["an empty file", bytes(), "empty"],
    ["text renamed .xlsx", Buffer.from("Date,Outstandings\n"), "other"],
    ["an Excel 97-2003 file", bytes(...compound, 0, 0, 0), "xls"],
    ["a password-protected .xlsx (a compound file holding EncryptionInfo)", Buffer.concat([Buffer.from(compound), Buffer.alloc(64), Buffer.from("EncryptionInfo", "utf16le")]), "encrypted"],
  ])("tells %s [CLI]", (_what, data, kind) => {
    expect(sniff(data)).toBe(kind);
  });
});

describe("the progress line", () => {
  function clock(): { now: () => number; advance: (ms: number) => void } {
    let t = 0;
    return { now: () => t, advance: (ms) => (t += ms) };
  }

  it("says nothing for a workbook checked within a second [CLI]", () => {
    const c = clock();
    const lines: string[] = [];
    const p = new Progress({ write: (l) => lines.push(l), now: c.now });
    p.stage("reading model.xlsx");
    c.advance(400);
    p.stage("checking 200 rows");
    c.advance(500);
    p.done();
    expect(lines).toEqual([]);
  });

  it("prints each stage once the second has passed, then the time taken [CLI]", () => {
    const c = clock();
    const lines: string[] = [];
    const p = new Progress({ write: (l) => lines.push(l), now: c.now });
    p.stage("reading big.xlsx");
    c.advance(1500);
    p.stage("checking 100,000 rows");
    c.advance(700);
    p.done();
    expect(lines).toEqual(["kaiser-check: checking 100,000 rows… (1.5 s)", "kaiser-check: done in 2.2 s"]);
  });
});

describe("the scenarios file", () => {
  it("reads a header of contract names and one scenario per row [CLI]", () => {
    const text = "Scenario,EligibleInventory,OLVInPlaceValue,NetRecoveryPercentage,AsOfDate\r\nAs is,,,,\r\nLow inventory,\"$100,000,000\",,72%,2004-10-31\r\n";
    expect(parseScenarios(text)).toEqual([
      { name: "As is", line: 2, overrides: [] },
      {
        name: "Low inventory",
        line: 3,
        overrides: [
          { name: "EligibleInventory", value: 100000000 },
          { name: "NetRecoveryPercentage", value: 0.72 },
          { name: "AsOfDate", value: 38291 },
        ],
      },
    ]);
  });

  it("names rows without a Scenario column by their number, matches names case-insensitively and clears with blank [CLI]", () => {
    expect(parseScenarios("eligibleinventory,netrecoverypercentage\n150000000,blank\n")).toEqual([
      {
        name: "row 1",
        line: 2,
        overrides: [
          { name: "EligibleInventory", value: 150000000 },
          { name: "NetRecoveryPercentage", value: null },
        ],
      },
    ]);
  });

  it.each([
    ["Scenario,EligibleInventry\nx,1\n", 'column "EligibleInventry" is not a named input'],
    ["Scenario,BorrowingBase\nx,1\n", 'column "BorrowingBase" is not a named input'],
    ["EligibleInventory,EligibleInventory\n1,2\n", "appears twice"],
    ["Scenario\nx\n", "no input columns"],
    ["", "the file is empty"],
    ["EligibleInventory\n1,000\n", "2 fields but the header has 1"],
    ["EligibleInventory\nlots\n", 'row 2, column EligibleInventory: "lots" is not a number in US dollars'],
    ["AsOfDate\n2004-02-30\n", '"2004-02-30" is not a date'],
    ["NetRecoveryPercentage\n72 %%\n", "is not a fraction"],
  ])("rejects %j naming the line and column [CLI]", (text, message) => {
    expect(() => parseScenarios(text)).toThrow(CsvError);
    expect(() => parseScenarios(text)).toThrow(message);
  });
});

describe("edge cases", () => {
  it.each([
    ["150000000", "amount", 150000000],
    ["$150,000,000.50", "amount", 150000000.5],
    ["-2.5e6", "signed amount", -2500000],
    ["7.2%", "fraction", 0.072],
    ["0.65", "fraction", 0.65],
    ["38291", "date", 38291],
    ["1,00", "amount", undefined],
    ["$5", "fraction", undefined],
    ["65%", "amount", undefined],
  ] as const)("reads the field %s of a %s input as %s [CLI]", (raw, type, expected) => {
    expect(parseValue(raw, { type })).toBe(expected);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, and skips blank lines [CLI]", () => {
    expect(parseCsv('\ufeffa,"b, c","say ""hi"""\n\n"two\nlines",,x').map((r) => r.fields)).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["two\nlines", "", "x"],
    ]);
  });

  it("names the line of an unclosed quote [CLI]", () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow('line 2: a quoted field is not closed');
  });
});
