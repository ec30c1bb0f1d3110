/**
 * Registers every `KAISER.` custom function with HyperFormula as a function plugin that calls the
 * very adapter code Excel calls (src/functions/*.ts), so the end-to-end test recalculates a
 * workbook through the real functions, not through a copy of their logic.
 *
 * Which TypeScript function answers to which Excel id, and which parameters are ranges ("matrix")
 * or single values ("scalar"), comes from scripts/functionRegistry.ts: custom-functions-metadata's
 * own parser, the pass that writes dist/functions.json and the `CustomFunctions.associate` calls.
 *
 * The bridge translates in both directions, as Excel's custom functions runtime does:
 * - arguments: a HyperFormula range becomes an array of rows (`any[][]`), a blank cell `null`, an
 *   error value a `KaiserError` with its Excel code (errors reach the function, as
 *   `allowErrorForDataTypeAny` makes Excel do); a single value given to a range parameter becomes
 *   a 1×1 matrix; an omitted argument is `undefined`;
 * - results: a 1×1 result is a single value, a larger one a spilled array; a `KaiserError` becomes
 *   a HyperFormula `CellError` of the same code, with its message.
 *
 * Spills: HyperFormula fixes the size of an array formula when it parses it, before any value is
 * known; Excel sizes a spill after computing it. The bridge closes that gap with a size oracle: the
 * first build predicts from the arguments' shapes (right for the element-wise functions), every
 * call records the size it actually returned, and the workbook is rebuilt with the recorded sizes
 * until no size changes (see `buildWorkbook` in hyperformulaWorkbook.ts). A spill that then runs
 * into other content is HyperFormula's `#SPILL!`, as in Excel.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import type { Ast, ProcedureAst } from "hyperformula/typings/parser/Ast";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { InterpreterValue, InternalScalarValue } from "hyperformula/typings/interpreter/InterpreterValue";
import { isExcelError, KaiserError, errorCodeOf } from "../../../src/functions/support/excelError";
import { discoverFunctions, RegisteredFunction } from "../../../scripts/functionRegistry";

export type BridgedFunction = RegisteredFunction;
export { discoverFunctions };

/** Rows × columns of a result, as Excel spills it. */
export interface SpillSize {
  readonly rows: number;
  readonly cols: number;
}

const ERROR_TYPE_OF_CODE: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
  "#SPILL!": ErrorType.SPILL,
};

const CODE_OF_ERROR_TYPE: Record<string, string> = Object.fromEntries(Object.entries(ERROR_TYPE_OF_CODE).map(([code, type]) => [type, code]));

/** The Excel text of a HyperFormula error ("#DIV/0!"); HyperFormula's own #CYCLE! and #ERROR! keep their names. */
export function excelCodeOf(error: { type: ErrorType | string }): string {
  return CODE_OF_ERROR_TYPE[error.type] ?? `#${error.type}!`;
}

/** One scalar as the custom functions runtime passes it. */
function toRuntimeScalar(value: InternalScalarValue | undefined): unknown {
  if (value === undefined || value === EmptyValue) return null;
  if (value instanceof CellError) return new KaiserError(excelCodeOf(value), value.message);
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: number }).val; // dates, currencies, percents: plain numbers to a custom function
  return value;
}

function toRuntimeArgument(value: InterpreterValue | undefined, matrix: boolean): unknown {
  if (value === undefined) return undefined;
  if (value instanceof SimpleRangeValue) {
    const rows = value.data.map((row) => row.map((cell) => toRuntimeScalar(cell)));
    if (matrix) return rows;
    // A range given for a single-value parameter: Excel intersects or lifts; the template never does it.
    if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
    return new KaiserError("#VALUE!", "a range was given where a single value is expected");
  }
  const scalar = toRuntimeScalar(value);
  return matrix ? [[scalar]] : scalar;
}

