/**
 * A small evaluator for the formulas of the ready model, so the .xlsx writer can store each
 * formula's result (and each spill's range) computed by the add-in's own functions: the file then
 * opens with the right figures in any reader, before Excel recalculates.
 *
 * It is not a spreadsheet engine. It evaluates what the template's formulas use: numbers, text,
 * TRUE/FALSE, cell and range references on the model's sheet (A1, $A$1, A1:C9, 'Sheet'!A1, the
 * spill reference A1#), workbook names, structured references to the model's tables
 * (`Table[Column]`, `Table[#All]`, `Table[[#This Row],[Column]]`), SUM, MIN and MAX, calls to `KAISER.` functions
 * (through the same adapter code Excel calls, so ranges arrive as `any[][]` and errors as
 * KaiserError values), unary minus, + − * / & and comparisons, element by element. Anything else
 * is an EvalError naming the formula, so an unsupported formula in the template is found when the
 * examples are generated, never written with a wrong cached value.
 */
import { a1, CellValue, isCellError, parseRange } from "../src/review/snapshot";
import { isExcelError, errorCodeOf, KaiserError } from "../src/functions/support/excelError";

export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvalError";
  }
}

/** A value as formulas pass it around: always a matrix (a single value is 1×1). */
export type Matrix = CellValue[][];

/** A custom function as Excel calls it: arguments already converted, result a value or a matrix. */
export type CustomFunction = (...args: unknown[]) => unknown;

export interface FunctionEntry {
  readonly fn: CustomFunction;
  /** Per parameter: true when Excel passes a range (`any[][]`), false for a single value. */
  readonly matrix: readonly boolean[];
}

export interface EvalTable {
  readonly name: string;
  /** Zero-based bounds, header row included. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly columns: readonly string[];
}

export interface EvalModel {
  readonly sheet: string;
  /** Constants and formulas by "row,col" (zero-based). */
  readonly cells: ReadonlyMap<string, { readonly value: CellValue; readonly formula?: string }>;
  /** Name (any case) → A1 address on the sheet. */
  readonly names: Readonly<Record<string, string>>;
  readonly tables: readonly EvalTable[];
  /** Excel id ("KAISER.BORROWINGBASE") → function. */
  readonly functions: ReadonlyMap<string, FunctionEntry>;
}

const key = (row: number, col: number): string => `${row},${col}`;

// ---- tokens ----

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: string } // A1, A1:B2, A1#, with an optional sheet
  | { t: "name"; v: string }
  | { t: "struct"; table: string; inside: string }
  | { t: "func"; v: string }
  | { t: "op"; v: string }
  | { t: "(" }
  | { t: ")" }
  | { t: "," };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const src = text.startsWith("=") ? text.slice(1) : text;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      tokens.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/.exec(rest);
    if (num && !/^\d+:/.test(rest)) {
      tokens.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const sheetRef = /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?#?)/.exec(rest);
    if (sheetRef) {
      tokens.push({ t: "ref", v: `${(sheetRef[1] ?? sheetRef[2]).replace(/''/g, "'")}!${sheetRef[3]}` });
      i += sheetRef[0].length;
      continue;
    }
    const ref = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?#?(?![A-Za-z0-9_.(\[])/.exec(rest);
    if (ref) {
      tokens.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const ident = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/.exec(rest);
    if (ident) {
      const word = ident[0];
      const after = src[i + word.length];
      if (after === "(") {
        tokens.push({ t: "func", v: word.toUpperCase() });
        i += word.length + 1;
        tokens.push({ t: "(" });
      } else if (after === "[") {
        const close = matchingBracket(src, i + word.length);
        tokens.push({ t: "struct", table: word, inside: src.slice(i + word.length + 1, close) });
        i = close + 1;
      } else {
        tokens.push({ t: "name", v: word });
        i += word.length;
      }
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/&=<>^%])/.exec(rest);
    if (op) {
      tokens.push({ t: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ t: ch } as Token);
      i++;
      continue;
    }
    throw new EvalError(`cannot read "${rest}" in ${text}`);
  }
  return tokens;
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "'") {
      i++;
      continue;
    }
    if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return i;
  }
  throw new EvalError(`unbalanced brackets in ${text}`);
}

