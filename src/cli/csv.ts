/**
 * A small RFC 4180 CSV reader for the scenarios file: comma-separated, fields optionally in double
 * quotes (a quote inside doubled), CRLF or LF line ends, a UTF-8 byte-order mark ignored, blank
 * lines skipped. Pure: text in, rows out; a malformed file is a CsvError naming the line.
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

/**
 * Parses CSV text into rows of fields.
 *
 * @example parseCsv('Scenario,EligibleInventory\n"Base, as is",200000000\n')[1].fields //=> ["Base, as is", "200000000"]
 */
export function parseCsv(text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
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
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          throw new CsvError(`line ${line}: text after a closing quote; a quote inside a quoted field is written twice ("")`);
        }
        continue;
      }
      if (ch === "\n") line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== "") throw new CsvError(`line ${line}: a quote in the middle of an unquoted field; quote the whole field`);
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (ch === ",") {
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
