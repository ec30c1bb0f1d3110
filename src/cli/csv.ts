/**
 * The scenarios file as Excel saves it: bytes in, rows of fields out. Pure; a malformed file is a
 * CsvError naming the line.
 *
 * - Encoding (`decodeCsv`): UTF-8 with or without a byte-order mark ("CSV UTF-8"); UTF-16 LE with
 *   its byte-order mark ("Unicode Text"; UTF-16 BE too); otherwise, when the bytes are not valid
 *   UTF-8, Windows-1252 (the "CSV (Comma delimited)" of a Western-European Windows).
 * - Delimiter (`detectDelimiter`): a first line `sep=;` as Excel writes and reads it; else whichever of
 *   tab, semicolon and comma occurs most often, outside quotes, in the first line (the header);
 *   a header with none of them is one column, comma-separated.
 * - Fields (`parseCsv`, RFC 4180): optionally in double quotes (a quote inside doubled), CRLF, LF or
 *   CR line ends, blank lines skipped.
 */

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

/** One parsed row and the line of the file it starts on (1-based), for messages. */
export interface CsvRow {
  readonly line: number;
  readonly fields: string[];
}

export type CsvEncoding = "UTF-8" | "UTF-8 with BOM" | "UTF-16 LE" | "UTF-16 BE" | "Windows-1252";
export type CsvDelimiter = "," | ";" | "\t";

/** Bytes 0x80..0x9F of Windows-1252 (the rest of the code page is Latin-1); undefined bytes keep their Latin-1 value. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function windows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  for (const b of bytes) chars.push(String.fromCharCode(b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] : b));
  return chars.join("");
}

function utf16(bytes: Uint8Array, littleEndian: boolean): string {
  if (bytes.length % 2 !== 0) throw new CsvError("the file is UTF-16 (it starts with a byte-order mark) but has an odd number of bytes: it is cut short");
  const chars: string[] = [];
  for (let i = 0; i < bytes.length; i += 2) chars.push(String.fromCharCode(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]));
  return chars.join("");
}

/**
 * The text of a scenarios file, and the encoding it was read in.
 *
 * @example decodeCsv(new Uint8Array([0xff, 0xfe, 0x41, 0x00])) //=> { text: "A", encoding: "UTF-16 LE" }
 * @example decodeCsv(new Uint8Array([0x31, 0x80])) //=> { text: "1€", encoding: "Windows-1252" }
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), true), encoding: "UTF-16 LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), false), encoding: "UTF-16 BE" };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { text, encoding: bom ? "UTF-8 with BOM" : "UTF-8" };
  } catch {
    if (bom) throw new CsvError("the file starts with a UTF-8 byte-order mark but is not valid UTF-8");
    return { text: windows1252(bytes), encoding: "Windows-1252" };
  }
}

const DELIMITERS: readonly CsvDelimiter[] = ["\t", ";", ","];

/**
 * The field delimiter of a CSV text, and where its data starts (after a `sep=` line).
 *
 * @example detectDelimiter("Scenario;EligibleInventory\nx;1\n") //=> { delimiter: ";", start: 0 }
 */
export function detectDelimiter(text: string): { delimiter: CsvDelimiter; start: number } {
  const src = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const sep = /^sep=(.)\r?\n/i.exec(text.slice(src));
  if (sep) {
    const d = DELIMITERS.find((x) => x === sep[1]);
    if (d === undefined) throw new CsvError(`line 1: "sep=${sep[1]}" names a delimiter that is not a comma, semicolon or tab`);
    return { delimiter: d, start: src + sep[0].length };
  }
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = src; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return { delimiter: best, start: src };
}

/**
 * Parses CSV text into rows of fields; the delimiter is detected when not given.
 *
 * @example parseCsv('Scenario,EligibleInventory\n"Base, as is",200000000\n')[1].fields //=> ["Base, as is", "200000000"]
 * @example parseCsv("Scenario;EligibleInventory\nx;1\n")[1].fields //=> ["x", "1"]
 */
export function parseCsv(text: string, delimiter?: CsvDelimiter): CsvRow[] {
  const detected = detectDelimiter(text);
  const d = delimiter ?? detected.delimiter;
  const sepLine = detected.start > (text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const src = text.slice(detected.start);
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let line = sepLine ? 2 : 1;
  let rowLine = line;
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const endRow = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "" && !fieldStarted)) rows.push({ line: rowLine, fields });
    fields = [];
    field = "";
    fieldStarted = false;
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== d && next !== "\n" && next !== "\r") {
          throw new CsvError(`line ${line}: text after a closing quote; a quote inside a quoted field is written twice ("")`);
        }
        continue;
      }
      if (ch === "\n" || (ch === "\r" && src[i + 1] !== "\n")) line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== "") throw new CsvError(`line ${line}: a quote in the middle of an unquoted field; quote the whole field`);
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (ch === d) {
      fields.push(field);
      field = "";
      fieldStarted = true;
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new CsvError(`line ${rowLine}: a quoted field is not closed`);
  if (field !== "" || fields.length > 0 || fieldStarted) endRow();
  return rows;
}
