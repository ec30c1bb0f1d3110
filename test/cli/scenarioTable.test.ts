/** kaiser-check uses the workbook's own Scenarios table when --scenarios is not given, in the same JSON shape. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ensureBuilt, ROOT, runCli } from "./support/cli";
import { readScenarioTable } from "../../src/review/scenarioTable";
import { snapshotFromXlsx } from "../../src/workbook/xlsxSnapshot";

const CLEAN = path.join(ROOT, "examples", "amendment-model.xlsx");
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-scenario-table-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The sample model with a Scenarios table added on a sheet of its own. */
async function withScenarios(name: string, columns: string[], rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(CLEAN);
  const ws = wb.addWorksheet("What-if");
  ws.addTable({ name: "Scenarios", ref: "A1", headerRow: true, columns: columns.map((c) => ({ name: c })), rows });
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("the workbook's Scenarios table [layout; 1.1(f)]", () => {
  it("is read into overrides, and the CLI gives the same scenarios as the same CSV (a round trip) [1.1(f)]", async () => {
    const file = await withScenarios("table.xlsx", ["Scenario", "EligibleInventory", "NetRecoveryPercentage"], [
      ["Inventory down 20%", 144000000, null],
      ["Before the appraisal", null, "blank"],
    ]);
    const table = readScenarioTable(await snapshotFromXlsx(fs.readFileSync(file)));
    expect(table).toEqual({
      scenarios: [
        { name: "Inventory down 20%", row: 2, overrides: [{ name: "EligibleInventory", value: 144000000 }] },
        { name: "Before the appraisal", row: 3, overrides: [{ name: "NetRecoveryPercentage", value: null }] },
      ],
    });
    const fromTable = JSON.parse((await runCli([file, "--json"])).stdout).scenarios;
    const csv = path.join(tmp, "same.csv");
    fs.writeFileSync(csv, "Scenario,EligibleInventory,NetRecoveryPercentage\nInventory down 20%,144000000,\nBefore the appraisal,,blank\n");
    const fromCsv = JSON.parse((await runCli([CLEAN, "--json", "--scenarios", csv])).stdout).scenarios;
    expect(fromTable).toEqual(fromCsv);
    expect(fromTable[0].figures).toMatchObject({ borrowingBase: 198128000, threshold: 155658800 });
  });

  it("exits 2 naming the cell when a column is not a named input [layout]", async () => {
    const file = await withScenarios("typo.xlsx", ["Scenario", "EligibleInventry"], [["x", 1]]);
    const { code, stderr } = await runCli([file]);
    expect(code).toBe(2);
    expect(stderr).toContain("'What-if'!A1:B2: column \"eligibleinventry\" of table Scenarios is not a named input");
  });
});
