/**
 * The dashboard as data: the sheet "KAISER Dashboard" that the pane's Insert dashboard adds
 * (src/workbook/insertDashboard.ts). Live `KAISER.` formulas over the model's names and tables —
 * the Borrowing Base clause by clause (KAISER.BORROWINGBASEDETAIL, Section 1.1(f)), the Threshold
 * and Availability, the first Threshold Events for 5 and 3 Business Days (1.1(aa)), the Minimum
 * EBITDA floor and test of each period (9.2.4), the PPE Subcomponent event by event (1.1(t)) — and
 * three native Excel charts over the model's tables: outstandings against the Threshold (line), the
 * PPE Subcomponent over time, and EBITDA against the Minimum EBITDA.
 *
 * A chart series that the model's table holds reads the table's column itself, so it grows with
 * the table. The Threshold line reads DailyOutstandings[Threshold] when the table has one, else a
 * column of the dashboard repeating the Threshold of the as-of date beside each day; the floor
 * and the PPE line read the dashboard's spilled results, sized to the tables when inserted.
 */
import { formatPercent } from "../engine/format";
import { term, termInt } from "../engine/terms";
import { a1, parseRange } from "./snapshot";
import { attributableAmountsArgument, ChartDesign, column, DesignCell, hasColumn, named, requirements, SheetDesign, WorkbookFacts } from "./sheetDesign";
import { DATE_FORMAT, USD_FORMAT } from "./template";

export const DASHBOARD_SHEET = "KAISER Dashboard";

/** KAISER.BORROWINGBASEDETAIL with outstandings spills ten lines of label and amount. */
const DETAIL_ROWS = 10;
/** KAISER.PPESCHEDULE's columns: date, kind, clause, reduction, cumulative, PPE Subcomponent after, note. */
const SCHEDULE_COLUMNS = 7;
/** Rows KAISER.PPESCHEDULE may add beyond one per event: one per clause (c) kind whose cash took effect late (Reading R-PPE-C-DEFER). */
const SCHEDULE_EXTRA_ROWS = 2;

function rowsOf(facts: WorkbookFacts, table: string): number {
  return Math.max(1, facts.tables.get(table)?.rows ?? 1);
}

function shift(address: string, rows: number, cols = 0): string {
  const r = parseRange(address);
  if (r === undefined) throw new Error(`not an A1 address: ${address}`);
  return a1(r.start.row + rows, r.start.col + cols);
}

/**
 * The dashboard for a workbook with these facts (its optional inputs, the Threshold column, the
 * tables' row counts, which size the spilled results the charts read).
 *
 * @example dashboardDesign(fullFacts()).charts.map((c) => c.type) //=> ["Line", "XYScatterLines", "ColumnClustered"]
 */
