/**
 * Reads the workbook file for the CLI, and says in one line why when it cannot: not found, not an
 * .xlsx (a text file, an old .xls), encrypted, or corrupt. Exit status 2 in every such case.
 *
 * The file is opened read-only and read whole into memory; nothing here ever writes to it.
 */
import { promises as fs } from "fs";
import { snapshotFromXlsx, WorkbookReadError } from "../workbook/xlsxSnapshot";
import type { WorkbookSnapshot } from "../review/snapshot";

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

/** Reads the file's bytes; a missing or unreadable path is an UnreadableFileError. */
export async function readBytes(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new UnreadableFileError(`${file} is a directory, not an .xlsx file`);
    return await fs.readFile(file, { flag: "r" });
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UnreadableFileError(`${file}: no such file`);
    if (code === "EACCES" || code === "EPERM") throw new UnreadableFileError(`${file}: permission denied`);
    throw new UnreadableFileError(`${file}: cannot read the file (${code ?? (e as Error).message})`);
  }
}

/** The workbook's snapshot, or an UnreadableFileError whose message says why in one line. */
export async function readWorkbook(file: string, data: Buffer): Promise<WorkbookSnapshot> {
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
    return await snapshotFromXlsx(data);
  } catch (e) {
    const detail = oneLine(e instanceof WorkbookReadError || e instanceof Error ? e.message : String(e));
    throw new UnreadableFileError(`${file} is corrupt or not an Excel workbook: ${detail}`);
  }
}

function oneLine(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "unreadable";
  return first.length > 200 ? `${first.slice(0, 197)}...` : first.trim();
}
