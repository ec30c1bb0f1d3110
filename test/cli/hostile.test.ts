/**
 * kaiser-check on the hostile corpus (test/support/hostileCorpus.ts), generated here at test time:
 * each file ends with its exit status and one line naming what is wrong (the part, the limit),
 * and no workbook text can forge a line of the text report or reach the terminal as an escape.
 * Time and memory of these files are figures of `npm run bench`, not asserted here.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hostileCorpus, EVIL_SHEET } from "../support/hostileCorpus";
import { ensureBuilt, runCli } from "./support/cli";

let tmp: string;
let corpus: ReturnType<typeof hostileCorpus>;

beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-hostile-"));
  corpus = hostileCorpus(tmp);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** One line on stderr, nothing on stdout, exit 2. */
async function refused(file: string, args: string[] = []): Promise<string> {
  const { code, stdout, stderr } = await runCli([file, ...args]);
  expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
  expect(stderr.split("\n").filter((l) => l !== "" && !/^kaiser-check: (reading|done)/.test(l))).toHaveLength(1);
  return stderr.split("\n").find((l) => l.startsWith("kaiser-check: ") && !/^kaiser-check: (reading|done)/.test(l)) ?? "";
}

describe("bounded [CLI]", () => {
  it("reads a model with one more value at XFD1048576 and finds it ready (the cell costs one cell, not a used range)", async () => {
    const { code, stdout, stderr } = await runCli([await corpus.farCell()]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("Ready: 0 errors, 0 warnings, 0 infos");
  });

  it("exits 2 on a part that inflates past 256 MB, naming the part and the limit", async () => {
    const file = await corpus.partBomb();
    expect(fs.statSync(file).size).toBeLessThan(2 * 1048576);
    expect(await refused(file)).toMatch(/part-bomb\.xlsx: The part "xl\/worksheets\/sheet1\.xml" inflates to more than 256 MB, the limit for one part of a workbook; it was not read further \(--max-part-mb raises it\)$/);
  });

  it("stops inflating at the cap when the zip directory lies about the part's size", async () => {
    expect(await refused(await corpus.lyingBomb(), ["--max-part-mb", "16"])).toMatch(/The part "xl\/worksheets\/sheet1\.xml" inflates to more than 16 MB, the limit for one part of a workbook; it was not read further \(--max-part-mb raises it\)$/);
  });

  it("raises the part cap with --max-part-mb, and then the part's lie is found", async () => {
    expect(await refused(await corpus.lyingBomb(), ["--max-part-mb", "64"])).toMatch(/The part "xl\/worksheets\/sheet1\.xml" is corrupt: it inflates to 41,94[\d,]+ bytes, not the 1,024 its zip directory says$/);
  });

  it("exits 2 when all parts together pass the total cap, naming the part where it was passed", async () => {
    expect(await refused(await corpus.totalBomb(), ["--max-total-mb", "100"])).toMatch(/The workbook's parts inflate to more than 100 MB in all \(the limit\), reached in the part "xl\/worksheets\/sheet1\.xml"; it was not read further \(--max-total-mb raises it\)$/);
  });

  it("exits 2 on a file larger than --max-file-mb before reading it", async () => {
    const file = path.join(tmp, "big.xlsx");
    fs.writeFileSync(file, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(1536 * 1024)]));
    expect(await refused(file, ["--max-file-mb", "1"])).toMatch(/big\.xlsx is 1\.5 MB, more than the limit of 1 MB for a workbook, so it is not read \(--max-file-mb raises it\)$/);
  });

  it("exits 2 past the cell cap, naming the part", async () => {
    expect(await refused(await corpus.farCell(), ["--max-cells", "100"])).toMatch(/The workbook holds more than 100 cells \(the limit\), reached in the part "xl\/worksheets\/sheet1\.xml"; it was not read further \(--max-cells raises it\)$/);
  });

  it("bounds the shared strings by the cell limit", async () => {
    expect(await refused(await corpus.manyStrings(), ["--max-cells", "5"])).toMatch(/The part "xl\/sharedStrings\.xml" lists more than 5 shared strings \(the cell limit\), far beyond what Excel writes; it was not read further \(--max-cells raises it\)$/);
  });

  it("refuses /dev/zero without reading it", async () => {
    expect(await refused("/dev/zero")).toBe("kaiser-check: /dev/zero is not a regular file (a device, a pipe or a socket), so it is not read");
  });

  it.each([
    ["a zero-byte file", "zeroBytes", /zero\.xlsx is empty \(0 bytes\), not an \.xlsx workbook$/],
    ["a text file renamed .xlsx", "textFile", /notes\.xlsx is not an \.xlsx workbook/],
  ] as const)("exits 2 on %s", async (_what, key, message) => {
    expect(await refused(await corpus[key]())).toMatch(message);
  });
});

describe("XML that is refused [CLI]", () => {
  it("refuses entity expansion (a DOCTYPE with entities), naming the part", async () => {
    expect(await refused(await corpus.entityExpansion())).toMatch(/The part "xl\/workbook\.xml" declares a document type \(<!DOCTYPE …>\), where entities are defined; no \.xlsx has one, and entity expansion and external entities are refused$/);
  });

  it("refuses an external entity, naming the part", async () => {
    expect(await refused(await corpus.externalEntity())).toMatch(/The part "xl\/worksheets\/sheet1\.xml" declares a document type/);
  });

  it("refuses a reference to an entity no part declares", async () => {
    expect(await refused(await corpus.undeclaredEntity())).toMatch(/The part "xl\/worksheets\/sheet1\.xml" refers to the entity &e;, which no \.xlsx defines/);
  });

  it("refuses a part named ../../x", async () => {
    expect(await refused(await corpus.traversal())).toMatch(/The package holds a part named "\.\.\/\.\.\/x", which is not a name an \.xlsx part can have/);
  });
});

