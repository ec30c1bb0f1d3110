/**
 * The Borrowing Base Certificate as data: the sheet "Borrowing Base Certificate" that Insert
 * (src/workbook/insertCertificate.ts) adds in Excel and `kaiser-check --certificate` writes into a
 * copy of the model (src/workbook/certificateXlsx.ts). One page: the Company and the Agent, the
 * as-of date, each line of the Borrowing Base with its section (Section 1.1(f)), the Availability
 * Reserve (1.1(e)), Revolving Credit Outstandings, Availability, the Threshold and the headroom to
 * it (1.1(aa)), the Threshold Event status, and a signature block for a Financial Authorized
 * Officer (9.1.1(o)). Every amount is a live `KAISER.` formula over the model's names and tables.
 *
 * Reading R-CERT-ASOF: the certificate's as-of date is the model's AsOfDate (a live `=AsOfDate`)
 * unless another date is given (`--as-of`), in which case it is that date, a constant. The as-of
 * date governs the PPE Subcomponent Reductions counted (events on or before it, 1.1(t)) and the
 * Threshold Event status (the first event on or before it; a later one is "None" as of that date).
 * The other inputs — clause (a), Eligible Inventory, OLV In-Place Value, Revolving Credit
 * Outstandings — are the model's named cells, as the model states them. Not modelled: reading
 * those figures for another date from a history; a model holds one value of each.
 */
import { AGENT, AMENDMENT, AMENDMENT_DATE_TEXT, CERTIFYING_OFFICER, COMPANY } from "../engine/parties";
import { formatPercent, formatUsd } from "../engine/format";
import { term, termInt } from "../engine/terms";
import { column, DesignCell, hasColumn, named, requirements, SheetDesign, WorkbookFacts } from "./sheetDesign";
import { DATE_FORMAT, USD_FORMAT } from "./template";
import type { Figure, FigureKey } from "./recalc";
import { Calculation, Review, reviewInputs } from "./review";
import type { CellValue } from "./snapshot";

export const CERTIFICATE_SHEET = "Borrowing Base Certificate";

/** The figures a certificate shows, by key: what the .xlsx writer caches in each formula cell. */
export type CertificateFigure =
  | "asOfDate"
  | "clauseA"
  | "eligibleInventory"
  | "clauseB"
  | "clauseBLimit"
  | "ppeBase"
  | "ppeReductions"
  | "ppeSubcomponent"
  | "borrowingBase"
  | "availabilityReserve"
  | "outstandings"
  | "availability"
  | "threshold"
  | "headroom"
  | "event5"
  | "event5Found"
  | "event3"
  | "event3Found"
  | "status";

interface Line {
  readonly key: CertificateFigure;
  readonly label: string;
  readonly section: string;
  /** The formula, given the addresses of the other lines. */
  readonly formula: (at: (key: CertificateFigure) => string) => string;
  readonly format?: string;
  /** A total: bold. */
  readonly total?: boolean;
}

type Block = { readonly heading: string } | Line;

/** Column of labels, of sections, of amounts; the first Threshold Event helpers sit outside the print area. */
const LABEL = "A";
const SECTION = "B";
const AMOUNT = "C";
const HELPER = "E";
const FIRST_ROW = 8;

function optional(facts: WorkbookFacts, name: "NetRecoveryPercentage" | "KBCAllocableAmount"): string {
  return facts.names.has(name) ? named(name) : "";
}

/**
 * The certificate for a workbook with these facts.
 *
 * @param facts - which optional inputs the workbook has (see sheetDesign.ts)
 * @param options - `asOf`: a date (Excel serial) to certify instead of the model's AsOfDate (Reading R-CERT-ASOF)
 * @example certificateDesign(fullFacts()).cells.find((c) => c.figure === "borrowingBase")?.formula
 *   //=> "=KAISER.BORROWINGBASE(ReceivablesComponent, EligibleInventory, OLVInPlaceValue, NetRecoveryPercentage, C15)"
 */
