/**
 * A bounded, checked reader of .xlsx packages (ZIP archives). It reads the archive's central
 * directory, refuses what no Excel package holds (odd part names such as `../../x`, duplicates,
 * encryption, ZIP64), and inflates one entry at a time, chunk by chunk, with the platform's
 * `DecompressionStream("deflate-raw")` (browsers, Node 20+; no dependency): it stops as soon as a
 * part passes its cap or the file its total cap, and checks each part's size and CRC-32. It also
 * tells an .xlsx apart from other files by their first bytes.
 */

import { WorkbookReadError } from "./readError";
import { DEFAULT_LIMITS, describeBytes, ReadLimits } from "./limits";

/** The first bytes of a file, classified: a ZIP package (an .xlsx), an OLE compound file (an encrypted .xlsx or an old .xls), or neither. */
export type FileKind = "zip" | "encrypted" | "xls" | "other";

/** A file past one of the reader's bounds (`ReadLimits`); `limit` says which. */
export class LimitError extends WorkbookReadError {
  constructor(
    message: string,
    /** Which bound: a `ReadLimits` one, or "listed" (`MAX_LISTED`, fixed). */
    readonly limit: "file" | "part" | "total" | "cells" | "listed",
  ) {
    super(message);
  }
}

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
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

/** A part name in messages: quoted, with control characters escaped (`"\u001b[2J"`). */
export function partName(name: string): string {
  return JSON.stringify(name.length > 120 ? `${name.slice(0, 117)}...` : name);
}

/**
 * A part name an Office package can hold (ECMA-376 Part 2, 9.1.1: no empty or "." / ".." segment,
 * no leading slash, no backslash, no control character). A name such as `../../x` is refused
 * though nothing is ever written: Excel refuses it too, and it only appears in crafted files.
 */
function validPartName(name: string): boolean {
  if (name === "" || name.startsWith("/") || name.includes("\\")) return false;
  if (/[\u0000-\u001f\u007f]/.test(name)) return false;
  const segments = name.endsWith("/") ? name.slice(0, -1).split("/") : name.split("/");
  return segments.every((s) => s !== "" && s !== "." && s !== "..");
}

/**
 * The entries of a ZIP archive, from its central directory, each checked for what a reader must
 * trust: a name a package part can have, a place inside the file, no two of one name, no
 * encryption, no ZIP64 (an .xlsx under 4 GB never needs it), at most `maxEntries` entries.
 *
 * @throws WorkbookReadError naming what is wrong
 */
export function zipEntries(data: ArrayBuffer | Uint8Array, maxEntries = DEFAULT_LIMITS.maxEntries): ZipEntry[] {
  const b = bytesOf(data);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new WorkbookReadError("The file is damaged: it has no zip directory at its end (it is truncated, or not a complete .xlsx package).");
  const count = u16(b, eocd + 10);
  const directorySize = u32(b, eocd + 12);
  let p = u32(b, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new WorkbookReadError("The file is a ZIP64 archive, which no .xlsx of this size needs; it is not a workbook Excel wrote.");
  if (count > maxEntries) throw new WorkbookReadError(`The package holds ${count.toLocaleString("en-US")} parts, more than the limit of ${maxEntries.toLocaleString("en-US")}; it is not a workbook this reader opens.`);
  if (p + directorySize > eocd) throw new WorkbookReadError("The file is damaged: its zip directory lies outside the file (it is truncated).");
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new WorkbookReadError("The file is damaged: its zip directory is cut short or overwritten.");
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    if (p + 46 + nameLength > b.length) throw new WorkbookReadError("The file is damaged: its zip directory is cut short.");
    const entry: ZipEntry = {
      name: decoder.decode(b.subarray(p + 46, p + 46 + nameLength)),
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      crc32: u32(b, p + 16),
      compressedSize: u32(b, p + 20),
      uncompressedSize: u32(b, p + 24),
      localHeaderOffset: u32(b, p + 42),
    };
    if (!validPartName(entry.name)) throw new WorkbookReadError(`The package holds a part named ${partName(entry.name)}, which is not a name an .xlsx part can have; the file was not written by Excel.`);
    if (names.has(entry.name.toLowerCase())) throw new WorkbookReadError(`The package holds two parts named ${partName(entry.name)}; the file is damaged.`);
    names.add(entry.name.toLowerCase());
    if ((entry.flags & 1) !== 0) throw new WorkbookReadError(`The part ${partName(entry.name)} is encrypted inside the zip; an .xlsx never is, so the file is not a workbook Excel wrote.`);
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new WorkbookReadError(`The part ${partName(entry.name)} uses ZIP64 sizes, which no .xlsx of this size needs; the file is not a workbook Excel wrote.`);
    }
    if (entry.localHeaderOffset + 30 + entry.compressedSize > b.length) throw new WorkbookReadError(`The part ${partName(entry.name)} runs past the end of the file: the file is truncated.`);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates raw deflate data, giving each chunk to `onChunk` as it comes; when `onChunk` throws, it
 * stops at once (inflating no further) and rejects with that error.
 */
export type Inflater = (raw: Uint8Array, onChunk: (chunk: Uint8Array) => void) => Promise<void>;

/** The platform's `DecompressionStream("deflate-raw")`: browsers, Web Workers, Node 20+. */
export const inflateWithStreams: Inflater = async (raw, onChunk) => {
  const reader = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return;
      onChunk(next.value);
    }
  } catch (e) {
    void reader.cancel().catch(() => undefined);
    throw e;
  }
};