describe("checked [CLI]", () => {
  it("reports a part whose CRC-32 does not match as corrupt, naming it", async () => {
    expect(await refused(await corpus.crcCorrupt())).toMatch(/crc\.xlsx: The part "xl\/worksheets\/sheet1\.xml" is corrupt: its checksum \(CRC-32\) does not match its contents$/);
  });

  it("reports a truncated file as truncated", async () => {
    expect(await refused(await corpus.truncated())).toMatch(/truncated\.xlsx: The file is damaged: it has no zip directory at its end \(it is truncated, or not a complete \.xlsx package\)$/);
  });

  it("reports a part whose XML is cut short, naming it", async () => {
    expect(await refused(await corpus.truncatedPart())).toMatch(/The part "xl\/worksheets\/sheet1\.xml" ends before its XML does \(it is cut short\); the file is damaged$/);
  });

  it("reports <v>0x10</v> as what it is, not as 0", async () => {
    expect(await refused(await corpus.hexNumber())).toMatch(/The part "xl\/worksheets\/sheet1\.xml" is damaged: the cell A1 holds "0x10" where a number belongs \(Excel writes only decimal numbers there\)$/);
  });
});

describe("honest messages [CLI]", () => {
  interface Doc {
    findings: { ruleId: string; message: string; cell: string }[];
  }
  async function findings(file: string): Promise<Doc["findings"]> {
    return (JSON.parse((await runCli([file, "--json"])).stdout) as Doc).findings;
  }

  it("says a 400-digit text is text, never suggesting -Infinity or Infinity [1.1(f)(b)]", async () => {
    const found = (await findings(await corpus.longDigits())).filter((f) => f.message.startsWith("EligibleInventory"));
    expect(found.map((f) => f.ruleId)).toEqual(["text-not-number"]);
    expect(found[0].message).toMatch(/^EligibleInventory holds the text "9{400}"; it must be an amount in US dollars\.$/);
    expect(found[0].message).not.toMatch(/Infinity/);
  });

  it("reports a date of -1E308 as the number it is, not as blank [1.1(aa)]", async () => {
    const found = (await findings(await corpus.hugeNegativeDate())).filter((f) => f.message.startsWith("AsOfDate"));
    expect(found.map((f) => f.message)).toEqual(["AsOfDate holds -1e+308, which is not an Excel date."]);
  });

  it("reports one formula filled over ten cells (a shared formula) once, at its first cell [5(d)]", async () => {
    const found = (await findings(await corpus.sharedFormula())).filter((f) => f.ruleId === "literal-term-in-formula");
    expect(found.map((f) => f.cell)).toEqual(["Sheet1!B1"]);
    expect(found[0].message).toContain("The formula =A1*0.00875 types 0.00875");
  });
});

describe("safe to print [CLI]", () => {
  it("shows a line break and an escape in a cell's text visibly, so no line is forged; --json keeps the text exact", async () => {
    const file = await corpus.controlCharacters();
    const { code, stdout } = await runCli([file]);
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/\u001b/);
    expect(stdout.split("\n")).not.toContain("Ready: 0 errors, 0 warnings, 0 infos␛[2J");
    expect(stdout.split("\n").filter((l) => l.startsWith("Ready"))).toEqual([]);
    expect(stdout).toContain("180000000⏎Ready: 0 errors, 0 warnings, 0 infos␛[2J");
    const json = await runCli([file, "--json"]);
    const doc = JSON.parse(json.stdout) as { findings: { message: string }[] };
    expect(doc.findings.some((f) => f.message.includes("180000000\nReady: 0 errors, 0 warnings, 0 infos\u001b[2J"))).toBe(true);
  });

  it("shows a sheet name's escape and line break visibly where a finding names its cell", async () => {
    const { stdout } = await runCli([await corpus.controlSheetName()]);
    expect(stdout).not.toMatch(/\u001b/);
    expect(stdout).toContain("'Evil␛[31m⏎Ready: 0 errors, 0 warnings, 0 infos'!A1");
    expect(stdout.split("\n").some((l) => l.startsWith("Ready: 0 errors"))).toBe(false);
    const doc = JSON.parse((await runCli([await corpus.controlSheetName(), "--json"])).stdout) as { findings: { cell: string }[] };
    expect(doc.findings.map((f) => f.cell)).toContain(`'${EVIL_SHEET}'!A1`);
  });

  it("shows control characters from the scenarios CSV visibly", async () => {
    const csv = path.join(tmp, "evil.csv");
    fs.writeFileSync(csv, 'Scenario,EligibleInventory\n"evil\u001b[2J\nReady: 0 errors, 0 warnings, 0 infos",180000000\n');
    const { stdout } = await runCli([await corpus.farCell(), "--scenarios", csv]);
    expect(stdout).not.toMatch(/\u001b/);
    expect(stdout).toContain("evil␛[2J⏎Ready: 0 errors, 0 warnings, 0 infos");
  });
});