export function certificateDesign(facts: WorkbookFacts, options: { asOf?: number } = {}): SheetDesign {
  const nrp = optional(facts, "NetRecoveryPercentage");
  const kbc = optional(facts, "KBCAllocableAmount");
  const holidays = facts.tables.has("Holidays") ? `, ${column("Holidays", "Date")}` : "";
  const ownThreshold = hasColumn(facts, "DailyOutstandings", "Threshold");
  const inputs = `${named("ReceivablesComponent")}, ${named("EligibleInventory")}, ${named("OLVInPlaceValue")}, ${nrp}`;
  const asOfCell = `${AMOUNT}6`;
  const event = (days: number, at: (k: CertificateFigure) => string) =>
    `=KAISER.THRESHOLDEVENT(${column("DailyOutstandings", "Date")}, ${column("DailyOutstandings", "Outstandings")}, ${ownThreshold ? column("DailyOutstandings", "Threshold") : at("threshold")}, ${days}${holidays})`;

  const blocks: Block[] = [
    { heading: "Borrowing Base" },
    { key: "clauseA", label: "(a) Receivables component", section: "1.1(f)(a)", formula: () => `=${named("ReceivablesComponent")}` },
    { key: "eligibleInventory", label: "Eligible Inventory", section: "1.1(f)(b)", formula: () => `=${named("EligibleInventory")}` },
    {
      key: "clauseB",
      label: `(b) Inventory: the lesser of ${formatUsd(term("inventoryCap"))} and ${formatPercent(term("inventoryAdvanceRate"))} of Eligible Inventory (after an appraisal, also ${formatPercent(term("netRecoveryAdvanceRate"))} of the Net Recovery Percentage)`,
      section: "1.1(f)(b)",
      formula: () => `=KAISER.INVENTORYCOMPONENT(${named("EligibleInventory")}${nrp === "" ? "" : `, ${nrp}`})`,
    },
    {
      key: "clauseBLimit",
      label: "(b) The limit that binds",
      section: "1.1(f)(b)",
      formula: (at) => `=INDEX(KAISER.BORROWINGBASEDETAIL(${inputs}, ${at("ppeReductions")}), 2, 1)`,
      format: "General",
    },
    {
      key: "ppeBase",
      label: `(c) PPE base: the lesser of ${formatUsd(term("ppeCap"))} and ${formatPercent(term("ppeOlvRate"))} of the OLV In-Place Value of Eligible Fixed Assets`,
      section: "1.1(f)(c)",
      formula: () => `=KAISER.PPESUBCOMPONENT(${named("OLVInPlaceValue")})`,
    },
    {
      key: "ppeReductions",
      label: "(c) Less the cumulative PPE Subcomponent Reductions to the as-of date",
      section: "1.1(t)",
      formula: () =>
        `=KAISER.PPEREDUCTIONS(${named("OLVInPlaceValue")}, ${column("PPEEvents", "Date")}, ${column("PPEEvents", "Kind")}, ${column("PPEEvents", "Amount")}, ${asOfCell}${kbc === "" ? "" : `, ${kbc}`})`,
    },
    { key: "ppeSubcomponent", label: "(c) PPE Subcomponent, never less than zero", section: "1.1(f)(c)", formula: (at) => `=KAISER.PPESUBCOMPONENT(${named("OLVInPlaceValue")}, ${at("ppeReductions")})` },
    { key: "borrowingBase", label: "Borrowing Base: (a) + (b) + (c)", section: "1.1(f)", formula: (at) => `=KAISER.BORROWINGBASE(${inputs}, ${at("ppeReductions")})`, total: true },
    { heading: "Availability" },
    {
      key: "availabilityReserve",
      label: `Availability Reserve: the lesser of ${formatUsd(term("availabilityReserveCap"))} and ${formatPercent(term("availabilityReserveRate"))} of the Revolving Commitment Amount`,
      section: "1.1(e)",
      formula: () => `=KAISER.AVAILABILITYRESERVE(${named("RevolvingCommitmentAmount")})`,
    },
    { key: "outstandings", label: "Revolving Credit Outstandings", section: "1.1(aa)", formula: () => `=${named("RevolvingCreditOutstandings")}` },
    {
      key: "availability",
      label: "Availability (negative is an overadvance)",
      section: "1.1(e), R-AVAILABILITY",
      formula: (at) => `=KAISER.AVAILABILITY(${at("borrowingBase")}, ${at("outstandings")}, 0, ${named("RevolvingCommitmentAmount")})`,
      total: true,
    },
    { heading: "Threshold and Threshold Event" },
    { key: "threshold", label: `Threshold: ${formatPercent(term("thresholdRate"))} of clauses (a) and (b)`, section: "1.1(aa)", formula: (at) => `=KAISER.THRESHOLD(${named("ReceivablesComponent")}, ${at("clauseB")})` },
    { key: "headroom", label: "Headroom to the Threshold (negative: outstandings above it)", section: "1.1(aa)", formula: (at) => `=${at("threshold")}-${at("outstandings")}`, total: true },
    {
      key: "event5",
      label: `First Threshold Event on or before the as-of date (${termInt("thresholdEventDays")} Business Days)`,
      section: "1.1(aa)",
      formula: (at) => `=IF(ISNA(${at("event5Found")}), "None", IF(${at("event5Found")}<=${asOfCell}, ${at("event5Found")}, "None"))`,
      format: DATE_FORMAT,
    },
    {
      key: "event3",
      label: `First Threshold Event on or before the as-of date, for Section 9.2.4 (${termInt("thresholdEventDaysMinimumEbitda")} Business Days)`,
      section: "1.1(aa), 9.2.4",
      formula: (at) => `=IF(ISNA(${at("event3Found")}), "None", IF(${at("event3Found")}<=${asOfCell}, ${at("event3Found")}, "None"))`,
      format: DATE_FORMAT,
    },
    {
      key: "status",
      label: "Threshold Event status",
      section: "1.1(aa)",
      formula: (at) => `=IF(${at("event5")}="None", "No Threshold Event has occurred", "A Threshold Event has occurred")`,
      format: "General",
      total: true,
    },
  ];

  // Rows first, so a formula can refer to a line below it.
  const rowOf = new Map<CertificateFigure, number>();
  let row = FIRST_ROW;
  for (const b of blocks) {
    if ("heading" in b) row += row === FIRST_ROW ? 0 : 1;
    else rowOf.set(b.key, row);
    row++;
  }
  rowOf.set("event5Found", rowOf.get("event5") as number);
  rowOf.set("event3Found", rowOf.get("event3") as number);
  const at = (key: CertificateFigure): string => `${key === "event5Found" || key === "event3Found" ? HELPER : AMOUNT}${rowOf.get(key)}`;

  const cells: DesignCell[] = [
    { address: "A1", value: "Borrowing Base Certificate", role: "title" },
    { address: "A2", value: `${AMENDMENT} of ${COMPANY}, dated as of ${AMENDMENT_DATE_TEXT}`, role: "note" },
    { address: "A4", value: "Company", role: "label" },
    { address: `${AMOUNT}4`, value: COMPANY, role: "label" },
    { address: "A5", value: "Agent", role: "label" },
    { address: `${AMOUNT}5`, value: AGENT, role: "label" },
    { address: "A6", value: "As of (the date of determination)", role: "label" },
    { address: `${SECTION}6`, value: "1.1(aa)", role: "note" },
    options.asOf === undefined
      ? { address: asOfCell, value: null, formula: `=${named("AsOfDate")}`, figure: "asOfDate", numberFormat: DATE_FORMAT, role: "output" }
      : { address: asOfCell, value: options.asOf, figure: "asOfDate", numberFormat: DATE_FORMAT, role: "output" },
    { address: `${HELPER}7`, value: "Not printed: the first Threshold Event of the whole series (#N/A: none)", role: "note" },
  ];
  row = FIRST_ROW;
  for (const b of blocks) {
    if ("heading" in b) {
      if (row !== FIRST_ROW) row++;
      cells.push({ address: `${LABEL}${row}`, value: b.heading, role: "heading" });
      cells.push({ address: `${SECTION}${row}`, value: "Section", role: "heading" });
      cells.push({ address: `${AMOUNT}${row}`, value: "US dollars", role: "heading" });
      row++;
      continue;
    }
    cells.push({ address: `${LABEL}${row}`, value: b.label, role: "label" });
    cells.push({ address: `${SECTION}${row}`, value: b.section, role: "note" });
    cells.push({ address: at(b.key), value: null, formula: b.formula(at), figure: b.key, numberFormat: b.format ?? USD_FORMAT, role: b.total ? "output" : "label" });
    row++;
  }
  cells.push({ address: `${HELPER}${rowOf.get("event5")}`, value: null, formula: event(termInt("thresholdEventDays"), at), figure: "event5Found", numberFormat: DATE_FORMAT, role: "note" });
  cells.push({ address: `${HELPER}${rowOf.get("event3")}`, value: null, formula: event(termInt("thresholdEventDaysMinimumEbitda"), at), figure: "event3Found", numberFormat: DATE_FORMAT, role: "note" });

  row += 1;
  cells.push({ address: `${LABEL}${row}`, value: "Certification", role: "heading" });
  row++;
  cells.push({
    address: `${LABEL}${row}`,
    value: `The undersigned, a ${CERTIFYING_OFFICER} of the Company, certifies to the Agent and the Lenders that the information above is true and correct in all material respects as of the as-of date.`,
    role: "note",
  });
  row += 2;
  for (const line of ["By:", "Name:", `Title: ${CERTIFYING_OFFICER}`, "Date:"]) {
    cells.push({ address: `${LABEL}${row}`, value: line, role: "label" });
    cells.push({ address: `${AMOUNT}${row}`, value: "", role: "signature" });
    row += 2;
  }
  const lastRow = row - 1;

  return {
    sheet: CERTIFICATE_SHEET,
    cells,
    columnWidths: { A: 78, B: 20, C: 40, D: 3, E: 16 },
    charts: [],
    printArea: `A1:${AMOUNT}${lastRow}`,
    requires: requirements(cells.map((c) => c.formula ?? "")),
  };
}

