/** The ready model's sheet: where every input, output, table and schedule sits, and its formulas. */
import { formatPercent, formatUsd } from "../../engine/format";
import { ATTRIBUTABLE_COLUMNS, layoutEntry, NAMED_CELLS, OUTPUTS } from "../layout";
import { a1, CellValue, parseRange } from "../snapshot";
import { term, termInt } from "../../engine/terms";
import { AS_OF, ANE_CHARGES, DAILY, DISPOSITIONS, ELIGIBLE_INVENTORY, HOLIDAYS, KBC_ALLOCABLE, LAST_OUTSTANDINGS, MONTHLY_EBITDA, NET_RECOVERY, OLV, PPE_EVENTS, READINGS, RECEIVABLES } from "./example";
import { DATE_FORMAT, ModelTemplate, PERCENT_FORMAT, TemplateCell, TemplateTable, TEXT_FORMAT, USD_FORMAT } from "./types";

export const SHEET = "Amendment Model";

// ---- the sheet ----

/** Tables sit to the right of the model (columns I onward), each with a caption in row 3 and its header in row 4. */
function tablesAt(): TemplateTable[] {
  const specs: { name: string; col: number; headers: string[]; formats: string[]; rows: CellValue[][] }[] = [
    { name: "DailyOutstandings", col: 8, headers: ["Date", "Outstandings"], formats: [DATE_FORMAT, USD_FORMAT], rows: DAILY },
    { name: "PPEEvents", col: 11, headers: ["Date", "Kind", "Amount"], formats: [DATE_FORMAT, TEXT_FORMAT, USD_FORMAT], rows: PPE_EVENTS },
    { name: "MonthlyEBITDA", col: 15, headers: ["PeriodEnd", "EBITDA"], formats: [DATE_FORMAT, USD_FORMAT], rows: MONTHLY_EBITDA },
    // One Attributable EBITDA Amount per period of 9.2.4 (Reading R-EBITDA-PERIOD-AMOUNT).
    { name: "Dispositions", col: 18, headers: ["Date", "Interest", ...ATTRIBUTABLE_COLUMNS], formats: [DATE_FORMAT, TEXT_FORMAT, ...ATTRIBUTABLE_COLUMNS.map(() => USD_FORMAT)], rows: DISPOSITIONS },
    { name: "ANECharges", col: 24, headers: ["Date", "Category", "Amount"], formats: [DATE_FORMAT, TEXT_FORMAT, USD_FORMAT], rows: ANE_CHARGES },
    { name: "Holidays", col: 28, headers: ["Date", "Holiday"], formats: [DATE_FORMAT, TEXT_FORMAT], rows: HOLIDAYS },
    { name: "Readings", col: 31, headers: ["Reading", "Choice"], formats: [TEXT_FORMAT, TEXT_FORMAT], rows: READINGS },
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

/** Every disposition's Attributable EBITDA Amounts, one column per period: the third argument of the Minimum EBITDA functions. */
const ATTRIBUTABLE = `Dispositions[[${ATTRIBUTABLE_COLUMNS[0]}]:[${ATTRIBUTABLE_COLUMNS[ATTRIBUTABLE_COLUMNS.length - 1]}]]`;

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
    formula: `=KAISER.EBITDAFLOOR(MonthlyEBITDA[PeriodEnd], Dispositions[Date], ${ATTRIBUTABLE})`,
    spill: "ebitdaFloor",
    numberFormat: USD_FORMAT,
    role: "output",
  });
  cells.push({
    address: `C${r}`,
    value: null,
    formula: `=KAISER.EBITDATEST(MonthlyEBITDA[PeriodEnd], MonthlyEBITDA[EBITDA], ${EVENT_3}, Dispositions[Date], ${ATTRIBUTABLE})`,
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
  columnWidths: { A: 56, B: 20, C: 30, D: 20, E: 20, F: 20, G: 60, H: 3, I: 12, J: 18, K: 3, L: 12, M: 16, N: 16, O: 3, P: 12, Q: 16, R: 3, S: 12, T: 12, U: 16, V: 16, W: 16, X: 3, Y: 12, Z: 18, AA: 16, AB: 3, AC: 12, AD: 40 },
};

// Every named cell and optional output of the contract is in the model (a test checks it too).
for (const e of [...NAMED_CELLS, ...OUTPUTS]) if (MODEL_TEMPLATE.names[e.name] === undefined) throw new Error(`the model lacks the name ${e.name}`);
