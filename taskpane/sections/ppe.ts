/**
 * Section 1.1(t): the PPE Subcomponent schedule, every row with its clause and note, and its
 * picture: a step line down at each reduction, labelled with the clause, and the clause (b) floor.
 */
import { term, TERMS } from "../../src/engine/terms";
import type { Review } from "../paneReview";
import { drawPpeChart, layoutPpeChart } from "../charts/ppeChart";
import { dataTable, el } from "../dom";
import { isoDate, usd } from "../format";
import { cannotWorkOut, PaneSection } from "./section";

type Line = Review["ppeSchedule"]["lines"][number];

export const ppeSection: PaneSection = {
  id: "ppe",
  title: "PPE Subcomponent schedule",
  badge: ({ review }) => (review.ppeSchedule.note !== undefined ? "—" : `${review.ppeSchedule.lines.length} ${review.ppeSchedule.lines.length === 1 ? "row" : "rows"}`),
  render({ review }, { width }) {
    const s = review.ppeSchedule;
    const body = el("div", { className: "ppe" });
    if (s.note !== undefined) {
      body.append(cannotWorkOut(`The PPE Subcomponent schedule [${s.section}]`, s.note));
      return body;
    }
    if (s.lines.length === 0) {
      body.append(el("p", { className: "muted", text: `No PPE Subcomponent Reductions [${s.section}].` }));
      return body;
    }
    const floor = term("ppeClauseBFloor");
    const first = s.lines[0];
    const base = first.ppeSubcomponent.plus(first.cumulative);
    const model = layoutPpeChart({
      base: base.toNumber(),
      steps: s.lines.map((l) => ({ date: l.date, clause: l.clause, reduction: l.reduction.toNumber(), ppeSubcomponent: l.ppeSubcomponent.toNumber() })),
      floor: floor.toNumber(),
      floorLabel: `Clause (b) floor ${usd(floor)} [${TERMS.ppeClauseBFloor.section}]`,
      width,
    });
    body.append(
      el(
        "figure",
        { className: "chart-figure" },
        el("figcaption", { attrs: { id: "ppe-chart-title" }, text: `The PPE Subcomponent after each reduction, from ${usd(base)} [${s.section}]` }),
        drawPpeChart(document, model, "ppe-chart-title", "ppe-table"),
      ),
    );
    const table = dataTable(
      `PPE Subcomponent schedule [${s.section}]`,
      [
        { header: "Date", cell: (l: Line) => isoDate(l.date) },
        { header: "Kind", cell: (l: Line) => l.kind },
        { header: "Clause", cell: (l: Line) => l.clause },
        { header: "Reduction", numeric: true, cell: (l: Line) => usd(l.reduction) },
        { header: "Cumulative", numeric: true, cell: (l: Line) => usd(l.cumulative) },
        { header: "PPE Subcomponent", numeric: true, cell: (l: Line) => usd(l.ppeSubcomponent) },
        { header: "Note", cell: (l: Line) => l.note },
      ],
      s.lines,
      { className: "ppe-table" },
    );
    table.id = "ppe-table";
    body.append(table);
    return body;
  },
};