/** Bytes inflated so far across the parts of one file, against the file's total cap. */
export interface InflateBudget {
  readonly maxPartBytes: number;
  readonly maxTotalBytes: number;
  used: number;
  /** How to inflate (the CLI passes Node's zlib, faster than the web streams); `inflateWithStreams` by default. */
  readonly inflate?: Inflater;
  /** How to compute CRC-32 (the CLI passes Node's native zlib.crc32); `crc32` below by default. */
  readonly crc?: (chunk: Uint8Array, crc: number) => number;
}

export function inflateBudget(limits: Pick<ReadLimits, "maxPartBytes" | "maxTotalBytes"> = DEFAULT_LIMITS, inflate?: Inflater, crc?: (chunk: Uint8Array, crc: number) => number): InflateBudget {
  return { maxPartBytes: limits.maxPartBytes, maxTotalBytes: limits.maxTotalBytes, used: 0, ...(inflate === undefined ? {} : { inflate }), ...(crc === undefined ? {} : { crc }) };
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (the zip one) of `bytes`, continuing from `crc` (0 to start). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function compressedData(b: Uint8Array, entry: ZipEntry): Uint8Array {
  const h = entry.localHeaderOffset;
  if (u32(b, h) !== 0x04034b50) throw new WorkbookReadError(`The part ${partName(entry.name)} is corrupt: its local header is missing (the file is damaged).`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  if (start + entry.compressedSize > b.length) throw new WorkbookReadError(`The part ${partName(entry.name)} runs past the end of the file: the file is truncated.`);
  return b.subarray(start, start + entry.compressedSize);
}

function partLimitError(entry: ZipEntry, budget: InflateBudget): LimitError {
  return new LimitError(`The part ${partName(entry.name)} inflates to more than ${describeBytes(budget.maxPartBytes)}, the limit for one part of a workbook; it was not read further.`, "part");
}

function totalLimitError(entry: ZipEntry, budget: InflateBudget): LimitError {
  return new LimitError(`The workbook's parts inflate to more than ${describeBytes(budget.maxTotalBytes)} in all (the limit), reached in the part ${partName(entry.name)}; it was not read further.`, "total");
}

/**
 * Inflates one entry chunk by chunk into `sink`, checking as it goes: it stops as soon as the part
 * passes the budget's part cap or the file its total cap (never holding more than a chunk), and at
 * the end checks the inflated size and CRC-32 against the zip directory.
 *
 * @throws LimitError past a cap; WorkbookReadError for a corrupt part (naming it)
 */
export async function inflateEntry(data: ArrayBuffer | Uint8Array, entry: ZipEntry, budget: InflateBudget, sink: (chunk: Uint8Array) => void): Promise<void> {
  const b = bytesOf(data);
  // The directory's own size, when it is over a cap, stops the part before any inflating.
  if (entry.uncompressedSize > budget.maxPartBytes) throw partLimitError(entry, budget);
  if (budget.used + entry.uncompressedSize > budget.maxTotalBytes) throw totalLimitError(entry, budget);
  const raw = compressedData(b, entry);
  let size = 0;
  let crc = 0;
  const crcOf = budget.crc ?? crc32;
  const take = (chunk: Uint8Array): void => {
    size += chunk.length;
    budget.used += chunk.length;
    if (size > budget.maxPartBytes) throw partLimitError(entry, budget);
    if (budget.used > budget.maxTotalBytes) throw totalLimitError(entry, budget);
    crc = crcOf(chunk, crc);
    sink(chunk);
  };
  if (entry.method === 0) {
    for (let i = 0; i < raw.length; i += 1048576) take(raw.subarray(i, Math.min(raw.length, i + 1048576)));
  } else if (entry.method === 8) {
    // An error of our own (a cap, a damaged cell) passes through; any other is the inflater's: corrupt data.
    let ours: { error: unknown } | undefined;
    const guarded = (chunk: Uint8Array): void => {
      try {
        take(chunk);
      } catch (e) {
        ours = { error: e };
        throw e;
      }
    };
    try {
      await (budget.inflate ?? inflateWithStreams)(raw, guarded);
    } catch {
      if (ours !== undefined) throw ours.error;
      throw new WorkbookReadError(`The part ${partName(entry.name)} is corrupt: its compressed data is invalid or cut short (the file is damaged).`);
    }
  } else {
    throw new WorkbookReadError(`The part ${partName(entry.name)} uses zip compression method ${entry.method}, which Excel never writes; the file is not a workbook Excel wrote.`);
  }
  if (size !== entry.uncompressedSize) {
    throw new WorkbookReadError(`The part ${partName(entry.name)} is corrupt: it inflates to ${size.toLocaleString("en-US")} bytes, not the ${entry.uncompressedSize.toLocaleString("en-US")} its zip directory says.`);
  }
  if (crc !== entry.crc32) throw new WorkbookReadError(`The part ${partName(entry.name)} is corrupt: its checksum (CRC-32) does not match its contents.`);
}

/** The text of one entry (UTF-8), inflated within the budget and checked. */
export async function readEntryText(data: ArrayBuffer | Uint8Array, entry: ZipEntry, budget: InflateBudget = inflateBudget()): Promise<string> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  await inflateEntry(data, entry, budget, (chunk) => parts.push(decoder.decode(chunk, { stream: true })));
  parts.push(decoder.decode());
  return parts.join("");
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
