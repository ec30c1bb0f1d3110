/**
 * One pass over the item columns of KAISER.ANEEXCLUSIONS and KAISER.ADJNETEARNINGS for the exact fast
 * path (src/engine/aneFast.ts): categories, dates and figures read straight into typed columns, without
 * a decimal or a parsed-row object per cell.
 *
 * It takes only the plain case: a category as text, a date and an amount as numbers, each optional
 * column blank or a number, every cell valid and every column on a row whose category takes it (as
 * `checkAneItem` asks). For anything else it answers undefined, and the call goes the ordinary way,
 * which gives each bad row its own error and message ("amounts row 3: …").
 */
import { ANE_ITEM_KEYS } from "../../engine/adjustedNetEarnings";
import { AneItemColumns } from "../../engine/aneFast";
import { MAX_SERIAL, MIN_SERIAL } from "../../engine/dates";
import { asMatrix } from "./arrays";
import { basic, Cell, isBlank } from "./params";

const IMPAIRMENT = ANE_ITEM_KEYS.indexOf("IMPAIRMENT");
const INVESTEE = ANE_ITEM_KEYS.indexOf("INVESTEE");
const NOT_A_CATEGORY = -1;

/** A keyword cell as `keyword("categories", ANE_ITEM_KEYS)` reads it: its index, or −1. */
function categoryIndex(text: string): number {
  return ANE_ITEM_KEYS.indexOf(text.trim().toUpperCase() as (typeof ANE_ITEM_KEYS)[number]);
}

/** A required amount as `amount(...)` reads it (−0 is 0), or −1 when the ordinary reader must answer. */
function amountCell(v: Cell): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) return -1;
  return v === 0 ? 0 : v;
}

/** An optional amount: NaN when blank, the amount, or −1 when the ordinary reader must answer. */
function optionalAmountCell(v: Cell): number {
  return v === null || v === undefined || v === "" ? NaN : amountCell(v);
}

/**
 * Reads the six arguments (categories, dates, amounts, cashReceived, bookValues, olvInPlaceValues) as
 * the runtime passes them, straight from the ranges: amounts a column, every other argument a column
 * of its length or one cell for every row (as `parallelSeries` takes them, its trailing rows blank in
 * every column dropped); undefined when a shape, a cell or a row is not plain.
 *
 * @example readAneColumns([[["LIFO"]], [[38168]], [[15000000]], undefined, undefined, undefined])?.amount[0] //=> 15000000
 */
export function readAneColumns(args: readonly unknown[]): AneItemColumns | undefined {
  const matrices = args.map(asMatrix);
  const length = matrices[2].length;
  const columns: ((i: number) => Cell)[] = [];
  const series: Cell[][][] = [];
  for (const m of matrices) {
    if (m[0].length !== 1) return undefined;
    if (m.length === 1 && length !== 1) {
      const cell = m[0][0];
      columns.push(() => cell);
    } else if (m.length === length) {
      columns.push((i) => m[i][0]);
      series.push(m);
    } else return undefined;
  }
  let n = length;
  while (n > 0 && series.every((m) => isBlank(basic(m[n - 1][0])))) n--;
  if (n === 0) return undefined;
  const [categories, dates, amounts, cashReceived, bookValues, olvInPlaceValues] = columns;
  const category = new Uint8Array(n);
  const date = new Float64Array(n);
  const amount = new Float64Array(n);
  const cash = new Float64Array(n);
  const book = new Float64Array(n);
  const olv = new Float64Array(n);
  // Few distinct category texts in a column: each is looked up once.
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const text = categories(i);
    if (typeof text !== "string") return undefined;
    let k = seen.get(text);
    if (k === undefined) seen.set(text, (k = categoryIndex(text)));
    if (k === NOT_A_CATEGORY) return undefined;
    const day = dates(i);
    if (typeof day !== "number" || !(day >= MIN_SERIAL && day < MAX_SERIAL + 1)) return undefined;
    const a = amountCell(amounts(i));
    const c = optionalAmountCell(cashReceived(i));
    const b = optionalAmountCell(bookValues(i));
    const o = optionalAmountCell(olvInPlaceValues(i));
    if (a < 0 || c < 0 || b < 0 || o < 0) return undefined;
    // checkAneItem's rules: cash received on INVESTEE rows only; book value and OLV In-Place Value on IMPAIRMENT rows only, together.
    if (!Number.isNaN(c) && k !== INVESTEE) return undefined;
    if ((!Number.isNaN(b) || !Number.isNaN(o)) && (k !== IMPAIRMENT || Number.isNaN(b) || Number.isNaN(o))) return undefined;
    category[i] = k;
    date[i] = Math.floor(day);
    amount[i] = a;
    cash[i] = c;
    book[i] = b;
    olv[i] = o;
  }
  return { category, date, amount, cashReceived: cash, bookValue: book, olvInPlaceValue: olv };
}
