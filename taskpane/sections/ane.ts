/**
 * Section 1.1(c): each ANECharges row with the part excluded from Adjusted Net Earnings from
 * Operations (up to what remains of its category's cap), and the total.
 */
import type { AneExclusionLine } from "../../src/review/review";
import { dataTable, el } from "../dom";
import { isoDate, usd } from "../format";
import { cannotWorkOut, PaneSection, sectionTag } from "./section";

export const aneSection: PaneSection = {
  id: "ane-exclusions",
  title: "Adjusted Net Earnings exclusions",
  badge: ({ review }) => usd(review.aneExclusions.total),
  render({ review }) {
    const s = review.aneExclusions;
    const body = el("div", { className: "ane" });
    if (s.total === null) {
      body.append(cannotWorkOut(`The charges excluded from Adjusted Net Earnings [${s.section}]`, s.note ?? "the table ANECharges is missing"));
      return body;
    }
    body.append(el("p", { className: "key-line" }, el("span", { text: "Excluded in all, clauses (i)–(n) " }), sectionTag(s.section), el("span", { className: "num amount", text: usd(s.total) })));
    if (s.lines.length === 0) {
      body.append(el("p", { className: "muted", text: "ANECharges has no rows." }));
      return body;
    }
    type Row = { readonly line: AneExclusionLine } | { readonly total: true };
    const charged = s.lines.reduce((t, l) => t.plus(l.amount), s.total.times(0));
    const excluded = s.total;
    const rows: Row[] = [...s.lines.map((line) => ({ line })), { total: true }];
    body.append(
      dataTable(
        `Charges and the part excluded from Adjusted Net Earnings [${s.section}]`,
        [
          { header: "Date", cell: (r: Row) => ("line" in r ? isoDate(r.line.date) : "Total") },
          { header: "Category", cell: (r: Row) => ("line" in r ? String(r.line.category) : "") },
          { header: "Clause", cell: (r: Row) => ("line" in r ? sectionTag(r.line.section) : "") },
          { header: "Charge", numeric: true, cell: (r: Row) => usd("line" in r ? r.line.amount : charged) },
          { header: "Excluded", numeric: true, cell: (r: Row) => usd("line" in r ? r.line.excluded : excluded) },
        ],
        rows,
        { className: "ane-table", rowClass: (r) => ("line" in r ? "" : "row-total") },
      ),
    );
    return body;
  },
};
