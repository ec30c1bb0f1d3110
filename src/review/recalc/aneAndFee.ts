/** The charges excluded from Adjusted Net Earnings [1.1(c)] and the amendment fee [5(d)]. */
import { Dec, ZERO } from "../../engine/decimal";
import { amendmentFee } from "../../engine/fees";
import { aneExclusions, Charge } from "../../engine/adjustedNetEarnings";
import { amountFigure, blocker, engineMessage } from "./figure";
import type { Figure, ModelInputs } from "./types";

/** Pushes the charges excluded from Adjusted Net Earnings onto `figures`. */
export function aneFigure(inputs: ModelInputs, figures: Figure[]): void {
  // Charges excluded from Adjusted Net Earnings [1.1(c)].
  let excluded: Dec | null = null;
  let excludedNote = blocker({}, { ANECharges: inputs.aneCharges });
  if (excludedNote === undefined) {
    try {
      excluded = aneExclusions(inputs.aneCharges.rows as Charge[]).reduce((s, x) => s.plus(x), ZERO);
    } catch (e) {
      excludedNote = engineMessage(e);
    }
  }
  figures.push(amountFigure("aneExclusions", "Charges excluded from Adjusted Net Earnings, (i)-(n)", "1.1(c)", excluded, excludedNote));
}

/** Pushes the amendment fee onto `figures`. */
export function amendmentFeeFigure(inputs: ModelInputs, figures: Figure[]): void {
  const rca = inputs.revolvingCommitmentAmount.value;
  // Amendment fee [5(d)].
  figures.push(
    amountFigure(
      "amendmentFee",
      "Amendment fee",
      "5(d)",
      rca === undefined ? null : amendmentFee(rca),
      blocker({ RevolvingCommitmentAmount: inputs.revolvingCommitmentAmount }),
    ),
  );
}
