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
import { dec } from "../engine/decimal";
import { isoFromSerial, serial } from "../engine/dates";
import { formatPercent, formatUsd } from "../engine/format";
import { isBusinessDay } from "../engine/businessDays";
import { ppeSchedule } from "../engine/ppeReduction";
import { layoutEntry, NAMED_CELLS, OUTPUTS } from "./layout";
import { Figure, readModelInputs, recompute } from "./recalc";
import { a1, CellValue, parseRange, sheetFromGrid, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { term, termInt } from "../engine/terms";
import { SWITCHABLE_READINGS } from "../engine/readings";

/** How a formula's result spills below (and beside) its cell. */
export type SpillKind =
  /** `=Table[Column]`: the column's values, one per row. */
  | "column"
  /** One figure per MonthlyEBITDA row: `ebitdaFloor:<period end>`. */
  | "ebitdaFloor"
  /** One figure per MonthlyEBITDA row: `ebitdaTest:<period end>`. */
  | "ebitdaTest"
  /** KAISER.PPESCHEDULE's table: a header row, then one row per event, seven columns. */
  | "ppeSchedule";

export interface TemplateCell {
  /** A1 address on the model sheet, "B5". */
  readonly address: string;
  /** A constant (label text, number, date serial); null for a formula cell, or for a format-only cell of a spill area (no formula). */
  readonly value: CellValue;
  /** "=KAISER.BORROWINGBASE(…)" for a formula cell. */
  readonly formula?: string;
  /** Excel number format code; "General" when absent. */
  readonly numberFormat?: string;
  /** For a formula cell: the key of the recomputed figure (recalc.ts) it shows. */
  readonly figure?: string;
  /** For a formula whose result spills. */
  readonly spill?: SpillKind;
  /** Style for the writers: a title, a heading, a label, an input the user replaces, an output, a note. */
  readonly role: "title" | "heading" | "label" | "input" | "output" | "note";
}

export interface TemplateTable {
  readonly name: string;
  /** The whole table including its header row, "I4:J88". */
  readonly address: string;
  readonly headers: readonly string[];
  /** Example rows, one value per header; null is a blank cell. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Number format of each column. */
  readonly numberFormats: readonly string[];
}

export interface ModelTemplate {
  readonly sheet: string;
  readonly cells: readonly TemplateCell[];
  /** Workbook-scoped names → A1 address of one cell on the model sheet. */
  readonly names: Readonly<Record<string, string>>;
  readonly tables: readonly TemplateTable[];
  /** Column widths in characters, by column letters. */
  readonly columnWidths: Readonly<Record<string, number>>;
}

export const USD_FORMAT = "$#,##0.00;-$#,##0.00";
export const DATE_FORMAT = "yyyy-mm-dd";
export const PERCENT_FORMAT = "0.00%";
export const TEXT_FORMAT = "@";

const SHEET = "Amendment Model";

// ---- example inputs (illustrative figures, not terms of the amendment) ----

const AS_OF = serial(2004, 12, 31);
const RECEIVABLES = 95000000;
const ELIGIBLE_INVENTORY = 180000000;
const NET_RECOVERY = 0.72;
const OLV = 90000000;
const KBC_ALLOCABLE = 4500000;

/** Business Days on which the example's outstandings run above the Threshold. */
const ABOVE = new Set(
  [
    [9, 1],
    [9, 2],
    [9, 3],
    [9, 7],
    [9, 8],
    [9, 20],
    [9, 21],
    [9, 22],
    [9, 23],
    [9, 24],
    [10, 4],
    [10, 8],
    [10, 13],
    [10, 19],
    [10, 25],
  ].map(([m, d]) => serial(2004, m, d)),
);

/** Every Business Day of 2004-09-01..2004-12-31 with its outstandings: below the Threshold except on `ABOVE` days. */
function dailyRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  let i = 0;
  for (let d = serial(2004, 9, 1); d <= AS_OF; d++) {
    if (!isBusinessDay(d)) continue;
    const amount = ABOVE.has(d) ? 176000000 + (i % 3) * 500000 : 150000000 + (i % 7) * 1250000;
    rows.push([d, amount]);
    i++;
  }
  return rows;
}

