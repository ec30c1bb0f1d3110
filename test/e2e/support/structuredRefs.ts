/**
 * Structured references (`DailyOutstandings[Date]`, `PPEEvents[[#This Row],[Amount]]`) rewritten as
 * the A1 ranges they stand for, because HyperFormula has named expressions but no Excel tables.
 * Applied when the end-to-end test loads a workbook; Excel itself never sees the rewritten text.
 *
 * Covers the forms Excel writes into a file: `T[Col]`, `T[[Col]]`, `T[]`, `T[#All]`, `T[#Data]`,
 * `T[#Headers]`, `T[#Totals]`, `T[[#This Row],[Col]]` (and `T[@Col]`, `T[@[Col]]`),
 * `T[[#Headers],[Col]]`, `T[[#All],[Col]]`, `T[[ColA]:[ColB]]`. Column names may hold `'`-escaped
 * brackets (`'[`, `']`, `'#`, `''`). Text inside string literals is left alone.
 */
import { a1, qualified } from "../../../src/review/snapshot";

export interface TableInfo {
  readonly name: string;
  readonly sheet: string;
  /** Zero-based bounds of the whole table, header and totals rows included. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
  readonly columns: readonly string[];
}

type Special = "#all" | "#data" | "#headers" | "#totals" | "#this row";

interface Parsed {
  specials: Special[];
  columns: string[];
}

function unescapeColumn(text: string): string {
  return text.replace(/'(.)/g, "$1");
}

/** Splits the inside of `T[...]` into specials and columns. */
function parseInside(inside: string): Parsed {
  const specials: Special[] = [];
  const columns: string[] = [];
  const item = (raw: string): void => {
    const text = raw.trim();
    if (text === "") return;
    if (text.startsWith("#")) {
      specials.push(text.toLowerCase() as Special);
    } else if (text.startsWith("@")) {
      specials.push("#this row");
      const rest = text.slice(1).trim();
      if (rest.startsWith("[") && rest.endsWith("]")) columns.push(unescapeColumn(rest.slice(1, -1)));
      else if (rest !== "") columns.push(unescapeColumn(rest));
    } else {
      columns.push(unescapeColumn(text));
    }
  };
  if (!inside.trimStart().startsWith("[")) {
    item(inside);
    return { specials, columns };
  }
  // A list of bracketed items: [a],[b] or [a]:[b]
  let i = 0;
  const parts: string[] = [];
  let separators = "";
  while (i < inside.length) {
    const ch = inside[i];
    if (ch === "[") {
      let j = i + 1;
      let text = "";
      while (j < inside.length && inside[j] !== "]") {
        if (inside[j] === "'" && j + 1 < inside.length) {
          text += inside[j] + inside[j + 1];
          j += 2;
          continue;
        }
        text += inside[j];
        j++;
      }
      parts.push(text);
      i = j + 1;
    } else {
      if (ch === ":" || ch === ",") separators += ch;
      i++;
    }
  }
  if (separators.endsWith(":") && parts.length >= 2) {
    // [A]:[B], possibly after specials: [#Data],[A]:[B]
    const head = parts.slice(0, -2);
    head.forEach(item);
    const first = unescapeColumn(parts[parts.length - 2]);
    const last = unescapeColumn(parts[parts.length - 1]);
    columns.push(first, last);
    return { specials, columns };
  }
  parts.forEach(item);
  return { specials, columns };
}

function resolve(table: TableInfo, inside: string, currentRow: number): string {
  const parsed = parseInside(inside);
  const header = table.headerRow ? table.top : undefined;
  const totals = table.totalsRow ? table.bottom : undefined;
  const dataTop = table.top + (table.headerRow ? 1 : 0);
  const dataBottom = table.bottom - (table.totalsRow ? 1 : 0);
  let top = dataTop;
  let bottom = dataBottom;
  const s = new Set(parsed.specials);
  if (s.has("#this row")) {
    top = currentRow;
    bottom = currentRow;
  } else if (s.has("#all")) {
    top = table.top;
    bottom = table.bottom;
  } else if (s.has("#headers") && s.has("#data")) {
    top = header ?? dataTop;
  } else if (s.has("#data") && s.has("#totals")) {
    bottom = totals ?? dataBottom;
  } else if (s.has("#headers")) {
    if (header === undefined) return "#REF!";
    top = bottom = header;
  } else if (s.has("#totals")) {
    if (totals === undefined) return "#REF!";
    top = bottom = totals;
  }
  let left = table.left;
  let right = table.right;
  if (parsed.columns.length > 0) {
    const index = (name: string): number => table.columns.findIndex((c) => c.toLowerCase() === name.trim().toLowerCase());
    const first = index(parsed.columns[0]);
    const last = index(parsed.columns[parsed.columns.length - 1]);
    if (first < 0 || last < 0) return "#REF!";
    left = table.left + Math.min(first, last);
    right = table.left + Math.max(first, last);
  }
  const start = `$${a1(top, left).replace(/(\d+)$/, "$$$1")}`;
  const end = `$${a1(bottom, right).replace(/(\d+)$/, "$$$1")}`;
  return qualified(table.sheet, top === bottom && left === right ? start : `${start}:${end}`);
}

/**
 * The formula with every structured reference to a known table replaced by its A1 range.
 *
 * @param formula - Formula text, with or without the leading "=".
 * @param tables - The workbook's tables.
 * @param currentRow - Zero-based row of the cell the formula is in (for `[#This Row]`).
 * @example translateStructuredRefs("=SUM(PPEEvents[Amount])", tables, 0) //=> "=SUM('Amendment Model'!$C$31:$C$36)"
 */
export function translateStructuredRefs(formula: string, tables: readonly TableInfo[], currentRow: number): string {
  if (tables.length === 0 || !formula.includes("[")) return formula;
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = closingQuote(formula, i);
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const m = /^[A-Za-z_\\][A-Za-z0-9_.\\]*\[/.exec(formula.slice(i));
    const before = i === 0 ? "" : formula[i - 1];
    if (m && !/[A-Za-z0-9_.!'$]/.test(before)) {
      const name = m[0].slice(0, -1);
      const table = byName.get(name.toLowerCase());
      if (table !== undefined) {
        const open = i + name.length;
        const close = matchingBracket(formula, open);
        out += resolve(table, formula.slice(open + 1, close), currentRow);
        i = close + 1;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function closingQuote(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        i += 2;
        continue;
      }
      return i;
    }
    i++;
  }
  return text.length - 1;
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unbalanced brackets in ${text}`);
}
