/**
 * What the pane and the CLI show of a review's findings, worked out without a DOM or Office: the
 * severity labels, the summary's headline and line, the findings grouped by the amendment's
 * sections in the text's order, and the cell address a finding's link selects. The view model both
 * renderers share (src/view imports src/review; taskpane/ and src/cli/ import it). Plain data in,
 * plain data out, so jest tests it with plain objects.
 */
import type { Finding, Severity } from "../review/findings";
import { splitReference } from "../review/snapshot";
import { summarize, Summary } from "../review/summary";

export { summarize };
export type { Summary };

/** "1 error", "3 warnings", "0 infos": the count with its noun, for the summary and group headings. */
export function countText(count: number, severity: Severity): string {
  const noun = SEVERITY_NOUN[severity];
  return `${count} ${count === 1 ? noun.one : noun.many}`;
}

const SEVERITY_NOUN: Record<Severity, { one: string; many: string }> = {
  error: { one: "error", many: "errors" },
  warning: { one: "warning", many: "warnings" },
  info: { one: "info", many: "infos" },
};

/** The word beside each severity's icon, so a severity never depends on colour alone. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

/** One line under the summary's heading: "2 errors · 1 warning · 0 infos". */
export function summaryLine(summary: Summary): string {
  return [countText(summary.errors, "error"), countText(summary.warnings, "warning"), countText(summary.infos, "info")].join(" · ");
}

/** The summary's heading: ready, or how many errors stand in the way. */
export function summaryHeadline(summary: Summary): string {
  if (!summary.ready) return `Not ready: ${countText(summary.errors, "error")} to fix`;
  if (summary.warnings > 0) return `Ready, with ${countText(summary.warnings, "warning")} to review`;
  return "Ready: no errors";
}

export interface FindingGroup {
  /** The section as the findings give it ("1.1(f)(b)"); "" for findings about the workbook as a whole ("" or "layout"). */
  readonly section: string;
  /** "Section 1.1(f)(b)", or "Workbook" for the whole workbook. */
  readonly title: string;
  readonly findings: readonly Finding[];
  readonly summary: Summary;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Findings grouped by section, the groups in the amendment's order (1.1(c) before 1.1(f) before
 * 1.1(aa) before 1.2 before 9.2.4), findings about the workbook as a whole first; within a group
 * errors, then warnings, then infos, each in the order the checks reported them.
 */
export function groupBySection(findings: readonly Finding[]): FindingGroup[] {
  const bySection = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = workbookWide(f.section) ? "" : f.section.trim();
    const list = bySection.get(key);
    if (list) list.push(f);
    else bySection.set(key, [f]);
  }
  return [...bySection.keys()].sort(compareSections).map((section) => {
    const list = bySection.get(section) ?? [];
    const sorted = list
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.index - b.index)
      .map((x) => x.finding);
    return { section, title: sectionTitle(section), findings: sorted, summary: summarize(sorted) };
  });
}

/** Findings about the workbook as a whole (calculation mode, the add-in not loaded) carry no section, or "layout". */
function workbookWide(section: string): boolean {
  const s = section.trim().toLowerCase();
  return s === "" || s === "layout";
}

export function sectionTitle(section: string): string {
  if (workbookWide(section)) return "Workbook";
  return /^\d/.test(section) ? `Section ${section}` : section;
}

/**
 * Orders section references as the amendment numbers them: numbers numerically (9.2.4 before
 * 9.2.18), letters in parentheses by length, then alphabetically, so (z) comes before (aa) as in
 * the definitions of Section 1.1. Text that is not a section number ("Terms") sorts after numbers.
 */
export function compareSections(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return -1;
  if (b === "") return 1;
  const pa = sectionParts(a);
  const pb = sectionParts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (typeof x === "number" && typeof y === "number") {
      if (x !== y) return x - y;
    } else if (typeof x === "number") {
      return -1;
    } else if (typeof y === "number") {
      return 1;
    } else if (x !== y) {
      return x.length - y.length || (x < y ? -1 : 1);
    }
  }
  return pa.length - pb.length || (a < b ? -1 : 1);
}

function sectionParts(section: string): (number | string)[] {
  return (section.toLowerCase().match(/\d+|[a-z]+/g) ?? []).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface CellTarget {
  readonly sheet: string;
  readonly address: string;
}

/**
 * The sheet and range of a finding's cell ("Inputs!B3", "'Amendment Model'!B3:C9"), for
 * `worksheet.getRange(address).select()`; undefined when the finding is about the workbook as a
 * whole or the text is not a sheet-qualified A1 reference (then the pane shows it as text).
 */
export function cellTarget(cell: string): CellTarget | undefined {
  const ref = splitReference(cell);
  if (ref === undefined || ref.sheet === "") return undefined;
  return { sheet: ref.sheet, address: ref.address.toUpperCase() };
}