const DAILY = dailyRows();
const LAST_OUTSTANDINGS = DAILY[DAILY.length - 1][1] as number;

const PPE_EVENTS: CellValue[][] = [
  [serial(2004, 7, 15), "DISPOSITION", 1250000],
  [serial(2004, 9, 8), "THRESHOLDEVENT", null],
  [serial(2004, 9, 24), "THRESHOLDEVENT", null],
  [serial(2004, 10, 1), "GRAMERCY", 23000000],
  [serial(2004, 10, 25), "THRESHOLDEVENT", null],
  [serial(2004, 11, 15), "VALCO", 9000000],
  [serial(2004, 12, 15), "INTERCOMPANY", 2000000],
];

const MONTHLY_EBITDA: CellValue[][] = [
  [serial(2004, 10, 31), -18250000],
  [serial(2004, 11, 30), -21400000],
  [serial(2004, 12, 31), -20900000],
];

const DISPOSITIONS: CellValue[][] = [
  [serial(2004, 10, 1), "GRAMERCY", 1550000],
  [serial(2004, 11, 15), "VALCO", 3000000],
];

const ANE_CHARGES: CellValue[][] = [
  [serial(2004, 6, 30), "LIFO", 12000000],
  [serial(2004, 8, 31), "PENSION", 30000000],
  [serial(2004, 9, 30), "LIFO", 10500000],
  [serial(2004, 10, 31), "BPA", 6000000],
  [serial(2004, 12, 31), "ASBESTOS", 2750000],
];

const HOLIDAYS: CellValue[][] = [[serial(2004, 6, 11), "National Day of Mourning for President Reagan (Federal Reserve closed)"]];

/** Every switchable reading at its default, so a reviewer sees each switch and can change its Choice. */
const READINGS: CellValue[][] = SWITCHABLE_READINGS.map((r) => [r.id, r.choices[0].name]);

// ---- the sheet ----

/** Tables sit to the right of the model (columns I onward), each with a caption in row 3 and its header in row 4. */
function tablesAt(): TemplateTable[] {
  const specs: { name: string; col: number; headers: string[]; formats: string[]; rows: CellValue[][] }[] = [
    { name: "DailyOutstandings", col: 8, headers: ["Date", "Outstandings"], formats: [DATE_FORMAT, USD_FORMAT], rows: DAILY },
    { name: "PPEEvents", col: 11, headers: ["Date", "Kind", "Amount"], formats: [DATE_FORMAT, TEXT_FORMAT, USD_FORMAT], rows: PPE_EVENTS },
    { name: "MonthlyEBITDA", col: 15, headers: ["PeriodEnd", "EBITDA"], formats: [DATE_FORMAT, USD_FORMAT], rows: MONTHLY_EBITDA },
    { name: "Dispositions", col: 18, headers: ["Date", "Interest", "AttributableEBITDA"], formats: [DATE_FORMAT, TEXT_FORMAT, USD_FORMAT], rows: DISPOSITIONS },
    { name: "ANECharges", col: 22, headers: ["Date", "Category", "Amount"], formats: [DATE_FORMAT, TEXT_FORMAT, USD_FORMAT], rows: ANE_CHARGES },
    { name: "Holidays", col: 26, headers: ["Date", "Holiday"], formats: [DATE_FORMAT, TEXT_FORMAT], rows: HOLIDAYS },
    { name: "Readings", col: 29, headers: ["Reading", "Choice"], formats: [TEXT_FORMAT, TEXT_FORMAT], rows: READINGS },
  ];
  return specs.map((s) => ({
    name: s.name,
    address: `${a1(3, s.col)}:${a1(3 + s.rows.length, s.col + s.headers.length - 1)}`,
    headers: s.headers,
    rows: s.rows,
    numberFormats: s.formats,
  }));
}

const TABLES_AT = tablesAt();

