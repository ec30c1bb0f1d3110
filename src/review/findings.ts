/** What the layout checks report (task pane, CLI): one finding per problem, tied to a cell and a section. */
export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** Stable rule id, e.g. "missing-name"; the same in the pane, the CLI and the README. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Written for a finance user: what is wrong and how to fix it. */
  readonly message: string;
  /** The cell or range, "Sheet!A1" or "Sheet!A1:C10"; empty for the workbook as a whole. */
  readonly cell: string;
  /** The amendment section the input serves, e.g. "1.1(f)(b)". */
  readonly section: string;
}
