/** The PPE Subcomponent [1.1(f)(c), 1.1(t)]: the PPE base, the reductions to the as-of date, clause (c). */
import { Dec } from "../../engine/decimal";
import { isoFromSerial } from "../../engine/dates";
import { formatPercent, formatUsd } from "../../engine/format";
import * as bb from "../../engine/borrowingBase";
import { PpeEvent, ppeReductions } from "../../engine/ppeReduction";
import { term } from "../../engine/terms";
import { amountFigure, blocker, engineMessage } from "./figure";
import type { Figure, ModelInputs, RecalcOptions } from "./types";

/** Pushes the PPE base, the PPE Subcomponent Reductions and clause (c) onto `figures`; gives clause (c) and why it is missing. */
export function ppeFigures(inputs: ModelInputs, options: RecalcOptions, figures: Figure[]): { clauseC: Dec | null; clauseCNote: string | undefined } {
  const readings = options.readings;
  const out = inputs.outputs;
  const olv = inputs.olvInPlaceValue.value;
  const base = olv === undefined ? null : bb.ppeBase(olv);
  figures.push(
    amountFigure(
      "ppeBase",
      `PPE base: lesser of ${formatUsd(term("ppeCap"))} and ${formatPercent(term("ppeOlvRate"))} of OLV In-Place Value`,
      "1.1(f)(c)",
      base,
      blocker({ OLVInPlaceValue: inputs.olvInPlaceValue }),
    ),
  );
  let reductions: Dec | null = null;
  let reductionsNote = blocker({ OLVInPlaceValue: inputs.olvInPlaceValue, AsOfDate: inputs.asOfDate }, { PPEEvents: inputs.ppeEvents }) ?? inputs.kbcAllocableAmount.problem;
  if (reductionsNote === undefined) {
    try {
      reductions = ppeReductions({
        olvInPlaceValue: olv as Dec,
        events: inputs.ppeEvents.rows as PpeEvent[],
        asOfDate: inputs.asOfDate.value,
        kbcAllocableAmount: inputs.kbcAllocableAmount.value,
      }, readings);
    } catch (e) {
      reductionsNote = engineMessage(e);
    }
  }
  const asOfLabel = inputs.asOfDate.value === undefined ? "" : ` to ${isoFromSerial(inputs.asOfDate.value)}`;
  figures.push(amountFigure("ppeReductions", `PPE Subcomponent Reductions${asOfLabel}`, "1.1(t)", reductions, reductionsNote));
  const clauseC = olv !== undefined && reductions !== null ? bb.ppeSubcomponent(olv, reductions) : null;
  const clauseCNote = clauseC === null ? (reductionsNote ?? blocker({ OLVInPlaceValue: inputs.olvInPlaceValue })) : undefined;
  figures.push(amountFigure("ppeSubcomponent", "PPE Subcomponent (c), not below zero", "1.1(f)(c)", clauseC, clauseCNote, out.PPESubcomponent));
  return { clauseC, clauseCNote };
}