function tableCaption(name: string): string {
  const caption: Record<string, string> = {
    DailyOutstandings: "Revolving Credit Outstandings, each Business Day [1.1(aa)]",
    PPEEvents: "PPE Subcomponent Reduction events [1.1(t)]",
    MonthlyEBITDA: "EBITDA for each period from 2004-10-01 [9.2.4]",
    Dispositions: "Dispositions lowering the Minimum EBITDA [9.2.4]",
    ANECharges: "Charges excluded from Adjusted Net Earnings [1.1(c)]",
    Holidays: "Extra holidays [1.1(aa)]",
    Readings: "Readings applied: change a Choice to apply another reading [README Readings]",
  };
  return caption[name];
}

const INPUT_ROWS: readonly { name: string; label: string; value: number | null; format: string }[] = [
  { name: "AsOfDate", label: "As-of date (the date of determination)", value: AS_OF, format: DATE_FORMAT },
  { name: "ReceivablesComponent", label: "Receivables component, clause (a) of the Borrowing Base", value: RECEIVABLES, format: USD_FORMAT },
  { name: "EligibleInventory", label: "Eligible Inventory", value: ELIGIBLE_INVENTORY, format: USD_FORMAT },
  { name: "NetRecoveryPercentage", label: "Net Recovery Percentage (blank before a satisfactory appraisal)", value: NET_RECOVERY, format: PERCENT_FORMAT },
  { name: "OLVInPlaceValue", label: "OLV In-Place Value of Eligible Fixed Assets", value: OLV, format: USD_FORMAT },
  { name: "RevolvingCommitmentAmount", label: "Revolving Commitment Amount", value: term("revolvingCommitmentAmount").toNumber(), format: USD_FORMAT },
  { name: "RevolvingCreditOutstandings", label: "Revolving Credit Outstandings at the as-of date", value: LAST_OUTSTANDINGS, format: USD_FORMAT },
  { name: "KBCAllocableAmount", label: `KBC Allocable Amount (at most ${formatUsd(term("kbcAllocableAmountCap"))})`, value: KBC_ALLOCABLE, format: USD_FORMAT },
];

const FIRST_INPUT_ROW = 5;
const FIRST_OUTPUT_ROW = FIRST_INPUT_ROW + INPUT_ROWS.length + 2;
/** Row of KAISER.PPEREDUCTIONS (its cell feeds clause (c) and the Borrowing Base). */
const REDUCTIONS = `B${FIRST_OUTPUT_ROW}`;
const CLAUSE_B = `B${FIRST_OUTPUT_ROW + 1}`;
const EVENT_3 = `B${FIRST_OUTPUT_ROW + 8}`;

