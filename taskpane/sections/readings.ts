/**
 * The Readings section: every switchable reading with its choice in this workbook and, for each
 * other choice, "no effect here" or the headline figures it would change (README, Readings),
 * largest effect on the Borrowing Base first. Text only (dom.ts): nothing here is markup.
 */
import { AlternativeView, NO_EFFECT_HERE, ReadingView, readingViews } from "../../src/view/readings";
import { el } from "../dom";
import type { PaneSection } from "./section";

export const readingsSection: PaneSection = {
  id: "readings",
  title: "Readings",
  badge: ({ review }) => {
    const views = readingViews(review);
    const changed = views.filter((v) => v.alternatives.some((a) => a.effects.length > 0)).length;
    const chosen = views.filter((v) => !v.isDefault).length;
    return `${changed} matter here${chosen === 0 ? "" : `, ${chosen} not the default`}`;
  },
  render({ review }) {
    const views = readingViews(review);
    return el(
      "div",
      { className: "readings" },
      el("p", {
        className: "muted",
        text: "Where the amendment can be read two ways, the add-in applies one reading. Choose another in the Readings table (Reading, Choice) or in a formula's last argument, readings.",
      }),
      el("ul", { className: "reading-list" }, ...views.map(renderReading)),
    );
  },
};

function renderReading(view: ReadingView): HTMLElement {
  return el(
    "li",
    { className: `reading${view.isDefault ? "" : " reading-chosen"}` },
    el("p", { className: "reading-head" }, el("code", { text: view.id }), el("span", { text: ` ${view.chosen} ` }), el("span", { className: "section-ref", text: `[${view.section}]` })),
    el("p", { className: "muted", text: view.chosenText }),
    el("ul", { className: "reading-alternatives" }, ...view.alternatives.map((a) => renderAlternative(a, view.note))),
  );
}

function renderAlternative(alternative: AlternativeView, note: string | undefined): HTMLElement {
  const head = el("p", {}, el("strong", { text: alternative.name }), el("span", { text: `: ${alternative.text}` }));
  if (alternative.effects.length === 0) {
    return el("li", {}, head, el("p", { className: "muted", text: note === undefined ? NO_EFFECT_HERE : `${NO_EFFECT_HERE} (${note})` }));
  }
  return el(
    "li",
    {},
    head,
    el("ul", { className: "reading-effects" }, ...alternative.effects.map((e) => el("li", { text: `${e.figure}: ${e.base} → ${e.alternative}${e.change === "" ? "" : ` (${e.change})`}` }))),
  );
}
