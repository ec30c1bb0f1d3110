/**
 * The CLI's Readings section: every switchable reading with its choice in this workbook and what
 * each other choice changes here (text), and `readings: [...]` for `--json` (README, Readings).
 */
import { isoFromSerial } from "../engine/dates";
import type { Review } from "../review/review";
import { NO_EFFECT_HERE, readingViews } from "../view/readings";

/** The text section: one block per reading, largest effect on the Borrowing Base first. */
export function readingsText(review: Review): string[] {
  if (review.readings.length === 0) return [];
  const lines = ["Readings: what each other reading would change here (README, Readings)"];
  for (const r of readingViews(review)) {
    lines.push(`  ${r.id} [${r.section}]: ${r.chosen}`);
    for (const a of r.alternatives) {
      if (a.effects.length === 0) {
        lines.push(`    ${a.name}: ${NO_EFFECT_HERE}${r.note === undefined ? "" : ` (${r.note})`}`);
        continue;
      }
      lines.push(`    ${a.name}:`);
      for (const e of a.effects) lines.push(`      ${e.figure}: ${e.base} -> ${e.alternative}${e.change === "" ? "" : ` (${e.change})`}`);
    }
  }
  return lines;
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