const OUTPUT_ROWS: readonly { name?: string; label: string; formula: string; figure: string; format: string }[] = [
  {
    label: "PPE Subcomponent Reductions to the as-of date",
    formula: "=KAISER.PPEREDUCTIONS(OLVInPlaceValue, PPEEvents[Date], PPEEvents[Kind], PPEEvents[Amount], AsOfDate, KBCAllocableAmount)",
    figure: "ppeReductions",
    format: USD_FORMAT,
  },
  { label: "Inventory component, clause (b)", formula: "=KAISER.INVENTORYCOMPONENT(EligibleInventory, NetRecoveryPercentage)", figure: "clauseB", format: USD_FORMAT },
  { name: "PPESubcomponent", label: "PPE Subcomponent, clause (c)", formula: `=KAISER.PPESUBCOMPONENT(OLVInPlaceValue, ${REDUCTIONS})`, figure: "ppeSubcomponent", format: USD_FORMAT },
  {
    name: "BorrowingBase",
    label: "Borrowing Base, (a) + (b) + (c)",
    formula: `=KAISER.BORROWINGBASE(ReceivablesComponent, EligibleInventory, OLVInPlaceValue, NetRecoveryPercentage, ${REDUCTIONS})`,
    figure: "borrowingBase",
    format: USD_FORMAT,
  },
  { name: "Threshold", label: `Threshold, ${formatPercent(term("thresholdRate"))} of (a) + (b)`, formula: `=KAISER.THRESHOLD(ReceivablesComponent, ${CLAUSE_B})`, figure: "threshold", format: USD_FORMAT },
  { name: "AvailabilityReserve", label: "Availability Reserve", formula: "=KAISER.AVAILABILITYRESERVE(RevolvingCommitmentAmount)", figure: "availabilityReserve", format: USD_FORMAT },
  {
    name: "Availability",
    label: "Availability (negative is an overadvance)",
    formula: "=KAISER.AVAILABILITY(BorrowingBase, RevolvingCreditOutstandings, 0, RevolvingCommitmentAmount)",
    figure: "availability",
    format: USD_FORMAT,
  },
  {
    label: `First Threshold Event (${termInt("thresholdEventDays")} Business Days)`,
    formula: `=KAISER.THRESHOLDEVENT(DailyOutstandings[Date], DailyOutstandings[Outstandings], Threshold, ${termInt("thresholdEventDays")}, Holidays[Date])`,
    figure: "firstThresholdEvent",
    format: DATE_FORMAT,
  },
  {
    label: `First Threshold Event for Section 9.2.4 (${termInt("thresholdEventDaysMinimumEbitda")} Business Days)`,
    formula: `=KAISER.THRESHOLDEVENT(DailyOutstandings[Date], DailyOutstandings[Outstandings], Threshold, ${termInt("thresholdEventDaysMinimumEbitda")}, Holidays[Date])`,
    figure: "firstThresholdEvent3",
    format: DATE_FORMAT,
  },
  {
    label: "Charges excluded from Adjusted Net Earnings, (i)-(n)",
    formula: "=SUM(KAISER.ANEEXCLUSIONS(ANECharges[Category], ANECharges[Date], ANECharges[Amount]))",
    figure: "aneExclusions",
    format: USD_FORMAT,
  },
  { label: "Amendment fee", formula: "=KAISER.AMENDMENTFEE(RevolvingCommitmentAmount)", figure: "amendmentFee", format: USD_FORMAT },
];

const SECTION_OF_FIGURE: Readonly<Record<string, string>> = {
  ppeReductions: "1.1(t)",
  clauseB: "1.1(f)(b)",
  ppeSubcomponent: "1.1(f)(c)",
  borrowingBase: "1.1(f)",
  threshold: "1.1(aa)",
  availabilityReserve: "1.1(e)",
  availability: "1.1(e), Reading R-AVAILABILITY",
  firstThresholdEvent: "1.1(aa)",
  firstThresholdEvent3: "1.1(aa), 9.2.4",
  aneExclusions: "1.1(c)",
  amendmentFee: "5(d)",
};

const EBITDA_ROW = FIRST_OUTPUT_ROW + OUTPUT_ROWS.length + 2;
/** Rows formatted beyond the example's spills, for rows a user adds to the tables. */
const SPARE_ROWS = 2;
/** Room for the Minimum EBITDA spills (three periods and a few more rows if a user adds them). */
const PPE_SCHEDULE_ROW = EBITDA_ROW + 8;

