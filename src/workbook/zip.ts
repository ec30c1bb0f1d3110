/**
 * A small reader of .xlsx packages (ZIP archives) for the parts exceljs does not keep: the
 * calculation mode and the exact text of the defined names (xl/workbook.xml), and the header and
 * totals rows of each table (xl/tables/*.xml). It reads the archive's central directory and inflates
 * one entry with the platform's `DecompressionStream("deflate-raw")` (browsers, Node 20+), so it adds
 * no dependency. It also tells an .xlsx apart from other files by their first bytes.
 */

/** The first bytes of a file, classified: a ZIP package (an .xlsx), an OLE compound file (an encrypted .xlsx or an old .xls), or neither. */
export type FileKind = "zip" | "encrypted" | "xls" | "other";

function bytesOf(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** What kind of file these bytes are; an encrypted .xlsx is an OLE compound file holding an "EncryptionInfo" stream. */
export function fileKind(data: ArrayBuffer | Uint8Array): FileKind {
  const b = bytesOf(data);
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06)) return "zip";
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (b.length >= 8 && ole.every((x, i) => b[i] === x)) return containsUtf16(b, "EncryptionInfo") ? "encrypted" : "xls";
  return "other";
}

function containsUtf16(b: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0), 0);
  // Directory entries sit in the first sectors of small files and anywhere in large ones; scan it all.
  outer: for (let i = 0; i + pattern.length <= b.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (b[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

/** The entries of a ZIP archive, from its central directory; throws when there is none. */
export function zipEntries(data: ArrayBuffer | Uint8Array): ZipEntry[] {
  const b = bytesOf(data);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("no ZIP central directory");
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new Error("damaged ZIP central directory");
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    entries.push({
      name: decoder.decode(b.subarray(p + 46, p + 46 + nameLength)),
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      localHeaderOffset: u32(b, p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The text of one entry (UTF-8), stored or deflated. */
export async function readEntryText(data: ArrayBuffer | Uint8Array, entry: ZipEntry): Promise<string> {
  const b = bytesOf(data);
  const h = entry.localHeaderOffset;
  if (u32(b, h) !== 0x04034b50) throw new Error(`damaged ZIP entry ${entry.name}`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const raw = b.slice(start, start + entry.compressedSize);
  if (entry.method === 0) return new TextDecoder().decode(raw);
  if (entry.method !== 8) throw new Error(`unsupported ZIP compression ${entry.method} in ${entry.name}`);
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new TextDecoder().decode(await new Response(stream).arrayBuffer());
}

/** Replaces XML's character references and the five predefined entities. */
export function xmlText(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The attributes of an XML start tag's text (`name="x" ref="A1:B2"`), entity-decoded. */
export function xmlAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const re = /([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) attributes[m[1]] = xmlText(m[3] ?? m[4] ?? "");
  return attributes;
}
