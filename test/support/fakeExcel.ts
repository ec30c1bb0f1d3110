/**
 * Test helper: a small in-memory Excel behind the subset of the Excel JavaScript API that the
 * workbook adapters use, built on office-addin-mock. Every object whose properties the adapters
 * read (names, tables, worksheets, ranges, the application) is an `OfficeMockObject`, so a property
 * read before `load` and `context.sync()` gives office-addin-mock's "not loaded" / "not synced"
 * error instead of a value; collections throw when `items` is read before its load was synced.
 * The context counts its syncs and records every range read.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1, CellValue, eachCell, isCellError, parseRange, qualified, RangeRef, WorkbookSnapshot } from "../../src/review/snapshot";

export interface FakeSheet {
  name: string;
  /** Dense grid from A1: Excel-style values ("" for blank, error text for errors). */
  values: unknown[][];
  types: string[][];
  formulas: unknown[][];
  formats: string[][];
}

export interface FakeName {
  name: string;
  type: string;
  formula: string;
  comment?: string;
}

export interface FakeTable {
  name: string;
  sheet: string;
  address: string;
  showHeaders: boolean;
  showTotals: boolean;
  columns: string[];
}

export interface FakeState {
  sheets: FakeSheet[];
  names: FakeName[];
  tables: FakeTable[];
  calculationMode: string;
  activeSheet?: string;
  /** Column widths set, by sheet and column letters. */
  widths: Record<string, number>;
  /** Font and fill set on cells, by "Sheet!A1". */
  styles: Record<string, Record<string, unknown>>;
  /** Charts added (Insert dashboard), in order. */
  charts?: FakeChart[];
  /** Page setup by sheet name (Insert Borrowing Base Certificate). */
  pageLayouts?: Record<string, Record<string, unknown>>;
}

export interface FakeChart {
  sheet: string;
  type: string;
  /** The address of the range the chart was created from. */
  source: string;
  title?: string;
  from?: string;
  to?: string;
  valueAxisTitle?: string;
  legend?: string;
  series: { name?: string; values?: string; xValues?: string; chartType?: string }[];
}

export function emptyState(): FakeState {
  return { sheets: [{ name: "Sheet1", values: [], types: [], formulas: [], formats: [] }], names: [], tables: [], calculationMode: "Automatic", widths: {}, styles: {} };
}

function typeOf(value: CellValue): string {
  if (value === null) return "Empty";
  if (isCellError(value)) return "Error";
  if (typeof value === "boolean") return "Boolean";
  if (typeof value === "number") return "Double";
  return "String";
}

function excelValue(value: CellValue): unknown {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  return value;
}

