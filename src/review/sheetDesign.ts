/**
 * Sheets the add-in adds beside a model (the dashboard, the Borrowing Base Certificate) as pure
 * data: cells with labels and `KAISER.` formulas over the layout contract's names and tables, and
 * for the dashboard the charts. The Excel writers (src/workbook/insertDashboard.ts,
 * insertCertificate.ts) and the .xlsx writer (src/workbook/certificateXlsx.ts) lay out the same
 * design, so a formula is the same text wherever it is written.
 *
 * Formulas name the contract only through `named()` and `column()`, which check the name against
 * layout.ts when the design is built: a renamed input breaks the build of the design, not a
 * workbook. A design depends on a few facts of the workbook (`WorkbookFacts`): which optional
 * inputs exist (an absent optional input is left out of a formula, which then takes its default)
 * and whether DailyOutstandings carries its own Threshold column.
 */
import { ATTRIBUTABLE_COLUMNS, columnsMet, NAMED_CELLS, NamedCellName, SINGLE_ATTRIBUTABLE_COLUMN, TableName, TABLES } from "./layout";
import { findName, locateTable } from "./locate";
import type { CellValue, WorkbookSnapshot } from "./snapshot";
import type { TemplateCell } from "./template";

/** A cell of an added sheet: the model's cell shape, and the key of the figure it shows. */
export interface DesignCell extends Omit<TemplateCell, "figure" | "spill" | "role"> {
  /** The model's roles, and a signature line (a cell with a bottom border to sign on). */
  readonly role: TemplateCell["role"] | "signature";
  /** For a formula cell: the key of its value in the design's figures (certificate.ts, dashboard.ts). */
  readonly figure?: string;
  /** Rows × columns the formula spills to, when more than one cell (a spilled table). */
  readonly spill?: { readonly rows: number; readonly cols: number };
}

/** A range a chart reads: a data column of one of the model's tables, or cells of the added sheet. */
export type ChartSource = { readonly table: TableName; readonly column: string } | { readonly address: string };

export interface ChartSeries {
  readonly name: string;
  readonly values: ChartSource;
  /** Drawn as a line on a column chart (the Minimum EBITDA floor beside the EBITDA columns). */
  readonly asLine?: boolean;
}

/** A native Excel chart over the model's tables (Excel's chart API, `Excel.ChartType`). */
export interface ChartDesign {
  readonly title: string;
  readonly type: "Line" | "XYScatterLines" | "ColumnClustered";
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: string;
  readonly to: string;
  /** Category (x) values: dates. */
  readonly categories: ChartSource;
  readonly series: readonly ChartSeries[];
  readonly valueAxisTitle: string;
}

export interface SheetDesign {
  /** The sheet's name; the writers add " (2)", " (3)" … when it is taken. */
  readonly sheet: string;
  readonly cells: readonly DesignCell[];
  /** Column widths in characters, by column letters. */
  readonly columnWidths: Readonly<Record<string, number>>;
  readonly charts: readonly ChartDesign[];
  /** The print area, for a sheet meant to be printed on one page. */
  readonly printArea?: string;
  /** The contract's names and tables the formulas refer to, in the contract's order: each must exist. */
  readonly requires: { readonly names: readonly NamedCellName[]; readonly tables: readonly TableName[] };
}

/** What a design depends on in the workbook it is added to. */
export interface WorkbookFacts {
  /** The contract's named cells the workbook defines (case as in the contract). */
  readonly names: ReadonlySet<string>;
  /** The contract's tables the workbook has, with their column headers and data rows. */
  readonly tables: ReadonlyMap<string, { readonly columns: readonly string[]; readonly rows: number }>;
}

/** A named cell of the contract, for a formula; throws (at design time) when the contract has no such name. */
export function named(name: NamedCellName): string {
  if (!NAMED_CELLS.some((e) => e.name === name)) throw new Error(`the layout contract has no named cell ${name}`);
  return name;
}

/** `Table[Column]` of the contract, for a formula; throws when the contract has no such column. */
export function column(table: TableName, header: string): string {
  const t = TABLES.find((x) => x.table.name === table);
  if (t === undefined || !t.columns.some((c) => c.column === header)) throw new Error(`the layout contract has no column ${table}[${header}]`);
  return `${table}[${header}]`;
}

/** The facts of the model (template/) and of any workbook that has every input and table. */
export function fullFacts(rows: Partial<Record<TableName, number>> = {}): WorkbookFacts {
  return {
    names: new Set(NAMED_CELLS.map((e) => e.name)),
    tables: new Map(TABLES.map((t) => [t.table.name, { columns: t.columns.map((c) => c.column as string), rows: rows[t.table.name as TableName] ?? 1 }])),
  };
}

