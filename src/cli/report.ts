/**
 * The CLI's output: the review as text for a terminal, or as one JSON document for other tools.
 * Pure: a review in, a string out.
 *
 * Text: the summary, the findings grouped by section as the task pane groups them, then the
 * figures, each with its section, the engine's figure and the workbook's own beside it, marked
 * MISMATCH when they differ by more than a cent; then every Threshold Event, the PPE schedule, the
 * Minimum EBITDA periods and the amendment fee's allocation.
 *
 * JSON (`JSON_FORMAT_VERSION`): every key always present (null or [] when empty), amounts as
 * numbers in US dollars, fractions as numbers (0.65), dates as "YYYY-MM-DD" strings. The README
 * documents each key.
 */
import { beforeAfterTable } from "../engine/termsAsOf";
import { Dec, dec } from "../engine/decimal";
import { isoFromSerial } from "../engine/dates";
import type { Finding } from "../review/findings";
import type { Calculation, Figure, FigureKey, Review } from "../review/review";
import { groupBySection } from "../view/findingGroups";
import { figureJson, JSON_FORMAT_VERSION, ReportContext, reviewJson } from "../view/reviewJson";
import { calendarLine, warningDetail, warningSentence } from "../view/thresholdWarning";
import { termInt } from "../engine/terms";
import type { ScenarioResult } from "./scenarios";
import { readingsText } from "./readingsReport";
import { printableLines } from "./printable";

export { figureJson, JSON_FORMAT_VERSION };
export type { ReportContext };

// ---- formatting helpers ----

