/**
 * Every cell of every sheet, and the workbook's calculation: pre-amendment figures, figures of the
 * terms typed into formulas, KAISER formulas showing #NAME?, and manual calculation.
 */
import { dec, Dec } from "../../engine/decimal";
import { formatPercent, formatUsd } from "../../engine/format";
import { term, TERMS, TermKey, TERM_KEYS, TermSpec } from "../../engine/terms";
import { cellName, eachCell, valueAt } from "../locate";
import { isCellError, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { Collector, Rule } from "./collector";
import { numberStoredAsText } from "./values";

/** The rules of the cells' figures and formulas and of the calculation mode. */
export const FORMULA_RULES = [
  {
    id: "pre-amendment-figure",
    severity: "error",
    title: `A figure the Seventh Amendment replaced, typed into a cell or a formula: ${formatUsd(term("priorRevolvingCommitmentAmount"))} commitment, ${formatUsd(
      term("priorMaximumLetterOfCreditAmount"),
    )} Letter of Credit maximum (where labelled so), ${formatPercent(term("priorCommitmentFeeRate"))} commitment fee (where labelled so)`,
    section: "1.2, 1.1(o), 1.3",
  },
  { id: "literal-term-in-formula", severity: "warning", title: 'A figure of the terms table typed as a literal inside a formula (use KAISER.TERM("key"))', section: "the term's" },
  { id: "addin-not-loaded", severity: "error", title: "Formulas calling KAISER. functions show #NAME?: the add-in is not loaded", section: "layout" },
  { id: "manual-calculation", severity: "warning", title: "Calculation mode is manual, so the workbook's figures may be stale", section: "layout" },
] as const satisfies readonly Rule[];

interface TermMatch {
  readonly keys: TermKey[];
}

const LITERAL_UNITS = new Set(["USD", "fraction", "fraction per annum", "times"]);
const PRIOR_KEYS = new Set<TermKey>(["priorRevolvingCommitmentAmount", "priorMaximumLetterOfCreditAmount", "priorCommitmentFeeRate"]);

let literalIndex: Map<string, TermMatch> | undefined;

/** Term values a literal in a formula may repeat (money, rates, factors; not 0 or 1), keyed by their decimal string. */
function termLiterals(): Map<string, TermMatch> {
  if (literalIndex === undefined) {
    literalIndex = new Map();
    // Terms of the amendment first, so a message suggests them before the other documents' terms.
    const keys = [...TERM_KEYS].sort((a, b) => Number(TERMS[a].source !== "002") - Number(TERMS[b].source !== "002"));
    for (const key of keys) {
      const spec: TermSpec = TERMS[key];
      if (!LITERAL_UNITS.has(spec.unit) || PRIOR_KEYS.has(key)) continue;
      const value = term(key);
      if (value.isZero() || value.equals(1) || value.equals(-1)) continue;
      const k = value.abs().toString();
      const match = literalIndex.get(k) ?? { keys: [] };
      match.keys.push(key);
      literalIndex.set(k, match);
    }
  }
  return literalIndex;
}

/** The numeric literals of a formula (outside strings, sheet names, structured references and cell references), as exact decimals. */
export function formulaLiterals(formula: string): Dec[] {
  const stripped = formula
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\[[^\]]*\]/g, "[]");
  const result: Dec[] = [];
  const re = /(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%?)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(stripped)) !== null) {
    const before = stripped[m.index - 1] ?? "";
    const after = stripped[m.index + m[0].length] ?? "";
    // Part of a name or reference (A1, $B$2, LOG10, Sheet1!), a row range (5:5) or a column range.
    if (/[A-Za-z0-9_$.:!\\]/.test(before) || /[A-Za-z_:!(]/.test(after)) continue;
    let value = dec(m[1] + (m[2] !== undefined ? `e${m[2]}` : ""));
    if (m[3] === "%") value = value.dividedBy(100);
    result.push(value);
  }
  return result;
}

/** The label of a cell: the nearest text to its left in the row, else the text above it. */
function labelOf(sheet: SheetSnapshot, row: number, col: number): string {
  for (let c = col - 1; c >= Math.max(sheet.origin.col, col - 12); c--) {
    const v = valueAt(sheet, row, c);
    if (typeof v === "string" && v.trim() !== "" && numberStoredAsText(v) === undefined) return v;
  }
  for (let r = row - 1; r >= Math.max(sheet.origin.row, row - 3); r--) {
    const v = valueAt(sheet, r, col);
    if (typeof v === "string" && v.trim() !== "") return v;
    if (v !== null) break;
  }
  return "";
}

const LC_LABEL = /letters? of credit|\bL\/?Cs?\b/i;
const FEE_LABEL = /commitment fee|unused (line |commitment )?fee/i;

