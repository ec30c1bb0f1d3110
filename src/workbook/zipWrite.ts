/**
 * Rewrites a ZIP archive (an .xlsx package) with some entries replaced or added, copying every
 * other entry's compressed bytes as they are: what `kaiser-check --certificate` needs to add a
 * sheet to a copy of a model without re-encoding the rest of it (charts, pivot tables, dynamic
 * arrays and anything else a library would drop on a round trip survive byte for byte).
 * Replaced and added entries are stored (method 0). No dependency: CRC-32 is the reader's (zip.ts).
 *
 * Bounds: ZIP64 archives (more than 65,535 entries or an entry of 4 GB) are refused, as is an
 * archive whose central directory does not match its entries.
 */
import { crc32 } from "./zip";

/** An archive this rewriter cannot read or write (damaged, ZIP64, too large). */
export class ZipFormatError extends Error {}

export interface RawEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** The entry's data as stored in the archive (compressed when `method` is 8). */
  readonly data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

/** Every entry of an archive, in central-directory order, with its stored bytes. */
export function readArchive(bytes: Uint8Array): RawEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - MAX16); i--) {
    if (u32(bytes, i) === END) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no ZIP central directory");
  const count = u16(bytes, eocd + 10);
  const offset = u32(bytes, eocd + 16);
  if (count === MAX16 || offset === MAX32) throw new ZipFormatError("ZIP64 archives are not supported");
  const decoder = new TextDecoder();
  const entries: RawEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) throw new ZipFormatError("damaged ZIP central directory");
    const nameLength = u16(bytes, p + 28);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const local = u32(bytes, p + 42);
    if (compressedSize === MAX32 || size === MAX32 || local === MAX32) throw new ZipFormatError("ZIP64 entries are not supported");
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) throw new ZipFormatError("damaged ZIP entry");
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compressedSize > bytes.length) throw new ZipFormatError("truncated ZIP entry");
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      time: u16(bytes, p + 12),
      date: u16(bytes, p + 14),
      crc: u32(bytes, p + 16),
      compressedSize,
      size,
      data: bytes.subarray(start, start + compressedSize),
    });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/** A new stored entry holding this text (UTF-8), dated like `like` (or 1980-01-01). */
export function textEntry(name: string, text: string, like?: RawEntry): RawEntry {
  const data = new TextEncoder().encode(text);
  return { name, flags: 0x0800, method: 0, time: like?.time ?? 0, date: like?.date ?? 0x21, crc: crc32(data), compressedSize: data.length, size: data.length, data };
}

/** The archive's bytes: each entry's local header and data, the central directory, its end record. */
export function writeArchive(entries: readonly RawEntry[]): Uint8Array {
  if (entries.length >= MAX16) throw new ZipFormatError("too many entries for a ZIP archive without ZIP64");
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i].length + e.data.length, 0);
  const centralSize = entries.reduce((n, _e, i) => n + 46 + names[i].length, 0);
  if (localSize + centralSize + 22 > MAX32) throw new ZipFormatError("archive too large without ZIP64");
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  // The sizes and CRC go in the local header itself, so no data descriptor follows (bit 3 cleared).
  const flagsOf = (e: RawEntry) => e.flags & ~0x0008;
  entries.forEach((e, i) => {
    offsets.push(p);
    view.setUint32(p, LOCAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, flagsOf(e), true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.compressedSize, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(e.data, p + 30 + names[i].length);
    p += 30 + names[i].length + e.data.length;
  });
  const central = p;
  entries.forEach((e, i) => {
    view.setUint32(p, CENTRAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, flagsOf(e), true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.compressedSize, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, names[i].length, true);
    // extra, comment, disk, internal and external attributes: none
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, END, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  return out;
}
