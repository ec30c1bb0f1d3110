/**
 * Writes .xlsx files as streams, for the benchmark's very large workbooks and the tests' hostile
 * corpus: a ZIP writer that deflates each entry chunk by chunk straight into the file (an entry of
 * any size is never held in memory), and a writer of a `WorkbookSnapshot` (one sheet part per
 * sheet, row by row, the names, tables, number formats and calculation mode). Development only
 * (Node's zlib); the add-in never writes .xlsx files this way.
 */
import * as fs from "fs";
import { once } from "events";
import * as zlib from "zlib";
import { a1, CellValue, GRID_COLUMNS, isCellError, parseRange, valueOfIndex, WorkbookSnapshot } from "../src/review/snapshot";

/** What an entry is made of: strings (UTF-8) or bytes, produced lazily. */
export type EntrySource = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

export interface EntryOptions {
  /** Stored (method 0) instead of deflated. */
  readonly store?: boolean;
  /** Writes a wrong CRC-32 into the directory (a corrupt part, for tests). */
  readonly corruptCrc?: boolean;
  /** Writes this uncompressed size into the directory instead of the true one (for tests). */
  readonly declaredSize?: number;
}

interface Written {
  readonly name: Buffer;
  readonly offset: number;
  readonly method: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
}

/** A ZIP archive written entry by entry to a file; sizes and CRC go in a data descriptor after each entry's data. */
export class ZipFileWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: Written[] = [];

  constructor(path: string) {
    this.fd = fs.openSync(path, "w");
  }

  private write(bytes: Uint8Array): void {
    fs.writeSync(this.fd, bytes);
    this.offset += bytes.length;
  }

  async add(name: string, source: EntrySource, options: EntryOptions = {}): Promise<void> {
    const nameBytes = Buffer.from(name, "utf8");
    const method = options.store === true ? 0 : 8;
    const offset = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 name
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(nameBytes.length, 26);
    this.write(local);
    this.write(nameBytes);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = method === 8 ? zlib.createDeflateRaw({ level: 6 }) : undefined;
    deflate?.on("data", (chunk: Buffer) => {
      this.write(chunk);
      compressed += chunk.length;
    });
    for await (const piece of source) {
      const chunk = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      if (deflate === undefined) {
        this.write(chunk);
        compressed += chunk.length;
      } else if (!deflate.write(chunk)) {
        await once(deflate, "drain");
      }
    }
    if (deflate !== undefined) {
      deflate.end();
      await once(deflate, "end");
    }
    if (options.corruptCrc === true) crc = (crc ^ 0x5a5a5a5a) >>> 0;
    const declared = options.declaredSize ?? size;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(declared, 12);
    this.write(descriptor);
    this.entries.push({ name: nameBytes, offset, method, crc, compressed, size: declared });
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const dir = Buffer.alloc(46);
      dir.writeUInt32LE(0x02014b50, 0);
      dir.writeUInt16LE(20, 4);
      dir.writeUInt16LE(20, 6);
      dir.writeUInt16LE(0x0808, 8);
      dir.writeUInt16LE(e.method, 10);
      dir.writeUInt32LE(e.crc, 16);
      dir.writeUInt32LE(e.compressed, 20);
      dir.writeUInt32LE(e.size, 24);
      dir.writeUInt16LE(e.name.length, 28);
      dir.writeUInt32LE(e.offset, 42);
      this.write(dir);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    fs.closeSync(this.fd);
  }
}

/** `text` repeated until `bytes` bytes, in chunks of about 1 MB: a part that inflates far beyond its file size. */
export function* repeated(text: string, bytes: number, prefix = "", suffix = ""): Generator<string> {
  if (prefix !== "") yield prefix;
  const chunk = text.repeat(Math.max(1, Math.floor(1048576 / text.length)));
  let written = 0;
  while (written < bytes) {
    const piece = bytes - written >= chunk.length ? chunk : chunk.slice(0, bytes - written);
    written += piece.length;
    yield piece;
  }
  if (suffix !== "") yield suffix;
}

/** Text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function cellXml(ref: string, value: CellValue, formula: string | null, style: number): string {
  const s = style === 0 ? "" : ` s="${style}"`;
  const f = formula === null ? "" : `<f>${escapeXml(formula.replace(/^=/, ""))}</f>`;
  if (value === null) return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof value === "number") return `<c r="${ref}"${s}>${f}<v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  if (isCellError(value)) return `<c r="${ref}"${s} t="e">${f}<v>${escapeXml(value.error)}</v></c>`;
  if (formula !== null) return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(value)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** The sheet's XML, row by row, in pieces of about 256 KB. */
