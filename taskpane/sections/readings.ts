/**
 * The pane's Readings section: every switchable reading with its choice in this workbook and, for
 * each other choice, "no effect here" or the headline figures it would change (README, Readings),
 * largest effect on the Borrowing Base first. Text only (dom.ts): nothing here is markup.
 */
import type { Review } from "../../src/review/review";
import { AlternativeView, NO_EFFECT_HERE, ReadingView, readingViews } from "../../src/view/readings";
import { el } from "../dom";

/** The section, or null when the review carries no readings (readingEffects: false). */
export function renderReadings(review: Pick<Review, "readings" | "figures">): HTMLElement | null {
  const views = readingViews(review);
  if (views.length === 0) return null;
  const changed = views.filter((v) => v.alternatives.some((a) => a.effects.length > 0)).length;
  return el(
    "section",
    { className: "readings", attrs: { "aria-labelledby": "readings-heading" } },
    el("h2", { text: "Readings", attrs: { id: "readings-heading" } }),
    el("p", {
      className: "muted",
      text: `Where the amendment can be read two ways, the add-in applies one reading. ${changed} of ${views.length} readings would change a figure of this workbook. Choose another in the Readings table (Reading, Choice) or in a formula's last argument.`,
    }),
    el("ul", { className: "reading-list" }, ...views.map(renderReading)),
  );
}

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
    el(
      "ul",
      { className: "reading-effects" },
      ...alternative.effects.map((e) => el("li", { text: `${e.figure}: ${e.base} → ${e.alternative}${e.change === "" ? "" : ` (${e.change})`}` })),
    ),
  );
}
