/**
 * The What-if comparison: a base review and a scenario (a review of the same inputs with overrides,
 * review.ts `reviewInputs`) side by side, figure by figure, differences marked. Plain data in words,
 * for the pane's What-if section and any other renderer.
 */
import { isoFromSerial } from "../engine/dates";
import { formatUsd } from "../engine/format";
import { dec } from "../engine/decimal";
import type { Calculation, Figure, FigureKey } from "../review/review";
import { inertText } from "../review/formulaText";

export interface WhatIfRow {
  readonly key: FigureKey;
  readonly label: string;
  readonly section: string;
  readonly base: string;
  readonly scenario: string;
  /** True when the scenario's figure differs from the base's (as values, not as words). */
  readonly changed: boolean;
}

/** The figures the comparison shows: Borrowing Base, Availability, Threshold, first events, PPE reductions, each Minimum EBITDA test. */
const FIXED: readonly FigureKey[] = ["borrowingBase", "availability", "threshold", "firstThresholdEvent", "firstThresholdEvent3", "ppeReductions"];

/** A figure's value in words: dollars, an ISO date, text; "none" for a series without an event; "—" when it cannot be computed. */
export function figureText(f: Figure | undefined): string {
  if (f === undefined) return "—";
  if (f.value === null) return f.noEvent === true ? "none" : "—";
  if (typeof f.value === "string") return f.value;
  return f.format === "date" ? isoFromSerial(f.value) : formatUsd(dec(f.value));
}

/**
 * Base and scenario side by side.
 *
 * @example compareScenario(base, reviewInputs(base.inputs, { EligibleInventory: 144000000 }))[0]
 * //=> { key: "borrowingBase", base: "$225,000,000", scenario: "$198,128,000", changed: true, … }
 */
export function compareScenario(base: Pick<Calculation, "figures">, scenario: Pick<Calculation, "figures">): WhatIfRow[] {
  const keys: FigureKey[] = [...FIXED];
  for (const f of [...base.figures, ...scenario.figures]) {
    if ((f.key.startsWith("ebitdaTest:") || f.key.startsWith("ebitdaFloor:")) && !keys.includes(f.key)) keys.push(f.key);
  }
  return keys.map((key) => {
    const b = base.figures.find((f) => f.key === key);
    const s = scenario.figures.find((f) => f.key === key);
    const shown = b ?? s;
    return {
      key,
      label: shown?.label ?? key,
      section: shown?.section ?? "",
      base: figureText(b),
      scenario: figureText(s),
      changed: (b?.value ?? null) !== (s?.value ?? null) || (b?.noEvent ?? false) !== (s?.noEvent ?? false),
    };
  });
}

/** A field's number as a finance user types it: "144,000,000", "$5,000,000", "-2.5"; undefined for empty; an Error for anything else. */
export function parseAmountText(text: string, what: string): number | undefined | Error {
  const t = text.trim().replace(/[$,\s]/g, "");
  if (t === "") return undefined;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return new Error(`${what}: "${text.trim().slice(0, 40)}" is not a number`);
  const n = Number(t);
  return Number.isFinite(n) ? n : new Error(`${what}: "${text.trim().slice(0, 40)}" is not a finite number`);
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A scenario as the CLI's scenarios CSV holds it (`kaiser-check --scenarios`): a header `Scenario`
 * and the overridden named inputs, then the row; null is the text `blank`. The name, the one free
 * text, is made inert for Excel (`inertText`); the numbers are written by `String` and are plain.
 *
 * @example scenarioCsv("Low inventory", { EligibleInventory: 100000000 }) //=> "Scenario,EligibleInventory\r\nLow inventory,100000000\r\n"
 */
export function scenarioCsv(name: string, overrides: Readonly<Record<string, number | null | undefined>>): string {
  const keys = Object.keys(overrides).filter((k) => overrides[k] !== undefined);
  const header = ["Scenario", ...keys].map(csvField).join(",");
  const row = [inertText(name), ...keys.map((k) => (overrides[k] === null ? "blank" : String(overrides[k])))].map(csvField).join(",");
  return `${header}\r\n${row}\r\n`;
}