/** "$1,234,567.89", "-$5,000,000.00": always cents, for columns that line up. */
export function money(value: Dec | number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const d = typeof value === "number" ? dec(value) : value;
  const fixed = d.abs().toFixed(2);
  // A loss that rounds to no cents shows as $0.00, not -$0.00.
  const negative = d.isNegative() && fixed !== "0.00";
  const [whole, cents] = fixed.split(".");
  return `${negative ? "-" : ""}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

function percent(value: Dec): string {
  return `${value.times(100).toDecimalPlaces(4).toFixed(4)}%`;
}

function figureText(f: Figure): string {
  if (f.value === null) return "—";
  if (f.format === "usd" && typeof f.value === "number") return money(f.value);
  if (f.format === "date" && typeof f.value === "number") return isoFromSerial(f.value);
  return String(f.value);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

function padStart(text: string, width: number): string {
  return text.length >= width ? text : " ".repeat(width - text.length) + text;
}

/** A fixed-width table: columns right-aligned where `right` says so, two spaces apart. */
function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[], indent = "  "): string[] {
  // Loops, not Math.max(...rows): a long table must not overflow the call stack.
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? "").length), h.length));
  const line = (cells: readonly string[]): string =>
    (indent + cells.map((c, i) => (right[i] ? padStart(c, widths[i]) : i === cells.length - 1 ? c : pad(c, widths[i]))).join("  ")).trimEnd();
  return [line(header), ...rows.map(line)];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---- text ----

const BORROWING_BASE_KEYS: readonly FigureKey[] = ["clauseA", "clauseB", "ppeBase", "ppeReductions", "ppeSubcomponent", "borrowingBase", "threshold", "availabilityReserve", "availability"];
const EVENT_KEYS: readonly FigureKey[] = ["firstThresholdEvent", "firstThresholdEvent3"];
const SHOWN_ELSEWHERE = /^ebitda(Floor|Test):/;

function figureRows(figures: readonly Figure[]): string[] {
  const rows = figures.map((f) => {
    const workbook = f.cell === undefined ? "" : f.workbookValue === null || f.workbookValue === undefined ? "(no number)" : money(f.workbookValue);
    const flag = f.mismatch ? "MISMATCH" : "";
    const where = f.cell ?? "";
    const note = f.value === null && f.note !== undefined ? `(${f.note})` : "";
    return [f.label, f.section, figureText(f), workbook, [flag, where, note].filter((x) => x !== "").join(" ")];
  });
  return table(["figure", "section", "recomputed", "workbook", ""], rows, [false, false, true, true, false]);
}

function findingsText(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ["Findings: none. The workbook holds every input the calculations need."];
  const lines = ["Findings"];
  const where = (f: Finding): string => (f.cell === "" ? "(workbook)" : f.cell);
  const ruleWidth = findings.reduce((w, f) => Math.max(w, f.ruleId.length), 0);
  const cellWidth = Math.min(40, findings.reduce((w, f) => Math.max(w, where(f).length), 0));
  for (const group of groupBySection(findings)) {
    lines.push(`  ${group.title}`);
    for (const f of group.findings) {
      lines.push(`    ${pad(f.severity, 7)}  ${pad(f.ruleId, ruleWidth)}  ${pad(where(f), cellWidth)}  ${f.message}`);
    }
  }
  return lines;
}

function eventsText(review: Calculation): string[] {
  const lines = ["Threshold Events"];
  for (const list of review.thresholdEvents) {
    const heading = `  ${list.daysRequired} Business Days${list.section.includes("9.2.4") ? ", for Section 9.2.4" : ""} [${list.section}]`;
    if (list.note !== undefined) {
      lines.push(`${heading}: cannot be worked out (${list.note})`);
      continue;
    }
    if (list.events.length === 0) {
      lines.push(`${heading}: none`);
      continue;
    }
    lines.push(`${heading}: ${plural(list.events.length, "event", "events")}`);
    for (const e of list.events) lines.push(`    ${isoFromSerial(e.date)}  clause (${e.clause})`);
  }
  return lines;
}

function ppeText(review: Calculation): string[] {
  const s = review.ppeSchedule;
  const heading = `PPE Subcomponent schedule [${s.section}]`;
  if (s.note !== undefined) return [`${heading}: cannot be worked out (${s.note})`];
  if (s.lines.length === 0) return [`${heading}: no reductions`];
  const rows = s.lines.map((l) => [isoFromSerial(l.date), l.kind, l.clause, money(l.reduction), money(l.cumulative), money(l.ppeSubcomponent), l.note]);
  return [heading, ...table(["date", "kind", "clause", "reduction", "cumulative", "PPE Subcomponent", "note"], rows, [false, false, false, true, true, true, false])];
}

function ebitdaText(review: Calculation): string[] {
  const s = review.minimumEbitda;
  const heading = `Minimum EBITDA [${s.section}]`;
  if (s.note !== undefined) return [`${heading}: cannot be worked out (${s.note})`];
  if (s.lines.length === 0) return [`${heading}: no periods in MonthlyEBITDA`];
  // "dispositions": what the dispositions take off the table's minimum, each with its amount for the period (Reading R-EBITDA-PERIOD-AMOUNT).
  const rows = s.lines.map((l) => [isoFromSerial(l.periodEnd), money(l.ebitda), money(l.reduction), money(l.floor), money(l.headroom), l.status ?? "—", l.note ?? ""]);
  return [heading, ...table(["period end", "EBITDA", "dispositions", "minimum", "headroom", "test", "note"], rows, [false, true, true, true, true, false, false])];
}

function feeText(review: Calculation): string[] {
  const s = review.amendmentFee;
  if (s.fee === null || s.revolvingCommitmentAmount === null) return [`Amendment fee [${s.section}]: cannot be worked out (${s.note ?? ""})`];
  const lines = [`Amendment fee: ${money(s.fee)} on a Revolving Commitment Amount of ${money(s.revolvingCommitmentAmount)}, split by Schedule A [${s.section}]`];
  if (s.note !== undefined) lines.push(`  Note: ${s.note}`);
  const total = s.lines.reduce((sum, l) => sum.plus(l.amount), dec(0));
  const rows = s.lines.map((l) => [l.lender, money(l.commitment), percent(l.share), money(l.amount)]);
  rows.push(["Total", money(s.lines.reduce((sum, l) => sum.plus(l.commitment), dec(0))), percent(s.lines.reduce((sum, l) => sum.plus(l.share), dec(0))), money(total)]);
  return [...lines, ...table(["lender", "commitment", "share", "amount"], rows, [false, true, true, true])];
}

function warningText(review: Calculation): string[] {
  const lines = ["Threshold early warning [1.1(aa)]"];
  for (const w of review.thresholdWarnings) {
    lines.push(`  ${w.daysRequired} Business Days${w.daysRequired === termInt("thresholdEventDaysMinimumEbitda") ? ", for Section 9.2.4" : ""}: ${warningSentence(w)}`);
    const detail = warningDetail(w, money);
    if (detail !== "") lines.push(`    ${detail}`);
  }
  return lines;
}

function calendarText(review: Calculation): string[] {
  return ["Compliance calendar", ...review.calendar.map((e) => `  ${calendarLine(e)}`)];
}

/** Reading R-TERM-EFFECTIVE: the three figures the Seventh Amendment replaced, before and after it (KAISER.TERMASOF). */
function replacedTermsText(): string[] {
  const show = (unit: string, value: Dec): string => (unit === "USD" ? money(value) : percent(value));
  const rows = beforeAfterTable().map((r) => [r.description, show(r.unit, r.before), show(r.unit, r.after), r.section]);
  return ["Figures the Seventh Amendment replaced (before and from its effective date, 2004-10-28)", ...table(["term", "before", "after", "section"], rows, [false, true, true, false])];
}

function summaryLine(review: Review): string {
  const s = review.summary;
  const counts = [plural(s.errors, "error", "errors"), plural(s.warnings, "warning", "warnings"), plural(s.infos, "info", "infos")].join(", ");
  const mismatches = review.figures.filter((f) => f.mismatch).length;
  const figures = mismatches === 0 ? "" : `; ${plural(mismatches, "figure differs", "figures differ")} from the workbook`;
  const readings = s.readings.length === 0 ? "" : `; readings not the default: ${s.readings.join(", ")}`;
  return `${s.ready ? "Ready" : "Not ready"}: ${counts}${figures}${readings}`;
}

/** The text report. */
export function textReport(review: Review, context: ReportContext): string {
  const shownFigures = review.figures.filter((f) => BORROWING_BASE_KEYS.includes(f.key));
  const otherFigures = review.figures.filter((f) => !BORROWING_BASE_KEYS.includes(f.key) && !EVENT_KEYS.includes(f.key) && !SHOWN_ELSEWHERE.test(f.key));
  const sections: string[][] = [
    [`kaiser-check ${context.version}: ${context.file}`, summaryLine(review)],
    findingsText(review.findings),
    ["Borrowing Base, Threshold and Availability", ...figureRows(shownFigures)],
    eventsText(review),
    ppeText(review),
    ebitdaText(review),
  ];
  if (otherFigures.length > 0) sections.push(["Other figures", ...figureRows(otherFigures)]);
  sections.push(feeText(review));
  sections.push(warningText(review), calendarText(review), replacedTermsText());
  const readings = readingsText(review);
  if (readings.length > 0) sections.push(readings);
  // Each line's text may hold workbook text (cell text, sheet names): printed visibly, never raw.
  return sections.map((s) => printableLines(s).join("\n")).join("\n\n") + "\n";
}

// ---- JSON ----

function scenarioJson(r: ScenarioResult): Record<string, unknown> {
  return {
    name: r.scenario.name,
    line: r.scenario.line,
    overrides: Object.fromEntries(r.scenario.overrides.map((o) => [o.name, o.value])),
    figures: Object.fromEntries(r.figures.map((f) => [f.key, figureJson(f).value])),
    problems: r.problems,
  };
}

/** The JSON document: one object, keys in a fixed order (src/view/reviewJson.ts, shared with the task pane). */
export function jsonReport(review: Review, context: ReportContext, scenarios?: readonly ScenarioResult[]): string {
  return reviewJson(review, context, scenarios === undefined ? null : scenarios.map(scenarioJson));
}

// ---- scenarios as text ----

/** The figures one line of the scenarios table shows, in order. */
export const SCENARIO_COLUMNS: readonly { readonly key: FigureKey; readonly title: string }[] = [
  { key: "borrowingBase", title: "Borrowing Base" },
  { key: "threshold", title: "Threshold" },
  { key: "availabilityReserve", title: "Avail. Reserve" },
  { key: "availability", title: "Availability" },
  { key: "ppeSubcomponent", title: "PPE Subcomp." },
  { key: "firstThresholdEvent", title: `1st TE (${termInt("thresholdEventDays")}d)` },
  { key: "firstThresholdEvent3", title: `1st TE (${termInt("thresholdEventDaysMinimumEbitda")}d)` },
];

/** The scenarios as a table, one line per scenario, with what it overrides and any problem. */
export function scenariosText(results: readonly ScenarioResult[], review: Review, context: ReportContext): string {
  const header = ["scenario", ...SCENARIO_COLUMNS.map((c) => c.title), "overrides / problems"];
  const line = (name: string, figures: readonly Figure[], extra: string): string[] => [
    name,
    ...SCENARIO_COLUMNS.map((c) => {
      const f = figures.find((x) => x.key === c.key);
      if (f === undefined) return "—";
      if (f.noEvent === true) return "none";
      return figureText(f);
    }),
    extra,
  ];
  const rows = [line("(workbook)", review.figures, "as the workbook has it")];
  for (const r of results) {
    const overrides = r.scenario.overrides.map((o) => `${o.name}=${o.value === null ? "blank" : o.value}`).join(" ");
    const problems = r.problems.length === 0 ? "" : `; ${r.problems.join("; ")}`;
    rows.push(line(r.scenario.name, r.figures, overrides + problems));
  }
  return printableLines([
    `kaiser-check ${context.version}: ${context.file}, ${plural(results.length, "scenario", "scenarios")}`,
    summaryLine(review),
    "",
    ...table(header, rows, [false, ...SCENARIO_COLUMNS.map(() => true), false], ""),
  ]).join("\n") + "\n";
}