// ---- syntax tree ----

type Node =
  | { k: "lit"; v: CellValue }
  | { k: "ref"; v: string }
  | { k: "name"; v: string }
  | { k: "struct"; table: string; inside: string }
  | { k: "call"; name: string; args: (Node | undefined)[] }
  | { k: "neg"; v: Node }
  | { k: "pct"; v: Node }
  | { k: "bin"; op: string; l: Node; r: Node };

const PRECEDENCE: Record<string, number> = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5 };

function parse(text: string): Node {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (what: string): never => {
    throw new EvalError(`${what} in ${text}`);
  };

  function primary(): Node {
    const tok = tokens[pos++];
    if (tok === undefined) return fail("unexpected end");
    switch (tok.t) {
      case "num":
        return { k: "lit", v: tok.v };
      case "str":
        return { k: "lit", v: tok.v };
      case "ref":
        return { k: "ref", v: tok.v };
      case "struct":
        return { k: "struct", table: tok.table, inside: tok.inside };
      case "name": {
        const upper = tok.v.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { k: "lit", v: upper === "TRUE" };
        return { k: "name", v: tok.v };
      }
      case "func": {
        pos++; // "("
        const args: (Node | undefined)[] = [];
        if (peek()?.t === ")") {
          pos++;
          return { k: "call", name: tok.v, args };
        }
        for (;;) {
          const next = peek();
          if (next?.t === "," || next?.t === ")") args.push(undefined);
          else args.push(expression(0));
          const sep = tokens[pos++];
          if (sep?.t === ")") break;
          if (sep?.t !== ",") fail(`expected "," or ")" after argument ${args.length} of ${tok.v}`);
        }
        return { k: "call", name: tok.v, args };
      }
      case "(": {
        const inner = expression(0);
        if (tokens[pos++]?.t !== ")") fail('expected ")"');
        return inner;
      }
      case "op":
        if (tok.v === "-") return { k: "neg", v: unary() };
        if (tok.v === "+") return unary();
        return fail(`unexpected "${tok.v}"`);
      default:
        return fail(`unexpected "${tok.t}"`);
    }
  }

  function unary(): Node {
    let node = primary();
    while (peek()?.t === "op" && (peek() as { v: string }).v === "%") {
      pos++;
      node = { k: "pct", v: node };
    }
    return node;
  }

  function expression(min: number): Node {
    let left = unary();
    for (;;) {
      const tok = peek();
      if (tok?.t !== "op") break;
      const p = PRECEDENCE[tok.v];
      if (p === undefined || p < min) break;
      pos++;
      const right = expression(tok.v === "^" ? p : p + 1);
      left = { k: "bin", op: tok.v, l: left, r: right };
    }
    return left;
  }

  const node = expression(0);
  if (pos !== tokens.length) fail("unexpected text after the formula");
  return node;
}

// ---- evaluation ----

const ERROR_CODES = ["#VALUE!", "#NUM!", "#N/A", "#DIV/0!", "#REF!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!"];

/** A function's result as a cell value: numbers, text, booleans, or an error as `{ error: "#N/A" }`. */
function fromRuntime(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (isExcelError(value)) {
    const code = errorCodeOf(value);
    return { error: ERROR_CODES.includes(code) ? code : "#VALUE!" };
  }
  return { error: "#VALUE!" };
}

/** A cell value as the custom functions runtime passes it inside a range. */
function toRuntime(value: CellValue): unknown {
  if (value === null) return null;
  if (isCellError(value)) return new KaiserError(value.error);
  return value;
}

export interface Evaluated {
  /** The formula's whole result: 1×1 for a single value, larger for a spill. */
  readonly result: Matrix;
}