/**
 * What each formula of the certificate shows, from the review's figures (recalc/) for the
 * certificate's as-of date: the cached results the .xlsx writer stores.
 *
 * @param figures - the recomputed figures, with the as-of date overridden when the certificate has its own
 * @param inputs - the named inputs the certificate shows as they are (Eligible Inventory, outstandings) and the as-of date
 */
export function certificateFigures(
  figures: readonly Figure[],
  inputs: { readonly asOfDate?: number; readonly eligibleInventory?: number; readonly revolvingCreditOutstandings?: number },
): Readonly<Record<CertificateFigure, CellValue>> {
  const f = (key: FigureKey) => figures.find((x) => x.key === key);
  const VALUE: CellValue = { error: "#VALUE!" };
  const amount = (key: FigureKey): CellValue => {
    const v = f(key)?.value;
    return typeof v === "number" ? v : VALUE;
  };
  const found = (key: FigureKey): CellValue => {
    const x = f(key);
    if (typeof x?.value === "number") return x.value;
    // No Threshold Event is a value of the review (Figure.noEvent), shown by KAISER.THRESHOLDEVENT as #N/A.
    return x?.noEvent === true ? { error: "#N/A" } : VALUE;
  };
  const onOrBefore = (raw: CellValue): CellValue => {
    if (typeof raw === "object" && raw !== null) return raw.error === "#N/A" ? "None" : raw;
    return inputs.asOfDate !== undefined && typeof raw === "number" ? (raw <= inputs.asOfDate ? raw : "None") : VALUE;
  };
  const clauseB = f("clauseB");
  const threshold = f("threshold")?.value;
  const out = inputs.revolvingCreditOutstandings;
  const event5Found = found("firstThresholdEvent");
  const event5 = onOrBefore(event5Found);
  const event3Found = found("firstThresholdEvent3");
  return {
    asOfDate: inputs.asOfDate ?? VALUE,
    clauseA: amount("clauseA"),
    eligibleInventory: inputs.eligibleInventory ?? VALUE,
    clauseB: amount("clauseB"),
    // KAISER.BORROWINGBASEDETAIL's second line: the clause (b) label with its section.
    clauseBLimit: typeof clauseB?.value === "number" ? `${clauseB.label} [${clauseB.section}]` : VALUE,
    ppeBase: amount("ppeBase"),
    ppeReductions: amount("ppeReductions"),
    ppeSubcomponent: amount("ppeSubcomponent"),
    borrowingBase: amount("borrowingBase"),
    availabilityReserve: amount("availabilityReserve"),
    outstandings: out ?? VALUE,
    availability: amount("availability"),
    threshold: amount("threshold"),
    headroom: typeof threshold === "number" && out !== undefined ? threshold - out : VALUE,
    event5Found,
    event5,
    event3Found,
    event3: onOrBefore(event3Found),
    status: typeof event5 === "object" && event5 !== null ? event5 : event5 === "None" ? "No Threshold Event has occurred" : "A Threshold Event has occurred",
  };
}

/**
 * The certificate's values: the review's figures for the certificate's as-of date — the Review's
 * own when the certificate is for the model's AsOfDate, else the calculation of the same inputs
 * with AsOfDate overridden (`reviewInputs`, as a scenario is computed; Reading R-CERT-ASOF).
 *
 * @param review - `review(snapshot)` of the model
 * @param asOf - the certificate's own as-of date (Excel serial), when it has one
 */
export function certificateValues(review: Review, asOf?: number): Readonly<Record<CertificateFigure, CellValue>> {
  const calculation: Calculation = asOf === undefined ? review : reviewInputs(review.inputs, { AsOfDate: asOf });
  const inputs = calculation.inputs;
  return certificateFigures(calculation.figures, {
    asOfDate: inputs.asOfDate.value,
    eligibleInventory: inputs.eligibleInventory.value?.toNumber(),
    revolvingCreditOutstandings: inputs.revolvingCreditOutstandings.value?.toNumber(),
  });
}
