/**
 * The Borrowing Base Certificate written into a copy of a model .xlsx (`kaiser-check --certificate`):
 * the same design Insert writes in Excel (src/review/certificate.ts), every formula with its cached
 * result (the review's figures), so a reader that does not calculate shows the amounts.
 *
 * The model's package is copied entry by entry, unchanged (zipWrite.ts); the new sheet is one more
 * part, and four parts gain a line each: xl/workbook.xml (the sheet and its print area),
 * xl/_rels/workbook.xml.rels, [Content_Types].xml, and xl/styles.xml (the certificate's fonts,
 * number formats and signature border, appended after the model's own styles, which keep their
 * indices). Text is written inline (no shared-strings change).
 */
import type { DesignCell, SheetDesign } from "../review/sheetDesign";
import { CellValue, isCellError, parseRange } from "../review/snapshot";
import { xmlAttributes } from "./zip";
import { RawEntry, readArchive, textEntry, writeArchive } from "./zipWrite";

/** Why a certificate cannot be added to this package (not an .xlsx as Excel writes one). */
export class CertificateWriteError extends Error {}

const decoder = new TextDecoder();

async function inflate(entry: RawEntry): Promise<string> {
  if (entry.method === 0) return decoder.decode(entry.data);
  if (entry.method !== 8) throw new CertificateWriteError(`unsupported ZIP compression ${entry.method} in ${entry.name}`);
  const stream = new Blob([entry.data.slice()]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return decoder.decode(await new Response(stream).arrayBuffer());
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// ---- styles ----

interface Look {
  readonly numberFormat: string;
  readonly role: DesignCell["role"];
}

const FONT_XML: Readonly<Record<DesignCell["role"], string>> = {
  title: '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>',
  heading: '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  output: '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  label: '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  input: '<font><sz val="11"/><color rgb="FF1F4E79"/><name val="Calibri"/><family val="2"/></font>',
  note: '<font><i/><sz val="11"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font>',
  signature: '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
};

const BOTTOM_BORDER = '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>';

function countOf(block: string, element: string): number {
  return (block.match(new RegExp(`<${element}(?=[\\s>/])`, "g")) ?? []).length;
}

/** Appends `items` to the `<name>` block of styles.xml, fixing its count; returns the index of the first. */
function append(xml: string, name: string, element: string, items: readonly string[]): { xml: string; first: number } {
  const re = new RegExp(`<${name}\\b([^>]*)>([\\s\\S]*?)</${name}>`);
  const m = re.exec(xml);
  if (m === null) throw new CertificateWriteError(`xl/styles.xml has no <${name}>`);
  const first = countOf(m[2], element);
  const attributes = m[1].replace(/\scount="\d*"/, "");
  return { xml: xml.replace(re, `<${name}${attributes} count="${first + items.length}">${m[2]}${items.join("")}</${name}>`), first };
}

/** styles.xml with one cell format per look the certificate uses; the model's own formats are kept. */
function addStyles(xml: string, looks: readonly Look[]): { xml: string; styleOf: Map<string, number> } {
  // Number formats: reuse a code the workbook has; else a new id above every id in use (custom ids start at 164).
  const numFmts = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(xml);
  const existing = new Map<string, number>();
  let next = 164;
  for (const m of (numFmts?.[1] ?? "").matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const a = xmlAttributes(m[1]);
    existing.set(a.formatCode, Number(a.numFmtId));
    next = Math.max(next, Number(a.numFmtId) + 1);
  }
  const idOf = new Map<string, number>([["General", 0]]);
  const added: string[] = [];
  for (const look of looks) {
    if (idOf.has(look.numberFormat)) continue;
    const id = existing.get(look.numberFormat) ?? next++;
    idOf.set(look.numberFormat, id);
    if (!existing.has(look.numberFormat)) added.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(look.numberFormat)}"/>`);
  }
  let out = xml;
  if (added.length > 0) {
    if (numFmts === null) out = out.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="0"></numFmts>`);
    out = append(out, "numFmts", "numFmt", added).xml;
  }
  const roles = [...new Set(looks.map((l) => l.role))];
  const fonts = append(out, "fonts", "font", roles.map((r) => FONT_XML[r]));
  out = fonts.xml;
  const borders = append(out, "borders", "border", [BOTTOM_BORDER]);
  out = borders.xml;
  const xfs: string[] = [];
  const styleOf = new Map<string, number>();
  const firstXf = countOf(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(out)?.[1] ?? "", "xf");
  for (const look of looks) {
    const key = `${look.role}|${look.numberFormat}`;
    if (styleOf.has(key)) continue;
    const font = fonts.first + roles.indexOf(look.role);
    const border = look.role === "signature" ? borders.first : 0;
    styleOf.set(key, firstXf + xfs.length);
    xfs.push(`<xf numFmtId="${idOf.get(look.numberFormat)}" fontId="${font}" fillId="0" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1"${border === 0 ? "" : ' applyBorder="1"'}/>`);
  }
  out = append(out, "cellXfs", "xf", xfs).xml;
  return { xml: out, styleOf };
}

// ---- the sheet ----

function cellXml(cell: DesignCell, style: number, cached: CellValue | undefined): string {
  const r = cell.address;
  if (cell.formula !== undefined) {
    const f = `<f>${escapeXml(cell.formula.replace(/^=/, ""))}</f>`;
    const v = cached ?? null;
    if (v === null) return `<c r="${r}" s="${style}">${f}</c>`;
    if (isCellError(v)) return `<c r="${r}" s="${style}" t="e">${f}<v>${escapeXml(v.error)}</v></c>`;
    if (typeof v === "number") return `<c r="${r}" s="${style}">${f}<v>${v}</v></c>`;
    if (typeof v === "boolean") return `<c r="${r}" s="${style}" t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${r}" s="${style}" t="str">${f}<v>${escapeXml(v)}</v></c>`;
  }
  const v = cell.value;
  if (v === null || v === "" || typeof v === "object") return `<c r="${r}" s="${style}"/>`;
  if (typeof v === "number") return `<c r="${r}" s="${style}"><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${r}" s="${style}" t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${r}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

function lettersToWidthXml(widths: Readonly<Record<string, number>>): string {
  const cols = Object.entries(widths)
    .map(([letters, width]) => ({ col: (parseRange(`${letters}1`)?.start.col ?? 0) + 1, width }))
    .sort((a, b) => a.col - b.col)
    .map((c) => `<col min="${c.col}" max="${c.col}" width="${c.width}" customWidth="1"/>`);
  return cols.length === 0 ? "" : `<cols>${cols.join("")}</cols>`;
}

function sheetXml(design: SheetDesign, styleOf: ReadonlyMap<string, number>, cached: Readonly<Record<string, CellValue>>): string {
  const placed = design.cells
    .map((c) => ({ c, at: parseRange(c.address) }))
    .filter((x): x is { c: DesignCell; at: NonNullable<ReturnType<typeof parseRange>> } => x.at !== undefined)
    .sort((a, b) => a.at.start.row - b.at.start.row || a.at.start.col - b.at.start.col);
  const rows: string[] = [];
  let current = -1;
  let cells: string[] = [];
  const flush = () => {
    if (current >= 0) rows.push(`<row r="${current + 1}">${cells.join("")}</row>`);
  };
  let lastRow = 0;
  let lastCol = 0;
  for (const { c, at } of placed) {
    if (at.start.row !== current) {
      flush();
      current = at.start.row;
      cells = [];
    }
    lastRow = Math.max(lastRow, at.start.row);
    lastCol = Math.max(lastCol, at.start.col);
    const style = styleOf.get(`${c.role}|${c.numberFormat ?? "General"}`) ?? 0;
    cells.push(cellXml(c, style, c.figure === undefined ? undefined : cached[c.figure]));
  }
  flush();
  const dimension = `A1:${String.fromCharCode(65 + Math.min(lastCol, 25))}${lastRow + 1}`;
  const onePage = design.printArea !== undefined;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (onePage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="${dimension}"/>` +
    '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    lettersToWidthXml(design.columnWidths) +
    `<sheetData>${rows.join("")}</sheetData>` +
    (onePage ? '<printOptions horizontalCentered="1"/>' : "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (onePage ? '<pageSetup orientation="portrait" fitToWidth="1" fitToHeight="1"/>' : "") +
    "</worksheet>"
  );
}

// ---- the package ----

const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${RELATIONSHIPS}/worksheet`;
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** The sheet name with `'` doubled, quoted, as a defined name refers to it. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/**
 * A copy of the model's package with the design added as a new sheet named `sheetName`.
 *
 * @param model - the bytes of the model .xlsx (never modified)
 * @param design - the certificate's design for this workbook (certificateDesign)
 * @param sheetName - a name no sheet of the model has (uniqueSheetName)
 * @param cached - each formula's value, by the design's figure keys
 * @throws CertificateWriteError when the package lacks a part an .xlsx has (workbook, rels, styles)
 */
export async function addDesignSheet(model: Uint8Array, design: SheetDesign, sheetName: string, cached: Readonly<Record<string, CellValue>>): Promise<Uint8Array> {
  const entries = readArchive(model);
  const find = (name: string) => entries.find((e) => e.name === name);
  const part = async (name: string): Promise<{ entry: RawEntry; text: string }> => {
    const entry = find(name);
    if (entry === undefined) throw new CertificateWriteError(`the package has no ${name}`);
    return { entry, text: await inflate(entry) };
  };
  const workbook = await part("xl/workbook.xml");
  const rels = await part("xl/_rels/workbook.xml.rels");
  const types = await part("[Content_Types].xml");
  const styles = await part("xl/styles.xml");

  let n = 1;
  while (find(`xl/worksheets/sheet${n}.xml`) !== undefined) n++;
  const partName = `xl/worksheets/sheet${n}.xml`;
  const ids = new Set([...rels.text.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let k = 1;
  while (ids.has(`rIdKaiser${k}`)) k++;
  const rId = `rIdKaiser${k}`;

  const prefix = new RegExp(`xmlns:(\\w+)="${RELATIONSHIPS.replace(/[./]/g, "\\$&")}"`).exec(workbook.text)?.[1];
  if (prefix === undefined) throw new CertificateWriteError("xl/workbook.xml does not declare the relationships namespace");
  const sheets = /<sheets>([\s\S]*?)<\/sheets>/.exec(workbook.text);
  if (sheets === null) throw new CertificateWriteError("xl/workbook.xml has no <sheets>");
  const sheetIds = [...sheets[1].matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => Number(xmlAttributes(m[1]).sheetId) || 0);
  const index = sheetIds.length;
  const sheetId = Math.max(0, ...sheetIds) + 1;
  let wb = workbook.text.replace("</sheets>", `<sheet name="${escapeXml(sheetName)}" sheetId="${sheetId}" ${prefix}:id="${rId}"/></sheets>`);
  if (design.printArea !== undefined) {
    const printArea = `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(`${quotedSheet(sheetName)}!${absolute(design.printArea)}`)}</definedName>`;
    if (/<definedNames>/.test(wb)) wb = wb.replace("</definedNames>", `${printArea}</definedNames>`);
    else if (/<\/externalReferences>/.test(wb)) wb = wb.replace("</externalReferences>", `</externalReferences><definedNames>${printArea}</definedNames>`);
    else wb = wb.replace("</sheets>", `</sheets><definedNames>${printArea}</definedNames>`);
  }
  const target = partName.slice("xl/".length);
  const newRels = rels.text.replace("</Relationships>", `<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="${target}"/></Relationships>`);
  const newTypes = types.text.replace("</Types>", `<Override PartName="/${partName}" ContentType="${WORKSHEET_CONTENT}"/></Types>`);

  const looks = design.cells.map((c) => ({ numberFormat: c.numberFormat ?? "General", role: c.role }));
  const { xml: newStyles, styleOf } = addStyles(styles.text, looks);

  const replaced = new Map<string, RawEntry>([
    [workbook.entry.name, textEntry(workbook.entry.name, wb, workbook.entry)],
    [rels.entry.name, textEntry(rels.entry.name, newRels, rels.entry)],
    [types.entry.name, textEntry(types.entry.name, newTypes, types.entry)],
    [styles.entry.name, textEntry(styles.entry.name, newStyles, styles.entry)],
  ]);
  const out = entries.map((e) => replaced.get(e.name) ?? e);
  out.push(textEntry(partName, sheetXml(design, styleOf, cached), workbook.entry));
  return writeArchive(out);
}
