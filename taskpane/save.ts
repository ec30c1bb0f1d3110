/**
 * Save report: the review as one self-contained HTML file (the pane's own stylesheet inlined, the
 * pictures as inline SVG, every section open, no script) and as JSON in the CLI's `--json` format.
 *
 * The HTML is the report's DOM, cloned and serialized by the browser: every piece of workbook text
 * went in as textContent, so serialization escapes it (`<` as `&lt;`, quotes in attributes); the
 * file never holds markup from the workbook. Its own Content-Security-Policy forbids scripts.
 */
import { reviewJson } from "../src/view/reviewJson";
import type { Review } from "./paneReview";

/** A file name from what was validated: "broken-model" for "broken-model.xlsx", safe on every system. */
export function reportBaseName(source: string): string {
  const stem = source.replace(/\.[A-Za-z0-9]+$/, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return stem === "" || stem === "this-workbook" ? "workbook-review" : `${stem}-review`;
}

/** The pane's stylesheet as text (same origin, so its rules are readable). */
export function paneCss(doc: Document): string {
  const parts: string[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      for (const rule of Array.from(sheet.cssRules)) parts.push(rule.cssText);
    } catch {
      // A sheet of another origin: not ours.
    }
  }
  return parts.join("\n");
}

/** The report as a standalone page: opened, without controls, styles inlined. */
export function reportDocument(doc: Document, report: HTMLElement, css: string, title: string): string {
  const clone = report.cloneNode(true) as HTMLElement;
  for (const n of clone.querySelectorAll(".collapsed")) n.classList.remove("collapsed");
  for (const n of clone.querySelectorAll(".disclosure-body.closed")) n.classList.remove("closed");
  for (const n of clone.querySelectorAll<HTMLElement>(".finding[hidden], .finding-group[hidden]")) n.hidden = false;
  for (const n of clone.querySelectorAll(".report-actions, .severity-filter, .filter-status, .chart-tooltip, .chart-help, .chart-cursor")) n.remove();
  for (const button of clone.querySelectorAll("button")) {
    const replacement = doc.createElement(button.classList.contains("cell-link") ? "code" : "span");
    replacement.className = button.classList.contains("cell-link") ? "cell-ref" : button.className;
    replacement.append(...Array.from(button.childNodes));
    button.replaceWith(replacement);
  }
  for (const n of clone.querySelectorAll("[tabindex]")) n.removeAttribute("tabindex");
  for (const n of clone.querySelectorAll("[aria-controls]")) n.removeAttribute("aria-controls");
  for (const n of clone.querySelectorAll("[aria-expanded]")) n.removeAttribute("aria-expanded");
  // Assembled as text around the browser's own serialization of the clone and the title (never
  // set as markup in this page, whose CSP would rightly refuse the inline style).
  const heading = doc.createElement("h1");
  heading.textContent = title;
  const titleElement = doc.createElement("title");
  titleElement.textContent = title;
  const page = [
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    titleElement.outerHTML,
    // The pane's own stylesheet; "</" cannot close the element early.
    `<style>${css.replace(/<\//g, "<\\/")}</style>`,
    '</head><body><main class="saved-report">',
    heading.outerHTML,
    clone.outerHTML,
    "</main></body></html>",
  ].join("\n");
  return `<!doctype html>\n${page}\n`;
}

/** The review in the CLI's --json format (same keys, same formatVersion). */
export function reportJson(review: Review, file: string, version: string): string {
  return reviewJson(review, { file, version }, null);
}

/** Offers text as a file download. */
export function download(doc: Document, name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
