/**
 * One section of the review as the pane shows it: a heading whose button collapses the section
 * (WAI-ARIA disclosure: aria-expanded, aria-controls), a badge with its count, and the body. The
 * state is remembered (settings.ts); printing and the saved report show every section open.
 *
 * A section is a module of its own (taskpane/sections/*.ts) exporting a `PaneSection`; the list in
 * sections/index.ts decides the order. Adding a section is one module and one line there.
 */
import { el } from "../dom";
import type { CellTarget } from "../../src/view/findingGroups";
import type { PaneReview } from "../paneReview";
import type { SectionMemory } from "../settings";

/** Takes the user to a cell; present only in Excel. */
export type SelectCell = (target: CellTarget, cell: string) => void;

/** Writes a scenario to the workbook's Scenarios table (Excel only); `confirmReplace` is asked before a row of the same name is replaced. */
export type SaveScenario = (name: string, overrides: Readonly<Partial<Record<string, number | null>>>, confirmReplace: (row: number) => Promise<boolean>) => Promise<{ saved: boolean; message: string }>;

export interface SectionContext {
  readonly select?: SelectCell;
  readonly saveScenario?: SaveScenario;
  /** The width the pictures draw at, in CSS pixels. */
  readonly width: number;
  readonly memory: SectionMemory;
}

export interface PaneSection {
  /** Stable id: the element id ("section-<id>"), the remembered state's key. */
  readonly id: string;
  readonly title: string;
  /** "3 events", "2 errors": shown beside the title, so a collapsed section still says what it holds. */
  badge?(review: PaneReview): string;
  render(review: PaneReview, context: SectionContext): HTMLElement;
}

export function renderSection(section: PaneSection, review: PaneReview, context: SectionContext): HTMLElement {
  const headingId = `heading-${section.id}`;
  const bodyId = `body-${section.id}`;
  const collapsed = context.memory.isCollapsed(section.id);
  const badge = section.badge?.(review) ?? "";
  const toggle = el(
    "button",
    { className: "section-toggle", attrs: { type: "button", "aria-expanded": String(!collapsed), "aria-controls": bodyId } },
    el("span", { className: "toggle-icon", attrs: { "aria-hidden": "true" } }),
    el("span", { className: "section-title", text: section.title }),
    badge ? el("span", { className: "section-badge", text: badge }) : null,
  );
  const body = el("div", { className: "section-body", attrs: { id: bodyId } }, section.render(review, context));
  const node = el("section", { className: `review-section${collapsed ? " collapsed" : ""}`, attrs: { id: `section-${section.id}`, "aria-labelledby": headingId, "data-section": section.id } }, el("h2", { className: "section-heading", attrs: { id: headingId } }, toggle), body);
  toggle.addEventListener("click", () => {
    const nowCollapsed = !node.classList.contains("collapsed");
    node.classList.toggle("collapsed", nowCollapsed);
    toggle.setAttribute("aria-expanded", String(!nowCollapsed));
    context.memory.setCollapsed(section.id, nowCollapsed);
  });
  return node;
}

/** A note for a schedule that cannot be worked out, saying why. */
export function cannotWorkOut(what: string, note: string): HTMLElement {
  return el("p", { className: "schedule-note notice notice-warning", text: `${what} cannot be worked out: ${note}.` });
}

/** A section tag: "1.1(f)(b)". */
export function sectionTag(section: string): HTMLElement {
  return el("span", { className: "section-tag", text: section });
}
