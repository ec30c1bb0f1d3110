/**
 * End to end: the certificate workbook kaiser-check writes, loaded into HyperFormula with every
 * KAISER function registered through the adapters Excel calls, and recalculated from the model's
 * inputs (the cached results ignored): every formula of the certificate gives the value the file
 * caches, which is the review's figure. The same for a certificate with its own as-of date.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CellError } from "hyperformula";
import type { CellValue as HfCellValue } from "hyperformula";
import { serial } from "../../src/engine/dates";
import { CERTIFICATE_SHEET, certificateDesign, certificateValues } from "../../src/review/certificate";
import { review } from "../../src/review/review";
import { factsFromSnapshot } from "../../src/review/sheetDesign";
import type { CellValue } from "../../src/review/snapshot";
import { addDesignSheet } from "../../src/workbook/certificateXlsx";
import { snapshotFromXlsx } from "../../src/workbook/xlsxSnapshot";
import { excelCodeOf } from "./support/kaiserPlugin";
import { loadWorkbook, LoadedWorkbook } from "./support/hyperformulaWorkbook";

const MODEL = path.resolve(__dirname, "../../examples/amendment-model.xlsx");

/** HyperFormula's value as the snapshot holds values. */
function plain(v: HfCellValue): CellValue {
  if (v instanceof CellError) return { error: excelCodeOf(v) };
  if (v === null || v === undefined) return null;
  return v as CellValue;
}

describe.each([
  ["the model's as-of date", undefined],
  ["an as-of date of its own (2004-09-30)", serial(2004, 9, 30)],
  ["an as-of date before any Threshold Event (2004-09-02)", serial(2004, 9, 2)],
])("the certificate for %s, recalculated", (_what, asOf) => {
  let book: LoadedWorkbook;
  let design: ReturnType<typeof certificateDesign>;
  let values: Record<string, CellValue>;
  let tmp: string;

  beforeAll(async () => {
    const data = fs.readFileSync(MODEL);
    const snapshot = await snapshotFromXlsx(data);
    design = certificateDesign(factsFromSnapshot(snapshot), { asOf });
    values = certificateValues(review(snapshot), asOf) as Record<string, CellValue>;
    const bytes = await addDesignSheet(data, design, CERTIFICATE_SHEET, values);
    // The file as kaiser-check writes it, through a file as a user would hand it on.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-e2e-"));
    const file = path.join(tmp, "certificate.xlsx");
    fs.writeFileSync(file, bytes);
    book = await loadWorkbook(fs.readFileSync(file));
  });

  afterAll(() => {
    book?.hf.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("gives every formula the value the file caches, the review's figure [1.1(f), 1.1(e), 1.1(aa), 1.1(t)]", () => {
    const formulas = design.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThanOrEqual(18);
    const got = Object.fromEntries(formulas.map((c) => [c.figure, plain(book.cell(CERTIFICATE_SHEET, c.address))]));
    const want = Object.fromEntries(formulas.map((c) => [c.figure, values[c.figure as string]]));
    expect(got).toEqual(want);
  });

  it("names the limit of clause (b) that binds, from KAISER.BORROWINGBASEDETAIL [1.1(f)(b)]", () => {
    const cell = design.cells.find((c) => c.figure === "clauseBLimit")?.address ?? "";
    // 85% × 72% × 180,000,000 = 110,160,000 is below 65% × 180,000,000 and $125,000,000.
    expect(book.cell(CERTIFICATE_SHEET, cell)).toBe("Inventory (b): 85% of the Net Recovery Percentage binds [1.1(f)(b)]");
  });
});

describe("the status before the first Threshold Event", () => {
  it("is None on 2004-09-02, the first event (2004-09-08) coming after the as-of date [1.1(aa)]", async () => {
    const snapshot = await snapshotFromXlsx(fs.readFileSync(MODEL));
    const values = certificateValues(review(snapshot), serial(2004, 9, 2));
    expect(values.event5Found).toBe(serial(2004, 9, 8));
    expect(values.event5).toBe("None");
    expect(values.event3).toBe("None");
    expect(values.status).toBe("No Threshold Event has occurred");
    // Before any clause (b) reduction only the 2004-07-15 disposition counts [1.1(t)(a)].
    expect(values.ppeReductions).toBe(1250000);
  });
});
