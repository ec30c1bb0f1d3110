/** Minimum EBITDA [9.2.4]: each period's floor, headroom and test. */
import { Dec } from "../../engine/decimal";
import { isoFromSerial } from "../../engine/dates";
import { formatUsd } from "../../engine/format";
import { EbitdaStatus, ebitdaTest, minimumEbitdaFloor, minimumEbitdaPeriod } from "../../engine/minimumEbitda";
import type { Readings } from "../../engine/readings";
import { amountFigure, blocker, engineMessage } from "./figure";
import type { EbitdaLine, Figure, MinimumEbitdaTable, ModelInputs } from "./types";

/**
 * Section 9.2.4, period by period: the floor after dispositions, the headroom and the test, each
 * pushed as figures (`ebitdaFloor:…`, `ebitdaTest:…`) and kept as the table's lines.
 */
export function ebitdaTable(inputs: ModelInputs, first3: Figure | undefined, figures: Figure[], readings?: Readings): MinimumEbitdaTable {
  const section = "9.2.4";
  const ebitdaRows = inputs.monthlyEbitda.rows;
  if (ebitdaRows === undefined) return { section, lines: [], note: inputs.monthlyEbitda.problem ?? "the table MonthlyEBITDA is missing" };
  // The test needs the first 3-day Threshold Event, or the knowledge that there is none (a value, not a message).
  const first3Known = first3 !== undefined && (first3.value !== null || first3.noEvent === true);
  const firstEvent = typeof first3?.value === "number" ? first3.value : undefined;
  const dispositionsNote = blocker({}, { Dispositions: inputs.dispositions });
  const lines: EbitdaLine[] = [];
  for (const row of ebitdaRows) {
    const iso = isoFromSerial(row.periodEnd);
    let floor: Dec | null = null;
    let floorNote = dispositionsNote;
    if (floorNote === undefined) {
      try {
        floor = minimumEbitdaFloor(row.periodEnd, inputs.dispositions.rows, readings);
      } catch (e) {
        floorNote = engineMessage(e);
      }
    }
    figures.push(amountFigure(`ebitdaFloor:${iso}`, `Minimum EBITDA for the period ending ${iso}`, section, floor, floorNote));
    let status: EbitdaStatus | null = null;
    let statusNote = floorNote ?? (first3Known ? undefined : `the first Threshold Event for Section 9.2.4 cannot be computed: ${first3?.note ?? ""}`);
    if (statusNote === undefined) {
      try {
        status = ebitdaTest(row.periodEnd, row.ebitda, firstEvent, inputs.dispositions.rows, readings);
      } catch (e) {
        statusNote = engineMessage(e);
      }
    }
    figures.push({
      key: `ebitdaTest:${iso}`,
      label: `Minimum EBITDA test, period ending ${iso} (EBITDA ${formatUsd(row.ebitda)})`,
      section,
      value: status,
      format: "text",
      mismatch: false,
      ...(statusNote === undefined ? {} : { note: statusNote }),
    });
    const line = { periodEnd: row.periodEnd, ebitda: row.ebitda };
    // The floor exists only for a period of the table, so its minimum is there to take the floor from.
    const reduction = floor === null ? null : minimumEbitdaPeriod(row.periodEnd).minimum.minus(floor);
    if (floor !== null && !first3Known) {
      // The floor and headroom stand without the test (Reading R-EBITDA-HEADROOM).
      const note = `the first Threshold Event for Section 9.2.4 cannot be worked out: ${first3?.note ?? "no daily outstandings"}`;
      lines.push({ ...line, floor, reduction, headroom: row.ebitda.minus(floor), status: null, note });
    } else if (floor === null || status === null) {
      lines.push({ ...line, floor: null, reduction: null, headroom: null, status: null, note: floorNote ?? statusNote });
    } else {
      lines.push({ ...line, floor, reduction, headroom: row.ebitda.minus(floor), status });
    }
  }
  const note = dispositionsNote === undefined ? undefined : (inputs.dispositions.problem ?? "the table Dispositions is missing");
  return { section, lines: note === undefined ? lines : [], ...(note === undefined ? {} : { note }) };
}
