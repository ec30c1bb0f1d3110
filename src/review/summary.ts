/** The summary of a review's findings: counts by severity, and whether the workbook is ready (no errors). */
import type { Finding } from "./findings";

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** No errors: the workbook holds every input the calculations need (warnings may remain). */
  readonly ready: boolean;
  /** The readings applied that are not the add-in's defaults, "R-TE-RECUR=RUN" (README "Readings"); empty: every default. */
  readonly readings: readonly string[];
}

export function summarize(findings: readonly Finding[], readings: readonly string[] = []): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos, ready: errors === 0, readings };
}