function modelCells(): TemplateCell[] {
  const cells: TemplateCell[] = [
    {
      address: "A1",
      value: "Seventh Amendment to the Post-Petition Credit Agreement of Kaiser Aluminum & Chemical Corporation (October 28, 2004): model",
      role: "title",
    },
    {
      address: "A2",
      value: "Example inputs (the figures beside each name) are illustrations: replace them with your own. Outputs call the add-in's KAISER functions; the task pane's Validate checks this layout.",
      role: "note",
    },
    { address: "A4", value: "Inputs", role: "heading" },
    { address: "B4", value: "Value", role: "heading" },
    { address: "C4", value: "Name and section", role: "heading" },
  ];
  INPUT_ROWS.forEach((input, i) => {
    const row = FIRST_INPUT_ROW + i;
    const entry = layoutEntry(input.name);
    cells.push({ address: `A${row}`, value: input.label, role: "label" });
    cells.push({ address: `B${row}`, value: input.value, numberFormat: input.format, role: "input" });
    cells.push({ address: `C${row}`, value: `${input.name} [${entry?.section ?? ""}]`, role: "note" });
  });
  cells.push({ address: `A${FIRST_OUTPUT_ROW - 1}`, value: "Outputs (KAISER functions)", role: "heading" });
  OUTPUT_ROWS.forEach((output, i) => {
    const row = FIRST_OUTPUT_ROW + i;
    cells.push({ address: `A${row}`, value: output.label, role: "label" });
    cells.push({ address: `B${row}`, value: null, formula: output.formula, figure: output.figure, numberFormat: output.format, role: "output" });
    cells.push({ address: `C${row}`, value: `${output.name === undefined ? "" : `${output.name} `}[${SECTION_OF_FIGURE[output.figure]}]`, role: "note" });
  });
  cells.push({ address: `A${EBITDA_ROW - 1}`, value: "Minimum EBITDA by period [9.2.4]", role: "heading" });
  cells.push({ address: `A${EBITDA_ROW}`, value: "Period end", role: "heading" });
  cells.push({ address: `B${EBITDA_ROW}`, value: "Minimum EBITDA", role: "heading" });
  cells.push({ address: `C${EBITDA_ROW}`, value: "Test", role: "heading" });
  const r = EBITDA_ROW + 1;
  cells.push({ address: `A${r}`, value: null, formula: "=MonthlyEBITDA[PeriodEnd]", spill: "column", numberFormat: DATE_FORMAT, role: "output" });
  cells.push({
    address: `B${r}`,
    value: null,
    formula: "=KAISER.EBITDAFLOOR(MonthlyEBITDA[PeriodEnd], Dispositions[Date], Dispositions[AttributableEBITDA])",
    spill: "ebitdaFloor",
    numberFormat: USD_FORMAT,
    role: "output",
  });
  cells.push({
    address: `C${r}`,
    value: null,
    formula: `=KAISER.EBITDATEST(MonthlyEBITDA[PeriodEnd], MonthlyEBITDA[EBITDA], ${EVENT_3}, Dispositions[Date], Dispositions[AttributableEBITDA])`,
    spill: "ebitdaTest",
    role: "output",
  });
  cells.push({ address: `A${PPE_SCHEDULE_ROW - 1}`, value: "PPE Subcomponent Reductions, event by event [1.1(t)]", role: "heading" });
  cells.push({
    address: `A${PPE_SCHEDULE_ROW}`,
    value: null,
    formula: "=KAISER.PPESCHEDULE(OLVInPlaceValue, PPEEvents[Date], PPEEvents[Kind], PPEEvents[Amount], AsOfDate, KBCAllocableAmount)",
    spill: "ppeSchedule",
    role: "output",
  });
  // Number formats over the cells the results spill into (format-only cells: no value, no formula).
  for (let i = 1; i <= MONTHLY_EBITDA.length - 1 + SPARE_ROWS; i++) {
    cells.push({ address: `A${r + i}`, value: null, numberFormat: DATE_FORMAT, role: "output" });
    cells.push({ address: `B${r + i}`, value: null, numberFormat: USD_FORMAT, role: "output" });
  }
  for (let i = 1; i <= PPE_EVENTS.length + SPARE_ROWS; i++) {
    const row = PPE_SCHEDULE_ROW + i;
    cells.push({ address: `A${row}`, value: null, numberFormat: DATE_FORMAT, role: "output" });
    for (const col of ["D", "E", "F"]) cells.push({ address: `${col}${row}`, value: null, numberFormat: USD_FORMAT, role: "output" });
  }
  for (const t of TABLES_AT) {
    const range = parseRange(t.address);
    if (range !== undefined) cells.push({ address: a1(range.start.row - 1, range.start.col), value: tableCaption(t.name), role: "heading" });
  }
  return cells;
}

function modelNames(): Record<string, string> {
  const names: Record<string, string> = {};
  INPUT_ROWS.forEach((input, i) => (names[input.name] = `B${FIRST_INPUT_ROW + i}`));
  OUTPUT_ROWS.forEach((output, i) => {
    if (output.name !== undefined) names[output.name] = `B${FIRST_OUTPUT_ROW + i}`;
  });
  return names;
}

