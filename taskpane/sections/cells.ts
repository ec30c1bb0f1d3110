/** Cell references and severity badges, shared by the sections. */
import type { Severity } from "../../src/review/findings";
import { cellTarget, SEVERITY_LABEL } from "../../src/view/findingGroups";
import { el } from "../dom";
import type { SelectCell } from "./section";

/** The glyph inside each severity's icon; the severity's word always stands beside it. */
export const SEVERITY_GLYPH: Record<Severity, string> = { error: "✕", warning: "!", info: "i" };

export function severityBadge(severity: Severity): HTMLElement {
  return el(
    "span",
    { className: `severity severity-${severity}` },
    el("span", { className: "severity-icon", text: SEVERITY_GLYPH[severity], attrs: { "aria-hidden": "true" } }),
    el("span", { className: "severity-label", text: SEVERITY_LABEL[severity] }),
  );
}

/**
 * A cell: in Excel a button that selects it (and brings its sheet to the front); in file mode the
 * reference as text, so the reviewer can find it in the file.
 */
export function cellControl(cell: string | undefined, select: SelectCell | undefined): HTMLElement | null {
  if (cell === undefined || cell === "") return null;
  const target = cellTarget(cell);
  if (!select || !target) return el("code", { className: "cell-ref", text: cell });
  const button = el("button", { className: "cell-link", text: cell, attrs: { type: "button", title: `Select ${cell} in Excel`, "aria-label": `Go to ${cell}` } });
  button.addEventListener("click", () => select(target, cell));
  return button;
}