/**
 * Evaluates every formula of a model. `valueAt` sees constants, formula results and spilled
 * values; spills are resolved lazily (a reference to an empty cell first evaluates the formulas
 * not yet evaluated, in case one spills into it).
 */
export class ModelEvaluator {
  private readonly results = new Map<string, Matrix>();
  private readonly spilledInto = new Map<string, { anchor: string; value: CellValue }>();
  private readonly inProgress = new Set<string>();
  private readonly parsed = new Map<string, Node>();
  /** Spills that ran into other content (each shows #SPILL!), as "Sheet!B17 (formula) cannot spill over Sheet!C17". */
  readonly blocked: string[] = [];

  constructor(private readonly model: EvalModel) {}

  /** Evaluates every formula; returns each formula cell's result by "row,col". */
  evaluateAll(): ReadonlyMap<string, Matrix> {
    for (const [k, cell] of this.model.cells) if (cell.formula !== undefined) this.evaluateCell(k);
    return this.results;
  }

  private evaluateCell(k: string): Matrix {
    const done = this.results.get(k);
    if (done !== undefined) return done;
    const cell = this.model.cells.get(k);
    if (cell?.formula === undefined) throw new EvalError(`no formula at ${k}`);
    if (this.inProgress.has(k)) throw new EvalError(`circular reference through ${this.address(k)}: ${cell.formula}`);
    this.inProgress.add(k);
    const [row, col] = k.split(",").map(Number);
    let node = this.parsed.get(k);
    if (node === undefined) {
      node = parse(cell.formula);
      this.parsed.set(k, node);
    }
    let result: Matrix;
    try {
      result = this.evaluate(node, row, cell.formula);
    } finally {
      this.inProgress.delete(k);
    }
    const blockedBy = this.spillBlocker(row, col, result);
    if (blockedBy !== undefined) {
      // As Excel: a spill that would cover other content shows #SPILL! in its anchor and spills nothing.
      this.blocked.push(`${this.address(k)} (${cell.formula}) cannot spill over ${this.address(blockedBy)}`);
      result = [[{ error: "#SPILL!" }]];
    }
    this.results.set(k, result);
    for (let r = 0; r < result.length; r++) {
      for (let c = 0; c < result[r].length; c++) {
        if (r !== 0 || c !== 0) this.spilledInto.set(key(row + r, col + c), { anchor: k, value: result[r][c] });
      }
    }
    return result;
  }

  /** The first non-empty cell a result would spill over, if any. */
  private spillBlocker(row: number, col: number, result: Matrix): string | undefined {
    for (let r = 0; r < result.length; r++) {
      for (let c = 0; c < result[r].length; c++) {
        if (r === 0 && c === 0) continue;
        const target = key(row + r, col + c);
        if (this.model.cells.has(target) || this.spilledInto.has(target)) return target;
      }
    }
    return undefined;
  }

  private address(k: string): string {
    const [row, col] = k.split(",").map(Number);
    return `${this.model.sheet}!${a1(row, col)}`;
  }

  /** The value a reference sees in one cell. */
  valueAt(row: number, col: number): CellValue {
    const k = key(row, col);
    const cell = this.model.cells.get(k);
    if (cell !== undefined) return cell.formula === undefined ? cell.value : (this.evaluateCell(k)[0]?.[0] ?? null);
    const spilled = this.spilledInto.get(k);
    if (spilled !== undefined) return spilled.value;
    // A blank cell of a table is blank: Excel never spills into a table.
    if (this.model.tables.some((t) => row > t.top && row <= t.bottom && col >= t.left && col <= t.right)) return null;
    // Not known yet: a formula above and to the left, not evaluated so far, may spill here. One
    // that needs the formula being evaluated now cannot (Excel would call that circular): skip it.
    for (const [other, c] of this.model.cells) {
      if (c.formula === undefined || this.results.has(other) || this.inProgress.has(other)) continue;
      const [r, cc] = other.split(",").map(Number);
      if (r > row || cc > col) continue;
      try {
        this.evaluateCell(other);
      } catch (e) {
        if (!(e instanceof EvalError && e.message.startsWith("circular"))) throw e;
      }
      const found = this.spilledInto.get(k);
      if (found !== undefined) return found.value;
    }
    return null;
  }