/** The model: every named cell and table of the contract, example inputs, and the KAISER formulas. */
export const MODEL_TEMPLATE: ModelTemplate = {
  sheet: SHEET,
  cells: modelCells(),
  names: modelNames(),
  tables: TABLES_AT,
  columnWidths: { A: 56, B: 20, C: 30, D: 20, E: 20, F: 20, G: 60, H: 3, I: 12, J: 18, K: 3, L: 12, M: 16, N: 16, O: 3, P: 12, Q: 16, R: 3, S: 12, T: 12, U: 20, V: 3, W: 12, X: 18, Y: 16, Z: 3, AA: 12, AB: 40 },
};

// Every named cell and optional output of the contract is in the model (a test checks it too).
for (const e of [...NAMED_CELLS, ...OUTPUTS]) if (MODEL_TEMPLATE.names[e.name] === undefined) throw new Error(`the model lacks the name ${e.name}`);

// ---- the template as a snapshot ----

interface Grid {
  values: CellValue[][];
  formulas: (string | null)[][];
  formats: string[][];
}

function put(grid: Grid, row: number, col: number, value: CellValue, formula: string | null, format: string): void {
  while (grid.values.length <= row) {
    grid.values.push([]);
    grid.formulas.push([]);
    grid.formats.push([]);
  }
  grid.values[row][col] = value;
  grid.formulas[row][col] = formula;
  grid.formats[row][col] = format;
}

function sheetOf(grid: Grid): SheetSnapshot {
  return sheetFromGrid(SHEET, { row: 0, col: 0 }, grid.values, grid.formulas, grid.formats);
}

function buildSnapshot(template: ModelTemplate, resultOf: (cell: TemplateCell) => CellValue[][]): WorkbookSnapshot {
  const grid: Grid = { values: [], formulas: [], formats: [] };
  for (const t of template.tables) {
    const range = parseRange(t.address);
    if (range === undefined) continue;
    t.headers.forEach((h, c) => put(grid, range.start.row, range.start.col + c, h, null, "General"));
    t.rows.forEach((row, r) => row.forEach((v, c) => put(grid, range.start.row + 1 + r, range.start.col + c, v, null, t.numberFormats[c] ?? "General")));
  }
  for (const cell of template.cells) {
    const range = parseRange(cell.address);
    if (range === undefined) continue;
    const format = cell.numberFormat ?? "General";
    if (cell.formula === undefined && cell.value === null) {
      // A format-only cell (a spill area): its value is whatever spills into it.
      const r = range.start.row;
      const c = range.start.col;
      put(grid, r, c, grid.values[r]?.[c] ?? null, grid.formulas[r]?.[c] ?? null, format);
      continue;
    }
    if (cell.formula === undefined) {
      put(grid, range.start.row, range.start.col, cell.value, null, format);
      continue;
    }
    const result = resultOf(cell);
    result.forEach((row, r) =>
      row.forEach((v, c) => {
        const anchor = r === 0 && c === 0;
        put(grid, range.start.row + r, range.start.col + c, v, anchor ? (cell.formula as string) : null, format);
      }),
    );
    if (result.length === 0) put(grid, range.start.row, range.start.col, null, cell.formula, format);
  }
  const names = Object.entries(template.names).map(([name, address]) => ({
    name,
    formula: `='${template.sheet.replace(/'/g, "''")}'!${address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`,
    sheet: template.sheet,
    address,
  }));
  const tables = template.tables.map((t) => ({ name: t.name, sheet: template.sheet, address: t.address, showHeaders: true, columns: t.headers }));
  return { sheets: [sheetOf(grid)], names, tables, calculationMode: "automatic" };
}

/** The values a formula cell shows: its figure, a table column, the EBITDA figures per period, or the PPE schedule. */
function resultsFromFigures(template: ModelTemplate, figures: ReadonlyMap<string, Figure>, snapshot: WorkbookSnapshot): (cell: TemplateCell) => CellValue[][] {
  const ebitda = template.tables.find((t) => t.name === "MonthlyEBITDA");
  const periodEnds = (ebitda?.rows ?? []).map((r) => r[0]);
  const show = (f: Figure | undefined): CellValue => (f === undefined || f.value === null ? { error: "#N/A" } : f.value);
  return (cell) => {
    switch (cell.spill) {
      case undefined:
        return [[show(figures.get(cell.figure ?? ""))]];
      case "column": {
        const m = /^=(\w+)\[(\w+)\]$/.exec(cell.formula ?? "");
        const t = template.tables.find((x) => x.name === m?.[1]);
        const c = t?.headers.indexOf(m?.[2] ?? "") ?? -1;
        return t === undefined || c < 0 ? [] : t.rows.map((r) => [r[c]]);
      }
      case "ebitdaFloor":
      case "ebitdaTest":
        return periodEnds.map((p) => [show(figures.get(`${cell.spill}:${typeof p === "number" ? isoFromSerial(p) : ""}`))]);
      case "ppeSchedule":
        return ppeScheduleValues(snapshot);
    }
  };
}