function priorFigureMessage(value: Dec, label: string, inFormula: boolean): { message: string; section: string } | undefined {
  const where = inFormula ? "A formula here uses" : "This cell holds";
  if (value.equals(term("priorRevolvingCommitmentAmount"))) {
    return {
      message: `${where} ${formatUsd(value)}, the Revolving Commitment Amount before the Seventh Amendment; it is now ${formatUsd(term("revolvingCommitmentAmount"))} (pre-amendment figure). Use RevolvingCommitmentAmount or KAISER.TERM("revolvingCommitmentAmount").`,
      section: "1.2",
    };
  }
  if (value.equals(term("priorMaximumLetterOfCreditAmount")) && LC_LABEL.test(label)) {
    return {
      message: `${where} ${formatUsd(value)} beside "${label.trim()}": the Maximum Letter of Credit Amount before the Seventh Amendment; it is now ${formatUsd(term("maximumLetterOfCreditAmount"))} (pre-amendment figure). Use KAISER.TERM("maximumLetterOfCreditAmount").`,
      section: "1.1(o)",
    };
  }
  if (value.equals(term("priorCommitmentFeeRate")) && FEE_LABEL.test(label)) {
    return {
      message: `${where} ${formatPercent(value)} beside "${label.trim()}": the commitment fee before the Seventh Amendment; it is now ${formatPercent(term("commitmentFeeRate"))} per annum (pre-amendment figure). Use KAISER.COMMITMENTFEE or KAISER.TERM("commitmentFeeRate").`,
      section: "1.3",
    };
  }
  return undefined;
}

export function scanCells(snapshot: WorkbookSnapshot, out: Collector): void {
  const literals = termLiterals();
  const prior = [term("priorRevolvingCommitmentAmount"), term("priorMaximumLetterOfCreditAmount"), term("priorCommitmentFeeRate")].map((d) => d.toNumber());
  let notLoaded = 0;
  let firstNotLoaded = "";
  for (const sheet of snapshot.sheets) {
    eachCell(sheet, (row, col, { value, formula, shared }) => {
      if (formula === null) {
        if (typeof value === "number" && prior.includes(value)) {
          const found = priorFigureMessage(dec(value), labelOf(sheet, row, col), false);
          if (found !== undefined) out.add("pre-amendment-figure", found.message, cellName(sheet, row, col), found.section, `sheet ${sheet.name}`);
        }
        return;
      }
      if (isCellError(value) && value.error.toUpperCase() === "#NAME?" && /KAISER\./i.test(formula)) {
        notLoaded++;
        if (firstNotLoaded === "") firstNotLoaded = cellName(sheet, row, col);
      }
      // A formula filled over a range (a shared formula) is one formula: reported at its first cell.
      if (shared === true || !/\d/.test(formula)) return;
      const cell = cellName(sheet, row, col);
      for (const literal of formulaLiterals(formula)) {
        const found = priorFigureMessage(literal, labelOf(sheet, row, col), true);
        if (found !== undefined) {
          out.add("pre-amendment-figure", found.message, cell, found.section, `sheet ${sheet.name}`);
          continue;
        }
        const match = literals.get(literal.abs().toString());
        if (match !== undefined) {
          const first = TERMS[match.keys[0]];
          const keys = match.keys.slice(0, 3).map((k) => `KAISER.TERM("${k}")`).join(" or ");
          const shown = first.unit === "USD" ? formatUsd(literal.abs()) : literal.abs().toString();
          out.add(
            "literal-term-in-formula",
            `The formula ${formula} types ${shown}, a figure of the amendment's terms (${first.description}); use ${keys} so the figure comes from the one table of terms.`,
            cell,
            first.section,
            `sheet ${sheet.name}`,
          );
        }
      }
    });
  }
  if (notLoaded > 0) {
    out.add(
      "addin-not-loaded",
      `${notLoaded} formula${notLoaded === 1 ? "" : "s"} calling KAISER. functions show${notLoaded === 1 ? "s" : ""} #NAME?: the add-in's functions are not loaded in this Excel. Open the add-in (Home › Amendment Checks, or sideload manifest.xml with npm start), then recalculate (Ctrl+Alt+F9).`,
      firstNotLoaded,
      "layout",
    );
  }
}

/** The calculation mode: manual leaves the workbook's figures stale. */
export function checkCalculation(snapshot: WorkbookSnapshot, out: Collector): void {
  if (snapshot.calculationMode === "manual") {
    out.add("manual-calculation", "Calculation is set to manual, so the workbook's figures may be stale. Set Formulas › Calculation Options › Automatic, or press F9 before relying on them.", "", "layout");
  }
}
