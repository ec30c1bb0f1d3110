import * as fs from "fs";
import * as path from "path";
import { certificateDesign, CERTIFICATE_SHEET } from "../../src/review/certificate";
import { fullFacts } from "../../src/review/sheetDesign";
import { addDesignSheet, CertificateWriteError } from "../../src/workbook/certificateXlsx";
import { readArchive, writeArchive } from "../../src/workbook/zipWrite";

const MODEL = new Uint8Array(fs.readFileSync(path.resolve(__dirname, "../../examples/amendment-model.xlsx")));

async function text(bytes: Uint8Array, name: string): Promise<string> {
  const entry = readArchive(bytes).find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no ${name}`);
  const data = Uint8Array.from(entry.data);
  if (entry.method === 0) return new TextDecoder().decode(data);
  return new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).text();
}

describe("adding the certificate sheet to a copy of a package", () => {
  const design = certificateDesign(fullFacts());

  it("appends its styles after the model's own, which keep their indices and counts [layout]", async () => {
    const out = await addDesignSheet(MODEL, design, CERTIFICATE_SHEET, {});
    const before = await text(MODEL, "xl/styles.xml");
    const after = await text(out, "xl/styles.xml");
    const xfs = (xml: string) => /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
    expect(xfs(after).startsWith(xfs(before))).toBe(true);
    const count = (xml: string) => Number(/<cellXfs count="(\d+)"/.exec(xml)?.[1]);
    expect(count(after)).toBe((xfs(after).match(/<xf\b/g) ?? []).length);
    expect(count(after)).toBeGreaterThan(count(before));
    // The model's dollar and date formats are reused, not defined twice.
    expect((after.match(/formatCode="yyyy-mm-dd"/g) ?? []).length).toBe(1);
  });

  it("names the sheet, its part and its print area, and leaves the cached value out when it has none [layout]", async () => {
    const out = await addDesignSheet(MODEL, design, "Certificate's copy", {});
    const workbook = await text(out, "xl/workbook.xml");
    expect(workbook).toContain('<sheet name="Certificate\'s copy" sheetId="2" r:id="rIdKaiser1"/>');
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">'Certificate''s copy'!$A$1:$C$`);
    expect(await text(out, "[Content_Types].xml")).toContain('<Override PartName="/xl/worksheets/sheet2.xml"');
    const sheet = await text(out, "xl/worksheets/sheet2.xml");
    expect(sheet).toContain("<f>KAISER.AVAILABILITYRESERVE(RevolvingCommitmentAmount)</f></c>");
    expect(sheet).toContain('<pageSetup orientation="portrait" fitToWidth="1" fitToHeight="1"/>');
  });

  it("refuses a package without the parts an .xlsx has, with the part's name [CLI]", async () => {
    const broken = writeArchive(readArchive(MODEL).filter((e) => e.name !== "xl/styles.xml"));
    await expect(addDesignSheet(broken, design, CERTIFICATE_SHEET, {})).rejects.toThrow(CertificateWriteError);
    await expect(addDesignSheet(broken, design, CERTIFICATE_SHEET, {})).rejects.toThrow("the package has no xl/styles.xml");
  });
});
