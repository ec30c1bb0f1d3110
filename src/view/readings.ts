/**
 * The words both renderers (the task pane's Readings section and the CLI's text report) use for
 * `review.readings`: each switchable reading with its choice here, and for each other choice
 * either "no effect here" or the headline figures it changes, formatted (amounts in US dollars,
 * dates as YYYY-MM-DD, changes signed).
 */
import { dec } from "../engine/decimal";
import { isoFromSerial } from "../engine/dates";
import { formatUsd } from "../engine/format";
import type { ReadingFigureEffect, ReadingReport } from "../review/readings";
import type { Figure } from "../review/recalc";
import type { Review } from "../review/review";

export const NO_EFFECT_HERE = "no effect here";

export interface EffectLine {
  /** The figure's label, as the review gives it. */
  readonly figure: string;
  readonly base: string;
  readonly alternative: string;
  /** "+$7,000,000", "-3 days", or "" for a text figure. */
  readonly change: string;
}

export interface AlternativeView {
  readonly name: string;
  readonly text: string;
  /** Empty: no effect here. */
  readonly effects: readonly EffectLine[];
}

export interface ReadingView {
  readonly id: string;
  readonly section: string;
  /** "FIXED (not the default)" or "CASH". */
  readonly chosen: string;
  readonly chosenText: string;
  readonly isDefault: boolean;
  readonly alternatives: readonly AlternativeView[];
  readonly note?: string;
}

type Formats = ReadonlyMap<string, Pick<Figure, "label" | "format">>;

function valueText(value: number | string | null, format: string | undefined): string {
  if (value === null) return "none";
  if (typeof value === "string") return value;
  return format === "date" ? isoFromSerial(value) : formatUsd(dec(value));
}

function changeText(effect: ReadingFigureEffect, format: string | undefined): string {
  if (effect.change === null) return "";
  const sign = effect.change > 0 ? "+" : "";
  if (format === "date") return `${sign}${effect.change} day${Math.abs(effect.change) === 1 ? "" : "s"}`;
  return `${sign}${formatUsd(dec(effect.change))}`;
}

/** The readings of a review as lines a renderer shows, in the review's order (largest effect on the Borrowing Base first). */
export function readingViews(review: { readonly readings: readonly ReadingReport[]; readonly figures: readonly Figure[] }): ReadingView[] {
  const formats: Formats = new Map(review.figures.map((f) => [f.key, f]));
  return review.readings.map((r) => ({
    id: r.id,
    section: r.section,
    chosen: r.isDefault ? r.chosen : `${r.chosen} (not the default)`,
    chosenText: r.chosenText,
    isDefault: r.isDefault,
    alternatives: r.alternatives.map((a) => ({
      name: a.name,
      text: a.text,
      effects: a.effects.map((e) => {
        const f = formats.get(e.figure);
        return { figure: f?.label ?? e.figure, base: valueText(e.base, f?.format), alternative: valueText(e.alternative, f?.format), change: changeText(e, f?.format) };
      }),
    })),
    ...(r.note === undefined ? {} : { note: r.note }),
  }));
}

function jsonValue(value: number | string | null, isDate: boolean): number | string | null {
  return isDate && typeof value === "number" ? isoFromSerial(value) : value;
}

/**
 * `readings` for `--json`: [{ id, section, chosen, isDefault, alternatives: [{ name, text, effects:
 * [{ figure, base, alternative, change }] }] }]; figure is a key of `figures`; dates as
 * "YYYY-MM-DD" with the change in days; amounts in US dollars; change null for a text figure.
 */
export function readingsJson(review: Review): Record<string, unknown>[] {
  const dates = new Set(review.figures.filter((f) => f.format === "date").map((f) => f.key as string));
  return review.readings.map((r) => ({
    id: r.id,
    section: r.section,
    chosen: r.chosen,
    isDefault: r.isDefault,
    alternatives: r.alternatives.map((a) => ({
      name: a.name,
      text: a.text,
      effects: a.effects.map((e) => ({ figure: e.figure, base: jsonValue(e.base, dates.has(e.figure)), alternative: jsonValue(e.alternative, dates.has(e.figure)), change: e.change })),
    })),
    note: r.note ?? null,
  }));
}
