/** Section 1.1(c): the charges excluded from Adjusted Net Earnings from Operations, up to their caps. */
import { el } from "../dom";
import { usd } from "../format";
import { cannotWorkOut, PaneSection, sectionTag } from "./section";

export const aneSection: PaneSection = {
  id: "ane-exclusions",
  title: "Adjusted Net Earnings exclusions",
  badge: ({ review }) => {
    const f = review.figures.find((x) => x.key === "aneExclusions");
    return f && typeof f.value === "number" ? usd(f.value) : "—";
  },
  render({ review }) {
    const f = review.figures.find((x) => x.key === "aneExclusions");
    const body = el("div", { className: "ane" });
    if (!f || f.value === null) {
      body.append(cannotWorkOut("The charges excluded from Adjusted Net Earnings [1.1(c)]", f?.note ?? "the table ANECharges is missing"));
      return body;
    }
    body.append(el("p", { className: "key-line" }, el("span", { text: `${f.label} ` }), sectionTag(f.section), el("span", { className: "num amount", text: usd(f.value as number) })));
    return body;
  },
};
