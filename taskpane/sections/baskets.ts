/**
 * Basket headroom: each basket the model has an input for, its cap, what is used and what is left
 * (negative when exceeded). Today the KBC Allocable Amount against its cap [9.2.18(ix)].
 */
import type { BasketLine } from "../../src/review/review";
import { dataTable, el } from "../dom";
import { usd } from "../format";
import { cannotWorkOut, PaneSection, sectionTag } from "./section";

export const basketsSection: PaneSection = {
  id: "baskets",
  title: "Basket headroom",
  badge: ({ review }) => {
    const exceeded = review.baskets.lines.filter((l) => l.headroom.isNegative()).length;
    return review.baskets.note !== undefined ? "—" : exceeded > 0 ? `${exceeded} exceeded` : `${review.baskets.lines.length}`;
  },
  render({ review }) {
    const s = review.baskets;
    const body = el("div", { className: "baskets" });
    if (s.note !== undefined) {
      body.append(cannotWorkOut("The basket headroom", s.note));
      return body;
    }
    body.append(
      dataTable(
        "Basket headroom",
        [
          { header: "Basket", cell: (l: BasketLine) => l.input },
          { header: "Section", cell: (l: BasketLine) => sectionTag(l.section) },
          { header: "Cap", numeric: true, cell: (l: BasketLine) => usd(l.cap) },
          { header: "Used", numeric: true, cell: (l: BasketLine) => usd(l.used) },
          { header: "Headroom", numeric: true, cell: (l: BasketLine) => usd(l.headroom) },
        ],
        s.lines,
        { className: "basket-table", rowClass: (l) => (l.headroom.isNegative() ? "row-mismatch" : "") },
      ),
      el("p", { className: "muted", text: "The other baskets need a ledger of their uses, which the layout does not hold; KAISER.BASKETHEADROOM works them out from one." }),
    );
    return body;
  },
};
