/**
 * Reading R-TERM-EFFECTIVE: the three figures the Seventh Amendment replaced (the Revolving
 * Commitment Amount, 1.2; the Maximum Letter of Credit Amount, 1.1(o); the commitment fee rate, 1.3),
 * before and from its effective date, as KAISER.TERMASOF gives them.
 */
import type { Dec } from "../../src/engine/decimal";
import { beforeAfterTable, BeforeAfterRow } from "../../src/engine/termsAsOf";
import { dataTable, el } from "../dom";
import { percent, usd } from "../format";
import type { PaneSection } from "./section";

const show = (unit: string, value: Dec): string => (unit === "USD" ? usd(value) : percent(value));

export const replacedTermsSection: PaneSection = {
  id: "replaced-terms",
  title: "Figures the amendment replaced",
  render() {
    return el(
      "div",
      { className: "replaced-terms" },
      el("p", { className: "muted", text: "Before and from its effective date (2004-10-28 unless the workbook says otherwise), as KAISER.TERMASOF gives them." }),
      dataTable(
        "Figures the Seventh Amendment replaced, before and after",
        [
          { header: "Term", cell: (r: BeforeAfterRow) => r.description },
          { header: "Before", numeric: true, cell: (r: BeforeAfterRow) => show(r.unit, r.before) },
          { header: "After", numeric: true, cell: (r: BeforeAfterRow) => show(r.unit, r.after) },
          { header: "Section", cell: (r: BeforeAfterRow) => r.section },
        ],
        beforeAfterTable(),
        { className: "replaced-terms-table" },
      ),
    );
  },
};
