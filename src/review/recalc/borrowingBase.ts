/**
 * The Borrowing Base clause by clause [1.1(f)], the Threshold [1.1(aa)], the Availability Reserve
 * [1.1(e)] and Availability (Reading R-AVAILABILITY).
 */
import { Dec, ZERO } from "../../engine/decimal";
import { formatPercent } from "../../engine/format";
import * as bb from "../../engine/borrowingBase";
import { term } from "../../engine/terms";
import { amountFigure, blocker } from "./figure";
import { ppeFigures } from "./ppe";
import type { Figure, ModelInputs, RecalcOptions } from "./types";

// Clause (b)'s binding limit reads as the engine words it (one wording, src/engine/borrowingBase.ts).
const LIMIT_LABEL = bb.INVENTORY_LIMIT_LABEL;

/** Pushes clauses (a), (b), the PPE figures, the Borrowing Base, the Threshold, the Availability Reserve and Availability onto `figures`. */
export function borrowingBaseFigures(inputs: ModelInputs, options: RecalcOptions, figures: Figure[]): { thresholdValue: Dec | null; thresholdNote: string | undefined } {
  const readings = options.readings;
  const out = inputs.outputs;
  // Clause (a) and clause (b) [1.1(f)].
  const a = inputs.receivablesComponent.value ?? null;
  figures.push(amountFigure("clauseA", "Receivables (a)", "1.1(f)(a)", a, blocker({ ReceivablesComponent: inputs.receivablesComponent })));
  const nrpBlocked = inputs.netRecoveryPercentage.problem;
  const clauseBBlocked = blocker({ EligibleInventory: inputs.eligibleInventory }) ?? nrpBlocked;
  const clauseB = clauseBBlocked === undefined ? bb.inventoryComponent(inputs.eligibleInventory.value as Dec, inputs.netRecoveryPercentage.value) : null;
  figures.push(amountFigure("clauseB", clauseB === null ? "Inventory (b)" : `Inventory (b): ${LIMIT_LABEL[clauseB.binding]}`, "1.1(f)(b)", clauseB?.amount ?? null, clauseBBlocked));

  // PPE base, reductions and clause (c) [1.1(f)(c), 1.1(t)].
  const { clauseC, clauseCNote } = ppeFigures(inputs, options, figures);

  // Borrowing Base [1.1(f)].
  const total = a !== null && clauseB !== null && clauseC !== null ? a.plus(clauseB.amount).plus(clauseC) : null;
  const totalNote = total === null ? (blocker({ ReceivablesComponent: inputs.receivablesComponent }) ?? clauseBBlocked ?? clauseCNote) : undefined;
  figures.push(amountFigure("borrowingBase", "Borrowing Base (a)+(b)+(c)", "1.1(f)", total, totalNote, out.BorrowingBase));

  // Threshold [1.1(aa)].
  const thresholdValue = a !== null && clauseB !== null ? bb.threshold(a, clauseB.amount) : null;
  const thresholdNote = thresholdValue === null ? (blocker({ ReceivablesComponent: inputs.receivablesComponent }) ?? clauseBBlocked) : undefined;
  figures.push(amountFigure("threshold", `Threshold: ${formatPercent(term("thresholdRate"))} of (a)+(b)`, "1.1(aa)", thresholdValue, thresholdNote, out.Threshold));

  // Availability Reserve and Availability [1.1(e)].
  const rca = inputs.revolvingCommitmentAmount.value;
  const reserve = rca === undefined ? null : bb.availabilityReserve(rca);
  figures.push(amountFigure("availabilityReserve", "Availability Reserve", "1.1(e)", reserve, blocker({ RevolvingCommitmentAmount: inputs.revolvingCommitmentAmount }), out.AvailabilityReserve));
  const outstandings = inputs.revolvingCreditOutstandings.value;
  const available = total !== null && rca !== undefined && outstandings !== undefined ? bb.availability(total, outstandings, ZERO, rca, readings) : null;
  const availableNote = available === null ? (totalNote ?? blocker({ RevolvingCommitmentAmount: inputs.revolvingCommitmentAmount, RevolvingCreditOutstandings: inputs.revolvingCreditOutstandings })) : undefined;
  figures.push(amountFigure("availability", "Availability, signed (Reading R-AVAILABILITY)", "1.1(e)", available, availableNote, out.Availability));
  return { thresholdValue, thresholdNote };
}