/** A function's result as HyperFormula holds it. */
function toHyperFormulaValue(result: unknown): InterpreterValue {
  const cell = (v: unknown): InternalScalarValue => {
    if (v === null || v === undefined || v === "") return v === "" ? "" : EmptyValue;
    if (typeof v === "number") return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, "not a finite number (a function must never return one)");
    if (typeof v === "string" || typeof v === "boolean") return v;
    if (isExcelError(v)) return new CellError(ERROR_TYPE_OF_CODE[errorCodeOf(v)] ?? ErrorType.VALUE, (v as { message?: string }).message);
    return new CellError(ErrorType.VALUE, `unexpected result ${String(v)}`);
  };
  if (!Array.isArray(result)) return cell(result);
  const rows = result.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  if (rows.length === 1 && rows[0].length === 1) return cell(rows[0][0]);
  return SimpleRangeValue.onlyValues(rows.map((row) => row.map(cell)) as never);
}

/** The key of one call: the formula's address and the function ("0!5,1|KAISER.TERMS"). */
export function callKey(sheet: number, row: number, col: number, id: string): string {
  return `${sheet}!${row},${col}|${id}`;
}

function stateKey(state: InterpreterState, id: string): string {
  const a = state.formulaAddress;
  return callKey(a.sheet, a.row, a.col, id);
}

/** Calls made and sizes returned, keyed by formula address and function: the size oracle. */
export class SpillRecorder {
  /** Sizes the next build uses for each formula. */
  readonly known = new Map<string, SpillSize>();
  /** Sizes the functions returned in the current build. */
  readonly returned = new Map<string, SpillSize & { id: string }>();

  startBuild(): void {
    this.returned.clear();
  }

  /** True when some function returned a size different from the one the build assumed. */
  learn(): boolean {
    let changed = false;
    for (const [key, size] of this.returned) {
      const before = this.known.get(key);
      if (before === undefined || before.rows !== size.rows || before.cols !== size.cols) {
        this.known.set(key, { rows: size.rows, cols: size.cols });
        changed = true;
      }
    }
    return changed;
  }
}

let registered: { functions: BridgedFunction[]; recorder: SpillRecorder } | undefined;

/**
 * Registers the bridge once per process (HyperFormula's registry is global) and returns the
 * functions and the shared size recorder.
 */
export function registerKaiserFunctions(): { functions: BridgedFunction[]; recorder: SpillRecorder } {
  if (registered !== undefined) return registered;
  const functions = discoverFunctions();
  const recorder = new SpillRecorder();

  class KaiserPlugin extends FunctionPlugin {
    callKaiser(fn: BridgedFunction, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
      if (ast.args.length > fn.parameters.length) {
        return new CellError(ErrorType.NA, `${fn.id} takes at most ${fn.parameters.length} arguments`);
      }
      const args = fn.parameters.map((p, i) => {
        const arg: Ast | undefined = ast.args[i];
        if (arg === undefined || arg.type === "EMPTY") return undefined;
        return toRuntimeArgument(this.evaluateAst(arg, state), p.matrix);
      });
      const result = fn.fn(...args);
      const rows = Array.isArray(result) ? result.length : 1;
      const cols = Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]).length : 1;
      recorder.returned.set(stateKey(state, fn.id), { id: fn.id, rows, cols });
      return toHyperFormulaValue(result);
    }

    sizeKaiser(ast: ProcedureAst, state: InterpreterState): ArraySize {
      const known = recorder.known.get(stateKey(state, ast.procedureName));
      if (known !== undefined) return new ArraySize(known.cols, known.rows);
      // First build: an element-wise call spills to the shape of its range arguments.
      let width = 1;
      let height = 1;
      for (const arg of ast.args) {
        if (arg.type === "EMPTY") continue;
        const size = this.arraySizeForAst(arg, state);
        if (size.isRef) continue;
        width = Math.max(width, size.width);
        height = Math.max(height, size.height);
      }
      return new ArraySize(width, height);
    }
  }

  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};
  const proto = KaiserPlugin.prototype as unknown as Record<string, unknown>;
  functions.forEach((fn, i) => {
    const method = `kaiser${i}`;
    proto[method] = function (this: KaiserPlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.callKaiser(fn, ast, state);
    };
    implemented[fn.id] = {
      method,
      sizeOfResultArrayMethod: "sizeKaiser",
      vectorizationForbidden: true,
      parameters: fn.parameters.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
    };
    translations[fn.id] = fn.id;
  });
  (KaiserPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(KaiserPlugin, { enGB: translations, enUS: translations });
  registered = { functions, recorder };
  return registered;
}
