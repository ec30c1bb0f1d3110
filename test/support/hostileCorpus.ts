/**
 * The hostile corpus, generated at test time into a temporary folder and small on disk: bombs are
 * deflated chunk by chunk as they are written (scripts/streamXlsx.ts), never held in memory. Each
 * file is a minimal package (content types, relationships, workbook, one sheet) with one thing
 * wrong, or the ready model with one hostile thing added.
 */
import * as fs from "fs";
import * as path from "path";
import { escapeXml, EntryOptions, EntrySource, repeated, writeSnapshotXlsx, ZipFileWriter } from "../../scripts/streamXlsx";
import { snapshotFromTemplate } from "../../src/review/template";
import { GRID_COLUMNS, GRID_ROWS, sheetFromGrid, SheetSnapshot, WorkbookSnapshot } from "../../src/review/snapshot";
import { term } from "../../src/engine/terms";
import { setCell, setNamed } from "./snapshots";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const SHEET_PART = "xl/worksheets/sheet1.xml";

/** A sheet name with an escape sequence (red text) and a line that forges the summary. */
export const EVIL_SHEET = "Evil\u001b[31m\nReady: 0 errors, 0 warnings, 0 infos";

export interface PackageParts {
  /** Replaces a part's content, or adds a part, by name; `null` leaves the part out. */
  readonly parts?: Readonly<Record<string, EntrySource | null>>;
  /** Options for one part's entry (a wrong CRC, a lying size). */
  readonly options?: Readonly<Record<string, EntryOptions>>;
  /** The sheet's `<sheetData>` content (one cell at A1 by default). */
  readonly sheetData?: string;
  readonly sheetName?: string;
}

