/**
 * The CLI's Readings section: every switchable reading with its choice in this workbook and what
 * each other choice changes here (text); `--json` carries `readings: [...]` (src/view/readings.ts).
 */
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
