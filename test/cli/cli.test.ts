/**
 * kaiser-check as a user runs it: the built binary in a child process, on the sample workbooks and
 * on files it cannot read, checking the output, the JSON document's shape and the exit status.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { RULES } from "../../src/review/checks";
import { validate } from "../../src/review/review";
import { NAMED_CELLS, TABLES } from "../../src/review/layout";
import { snapshotFromXlsx } from "../../src/workbook/xlsxSnapshot";
import { largeModelXlsx } from "../../scripts/examples";
import { ensureBuilt, ROOT, runCli } from "./support/cli";

/**
 * stderr without the progress lines the CLI adds once a run passes one second (src/cli/progress.ts):
 * on a loaded machine even the sample model can take that long, and progress is not an error.
 */
function withoutProgress(stderr: string): string {
  return stderr.replace(/^kaiser-check: (?:.*… \(\d+\.\d s\)|done in \d+\.\d s)\n/gm, "");
}

const EXAMPLES = path.join(ROOT, "examples");
const CLEAN = path.join(EXAMPLES, "amendment-model.xlsx");
const BROKEN = path.join(EXAMPLES, "broken-model.xlsx");
const SCENARIOS = path.join(EXAMPLES, "scenarios.csv");

let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-check-"));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function digest(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Runs the CLI on a file and checks the file is byte for byte and date for date as it was. */
async function checkReadOnly(file: string, args: string[] = []): Promise<Awaited<ReturnType<typeof runCli>>> {
  const before = { hash: digest(file), mtime: fs.statSync(file).mtimeMs };
  const result = await runCli([file, ...args]);
  expect({ hash: digest(file), mtime: fs.statSync(file).mtimeMs }).toEqual(before);
  return result;
}

const JSON_KEYS = ["tool", "version", "formatVersion", "file", "summary", "findings", "figures", "thresholdEvents", "ppeSchedule", "minimumEbitda", "amendmentFee", "replacedTerms", "thresholdStatus", "calendar", "scenarios", "readings"];