/** A minimal one-sheet package, with `change` applied. */
export async function minimalXlsx(file: string, change: PackageParts = {}): Promise<string> {
  const sheetName = change.sheetName ?? "Sheet1";
  const defaults: Record<string, EntrySource> = {
    "[Content_Types].xml": [`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`],
    "_rels/.rels": [`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    "xl/workbook.xml": [`${XML}<workbook ${NS}><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`],
    "xl/_rels/workbook.xml.rels": [`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    [SHEET_PART]: [`${XML}<worksheet ${NS}><sheetData>${change.sheetData ?? '<row r="1"><c r="A1"><v>1</v></c></row>'}</sheetData></worksheet>`],
  };
  const parts: Record<string, EntrySource | null> = { ...defaults, ...change.parts };
  const zip = new ZipFileWriter(file);
  for (const [name, source] of Object.entries(parts)) if (source !== null) await zip.add(name, source, change.options?.[name]);
  zip.close();
  return file;
}

/** A sheet part that inflates to `bytes` of padding (XML comments inside sheetData), written chunk by chunk. */
export function sheetBomb(bytes: number): EntrySource {
  return repeated("<!-- padding padding padding padding padding padding padding -->", bytes, `${XML}<worksheet ${NS}><sheetData>`, "</sheetData></worksheet>");
}

/** The ready model with changes, written as an .xlsx. */
export async function modelXlsxWith(file: string, change: (s: WorkbookSnapshot) => void = () => undefined): Promise<string> {
  const snapshot = snapshotFromTemplate();
  change(snapshot);
  await writeSnapshotXlsx(file, snapshot);
  return file;
}

/** Every hostile file, by name; each is generated on first use. */
export function hostileCorpus(dir: string): Record<string, () => Promise<string>> {
  const at = (name: string): string => path.join(dir, name);
  const MB = 1048576;
  return {
    // One value at the grid's last cell, beside the ready model.
    farCell: () =>
      modelXlsxWith(at("far-cell.xlsx"), (s) => {
        setCell(s, s.sheets[0].name, GRID_ROWS - 1, GRID_COLUMNS - 1, { value: 1 });
      }),
    // Its sheet part says (truthfully) that it inflates to 300 MB: refused before inflating.
    partBomb: () => minimalXlsx(at("part-bomb.xlsx"), { parts: { [SHEET_PART]: sheetBomb(300 * MB) } }),
    // A 40 MB sheet part whose zip directory says 1 KB: only the inflating itself can stop it (the tests lower the cap to 16 MB).
    lyingBomb: () => minimalXlsx(at("lying-bomb.xlsx"), { parts: { [SHEET_PART]: sheetBomb(40 * MB) }, options: { [SHEET_PART]: { declaredSize: 1024 } } }),
    // Three parts the reader reads (shared strings, styles, the sheet), 40 MB each, against a total cap set to 100 MB on the command line.
    totalBomb: () =>
      minimalXlsx(at("total-bomb.xlsx"), {
        parts: { "xl/sharedStrings.xml": sheetBomb(40 * MB), "xl/styles.xml": sheetBomb(40 * MB), [SHEET_PART]: sheetBomb(40 * MB) },
      }),
    // The classic "billion laughs": entities defined in a DOCTYPE, each ten of the one before.
    entityExpansion: () =>
      minimalXlsx(at("laughs.xlsx"), {
        parts: {
          "xl/workbook.xml": [
            `${XML}<!DOCTYPE workbook [<!ENTITY a "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join("")}]><workbook ${NS}><sheets><sheet name="&j;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
          ],
        },
      }),
    // An external entity: the file's cell would show /etc/passwd.
    externalEntity: () =>
      minimalXlsx(at("external-entity.xlsx"), {
        parts: { [SHEET_PART]: [`${XML}<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="str"><v>&e;</v></c></row></sheetData></worksheet>`] },
      }),
    // An entity used without any declaration.
    undeclaredEntity: () => minimalXlsx(at("undeclared-entity.xlsx"), { sheetData: '<row r="1"><c r="A1" t="str"><v>&e;</v></c></row>' }),
    traversal: () => minimalXlsx(at("traversal.xlsx"), { parts: { "../../x": ["owned"] } }),
    crcCorrupt: () => minimalXlsx(at("crc.xlsx"), { options: { [SHEET_PART]: { corruptCrc: true } } }),
    truncated: async () => {
      const whole = await modelXlsxWith(at("whole.xlsx"));
      const bytes = fs.readFileSync(whole);
      fs.writeFileSync(at("truncated.xlsx"), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      return at("truncated.xlsx");
    },
    // The CRC of a cut-short part still matches: the XML itself ends too early.
    truncatedPart: () => minimalXlsx(at("truncated-part.xlsx"), { parts: { [SHEET_PART]: [`${XML}<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`] } }),
    hexNumber: () => minimalXlsx(at("hex.xlsx"), { sheetData: '<row r="1"><c r="A1"><v>0x10</v></c></row>' }),
    // A cell's text that would print a forged summary line and clear the screen.
    controlCharacters: () =>
      modelXlsxWith(at("control.xlsx"), (s) => {
        // As Excel writes an ESC in a cell: _x001B_ (the reader turns it back into ESC).
        setNamed(s, "EligibleInventory", { value: "180000000\nReady: 0 errors, 0 warnings, 0 infos_x001B_[2J" });
      }),
    // A sheet whose name carries an escape sequence and a line break, holding a pre-amendment figure.
    controlSheetName: () =>
      modelXlsxWith(at("control-sheet.xlsx"), (s) => {
        (s.sheets as SheetSnapshot[]).push(sheetFromGrid(EVIL_SHEET, { row: 0, col: 0 }, [[term("priorRevolvingCommitmentAmount").toNumber()]]));
      }),
    // A 400-digit number stored as text in an amount, and a date of -1E308.
    longDigits: () =>
      modelXlsxWith(at("long-digits.xlsx"), (s) => {
        setNamed(s, "EligibleInventory", { value: "9".repeat(400) });
      }),
    hugeNegativeDate: () =>
      modelXlsxWith(at("negative-date.xlsx"), (s) => {
        setNamed(s, "AsOfDate", { value: -1e308 });
      }),
    // One formula with a term's literal (0.00875, 5(d)) filled down ten rows: an .xlsx shared formula.
    sharedFormula: () =>
      minimalXlsx(at("shared-formula.xlsx"), {
        sheetData: Array.from({ length: 10 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}">${i === 0 ? '<f t="shared" ref="B1:B10" si="0">A1*0.00875</f>' : '<f t="shared" si="0"/>'}<v>${i * 0.00875}</v></c></row>`).join(""),
      }),
    // More shared strings than the cell limit allows (the test sets it to 5).
    manyStrings: () =>
      minimalXlsx(at("many-strings.xlsx"), {
        parts: { "xl/sharedStrings.xml": [`${XML}<sst ${NS}>${"<si><t>x</t></si>".repeat(10)}</sst>`] },
      }),
    textFile: async () => {
      fs.writeFileSync(at("notes.xlsx"), "Date,Outstandings\n2004-09-01,150000000\n");
      return at("notes.xlsx");
    },
    zeroBytes: async () => {
      fs.writeFileSync(at("zero.xlsx"), "");
      return at("zero.xlsx");
    },
  };
}