/** KAISER.PPESCHEDULE's spilled table for the model's own inputs, as the engine gives it. */
function ppeScheduleValues(snapshot: WorkbookSnapshot): CellValue[][] {
  const inputs = readModelInputs(snapshot);
  const header: CellValue[] = ["Date", "Kind", "Clause", "Reduction", "Cumulative reductions", "PPE Subcomponent after", "Note"];
  if (inputs.olvInPlaceValue.value === undefined || inputs.ppeEvents.rows === undefined) return [[{ error: "#VALUE!" }]];
  const rows = ppeSchedule({
    olvInPlaceValue: inputs.olvInPlaceValue.value,
    events: inputs.ppeEvents.rows,
    asOfDate: inputs.asOfDate.value,
    kbcAllocableAmount: inputs.kbcAllocableAmount.value,
  });
  return [header, ...rows.map((r): CellValue[] => [r.date, r.kind, r.clause, r.reduction.toNumber(), r.cumulative.toNumber(), r.ppeSubcomponent.toNumber(), r.note])];
}

/**
 * A snapshot of a workbook that holds just the model, as Excel would show it once calculated:
 * constants, tables and names from the template, and in each formula cell the figure the engine
 * computes from the model's own inputs (spilled results filled below their formula).
 *
 * @param template - the model (default: `MODEL_TEMPLATE`)
 * @param computedValues - values to show instead, by figure key ("borrowingBase",
 *   "ebitdaFloor:2004-10-31") or by the A1 address of the formula cell ("B18"); used by tests to
 *   make an output disagree with the inputs
 * @example validate(snapshotFromTemplate()).length //=> 0
 */
export function snapshotFromTemplate(template: ModelTemplate = MODEL_TEMPLATE, computedValues: Readonly<Record<string, CellValue>> = {}): WorkbookSnapshot {
  // First pass: inputs only, to recompute the figures the formula cells show.
  const bare = buildSnapshot(template, () => []);
  const figures = new Map(recompute(readModelInputs(bare)).map((f) => [f.key, f]));
  const fromFigures = resultsFromFigures(template, figures, bare);
  return buildSnapshot(template, (cell) => {
    const byAddress = computedValues[cell.address];
    if (byAddress !== undefined) return [[byAddress]];
    const result = fromFigures(cell);
    if (cell.spill === "ebitdaFloor" || cell.spill === "ebitdaTest") {
      const ebitda = template.tables.find((t) => t.name === "MonthlyEBITDA");
      return result.map((row, i) => {
        const p = ebitda?.rows[i]?.[0];
        const key = `${cell.spill}:${typeof p === "number" ? isoFromSerial(p) : ""}`;
        return computedValues[key] !== undefined ? [computedValues[key]] : row;
      });
    }
    if (cell.figure !== undefined && computedValues[cell.figure] !== undefined) return [[computedValues[cell.figure]]];
    return result;
  });
}

/** The example's amounts as exact decimals, for tests that work the figures by hand. */
export const EXAMPLE = {
  asOfDate: AS_OF,
  receivablesComponent: dec(RECEIVABLES),
  eligibleInventory: dec(ELIGIBLE_INVENTORY),
  netRecoveryPercentage: dec(NET_RECOVERY),
  olvInPlaceValue: dec(OLV),
  kbcAllocableAmount: dec(KBC_ALLOCABLE),
  revolvingCreditOutstandings: dec(LAST_OUTSTANDINGS),
} as const;
