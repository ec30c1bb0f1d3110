/**
 * Reads the workbook file for the CLI, and says in one line why when it cannot: not found, not an
 * .xlsx (a text file, an old .xls), encrypted, or corrupt. Exit status 2 in every such case.
 *
 * Bounded: the path must name a regular file (not a directory, a device such as /dev/zero, or a
 * pipe), and its size is checked against the file cap before a byte is read; it is then read
 * read-only, exactly that many bytes. Nothing here ever writes to it. The parts are inflated with
 * Node's zlib, chunk by chunk, within the caps (src/workbook/limits.ts).
 */
import { promises as fs } from "fs";
import * as zlib from "zlib";
import { LimitError, snapshotFromXlsx, WorkbookReadError } from "../workbook/xlsxSnapshot";
import { DEFAULT_LIMITS, describeBytes, ReadLimits } from "../workbook/limits";
import type { Inflater } from "../workbook/zip";
import type { WorkbookSnapshot } from "../review/snapshot";

/** The command-line option that raises each cap, named in the message when one is passed. */
export const LIMIT_FLAGS: Readonly<Partial<Record<LimitError["limit"], string>>> = {
  file: "--max-file-mb",
  part: "--max-part-mb",
  total: "--max-total-mb",
  cells: "--max-cells",
};

/** Inflated chunks of 64 KB (measured fastest here: larger chunks cost more to scan), so a cap is noticed within 64 KB. */
const ZLIB_CHUNK = 65536;

/** Node's zlib as the reader's inflater: faster than the web streams, and stopped (destroyed) the moment a cap is passed. */
export const zlibInflater: Inflater = (raw, onChunk) =>
  new Promise<void>((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: ZLIB_CHUNK });
    let failed = false;
    inflate.on("data", (chunk: Buffer) => {
      if (failed) return;
      try {
        onChunk(chunk);
      } catch (e) {
        failed = true;
        inflate.destroy();
        reject(e);
      }
    });
    inflate.on("error", (e) => {
      if (!failed) reject(e);
      failed = true;
    });
    inflate.on("end", () => {
      if (!failed) resolve();
    });
    inflate.end(raw);
  });

/** A file the CLI cannot read; its message is the one line the user sees. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFileError";
  }
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file: an encrypted .xlsx (Office wraps it in one) or a legacy .xls. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, signature: readonly number[]): boolean {
  return data.length >= signature.length && signature.every((b, i) => data[i] === b);
}

/** "EncryptionInfo" as UTF-16LE: the stream an encrypted Office Open XML package holds. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

/**
 * What kind of file the bytes are, from their signature: a zip package (an .xlsx or something else
 * zipped), an encrypted Office file, a legacy .xls, or something else entirely.
 */
export function sniff(data: Uint8Array): "zip" | "encrypted" | "xls" | "empty" | "other" {
  if (data.length === 0) return "empty";
  if (startsWith(data, ZIP_LOCAL_HEADER) || startsWith(data, ZIP_EMPTY_ARCHIVE)) return "zip";
  if (startsWith(data, COMPOUND_FILE)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(ENCRYPTION_INFO) ? "encrypted" : "xls";
  return "other";
}

/**
 * Reads the file's bytes: a regular file of at most `maxFileBytes`, checked before reading; a
 * missing or unreadable path, or anything else, is an UnreadableFileError.
 */
export async function readBytes(file: string, limits: Pick<ReadLimits, "maxFileBytes"> = DEFAULT_LIMITS): Promise<Buffer> {
  let handle: fs.FileHandle | undefined;
  try {
    const before = await fs.stat(file);
    if (before.isDirectory()) throw new UnreadableFileError(`${file} is a directory, not an .xlsx file`);
    if (!before.isFile()) throw new UnreadableFileError(`${file} is not a regular file (a device, a pipe or a socket), so it is not read`);
    if (before.size > limits.maxFileBytes) {
      throw new UnreadableFileError(`${file} is ${describeBytes(before.size)}, more than the limit of ${describeBytes(limits.maxFileBytes)} for a workbook, so it is not read (${LIMIT_FLAGS.file} raises it)`);
    }
    handle = await fs.open(file, "r");
    // The file opened is the one checked: a path swapped meanwhile for a device is refused as well.
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > limits.maxFileBytes) throw new UnreadableFileError(`${file} changed while it was opened; it is not read`);
    const data = Buffer.alloc(stat.size);
    let read = 0;
    while (read < data.length) {
      const { bytesRead } = await handle.read(data, read, data.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return read === data.length ? data : data.subarray(0, read);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UnreadableFileError(`${file}: no such file`);
    if (code === "EACCES" || code === "EPERM") throw new UnreadableFileError(`${file}: permission denied`);
    throw new UnreadableFileError(`${file}: cannot read the file (${code ?? "unknown error"})`);
  } finally {
    await handle?.close();
  }
}

/** The workbook's snapshot, or an UnreadableFileError whose message says why in one line. */
export async function readWorkbook(file: string, data: Buffer, limits: Partial<ReadLimits> = {}): Promise<WorkbookSnapshot> {
  switch (sniff(data)) {
    case "empty":
      throw new UnreadableFileError(`${file} is empty (0 bytes), not an .xlsx workbook`);
    case "encrypted":
      throw new UnreadableFileError(`${file} is encrypted (password-protected); save a copy without a password and check that`);
    case "xls":
      throw new UnreadableFileError(`${file} is an Excel 97-2003 (.xls) workbook, not .xlsx; save it as an Excel Workbook (.xlsx) first`);
    case "other":
      throw new UnreadableFileError(`${file} is not an .xlsx workbook (an .xlsx file is a zip package; this one is not)`);
    case "zip":
      break;
  }
  try {
    return await snapshotFromXlsx(data, { limits, inflate: zlibInflater, crc32: (chunk, crc) => zlib.crc32(chunk, crc) });
  } catch (e) {
    if (e instanceof LimitError) {
      const flag = LIMIT_FLAGS[e.limit];
      throw new UnreadableFileError(`${file}: ${withoutFinalStop(e.message)}${flag === undefined ? "" : ` (${flag} raises it)`}`);
    }
    // Only the reader's own sentences reach the user; anything else is a bug, reported as one by main.
    if (e instanceof WorkbookReadError) throw new UnreadableFileError(`${file}: ${withoutFinalStop(e.message)}`);
    throw e;
  }
}

function withoutFinalStop(text: string): string {
  return text.endsWith(".") ? text.slice(0, -1) : text;
}