/**
 * The first input a design needs that the workbook lacks, as a user reads it ("the name
 * EligibleInventory", "the table PPEEvents", "the column Outstandings of the table
 * DailyOutstandings"); undefined when nothing is missing. Names before tables, in the contract's order.
 */
export function firstMissing(design: SheetDesign, facts: WorkbookFacts): string | undefined {
  for (const name of design.requires.names) if (!facts.names.has(name)) return `the name ${name}`;
  for (const table of design.requires.tables) {
    const t = facts.tables.get(table);
    if (t === undefined) return `the table ${table}`;
    const layout = TABLES.find((x) => x.table.name === table);
    // A superseded column that stands in (Dispositions[AttributableEBITDA]) counts for the columns it stands for.
    const missing = layout === undefined ? undefined : columnsMet(layout, t.columns).missing[0];
    if (missing !== undefined) return `the column ${missing.column} of the table ${table}`;
  }
  return undefined;
}

/** The names and tables a set of formulas refers to, in the contract's order. */
export function requirements(formulas: readonly string[]): SheetDesign["requires"] {
  const text = formulas.join("\n");
  const mentions = (name: string) => new RegExp(`(^|[^A-Za-z0-9_.\\[])${name}(?![A-Za-z0-9_])`).test(text);
  return {
    names: NAMED_CELLS.map((e) => e.name as NamedCellName).filter(mentions),
    tables: TABLES.map((t) => t.table.name as TableName).filter((t) => text.includes(`${t}[`)),
  };
}

/**
 * Contiguous columns of a contract table, `Table[[First]:[Last]]`, for a formula that takes them as
 * one block (the Attributable EBITDA Amounts, one per period); throws when the contract lacks one.
 */
export function columnSpan(table: TableName, first: string, last: string): string {
  column(table, first);
  column(table, last);
  return `${table}[[${first}]:[${last}]]`;
}

/**
 * The Dispositions columns of the Attributable EBITDA Amounts as the Minimum EBITDA functions take
 * them (Reading R-EBITDA-PERIOD-AMOUNT): the block of the three period columns where they stand side
 * by side in the table's order (the model, and any workbook without the table); the three put side by
 * side with CHOOSE where the workbook orders them otherwise; the earlier model's single column, used
 * for every period, where the workbook has only that one.
 */
export function attributableAmountsArgument(facts: WorkbookFacts): string {
  const columns = (facts.tables.get("Dispositions")?.columns ?? []).map((c) => c.trim().toLowerCase());
  const at = ATTRIBUTABLE_COLUMNS.map((c) => columns.indexOf(c.toLowerCase()));
  const block = columnSpan("Dispositions", ATTRIBUTABLE_COLUMNS[0], ATTRIBUTABLE_COLUMNS[ATTRIBUTABLE_COLUMNS.length - 1]);
  if (at.every((i) => i < 0) && columns.includes(SINGLE_ATTRIBUTABLE_COLUMN.toLowerCase())) return column("Dispositions", SINGLE_ATTRIBUTABLE_COLUMN);
  if (at.some((i) => i < 0) || at.every((i, k) => i === at[0] + k)) return block;
  const indices = ATTRIBUTABLE_COLUMNS.map((_, k) => k + 1).join(",");
  return `CHOOSE({${indices}}, ${ATTRIBUTABLE_COLUMNS.map((c) => column("Dispositions", c)).join(", ")})`;
}

/** A whole-column argument of the layout: present when the workbook has the column. */
export function hasColumn(facts: WorkbookFacts, table: TableName, header: string): boolean {
  return facts.tables.get(table)?.columns.some((c) => c.trim().toLowerCase() === header.toLowerCase()) ?? false;
}

/** The values a design's formula cells show, by figure key (for the .xlsx writer's cached results). */
export type DesignFigures = Readonly<Record<string, CellValue>>;

/** Excel's own unique sheet name: `base`, else `base (2)`, `base (3)` … (case-insensitive). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  // Among existing.length + 1 candidates one is free.
  for (let n = 2; n <= existing.length + 2; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
  throw new Error("unreachable: no free sheet name");
}

/** The facts of a workbook read as a snapshot (the CLI; the pane's .xlsx path). */
export function factsFromSnapshot(snapshot: WorkbookSnapshot): WorkbookFacts {
  const tables = new Map<string, { columns: string[]; rows: number }>();
  for (const t of TABLES) {
    const where = locateTable(snapshot, t.table.name);
    if (where !== undefined) tables.set(t.table.name, { columns: [...where.columns.keys()], rows: Math.max(0, where.lastRow - where.firstRow + 1) });
  }
  return { names: new Set(NAMED_CELLS.map((e) => e.name).filter((n) => findName(snapshot, n) !== undefined)), tables };
}