  private range(text: string, formula: string): Matrix {
    const bang = text.lastIndexOf("!");
    const sheet = bang < 0 ? this.model.sheet : text.slice(0, bang);
    if (sheet.toLowerCase() !== this.model.sheet.toLowerCase()) throw new EvalError(`reference to another sheet (${text}) in ${formula}`);
    const a1text = bang < 0 ? text : text.slice(bang + 1);
    if (a1text.endsWith("#")) {
      const anchor = parseRange(a1text.slice(0, -1));
      if (anchor === undefined) throw new EvalError(`bad reference ${text} in ${formula}`);
      const k = key(anchor.start.row, anchor.start.col);
      if (this.model.cells.get(k)?.formula === undefined) return [[{ error: "#REF!" }]];
      return this.evaluateCell(k);
    }
    const range = parseRange(a1text);
    if (range === undefined) throw new EvalError(`bad reference ${text} in ${formula}`);
    return this.block(range.start.row, range.start.col, range.end.row, range.end.col);
  }

  private block(top: number, left: number, bottom: number, right: number): Matrix {
    const out: Matrix = [];
    for (let r = top; r <= bottom; r++) {
      const row: CellValue[] = [];
      for (let c = left; c <= right; c++) row.push(this.valueAt(r, c));
      out.push(row);
    }
    return out;
  }