describe("the clean sample model", () => {
  it("exits 0 and prints no findings, then each figure with its section, the workbook's value beside it [1.1(f)]", async () => {
    const { code, stdout, stderr } = await checkReadOnly(CLEAN);
    expect({ code, stderr: withoutProgress(stderr) }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("Ready: 0 errors, 0 warnings, 0 infos");
    expect(stdout).toContain("Findings: none.");
    expect(stdout).toMatch(/Borrowing Base \(a\)\+\(b\)\+\(c\)\s+1\.1\(f\)\s+\$220,160,000\.00\s+\$220,160,000\.00\s+'Amendment Model'!B18/);
    expect(stdout).toMatch(/Threshold: 85% of \(a\)\+\(b\)\s+1\.1\(aa\)\s+\$174,386,000\.00\s+\$174,386,000\.00/);
    expect(stdout).toMatch(/Availability Reserve\s+1\.1\(e\)\s+\$20,000,000\.00\s+\$20,000,000\.00/);
    expect(stdout).toMatch(/Inventory \(b\): 85% of the Net Recovery Percentage binds\s+1\.1\(f\)\(b\)\s+\$110,160,000\.00/);
    expect(stdout).not.toContain("MISMATCH");
  });

  it("shows the figures the Seventh Amendment replaced, before and after (Reading R-TERM-EFFECTIVE) [1.2, 1.1(o), 1.3]", async () => {
    const { stdout } = await runCli([CLEAN]);
    const block = stdout.slice(stdout.indexOf("Figures the Seventh Amendment replaced"));
    expect(block).toMatch(/Revolving Commitment Amount after the Seventh Amendment.*\$285,000,000\.00\s+\$200,000,000\.00\s+1\.2/);
    expect(block).toMatch(/Maximum Letter of Credit Amount\s+\$125,000,000\.00\s+\$100,000,000\.00\s+1\.1\(o\)/);
    expect(block).toMatch(/Commitment fee.*0\.5000%\s+0\.6250%\s+1\.3/);
  });

  it("lists every Threshold Event, 5-day and 3-day, with its clause [1.1(aa)]", async () => {
    const { stdout } = await runCli([CLEAN]);
    const events = stdout.slice(stdout.indexOf("Threshold Events"), stdout.indexOf("PPE Subcomponent schedule"));
    // 5 days: 09-01..09-08 (Labor Day skipped), 09-20..09-24, and five October days (clause (y)).
    expect(events).toMatch(/5 Business Days \[1\.1\(aa\)\]: 3 events\n {4}2004-09-08 {2}clause \(x and y\)\n {4}2004-09-24 {2}clause \(x\)\n {4}2004-10-25 {2}clause \(y\)/);
    // 3 days: 09-01..03; 09-20..22 (clause (x): clause (y) is spent for September, Reading R-TE-RECUR); 10-04, 08, 13.
    expect(events).toMatch(/3 Business Days, for Section 9\.2\.4 \[1\.1\(aa\), 9\.2\.4\]: 3 events\n {4}2004-09-03 .*\n {4}2004-09-22 {2}clause \(x\)\n {4}2004-10-13 {2}clause \(y\)/);
  });

  it("prints the PPE schedule, the Minimum EBITDA periods and the amendment fee's split [1.1(t), 9.2.4, 5(d)]", async () => {
    const { stdout } = await runCli([CLEAN]);
    expect(stdout).toMatch(/2004-10-25 {2}THRESHOLDEVENT {2}\(b\)\s+\$1,500,000\.00\s+\$20,000,000\.00\s+\$25,000,000\.00 {2}\(b\) limited by the \$25,000,000 floor/);
    // November: −20,500,000 less the dispositions' 2-month amounts, 3,050,000 × 60/61 + 2,440,000 × 15/61 = 3,600,000 (Reading R-EBITDA-PERIOD-AMOUNT).
    expect(stdout).toMatch(/2004-11-30\s+-\$21,400,000\.00\s+\$3,600,000\.00\s+-\$24,100,000\.00\s+\$2,700,000\.00 {2}PASS/);
    // 0.00875 × 38,597,000 = 337,723.75 [5(d), Schedule A]
    expect(stdout).toMatch(/Bank of America, N\.A\.\s+\$38,597,000\.00\s+19\.2985%\s+\$337,723\.75/);
    expect(stdout).toMatch(/Total\s+\$200,000,000\.00\s+100\.0000%\s+\$1,750,000\.00/);
  });

  it("--json prints one document with stable keys, amounts as numbers and dates as ISO dates [1.1(f)]", async () => {
    const { code, stdout, stderr } = await checkReadOnly(CLEAN, ["--json"]);
    expect({ code, stderr: withoutProgress(stderr) }).toEqual({ code: 0, stderr: "" });
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(JSON_KEYS);
    expect(doc).toMatchObject({ tool: "kaiser-check", formatVersion: 1, file: CLEAN, summary: { errors: 0, warnings: 0, infos: 0, ready: true, mismatches: 0 }, findings: [], scenarios: null });
    const figure = (key: string): Record<string, unknown> => doc.figures.find((f: { key: string }) => f.key === key);
    expect(figure("borrowingBase")).toEqual({
      key: "borrowingBase",
      label: "Borrowing Base (a)+(b)+(c)",
      section: "1.1(f)",
      format: "usd",
      value: 220160000,
      workbookValue: 220160000,
      cell: "'Amendment Model'!B18",
      mismatch: false,
      note: null,
    });
    expect(figure("firstThresholdEvent")).toMatchObject({ format: "date", value: "2004-09-08", section: "1.1(aa)" });
    expect(doc.thresholdEvents.map((l: { daysRequired: number; events: { date: string }[] }) => [l.daysRequired, l.events.map((e) => e.date)])).toEqual([
      [5, ["2004-09-08", "2004-09-24", "2004-10-25"]],
      [3, ["2004-09-03", "2004-09-22", "2004-10-13"]],
    ]);
    expect(doc.replacedTerms).toEqual([
      { key: "revolvingCommitmentAmount", section: "1.2", unit: "USD", before: 285000000, after: 200000000 },
      { key: "maximumLetterOfCreditAmount", section: "1.1(o)", unit: "USD", before: 125000000, after: 100000000 },
      { key: "commitmentFeeRate", section: "1.3", unit: "fraction per annum", before: 0.005, after: 0.00625 },
    ]);
    expect(doc.ppeSchedule.rows).toHaveLength(7);
    expect(doc.ppeSchedule.rows[3]).toEqual({ date: "2004-10-01", kind: "GRAMERCY", clause: "(c)(1)", reduction: 12250000, cumulative: 18500000, ppeSubcomponent: 26500000, note: expect.any(String) });
    // Each period's floor from the dispositions' amounts for that period (Reading R-EBITDA-PERIOD-AMOUNT).
    expect(doc.minimumEbitda.periods.map((p: { periodEnd: string; minimum: number; reduction: number; test: string }) => [p.periodEnd, p.minimum, p.reduction, p.test])).toEqual([
      ["2004-10-31", -24000000, 1500000, "PASS"],
      ["2004-11-30", -24100000, 3600000, "PASS"],
      ["2004-12-31", -25850000, 6350000, "PASS"],
    ]);
    const cents = doc.amendmentFee.allocation.reduce((sum: number, a: { amount: number }) => sum + Math.round(a.amount * 100), 0);
    expect({ fee: doc.amendmentFee.fee, cents, lenders: doc.amendmentFee.allocation.length }).toEqual({ fee: 1750000, cents: 175000000, lenders: 7 });
  });
});

describe("the broken sample model", () => {
  it("exits 1 and reports every rule's bad case with its cell and section [layout]", async () => {
    const { code, stdout, stderr } = await checkReadOnly(BROKEN);
    expect({ code, stderr: withoutProgress(stderr) }).toEqual({ code: 1, stderr: "" });
    for (const rule of RULES) expect(stdout).toContain(`  ${rule.id}  `);
    expect(stdout).toMatch(/Availability Reserve\s+1\.1\(e\)\s+\$20,000,000\.00\s+\$25,000,000\.00\s+MISMATCH 'Amendment Model'!B20/);
  });

  it("gives the same findings as the task pane's checks on the same file [layout]", async () => {
    const { stdout } = await runCli([BROKEN, "--json"]);
    const doc = JSON.parse(stdout);
    const pane = validate(await snapshotFromXlsx(fs.readFileSync(BROKEN)));
    expect(doc.findings).toEqual(pane.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, cell: f.cell, section: f.section })));
    expect(doc.summary).toMatchObject({ ready: false, mismatches: 1 });
  });
});