/** A fake Excel holding what a snapshot describes (names typed "Range" or "Error" as Excel types them). */
export function stateFromSnapshot(snapshot: WorkbookSnapshot, calculationMode = "Automatic"): FakeState {
  const state: FakeState = { sheets: [], names: [], tables: [], calculationMode, widths: {}, styles: {} };
  for (const s of snapshot.sheets) {
    const sheet: FakeSheet = { name: s.name, values: [], types: [], formulas: [], formats: [] };
    eachCell(s, (row, col, { value: v, formula: f, numberFormat }) => {
      setFakeCell(sheet, row, col, { value: excelValue(v), type: typeOf(v), formula: f ?? excelValue(v), format: numberFormat });
    });
    state.sheets.push(sheet);
  }
  for (const n of snapshot.names) state.names.push({ name: n.name, type: n.address === undefined ? (/#REF!/.test(n.formula) ? "Error" : "Double") : "Range", formula: n.formula });
  for (const t of snapshot.tables) state.tables.push({ name: t.name, sheet: t.sheet, address: t.address, showHeaders: t.showHeaders, showTotals: t.showTotals ?? false, columns: [...(t.columns ?? [])] });
  return state;
}

export function setFakeCell(sheet: FakeSheet, row: number, col: number, cell: { value?: unknown; type?: string; formula?: unknown; format?: string }): void {
  while (sheet.values.length <= row) {
    sheet.values.push([]);
    sheet.types.push([]);
    sheet.formulas.push([]);
    sheet.formats.push([]);
  }
  if (cell.value !== undefined) sheet.values[row][col] = cell.value;
  if (cell.type !== undefined) sheet.types[row][col] = cell.type;
  if (cell.formula !== undefined) sheet.formulas[row][col] = cell.formula;
  if (cell.format !== undefined) sheet.formats[row][col] = cell.format;
}

/** The used range of a fake sheet: the bounds of every cell with content or a format; A1 when empty. */
function usedBounds(sheet: FakeSheet): RangeRef {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < sheet.values.length; r++) {
    const width = Math.max(sheet.values[r]?.length ?? 0, sheet.formulas[r]?.length ?? 0, sheet.formats[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const v = sheet.values[r]?.[c];
      const f = sheet.formulas[r]?.[c];
      const fmt = sheet.formats[r]?.[c];
      if ((v === undefined || v === "") && (f === undefined || f === "") && (fmt === undefined || fmt === "General")) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
  }
  if (bottom < 0) return { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } };
  return { start: { row: top, col: left }, end: { row: bottom, col: right } };
}

function intersect(a: RangeRef, b: RangeRef): RangeRef | undefined {
  const start = { row: Math.max(a.start.row, b.start.row), col: Math.max(a.start.col, b.start.col) };
  const end = { row: Math.min(a.end.row, b.end.row), col: Math.min(a.end.col, b.end.col) };
  return start.row > end.row || start.col > end.col ? undefined : { start, end };
}

function addressOf(sheet: string, r: RangeRef): string {
  const single = r.start.row === r.end.row && r.start.col === r.end.col;
  return qualified(sheet, single ? a1(r.start.row, r.start.col) : `${a1(r.start.row, r.start.col)}:${a1(r.end.row, r.end.col)}`);
}

export interface RangeRead {
  readonly sheet: string;
  readonly rows: number;
  readonly columns: number;
}

export interface FakeContext {
  readonly context: Excel.RequestContext;
  readonly syncs: () => number;
  /** Ranges whose values were read (non-null), in the order queued. */
  readonly reads: RangeRead[];
  /** Calls that change the workbook, in order ("add sheet Amendment Model", "add name AsOfDate" …). */
  readonly changes: string[];
}

type Mock = OfficeMockObject & Record<string, unknown>;

/** A collection: `load("items/x,items/y/z")` loads those properties on each item; `items` is readable only after a sync. */
class FakeCollection {
  private loadedAtSync = -1;
  constructor(
    private readonly fake: { syncCount: number },
    private readonly makeItems: () => Mock[],
    extra: Record<string, unknown> = {},
  ) {
    Object.assign(this, extra);
  }
  private current: Mock[] = [];
  load(properties: string): this {
    this.current = this.makeItems();
    const paths = properties
      .split(",")
      .map((p) => p.trim())
      .map((p) => {
        if (!p.startsWith("items/")) throw new Error(`fake collection: load "${p}" without items/`);
        return p.slice("items/".length);
      });
    for (const item of this.current) item.load(paths.join(","));
    this.loadedAtSync = this.fake.syncCount;
    return this;
  }
  get items(): Mock[] {
    if (this.loadedAtSync < 0) throw new Error("fake collection: items read before load");
    if (this.fake.syncCount <= this.loadedAtSync) throw new Error("fake collection: items read before context.sync()");
    return this.current;
  }
}

/** A fake `Excel.RequestContext` over the state. */
export function fakeContext(state: FakeState): FakeContext {
  const fake = { syncCount: 0 };
  const mocks: OfficeMockObject[] = [];
  const reads: RangeRead[] = [];
  const changes: string[] = [];
  const mock = (data: Record<string, unknown>, plain: Record<string, unknown> = {}): Mock => {
    const m = new OfficeMockObject(data as never) as Mock;
    Object.assign(m, plain);
    mocks.push(m);
    return m;
  };
  /** A range read: a mock with the cells' data, or a null object. */
  const readRange = (sheet: FakeSheet, bounds: RangeRef | undefined): Mock => {
    if (bounds === undefined) return mock({ address: "", values: [], valueTypes: [], formulas: [], numberFormat: [] }, { isNullObject: true });
    const rows = (pick: (r: number, c: number) => unknown) =>
      Array.from({ length: bounds.end.row - bounds.start.row + 1 }, (_, i) => Array.from({ length: bounds.end.col - bounds.start.col + 1 }, (_, j) => pick(bounds.start.row + i, bounds.start.col + j)));
    reads.push({ sheet: sheet.name, rows: bounds.end.row - bounds.start.row + 1, columns: bounds.end.col - bounds.start.col + 1 });
    return mock(
      {
        address: addressOf(sheet.name, bounds),
        values: rows((r, c) => sheet.values[r]?.[c] ?? ""),
        valueTypes: rows((r, c) => sheet.types[r]?.[c] ?? "Empty"),
        formulas: rows((r, c) => sheet.formulas[r]?.[c] ?? sheet.values[r]?.[c] ?? ""),
        numberFormat: rows((r, c) => sheet.formats[r]?.[c] ?? "General"),
      },
      { isNullObject: false },
    );
  };

  /** A range to write to (Insert model). */
  const writeRange = (sheet: FakeSheet, bounds: RangeRef): Record<string, unknown> => {
    const each = (grid: unknown[][], set: (r: number, c: number, v: unknown) => void) => {
      if (grid.length !== bounds.end.row - bounds.start.row + 1 || grid.some((row) => row.length !== bounds.end.col - bounds.start.col + 1)) {
        throw new Error(`fake: ${grid.length}-row array written to ${addressOf(sheet.name, bounds)}`);
      }
      grid.forEach((row, i) => row.forEach((v, j) => set(bounds.start.row + i, bounds.start.col + j, v)));
    };
    const style = (key: string, value: unknown) => {
      for (let r = bounds.start.row; r <= bounds.end.row; r++) {
        for (let c = bounds.start.col; c <= bounds.end.col; c++) {
          const cell = qualified(sheet.name, a1(r, c));
          state.styles[cell] = { ...(state.styles[cell] ?? {}), [key]: value };
        }
      }
    };
    const font: Record<string, unknown> = {};
    for (const key of ["bold", "italic", "size", "color"]) Object.defineProperty(font, key, { set: (v: unknown) => style(`font.${key}`, v) });
    const fill: Record<string, unknown> = {};
    Object.defineProperty(fill, "color", { set: (v: unknown) => style("fill.color", v) });
    const borders = { getItem: (edge: string) => Object.defineProperty({}, "style", { set: (v: unknown) => style(`border.${edge}`, v) }) };
    const format: Record<string, unknown> = { font, fill, borders };
    Object.defineProperty(format, "columnWidth", {
      set: (v: number) => {
        state.widths[`${sheet.name}!${a1(0, bounds.start.col).replace(/\d+/, "")}`] = v;
      },
    });
    const range: Record<string, unknown> = {
      format,
      getOffsetRange: (dr: number, dc: number) => writeRange(sheet, { start: { row: bounds.start.row + dr, col: bounds.start.col + dc }, end: { row: bounds.end.row + dr, col: bounds.end.col + dc } }),
      getResizedRange: (dr: number, dc: number) => writeRange(sheet, { start: bounds.start, end: { row: bounds.end.row + dr, col: bounds.end.col + dc } }),
      address: addressOf(sheet.name, bounds),
    };
    Object.defineProperty(range, "values", {
      set: (grid: unknown[][]) =>
        each(grid, (r, c, v) => {
          const type = v === "" || v === null ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
          setFakeCell(sheet, r, c, { value: v, type, formula: v });
        }),
    });
    Object.defineProperty(range, "formulas", {
      // A formula's result is not computed here: the fake shows it blank, as before a recalculation.
      set: (grid: unknown[][]) =>
        each(grid, (r, c, v) => {
          setFakeCell(sheet, r, c, { value: "", type: "Empty", formula: v });
          changes.push(`formula ${a1(r, c)}`);
        }),
    });
    Object.defineProperty(range, "numberFormat", { set: (grid: unknown[][]) => each(grid, (r, c, v) => setFakeCell(sheet, r, c, { format: String(v) })) });
    return range;
  };

  const parseAddress = (address: string): RangeRef => {
    const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
    if (whole) {
      const col = (parseRange(`${whole[1]}1`) as RangeRef).start.col;
      return { start: { row: 0, col }, end: { row: 1048575, col } };
    }
    const r = parseRange(address);
    if (r === undefined) throw new Error(`fake: bad address ${address}`);
    return r;
  };

  const sheetObject = (sheet: FakeSheet): Mock =>
    mock(
      { name: sheet.name },
      {
        getUsedRange: () => {
          const used = usedBounds(sheet);
          return { getIntersectionOrNullObject: (band: { bounds: RangeRef }) => readRange(sheet, intersect(used, band.bounds)) };
        },
        getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => ({ bounds: { start: { row, col }, end: { row: row + rows - 1, col: col + cols - 1 } } }),
        getRange: (address: string) => writeRange(sheet, parseAddress(address)),
        tables: {
          add: (address: string, hasHeaders: boolean) => {
            const bounds = parseAddress(address);
            const table: FakeTable = {
              name: `Table${state.tables.length + 1}`,
              sheet: sheet.name,
              address,
              showHeaders: hasHeaders,
              showTotals: false,
              columns: Array.from({ length: bounds.end.col - bounds.start.col + 1 }, (_, j) => String(sheet.values[bounds.start.row]?.[bounds.start.col + j] ?? "")),
            };
            state.tables.push(table);
            changes.push(`add table at ${sheet.name}!${address}`);
            const handle: Record<string, unknown> = {};
            Object.defineProperty(handle, "name", {
              set: (v: string) => {
                table.name = v;
                changes.push(`name table ${v}`);
              },
            });
            return handle;
          },
        },
        activate: () => {
          state.activeSheet = sheet.name;
        },
        charts: {
          add: (type: string, source: { address: string }, _seriesBy: string) => {
            const chart: FakeChart = { sheet: sheet.name, type, source: source.address, series: [{ values: source.address }] };
            (state.charts ??= []).push(chart);
            changes.push(`add chart ${type}`);
            return fakeChart(chart);
          },
        },
        pageLayout: pageLayoutOf(sheet.name),
      },
    );

  /** A table's data rows (below the header, above any totals row) as bounds. */
  const bodyOf = (t: FakeTable, col?: number): RangeRef => {
    const r = parseAddress(t.address);
    const start = { row: r.start.row + (t.showHeaders ? 1 : 0), col: col === undefined ? r.start.col : r.start.col + col };
    const end = { row: r.end.row - (t.showTotals ? 1 : 0), col: col === undefined ? r.end.col : r.start.col + col };
    return { start, end };
  };
  const rangeName = (sheet: string, b: RangeRef) => qualified(sheet, `${a1(b.start.row, b.start.col)}:${a1(b.end.row, b.end.col)}`);
  const tableObject = (t: FakeTable): Mock =>
    mock(
      { name: t.name, showHeaders: t.showHeaders, showTotals: t.showTotals, worksheet: { name: t.sheet } },
      {
        getRange: () => {
          // The whole table as Excel reads it (values, its first row); getRow writes one of its rows.
          const b = parseAddress(t.address);
          const sheet = state.sheets.find((s) => s.name === t.sheet) as FakeSheet;
          const values = Array.from({ length: b.end.row - b.start.row + 1 }, (_, r) => Array.from({ length: b.end.col - b.start.col + 1 }, (_, c) => sheet.values[b.start.row + r]?.[b.start.col + c] ?? ""));
          return mock(
            { address: qualified(t.sheet, t.address), values, rowIndex: b.start.row },
            {
              getRow: (i: number) => {
                changes.push(`write row ${i} of table ${t.name}`);
                return writeRange(sheet, { start: { row: b.start.row + i, col: b.start.col }, end: { row: b.start.row + i, col: b.end.col } });
              },
            },
          );
        },
        rows: {
          // Excel inserts the row: the cells under the table, in its columns, move down one row.
          add: (_index: number | undefined, grid: unknown[][]) => {
            const b = parseAddress(t.address);
            const sheet = state.sheets.find((s) => s.name === t.sheet) as FakeSheet;
            const at = b.end.row + 1;
            for (let r = sheet.values.length; r > at; r--) {
              for (let c = b.start.col; c <= b.end.col; c++) {
                setFakeCell(sheet, r, c, { value: sheet.values[r - 1]?.[c] ?? "", type: sheet.types[r - 1]?.[c] ?? "Empty", formula: sheet.formulas[r - 1]?.[c] ?? "" });
              }
            }
            grid[0].forEach((v, c) => setFakeCell(sheet, at, b.start.col + c, { value: v, type: typeof v === "number" ? "Double" : v === "" ? "Empty" : "String", formula: v }));
            t.address = `${a1(b.start.row, b.start.col)}:${a1(at, b.end.col)}`;
            changes.push(`add row to table ${t.name}`);
          },
        },
        getDataBodyRange: () => {
          const b = bodyOf(t);
          return mock({ address: rangeName(t.sheet, b), rowCount: b.end.row - b.start.row + 1 });
        },
        columns: new FakeCollection(
          fake,
          () => t.columns.map((c) => mock({ name: c })),
          {
            getItem: (name: string) => {
              const index = t.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
              if (index < 0) throw new Error(`fake: table ${t.name} has no column ${name}`);
              return { getDataBodyRange: () => ({ address: rangeName(t.sheet, bodyOf(t, index)) }) };
            },
          },
        ),
      },
    );

  /** A chart handle: every property written is recorded on the fake chart. */
  const fakeChart = (chart: FakeChart): Record<string, unknown> => {
    const recorder = (set: (v: string) => void) => Object.defineProperty({}, "text", { set });
    const seriesHandle = (s: FakeChart["series"][number]) => {
      const handle: Record<string, unknown> = {
        setValues: (r: { address: string }) => {
          s.values = r.address;
        },
        setXAxisValues: (r: { address: string }) => {
          s.xValues = r.address;
        },
      };
      Object.defineProperty(handle, "name", { set: (v: string) => (s.name = v) });
      Object.defineProperty(handle, "chartType", { set: (v: string) => (s.chartType = v) });
      return handle;
    };
    const handle: Record<string, unknown> = {
      title: recorder((v) => (chart.title = v)),
      setPosition: (from: string, to: string) => {
        chart.from = from;
        chart.to = to;
      },
      axes: { valueAxis: { title: recorder((v) => (chart.valueAxisTitle = v)) } },
      legend: Object.defineProperty({}, "position", { set: (v: string) => (chart.legend = v) }),
      series: {
        getItemAt: (i: number) => seriesHandle(chart.series[i]),
        add: (name: string) => {
          const s = { name };
          chart.series.push(s);
          return seriesHandle(s);
        },
      },
    };
    return handle;
  };

  const pageLayoutOf = (sheetName: string): Record<string, unknown> => {
    // Recorded when first set, so reading a sheet leaves the state as it was.
    const layout = () => ((state.pageLayouts ??= {})[sheetName] ??= {});
    const handle: Record<string, unknown> = {
      setPrintArea: (address: string) => {
        layout().printArea = address;
      },
    };
    for (const key of ["orientation", "centerHorizontally", "zoom"]) Object.defineProperty(handle, key, { set: (v: unknown) => (layout()[key] = v) });
    return handle;
  };

  const workbook = {
    application: mock({ calculationMode: state.calculationMode }),
    worksheets: new FakeCollection(fake, () => state.sheets.map(sheetObject), {
      add: (name: string) => {
        const sheet: FakeSheet = { name, values: [], types: [], formulas: [], formats: [] };
        state.sheets.push(sheet);
        changes.push(`add sheet ${name}`);
        return sheetObject(sheet);
      },
    }),
    names: new FakeCollection(fake, () => state.names.map((n) => mock({ name: n.name, type: n.type, formula: n.formula })), {
      add: (name: string, range: { address: string }, comment?: string) => {
        const ref = /^(.*)!([A-Z]+)(\d+)$/.exec(range.address) as RegExpExecArray;
        state.names.push({ name, type: "Range", formula: `=${ref[1]}!$${ref[2]}$${ref[3]}`, comment });
        changes.push(`add name ${name}`);
      },
    }),
    tables: new FakeCollection(fake, () => state.tables.map(tableObject), {
      getItem: (name: string) => {
        const t = state.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (t === undefined) throw new Error(`fake: no table ${name}`);
        return tableObject(t);
      },
    }),
  };

  const context = {
    workbook,
    sync: async () => {
      fake.syncCount++;
      for (const m of mocks) await m.sync();
      await Promise.resolve();
    },
  };
  return { context: context as unknown as Excel.RequestContext, syncs: () => fake.syncCount, reads, changes };
}
