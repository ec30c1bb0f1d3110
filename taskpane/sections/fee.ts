/** Section 5(d), Schedule A: the amendment fee and its split among the Lenders, to the cent. */
import { dec } from "../../src/engine/decimal";
import type { Review } from "../paneReview";
import { dataTable, el } from "../dom";
import { percent, usd } from "../format";
import { cannotWorkOut, PaneSection } from "./section";

type Line = Review["amendmentFee"]["lines"][number];

export const feeSection: PaneSection = {
  id: "amendment-fee",
  title: "Amendment fee by Lender",
  badge: ({ review }) => usd(review.amendmentFee.fee),
  render({ review }) {
    const s = review.amendmentFee;
    const body = el("div", { className: "fee" });
    if (s.fee === null || s.revolvingCommitmentAmount === null) {
      body.append(cannotWorkOut(`The amendment fee [${s.section}]`, s.note ?? "the Revolving Commitment Amount is missing"));
      return body;
    }
    body.append(el("p", { text: `${usd(s.fee)} on a Revolving Commitment Amount of ${usd(s.revolvingCommitmentAmount)}, split by Schedule A [${s.section}].` }));
    if (s.note !== undefined) body.append(el("p", { className: "notice notice-warning", text: `Note: ${s.note}.` }));
    const total = { lender: "Total", commitment: s.lines.reduce((t, l) => t.plus(l.commitment), dec(0)), share: s.lines.reduce((t, l) => t.plus(l.share), dec(0)), amount: s.lines.reduce((t, l) => t.plus(l.amount), dec(0)) };
    body.append(
      dataTable(
        `The amendment fee by Lender [${s.section}]`,
        [
          { header: "Lender", cell: (l: Line) => l.lender },
          { header: "Commitment", numeric: true, cell: (l: Line) => usd(l.commitment) },
          { header: "Share", numeric: true, cell: (l: Line) => percent(l.share) },
          { header: "Fee", numeric: true, cell: (l: Line) => usd(l.amount) },
        ],
        [...s.lines, total],
        { className: "fee-table", rowClass: (l) => (l === total ? "row-total" : "") },
      ),
    );
    return body;
  },
};