describe("scenarios", () => {
  it("prints one line of results per scenario, after the workbook's own [1.1(f)]", async () => {
    const { code, stdout, stderr } = await checkReadOnly(CLEAN, ["--scenarios", SCENARIOS]);
    expect({ code, stderr: withoutProgress(stderr) }).toEqual({ code: 0, stderr: "" });
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toContain("6 scenarios");
    const table = lines.slice(lines.findIndex((l) => l.startsWith("scenario")));
    expect(table).toHaveLength(1 + 1 + 6);
    // Inventory 144,000,000: the least of 125,000,000, 65% of it (93,600,000) and 85% × 72% of it (88,128,000);
    // 95,000,000 + 88,128,000 + 15,000,000 = 198,128,000; Threshold 85% × 183,128,000 = 155,658,800.
    expect(table.find((l) => l.startsWith("Inventory down 20%"))).toMatch(/\$198,128,000\.00\s+\$155,658,800\.00/);
    // Before the appraisal: 65% × 180,000,000 = 117,000,000; 95,000,000 + 117,000,000 + 15,000,000.
    expect(table.find((l) => l.startsWith("Before the appraisal"))).toMatch(/\$227,000,000\.00\s+\$180,200,000\.00/);
  });

  it("--json carries each scenario's overrides and figures [1.1(f)]", async () => {
    const { stdout } = await runCli([CLEAN, "--json", "--scenarios", SCENARIOS]);
    const doc = JSON.parse(stdout);
    expect(doc.scenarios).toHaveLength(6);
    expect(doc.scenarios[2]).toMatchObject({ name: "Inventory down 20%", line: 4, overrides: { EligibleInventory: 144000000 }, problems: [] });
    expect(doc.scenarios[2].figures).toMatchObject({ borrowingBase: 198128000, threshold: 155658800, firstThresholdEvent: "2004-09-08" });
    expect(doc.scenarios[1].overrides).toEqual({ NetRecoveryPercentage: null });
  });

  it("exits 1 when a scenario sets an input the calculations cannot use, and says which [1.1(e)]", async () => {
    const csv = path.join(tmp, "negative.csv");
    fs.writeFileSync(csv, "Scenario,RevolvingCreditOutstandings\nRepaid too much,-1\n");
    const { code, stdout } = await runCli([CLEAN, "--scenarios", csv]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/Repaid too much .*RevolvingCreditOutstandings=-1; .*RevolvingCreditOutstandings is negative/);
  });

  it("exits 2 with one line naming the line and column of a bad scenarios file [CLI]", async () => {
    const csv = path.join(tmp, "typo.csv");
    fs.writeFileSync(csv, "Scenario,EligibleInventry\nx,1\n");
    const { code, stdout, stderr } = await runCli([CLEAN, "--scenarios", csv]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^kaiser-check: .*typo\.csv: line 1: column "EligibleInventry" is not a named input of the layout; use AsOfDate, .*\n$/);
  });
});