export function dashboardDesign(facts: WorkbookFacts): SheetDesign {
  const nrp = facts.names.has("NetRecoveryPercentage") ? named("NetRecoveryPercentage") : "";
  const kbc = facts.names.has("KBCAllocableAmount") ? `, ${named("KBCAllocableAmount")}` : "";
  const holidays = facts.tables.has("Holidays") ? `, ${column("Holidays", "Date")}` : "";
  const ownThreshold = hasColumn(facts, "DailyOutstandings", "Threshold");
  const inputs = `${named("ReceivablesComponent")}, ${named("EligibleInventory")}, ${named("OLVInPlaceValue")}, ${nrp}`;
  const daily = rowsOf(facts, "DailyOutstandings");
  const periods = rowsOf(facts, "MonthlyEBITDA");
  const events = rowsOf(facts, "PPEEvents");

  const REDUCTIONS = "E6";
  const THRESHOLD = "E7";
  const EVENT_3 = "E10";
  const thresholds = ownThreshold ? column("DailyOutstandings", "Threshold") : `$${THRESHOLD.replace(/(\d+)/, "$$$1")}`;
  const event = (days: number) =>
    `=KAISER.THRESHOLDEVENT(${column("DailyOutstandings", "Date")}, ${column("DailyOutstandings", "Outstandings")}, ${ownThreshold ? thresholds : THRESHOLD}, ${days}${holidays})`;
  const ppeArgs = `${named("OLVInPlaceValue")}, ${column("PPEEvents", "Date")}, ${column("PPEEvents", "Kind")}, ${column("PPEEvents", "Amount")}, ${named("AsOfDate")}${kbc}`;

  const cells: DesignCell[] = [
    { address: "A1", value: "KAISER Dashboard: the Seventh Amendment's position, live from the model", role: "title" },
    { address: "A2", value: "Every figure is a KAISER formula over the model's names and tables; it recalculates when an input changes.", role: "note" },
    { address: "A4", value: "Borrowing Base, clause by clause [1.1(f)]", role: "heading" },
    {
      address: "A5",
      value: null,
      formula: `=KAISER.BORROWINGBASEDETAIL(${inputs}, ${REDUCTIONS}, ${named("RevolvingCreditOutstandings")})`,
      spill: { rows: DETAIL_ROWS, cols: 2 },
      role: "output",
    },
    { address: "D4", value: "Key figures", role: "heading" },
    { address: "D5", value: "As of (the date of determination) [1.1(aa)]", role: "label" },
    { address: "E5", value: null, formula: `=${named("AsOfDate")}`, numberFormat: DATE_FORMAT, role: "output" },
    { address: "D6", value: "PPE Subcomponent Reductions to the as-of date [1.1(t)]", role: "label" },
    { address: REDUCTIONS, value: null, formula: `=KAISER.PPEREDUCTIONS(${ppeArgs})`, numberFormat: USD_FORMAT, role: "output" },
    { address: "D7", value: `Threshold: ${formatPercent(term("thresholdRate"))} of (a) + (b) [1.1(aa)]`, role: "label" },
    { address: THRESHOLD, value: null, formula: `=KAISER.THRESHOLD(${named("ReceivablesComponent")}, KAISER.INVENTORYCOMPONENT(${named("EligibleInventory")}${nrp === "" ? "" : `, ${nrp}`}))`, numberFormat: USD_FORMAT, role: "output" },
    { address: "D8", value: "Availability, negative is an overadvance [1.1(e)]", role: "label" },
    {
      address: "E8",
      value: null,
      formula: `=KAISER.AVAILABILITY(KAISER.BORROWINGBASE(${inputs}, ${REDUCTIONS}), ${named("RevolvingCreditOutstandings")}, 0, ${named("RevolvingCommitmentAmount")})`,
      numberFormat: USD_FORMAT,
      role: "output",
    },
    { address: "D9", value: `First Threshold Event, ${termInt("thresholdEventDays")} Business Days [1.1(aa)]`, role: "label" },
    { address: "E9", value: null, formula: event(termInt("thresholdEventDays")), numberFormat: DATE_FORMAT, role: "output" },
    { address: "D10", value: `First Threshold Event for Section 9.2.4, ${termInt("thresholdEventDaysMinimumEbitda")} Business Days [1.1(aa)]`, role: "label" },
    { address: EVENT_3, value: null, formula: event(termInt("thresholdEventDaysMinimumEbitda")), numberFormat: DATE_FORMAT, role: "output" },
    { address: "D11", value: "#N/A in a Threshold Event cell: no Threshold Event in the series", role: "note" },
  ];
  for (let i = 0; i < DETAIL_ROWS; i++) cells.push({ address: `B${5 + i}`, value: null, numberFormat: USD_FORMAT, role: "output" });

  const EBITDA = 5 + DETAIL_ROWS + 2;
  cells.push({ address: `A${EBITDA}`, value: "Minimum EBITDA by period [9.2.4]", role: "heading" });
  ["Period end", "EBITDA", "Minimum EBITDA", "Test"].forEach((h, i) => cells.push({ address: a1(EBITDA, i), value: h, role: "heading" }));
  const first = EBITDA + 2;
  const dispositions = `${column("Dispositions", "Date")}, ${attributableAmountsArgument(facts)}`;
  cells.push({ address: `A${first}`, value: null, formula: `=${column("MonthlyEBITDA", "PeriodEnd")}`, numberFormat: DATE_FORMAT, spill: { rows: periods, cols: 1 }, role: "output" });
  cells.push({ address: `B${first}`, value: null, formula: `=${column("MonthlyEBITDA", "EBITDA")}`, numberFormat: USD_FORMAT, spill: { rows: periods, cols: 1 }, role: "output" });
  cells.push({ address: `C${first}`, value: null, formula: `=KAISER.EBITDAFLOOR(${column("MonthlyEBITDA", "PeriodEnd")}, ${dispositions})`, numberFormat: USD_FORMAT, spill: { rows: periods, cols: 1 }, role: "output" });
  cells.push({
    address: `D${first}`,
    value: null,
    formula: `=KAISER.EBITDATEST(${column("MonthlyEBITDA", "PeriodEnd")}, ${column("MonthlyEBITDA", "EBITDA")}, ${EVENT_3}, ${dispositions})`,
    spill: { rows: periods, cols: 1 },
    role: "output",
  });
  for (let i = 1; i < periods; i++) {
    cells.push({ address: `A${first + i}`, value: null, numberFormat: DATE_FORMAT, role: "output" });
    for (const c of ["B", "C"]) cells.push({ address: `${c}${first + i}`, value: null, numberFormat: USD_FORMAT, role: "output" });
  }

  const PPE = first + periods + 1;
  cells.push({ address: `A${PPE}`, value: "PPE Subcomponent, event by event [1.1(t)]", role: "heading" });
  const scheduleRows = events + SCHEDULE_EXTRA_ROWS;
  cells.push({ address: `A${PPE + 1}`, value: null, formula: `=KAISER.PPESCHEDULE(${ppeArgs})`, spill: { rows: 1 + scheduleRows, cols: SCHEDULE_COLUMNS }, role: "output" });
  for (let i = 1; i <= scheduleRows; i++) {
    cells.push({ address: `A${PPE + 1 + i}`, value: null, numberFormat: DATE_FORMAT, role: "output" });
    for (const c of ["D", "E", "F"]) cells.push({ address: `${c}${PPE + 1 + i}`, value: null, numberFormat: USD_FORMAT, role: "output" });
  }

  // The Threshold beside each day, for the chart, when the table has no Threshold column of its own.
  const HELPER = "H5";
  if (!ownThreshold) {
    cells.push({ address: "H4", value: "Threshold each day (chart data)", role: "heading" });
    cells.push({ address: HELPER, value: null, formula: `=IF(ISNUMBER(${column("DailyOutstandings", "Date")}), ${thresholds}, "")`, numberFormat: USD_FORMAT, spill: { rows: daily, cols: 1 }, role: "note" });
    for (let i = 1; i < daily; i++) cells.push({ address: shift(HELPER, i), value: null, numberFormat: USD_FORMAT, role: "note" });
  }

  const scheduleFirst = `A${PPE + 2}`;
  const charts: ChartDesign[] = [
    {
      title: "Revolving Credit Outstandings against the Threshold [1.1(aa)]",
      type: "Line",
      from: "J4",
      to: "S20",
      categories: { table: "DailyOutstandings", column: "Date" },
      series: [
        { name: "Revolving Credit Outstandings", values: { table: "DailyOutstandings", column: "Outstandings" } },
        { name: "Threshold", values: ownThreshold ? { table: "DailyOutstandings", column: "Threshold" } : { address: `${HELPER}:${shift(HELPER, daily - 1)}` } },
      ],
      valueAxisTitle: "US dollars",
    },
    {
      title: "PPE Subcomponent after each reduction [1.1(f)(c), 1.1(t)]",
      type: "XYScatterLines",
      from: "J22",
      to: "S38",
      categories: { address: `${scheduleFirst}:${shift(scheduleFirst, scheduleRows - 1)}` },
      series: [{ name: "PPE Subcomponent", values: { address: `${shift(scheduleFirst, 0, 5)}:${shift(scheduleFirst, scheduleRows - 1, 5)}` } }],
      valueAxisTitle: "US dollars",
    },
    {
      title: "EBITDA against the Minimum EBITDA [9.2.4]",
      type: "ColumnClustered",
      from: "J40",
      to: "S56",
      categories: { table: "MonthlyEBITDA", column: "PeriodEnd" },
      series: [
        { name: "EBITDA", values: { table: "MonthlyEBITDA", column: "EBITDA" } },
        { name: "Minimum EBITDA", values: { address: `C${first}:C${first + periods - 1}` }, asLine: true },
      ],
      valueAxisTitle: "US dollars",
    },
  ];

  return {
    sheet: DASHBOARD_SHEET,
    cells,
    columnWidths: { A: 62, B: 20, C: 20, D: 52, E: 20, F: 20, G: 48, H: 20, I: 3 },
    charts,
    requires: requirements(cells.map((c) => c.formula ?? "")),
  };
}
