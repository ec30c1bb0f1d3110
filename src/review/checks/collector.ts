/**
 * What every check shares: the shape of a rule, the options of a validation, and the collector
 * that caps each group of findings (rule × column) and sums up the rest.
 */
import type { Finding, Severity } from "../findings";
import type { RuleId } from "./rules";

export interface Rule {
  /** Stable id, the same in the pane, the CLI, the README and `Finding.ruleId`. */
  readonly id: string;
  readonly severity: Severity;
  /** What the rule checks, one line for the README and the pane. */
  readonly title: string;
  /** The section it serves; "input's" where each finding carries the section of its input. */
  readonly section: string;
}

/** The section of a rule whose findings each carry the section of their input. */
export const INPUT = "the input's";

/** How many findings one rule reports for one column (or one name) before summing up the rest. */
export const MAX_FINDINGS_PER_GROUP = 10;

export interface ValidateOptions {
  /** Extra holidays beyond the Federal Reserve's and the workbook's Holidays table, as whole-day serials. */
  readonly holidays?: readonly number[];
}

/** Collects findings, capping each group (rule × column) and summing up what it leaves out. */
export class Collector {
  private readonly items: { finding: Finding; group?: string }[] = [];
  private readonly counts = new Map<string, { count: number; section: string; where: string; ruleId: RuleId }>();
  /** The same entries by group, then rule: a million findings of one column look theirs up without building a key each. */
  private readonly byGroup = new Map<string, Map<RuleId, { key: string; entry: { count: number; section: string; where: string; ruleId: RuleId } }>>();

  /** @param severity - each rule's severity, by id (rules.ts) */
  constructor(private readonly severity: Readonly<Record<string, Severity>>) {}

  /** Adds a finding; with a group (a column, a sheet), only the first `MAX_FINDINGS_PER_GROUP` of the group are kept. */
  add(ruleId: RuleId, message: Lazy, cell: Lazy, section: string, group?: string): void {
    let key: string | undefined;
    if (group !== undefined) {
      let rules = this.byGroup.get(group);
      if (rules === undefined) {
        rules = new Map();
        this.byGroup.set(group, rules);
      }
      let found = rules.get(ruleId);
      if (found === undefined) {
        found = { key: `${ruleId}|${group}`, entry: { count: 0, section, where: group, ruleId } };
        rules.set(ruleId, found);
        this.counts.set(found.key, found.entry);
      }
      found.entry.count++;
      if (found.entry.count > MAX_FINDINGS_PER_GROUP) return;
      key = found.key;
    }
    this.items.push({ finding: { ruleId, severity: this.severity[ruleId], message: text(message), cell: text(cell), section }, group: key });
  }

  /** The findings, each capped group followed by one finding that counts the rest. */
  finish(): Finding[] {
    const lastIndex = new Map<string, number>();
    this.items.forEach((item, i) => {
      if (item.group !== undefined) lastIndex.set(item.group, i);
    });
    const result: Finding[] = [];
    this.items.forEach((item, i) => {
      result.push(item.finding);
      if (item.group === undefined || lastIndex.get(item.group) !== i) return;
      const entry = this.counts.get(item.group);
      if (entry === undefined || entry.count <= MAX_FINDINGS_PER_GROUP) return;
      const more = entry.count - MAX_FINDINGS_PER_GROUP;
      result.push({
        ruleId: entry.ruleId,
        severity: this.severity[entry.ruleId],
        message: `… and ${grouped(more)} more like ${more === 1 ? "it" : "these"} in ${entry.where} (${grouped(entry.count)} in all).`,
        cell: "",
        section: entry.section,
      });
    });
    return result;
  }
}

/** "1,234,567": digits grouped by thousands, the same text everywhere (no locale). */
export function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function display(value: number): string {
  return Number.isInteger(value) ? grouped(value) : String(value);
}

/** A text built only when a finding is kept (100,000 valid cells build no strings). */
export type Lazy = string | (() => string);

export function text(lazy: Lazy): string {
  return typeof lazy === "string" ? lazy : lazy();
}