describe("files it cannot read", () => {
  const compound = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const cases: [string, () => string, RegExp][] = [
    ["a file that does not exist", () => path.join(tmp, "missing.xlsx"), /missing\.xlsx: no such file$/],
    ["a text file renamed .xlsx", () => write("notes.xlsx", "Date,Outstandings\n2004-09-01,150000000\n"), /notes\.xlsx is not an \.xlsx workbook/],
    ["an empty (0-byte) file", () => write("zero.xlsx", ""), /zero\.xlsx is empty \(0 bytes\)/],
    ["a truncated (corrupt) workbook", () => write("truncated.xlsx", fs.readFileSync(CLEAN).subarray(0, 4000)), /truncated\.xlsx: The file is damaged: it has no zip directory at its end/],
    ["a zip that is not a workbook", () => write("archive.xlsx", zipOf("readme.txt")), /archive\.xlsx: The file is a ZIP archive but not an Excel workbook \(it has no xl\/workbook\.xml\)$/],
    ["a password-protected workbook", () => write("secret.xlsx", Buffer.concat([compound, Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le")])), /secret\.xlsx is encrypted/],
    ["an Excel 97-2003 file", () => write("old.xlsx", Buffer.concat([compound, Buffer.alloc(504)])), /old\.xlsx is an Excel 97-2003 \(\.xls\) workbook/],
    [
      "a directory",
      () => {
        const dir = path.join(tmp, "folder.xlsx");
        fs.mkdirSync(dir, { recursive: true });
        return dir;
      },
      /folder\.xlsx is a directory/,
    ],
  ];

  function write(name: string, data: string | Buffer): string {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, data);
    return file;
  }

  /** The smallest zip holding one stored file: a zip, but no workbook. */
  function zipOf(name: string): Buffer {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(n.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + n.length, 12);
    end.writeUInt32LE(30 + n.length, 16);
    return Buffer.concat([local, n, central, n, end]);
  }

  it.each(cases)("exits 2 with one line and no stack trace for %s [CLI]", async (_what, make, message) => {
    const file = make();
    const { code, stdout, stderr } = await runCli([file, "--json"]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    const error = withoutProgress(stderr);
    expect(error.split("\n")).toHaveLength(2); // one line and its newline
    expect(error.trimEnd()).toMatch(message);
    expect(error).toMatch(/^kaiser-check: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [[], "no workbook given"],
    [["model.xlsx", "--jsn"], "unknown option --jsn"],
  ])("exits 2 on a wrong command line %j, with the usage [CLI]", async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: kaiser-check <file.xlsx>");
  });
});

describe("an empty workbook", () => {
  it("exits 1 naming every required name and table it lacks, and computes nothing from nothing [layout]", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const file = path.join(tmp, "empty.xlsx");
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const { code, stdout, stderr } = await checkReadOnly(file, ["--json"]);
    expect({ code, stderr: withoutProgress(stderr) }).toEqual({ code: 1, stderr: "" });
    const doc = JSON.parse(stdout);
    const missingNames = doc.findings.filter((f: { ruleId: string }) => f.ruleId === "missing-name").length;
    const missingTables = doc.findings.filter((f: { ruleId: string }) => f.ruleId === "missing-table").length;
    expect({ missingNames, missingTables }).toEqual({ missingNames: NAMED_CELLS.filter((e) => e.required).length, missingTables: TABLES.filter((t) => t.table.required).length });
    const bb = doc.figures.find((f: { key: string }) => f.key === "borrowingBase");
    expect(bb).toMatchObject({ value: null, note: expect.stringContaining("ReceivablesComponent") });
    expect(doc.amendmentFee).toMatchObject({ fee: null, allocation: [] });
  });
});

describe("a 100,000-row workbook", () => {
  let big: string;

  beforeAll(async () => {
    big = path.join(tmp, "big.xlsx");
    fs.writeFileSync(big, await largeModelXlsx(100000));
  });

  it("checks it, caps repeated findings, recomputes the figures and shows progress on stderr [1.1(aa)]", async () => {
    const { code, stdout, stderr } = await checkReadOnly(big, ["--json"]);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    const badDates = doc.findings.filter((f: { ruleId: string }) => f.ruleId === "bad-date");
    // Dates past 2030: ten findings, then one that counts the rest.
    expect(badDates).toHaveLength(11);
    expect(badDates[10].message).toMatch(/^… and [\d,]+ more like these in DailyOutstandings\[Date\]/);
    expect(doc.figures.find((f: { key: string }) => f.key === "borrowingBase")).toMatchObject({ value: 220160000, mismatch: false });
    expect(doc.thresholdEvents[0].events.map((e: { date: string }) => e.date)).toEqual(["2004-09-08", "2004-09-24", "2004-10-25"]);
    // The stage under way when the second passes: the streaming reader may finish the file before it.
    expect(stderr).toMatch(/^kaiser-check: (reading|checking|writing).*… \(\d+\.\d s\)$/m);
    expect(stderr).toMatch(/^kaiser-check: done in \d+\.\d s$/m);
  });
});