function* sheetXml(snapshot: WorkbookSnapshot, index: number, styleOf: (format: string) => number): Generator<string> {
  const sheet = snapshot.sheets[index];
  let out = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>`;
  let row = -1;
  const cells = sheet.cells;
  for (let i = 0; i < cells.count; i++) {
    const r = Math.floor(cells.keys[i] / GRID_COLUMNS);
    const c = cells.keys[i] % GRID_COLUMNS;
    if (r !== row) {
      if (row >= 0) out += "</row>";
      out += `<row r="${r + 1}">`;
      row = r;
    }
    out += cellXml(a1(r, c), valueOfIndex(cells, i), cells.formulas.get(i) ?? null, styleOf(cells.formats[cells.formatIds[i]] ?? "General"));
    if (out.length > 262144) {
      yield out;
      out = "";
    }
  }
  if (row >= 0) out += "</row>";
  const tables = snapshot.tables.filter((t) => t.sheet === sheet.name);
  out += "</sheetData>";
  if (tables.length > 0) out += `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`;
  yield `${out}</worksheet>`;
}

/**
 * Writes a snapshot as an .xlsx file: each sheet's cells (formulas with their values as cached
 * results), number formats, workbook-scoped names, tables and the calculation mode.
 */
export async function writeSnapshotXlsx(path: string, snapshot: WorkbookSnapshot): Promise<void> {
  const zip = new ZipFileWriter(path);
  const formats = new Map<string, number>([["General", 0]]);
  const styleOf = (format: string): number => {
    let id = formats.get(format);
    if (id === undefined) {
      id = formats.size;
      formats.set(format, id);
    }
    return id;
  };
  // Sheets first, so the styles part knows every format.
  const sheetFiles: string[] = [];
  for (let i = 0; i < snapshot.sheets.length; i++) {
    const file = `xl/worksheets/sheet${i + 1}.xml`;
    sheetFiles.push(file);
    await zip.add(file, sheetXml(snapshot, i, styleOf));
  }
  let tableNumber = 0;
  for (let i = 0; i < snapshot.sheets.length; i++) {
    const tables = snapshot.tables.filter((t) => t.sheet === snapshot.sheets[i].name);
    const rels: string[] = [];
    for (const t of tables) {
      tableNumber++;
      const range = parseRange(t.address);
      const width = range === undefined ? 1 : range.end.col - range.start.col + 1;
      const columns = Array.from({ length: width }, (_, j) => t.columns?.[j] ?? `Column${j + 1}`);
      rels.push(`<Relationship Id="rId${rels.length + 1}" Type="${REL}/table" Target="../tables/table${tableNumber}.xml"/>`);
      await zip.add(`xl/tables/table${tableNumber}.xml`, [
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table ${NS} id="${tableNumber}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${t.address}"${t.showHeaders ? "" : ' headerRowCount="0"'}${t.showTotals === true ? ' totalsRowCount="1"' : ""}><tableColumns count="${width}">${columns.map((c, j) => `<tableColumn id="${j + 1}" name="${escapeXml(c)}"/>`).join("")}</tableColumns></table>`,
      ]);
    }
    if (rels.length > 0) await zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`]);
  }
  const custom = [...formats.entries()].filter(([, id]) => id > 0);
  await zip.add("xl/styles.xml", [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet ${NS}><numFmts count="${custom.length}">${custom.map(([f, id]) => `<numFmt numFmtId="${163 + id}" formatCode="${escapeXml(f)}"/>`).join("")}</numFmts><cellXfs count="${formats.size}"><xf numFmtId="0"/>${custom.map(([, id]) => `<xf numFmtId="${163 + id}" applyNumberFormat="1"/>`).join("")}</cellXfs></styleSheet>`,
  ]);
  const calcMode = snapshot.calculationMode === "manual" ? ' calcMode="manual"' : snapshot.calculationMode === "automaticExceptTables" ? ' calcMode="autoNoTable"' : "";
  await zip.add("xl/workbook.xml", [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets>${snapshot.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets><definedNames>${snapshot.names.map((n) => `<definedName name="${escapeXml(n.name)}">${escapeXml(n.formula.replace(/^=/, ""))}</definedName>`).join("")}</definedNames><calcPr calcId="191029"${calcMode}/></workbook>`,
  ]);
  await zip.add("xl/_rels/workbook.xml.rels", [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetFiles.map((f, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${f.slice(3)}"/>`).join("")}<Relationship Id="rId${sheetFiles.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  ]);
  await zip.add("_rels/.rels", [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  await zip.add("[Content_Types].xml", [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  ]);
  zip.close();
}
