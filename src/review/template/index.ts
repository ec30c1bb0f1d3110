/**
 * The ready model ("Insert model" in the task pane, `examples/amendment-model.xlsx` for the CLI):
 * one sheet, "Amendment Model", holding every named cell and table of the layout contract
 * (layout.ts) with labels, number formats, example inputs worked from the amendment, and output
 * cells whose formulas call the KAISER functions. Pure data: the Excel writer (src/workbook/
 * insertModel.ts) and the .xlsx generator both build from this one definition, so they cannot drift.
 *
 * The example is a Threshold Event scenario: Revolving Credit Outstandings run above the Threshold
 * on 2004-09-01, 09-02, 09-03, 09-07 and 09-08 (Labor Day, 09-06, is not a Business Day), giving a
 * Threshold Event on 2004-09-08 under clause (x) (and on 2004-09-03 under the three-day test for
 * Section 9.2.4); again on 2004-09-20..24 (a second event in September, which reduces nothing under
 * 1.1(t)(b)(i)); and on five scattered October days, giving a clause (y) event on 2004-10-25, where
 * the $25,000,000 floor of 1.1(t)(b)(ii) limits the reduction. A Gramercy/KJBC and a VALCO
 * disposition, an earlier Asset Disposition and unpaid intercompany Indebtedness reduce the PPE
 * Subcomponent under clauses (a), (c) and (d); the same dispositions lower the Minimum EBITDA floors.
 */
export { DATE_FORMAT, PERCENT_FORMAT, TEXT_FORMAT, USD_FORMAT } from "./types";
export type { ModelTemplate, SpillKind, TemplateCell, TemplateTable } from "./types";
export { EXAMPLE } from "./example";
export { MODEL_TEMPLATE } from "./sheet";
export { snapshotFromTemplate } from "./snapshot";
