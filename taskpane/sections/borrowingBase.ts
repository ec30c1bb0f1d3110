/**
 * The Borrowing Base clause by clause [1.1(f)]: (a), (b) with the limit that binds, the PPE base,
 * the reductions and (c), the total; then the Threshold, the Availability Reserve and Availability.
 * Each line with its section and, where the workbook computes it, its cell.
 */
import type { Figure } from "../../src/review/review";
import { el, dataTable } from "../dom";
import { usd } from "../format";
import { cellControl, severityBadge } from "./cells";
import { PaneSection, sectionTag } from "./section";

/** The figures of this section, in the order of the text. */
export const BORROWING_BASE_KEYS = ["clauseA", "clauseB", "ppeBase", "ppeReductions", "ppeSubcomponent", "borrowingBase", "threshold", "availabilityReserve", "availability"] as const;

export const borrowingBaseSection: PaneSection = {
  id: "borrowing-base",
  title: "Borrowing Base",
  badge: ({ review }) => {
    const bb = review.figures.find((f) => f.key === "borrowingBase");
    return bb && typeof bb.value === "number" ? usd(bb.value) : "not computed";
  },
  render({ review }, { select }) {
    const figures = BORROWING_BASE_KEYS.map((k) => review.figures.find((f) => f.key === k)).filter((f): f is Figure => f !== undefined);
    const binding = review.figures.find((f) => f.key === "clauseB");
    const table = dataTable(
      "The Borrowing Base clause by clause, with the Threshold and Availability",
      [
        { header: "Line", cell: (f: Figure) => el("span", { className: f.key === "borrowingBase" ? "total" : "", text: f.label }) },
        { header: "Section", cell: (f: Figure) => sectionTag(f.section) },
        { header: "Amount", numeric: true, cell: (f: Figure) => (typeof f.value === "number" ? usd(f.value) : "Not computed") },
        {
          header: "Workbook",
          cell: (f: Figure) => {
            if (f.cell === undefined) return "";
            const own = f.workbookValue === null || f.workbookValue === undefined ? "no number" : usd(f.workbookValue);
            return el("span", { className: "workbook-cell" }, f.mismatch ? severityBadge("error") : null, el("span", { className: "num", text: own }), cellControl(f.cell, select));
          },
        },
      ],
      figures,
      { className: "bb-table", rowClass: (f) => `bb-${f.key}${f.mismatch ? " row-mismatch" : ""}${f.key === "borrowingBase" ? " row-total" : ""}` },
    );
    const notes = figures.filter((f) => f.value === null && f.note).map((f) => el("li", { text: `${f.label}: ${f.note ?? ""}` }));
    return el(
      "div",
      {},
      binding && binding.value !== null ? el("p", { className: "binding", text: `Clause (b): ${binding.label.replace(/^Inventory \(b\):\s*/, "")}.` }) : null,
      table,
      notes.length > 0 ? el("ul", { className: "figure-notes muted" }, ...notes) : null,
    );
  },
};
