/**
 * Every rule of the checks, each defined beside the concept it checks, listed here once in the
 * order the README gives them.
 */
import type { Severity } from "../findings";
import { READING_RULES } from "../readings";
import type { Rule } from "./collector";
import { SERIES_RULES_GAPS, SERIES_RULES_ORDER_AND_DAYS } from "./dailySeries";
import { EVENT_LISTING_RULES, OUTPUT_RULES } from "./figures";
import { FORMULA_RULES } from "./formulas";
import { NAME_RULES } from "./names";
import { PERIOD_RULES } from "./periods";
import { PPE_EVENT_RULES } from "./ppeEvents";
import { TABLE_RULES } from "./tables";
import { VALUE_RULES } from "./values";

const ALL = [
  ...NAME_RULES,
  ...TABLE_RULES,
  ...VALUE_RULES,
  ...SERIES_RULES_ORDER_AND_DAYS,
  ...PPE_EVENT_RULES,
  ...SERIES_RULES_GAPS,
  ...PERIOD_RULES,
  ...FORMULA_RULES,
  ...OUTPUT_RULES,
  ...READING_RULES,
  ...EVENT_LISTING_RULES,
] as const;

export type RuleId = (typeof ALL)[number]["id"];

/** The README's order of the rules (its rule table). */
const ORDER: readonly RuleId[] = [
  "missing-name",
  "name-not-single-cell",
  "missing-table",
  "missing-column",
  "superseded-column",
  "blank-required",
  "text-not-number",
  "error-value",
  "negative-amount",
  "whole-percentage",
  "out-of-range",
  "bad-date",
  "dates-out-of-order",
  "non-business-day",
  "threshold-event-not-business-day",
  "disposition-before-sixth-amendment",
  "daily-outstandings-gap",
  "missing-business-days",
  "unknown-kind",
  "unknown-period",
  "commitment-not-200m",
  "pre-amendment-figure",
  "literal-term-in-formula",
  "addin-not-loaded",
  "manual-calculation",
  "output-mismatch",
  "reading-choice",
  "reading-not-default",
  "reading-without-closing",
  "threshold-event-not-in-ppe-events",
];

function inOrder(): readonly (typeof ALL)[number][] {
  const byId = new Map<string, (typeof ALL)[number]>(ALL.map((r) => [r.id, r]));
  if (byId.size !== ALL.length || ORDER.length !== ALL.length || new Set(ORDER).size !== ORDER.length) throw new Error("checks/rules.ts: ORDER must list every rule once");
  return ORDER.map((id) => byId.get(id) as (typeof ALL)[number]);
}

/** Every rule of the checks, in the order the README lists them. */
export const RULES: readonly (typeof ALL)[number][] = inOrder();

/** Each rule's severity, by id. */
export const SEVERITY: Readonly<Record<string, Severity>> = Object.fromEntries(RULES.map((r) => [r.id, r.severity]));

export type { Rule };
