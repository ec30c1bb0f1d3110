/** The named cells of the layout contract: defined, on one cell, filled, and the commitment's figure. */
import { dec } from "../../engine/decimal";
import { formatUsd } from "../../engine/format";
import { term } from "../../engine/terms";
import { NAMED_CELLS, OUTPUTS } from "../layout";
import { formulaAt, locateName, numberFormatAt, valueAt } from "../locate";
import type { WorkbookSnapshot } from "../snapshot";
import { Collector, INPUT, Rule } from "./collector";
import { checkValue, isBlank, what } from "./values";

/** The rules of the named cells. */
export const NAME_RULES = [
  { id: "missing-name", severity: "error", title: "A required named cell of the layout contract is not defined in the workbook", section: INPUT },
  { id: "name-not-single-cell", severity: "error", title: "A contract name refers to more than one cell, to #REF!, to a constant or to a missing sheet", section: INPUT },
  { id: "commitment-not-200m", severity: "error", title: `RevolvingCommitmentAmount other than ${formatUsd(term("revolvingCommitmentAmount"))}`, section: "1.2" },
] as const satisfies readonly Rule[];

export function checkNames(snapshot: WorkbookSnapshot, out: Collector): void {
  for (const entry of [...NAMED_CELLS, ...OUTPUTS]) {
    const where = locateName(snapshot, entry.name);
    if (where.kind === "missing") {
      if (entry.required) {
        out.add("missing-name", `The workbook has no name ${entry.name} (${entry.description}). Define it (Formulas › Define Name, scope Workbook) on one cell holding ${what(entry)}.`, "", entry.section);
      }
      continue;
    }
    if (where.kind === "broken") {
      const reason = {
        range: `refers to ${where.cell || where.name.formula}, more than one cell`,
        ref: `refers to ${where.name.formula}, a deleted cell (#REF!)`,
        constant: `refers to ${where.name.formula}, a constant, not a cell`,
        sheet: `refers to ${where.cell}, on a sheet the workbook does not have`,
      }[where.reason];
      out.add("name-not-single-cell", `The name ${entry.name} ${reason}; point it at the one cell that holds ${what(entry)} (Formulas › Name Manager).`, where.cell, entry.section);
      continue;
    }
    if (entry.kind === "output" || where.sheet === undefined) continue;
    const value = valueAt(where.sheet, where.row, where.col);
    const formula = formulaAt(where.sheet, where.row, where.col);
    if (isBlank(value)) {
      if (entry.required) out.add("blank-required", `${entry.name} is blank; enter ${what(entry)} (${entry.description}).`, where.cell, entry.section);
      continue;
    }
    checkValue(out, entry, entry.name, value, numberFormatAt(where.sheet, where.row, where.col), formula, where.cell);
    if (entry.name === "RevolvingCommitmentAmount" && typeof value === "number") {
      const v = dec(value);
      // The pre-amendment figure is reported once, by its own rule (scanCells).
      if (!v.equals(term("revolvingCommitmentAmount")) && !v.equals(term("priorRevolvingCommitmentAmount")) && v.greaterThanOrEqualTo(0)) {
        out.add(
          "commitment-not-200m",
          `RevolvingCommitmentAmount is ${formatUsd(v)}; the Seventh Amendment sets the Revolving Commitment Amount at ${formatUsd(term("revolvingCommitmentAmount"))} (Section 2.1.1(b)).`,
          where.cell,
          "1.2",
        );
      }
    }
  }
}