  private structured(tableName: string, inside: string, currentRow: number, formula: string): Matrix {
    const table = this.model.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
    if (table === undefined) throw new EvalError(`no table ${tableName} in ${formula}`);
    const parts = [...inside.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    const items = parts.length > 0 ? parts : [inside];
    let top = table.top + 1;
    let bottom = table.bottom;
    const columns: string[] = [];
    for (const raw of items) {
      const item = raw.trim();
      const lower = item.toLowerCase();
      if (lower === "#all") top = table.top;
      else if (lower === "#data" || lower === "") continue;
      else if (lower === "#headers") bottom = top = table.top;
      else if (lower === "#this row" || item.startsWith("@")) {
        top = bottom = currentRow;
        if (item.startsWith("@") && item.length > 1) columns.push(item.slice(1).replace(/^\[|\]$/g, ""));
      } else columns.push(item.replace(/'(.)/g, "$1"));
    }
    let left = table.left;
    let right = table.right;
    if (columns.length > 0) {
      const idx = columns.map((c) => table.columns.findIndex((h) => h.toLowerCase() === c.toLowerCase()));
      if (idx.some((i) => i < 0)) throw new EvalError(`table ${table.name} has no column ${columns.join(" or ")} in ${formula}`);
      left = table.left + Math.min(...idx);
      right = table.left + Math.max(...idx);
    }
    return this.block(top, left, bottom, right);
  }

  private evaluate(node: Node, row: number, formula: string): Matrix {
    switch (node.k) {
      case "lit":
        return [[node.v]];
      case "ref":
        return this.range(node.v, formula);
      case "name": {
        const entry = Object.entries(this.model.names).find(([n]) => n.toLowerCase() === node.v.toLowerCase());
        if (entry === undefined) return [[{ error: "#NAME?" }]];
        return this.range(entry[1], formula);
      }
      case "struct":
        return this.structured(node.table, node.inside, row, formula);
      case "call":
        return this.call(node, row, formula);
      case "neg":
        return map1(this.evaluate(node.v, row, formula), (v) => (typeof v === "number" ? -v : { error: "#VALUE!" }));
      case "pct":
        return map1(this.evaluate(node.v, row, formula), (v) => (typeof v === "number" ? v / 100 : { error: "#VALUE!" }));
      case "bin":
        return map2(this.evaluate(node.l, row, formula), this.evaluate(node.r, row, formula), (a, b) => binary(node.op, a, b));
    }
  }

  private call(node: Extract<Node, { k: "call" }>, row: number, formula: string): Matrix {
    const builtin = BUILTINS[node.name];
    if (builtin !== undefined) return [[builtin(node.args.map((arg) => (arg === undefined ? [[null]] : this.evaluate(arg, row, formula))))]];
    const entry = this.model.functions.get(node.name);
    if (entry === undefined) throw new EvalError(`the function ${node.name} is not one the template evaluator knows (${formula})`);
    const args = node.args.map((arg, i) => {
      if (arg === undefined) return undefined;
      const value = this.evaluate(arg, row, formula);
      if (entry.matrix[i] ?? true) return value.map((r) => r.map(toRuntime));
      return toRuntime(value[0]?.[0] ?? null);
    });
    const result = entry.fn(...args);
    if (!Array.isArray(result)) return [[fromRuntime(result)]];
    return result.map((r: unknown) => (Array.isArray(r) ? r.map(fromRuntime) : [fromRuntime(r)]));
  }
}

/**
 * The few Excel functions the template uses around the KAISER functions, as Excel defines them:
 * SUM, MIN and MAX over the numbers of their arguments (text and blanks in a range are skipped;
 * an error anywhere is the result).
 */
const BUILTINS: Readonly<Record<string, (args: Matrix[]) => CellValue>> = {
  SUM: (args) => aggregate(args, 0, (a, b) => a + b),
  MIN: (args) => aggregate(args, undefined, Math.min),
  MAX: (args) => aggregate(args, undefined, Math.max),
};

function aggregate(args: Matrix[], start: number | undefined, f: (a: number, b: number) => number): CellValue {
  let acc = start;
  for (const m of args) {
    for (const row of m) {
      for (const v of row) {
        if (isCellError(v)) return v;
        if (typeof v === "number") acc = acc === undefined ? v : f(acc, v);
      }
    }
  }
  return acc ?? 0;
}

function map1(m: Matrix, f: (v: CellValue) => CellValue): Matrix {
  return m.map((r) => r.map((v) => (isCellError(v) ? v : f(v))));
}

/** Element by element, a 1×1 side broadcast over the other (as Excel's array arithmetic does). */
function map2(a: Matrix, b: Matrix, f: (x: CellValue, y: CellValue) => CellValue): Matrix {
  const rows = Math.max(a.length, b.length);
  const cols = Math.max(a[0]?.length ?? 1, b[0]?.length ?? 1);
  const at = (m: Matrix, r: number, c: number): CellValue => (m.length === 1 && m[0].length === 1 ? m[0][0] : (m[r]?.[c] ?? { error: "#N/A" }));
  const out: Matrix = [];
  for (let r = 0; r < rows; r++) {
    const line: CellValue[] = [];
    for (let c = 0; c < cols; c++) {
      const x = at(a, r, c);
      const y = at(b, r, c);
      line.push(isCellError(x) ? x : isCellError(y) ? y : f(x, y));
    }
    out.push(line);
  }
  return out;
}

function asNumber(v: CellValue): number | undefined {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function binary(op: string, a: CellValue, b: CellValue): CellValue {
  if (op === "&") return `${a ?? ""}${b ?? ""}`;
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const x = typeof a === "string" ? a.toLowerCase() : (a ?? 0);
    const y = typeof b === "string" ? b.toLowerCase() : (b ?? 0);
    switch (op) {
      case "=":
        return x === y;
      case "<>":
        return x !== y;
      case "<":
        return x < y;
      case ">":
        return x > y;
      case "<=":
        return x <= y;
      default:
        return x >= y;
    }
  }
  const x = asNumber(a);
  const y = asNumber(b);
  if (x === undefined || y === undefined) return { error: "#VALUE!" };
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? { error: "#DIV/0!" } : x / y;
    case "^":
      return x ** y;
  }
  return { error: "#VALUE!" };
}
