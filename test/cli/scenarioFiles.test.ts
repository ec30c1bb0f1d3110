/** kaiser-check --scenarios on files as Excel saves them: en-US, de-DE and "Unicode Text". */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensureBuilt, ROOT, runCli } from "./support/cli";

const CLEAN = path.join(ROOT, "examples", "amendment-model.xlsx");
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-scenarios-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}
/** Windows-1252 for text whose only non-ASCII character is "ä". */
const cp1252 = (text: string): Uint8Array => Uint8Array.from([...text].map((ch) => (ch === "ä" ? 0xe4 : ch.charCodeAt(0))));
const utf16le = (text: string): Uint8Array => Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);

describe("kaiser-check --scenarios with files as Excel saves them [CLI]", () => {
  it("reads a de-DE CSV (semicolon, Windows-1252, 144.000.000, 72 %, 31.10.2004) with --date-order dmy [1.1(f)]", async () => {
    const file = write("de.csv", cp1252("Scenario;EligibleInventory;NetRecoveryPercentage;AsOfDate\r\nLagerbestand verändert;144.000.000;72 %;31.10.2004\r\n"));
    const { code, stdout, stderr } = await runCli([CLEAN, "--json", "--scenarios", file, "--date-order", "dmy"]);
    expect(stderr).not.toContain("kaiser-check: ");
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.scenarios).toHaveLength(1);
    expect(doc.scenarios[0]).toMatchObject({ name: "Lagerbestand verändert", line: 2, overrides: { EligibleInventory: 144000000, NetRecoveryPercentage: 0.72, AsOfDate: 38291 } });
  });

  it("reads en-US Unicode Text (UTF-16 LE, tab-delimited) the same as its CSV [1.1(f)]", async () => {
    const text = "Scenario\tEligibleInventory\r\nInventory down 20%\t$144,000,000\r\n";
    const tab = await runCli([CLEAN, "--json", "--scenarios", write("unicode.txt", utf16le(text))]);
    const csv = await runCli([CLEAN, "--json", "--scenarios", write("en.csv", cp1252('Scenario,EligibleInventory\r\nInventory down 20%,"$144,000,000"\r\n'))]);
    expect(tab.code).toBe(0);
    expect(JSON.parse(tab.stdout).scenarios).toEqual(JSON.parse(csv.stdout).scenarios);
    expect(JSON.parse(tab.stdout).scenarios[0].figures).toMatchObject({ borrowingBase: 198128000 });
  });

  it("exits 2 with one line naming the row, column and value of an impossible date [CLI]", async () => {
    const file = write("dates.csv", cp1252("Scenario,AsOfDate\r\nx,10/31/2004\r\n"));
    const { code, stdout, stderr } = await runCli([CLEAN, "--scenarios", file, "--date-order", "dmy"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^kaiser-check: .*dates\.csv: row 2, column AsOfDate: "10\/31\/2004" is not a date read as day\/month\/year: there is no month 31; a month-first file is read without --date-order dmy\n$/);
  });
});
