/**
 * Random items for the proof of sameness of ANEEXCLUSIONS's exact fast path (src/engine/aneFast.ts)
 * and the decimal.js path (`aneItemExclusions`): whole dollars, cents, sub-cent values, values near
 * and beyond the bound of exactness (10^13 dollars), amounts exactly at the caps and splitting them,
 * across Fiscal Years and the window of May 31, 2004, in every category. Used by
 * test/engine/aneFast.test.ts (100,000 items, `npm test`) and bench/seriesScaling.bench.ts (1,000,000).
 */
import { dec } from "../src/engine/decimal";
import { ANE_CATEGORIES, ANE_ITEM_KEYS, AneCategorySpec, AneItem, aneItemExclusions } from "../src/engine/adjustedNetEarnings";
import { AneItemColumns, exclusionNumber, fastAneItemExclusions } from "../src/engine/aneFast";
import { serial } from "../src/engine/dates";
import { term, termDate } from "../src/engine/terms";
import { seeded } from "./exactRows";

/** The caps of 1.1(c) and its thresholds, in dollars, with halves and thirds (three thirds do not add up to a cap in doubles). */
function capMarks(): number[] {
  const out: number[] = [];
  for (const k of ANE_ITEM_KEYS) {
    const spec = (ANE_CATEGORIES as Record<string, AneCategorySpec | undefined>)[k];
    if (spec?.cap === undefined) continue;
    const cap = term(spec.cap);
    out.push(cap.toNumber(), cap.dividedBy(2).toNumber(), cap.dividedBy(4).toNumber(), cap.minus("0.01").toNumber(), cap.plus("0.01").toNumber(), cap.dividedBy(3).toNumber());
  }
  for (const k of ["aneCapitalAssetThreshold", "aneInvesteeCashAllowance"] as const) {
    const t = term(k);
    out.push(t.toNumber(), t.plus("0.01").toNumber(), t.minus("0.01").toNumber(), t.plus("0.001").toNumber());
  }
  return out;
}
const MARKS = capMarks();

/** Dates over Fiscal Years 2003 to 2007 and the landmarks: the window's last day and the next, and the year ends. */
const FIRST = serial(2003, 1, 1);
const SPAN = serial(2008, 1, 1) - FIRST;
const DATE_MARKS = [termDate("aneWindowAfter"), termDate("aneWindowAfter") + 1, serial(2004, 1, 1), serial(2004, 12, 31), serial(2005, 1, 1), serial(2003, 12, 31)];

/** One figure: `inexact` is the share of sub-cent and out-of-bound values in this batch. */
function randomFigure(rand: () => number, inexact: number): number {
  if (rand() < inexact) {
    const kind = rand();
    if (kind < 0.4) return rand() * 1e8; // sub-cent: an arbitrary double
    if (kind < 0.6) return Math.floor(rand() * 1e7) + Math.round(rand() * 1000) / 1000; // a tenth of a cent
    if (kind < 0.8) return [1e15, 1e20, 2 ** 53, 1.5e13 + 0.25][Math.floor(rand() * 4)]; // beyond the bound
    return 0.1 * Math.floor(rand() * 1000) + 0.2; // float sums: 0.30000000000000004
  }
  const kind = rand();
  if (kind < 0.25) return Math.floor(rand() * 3e7);
  if (kind < 0.5) return Math.round(rand() * 3e9) / 100;
  if (kind < 0.75) return MARKS[Math.floor(rand() * MARKS.length)];
  if (kind < 0.85) return (1e15 - 1 - Math.floor(rand() * 1000)) / 100; // just under the bound, whole cents
  if (kind < 0.9) return 0;
  return Math.floor(rand() * 1000) / 100;
}

/**
 * `n` random items in columns, checked as the adapter checks them (cash received only on INVESTEE
 * rows, book value with OLV In-Place Value only on IMPAIRMENT rows). `inexact`: the share of figures
 * the fast path cannot prove.
 */
export function randomAneItems(rand: () => number, n: number, inexact: number): AneItemColumns {
  const category = new Uint8Array(n);
  const date = new Float64Array(n);
  const amount = new Float64Array(n);
  const cashReceived = new Float64Array(n).fill(NaN);
  const bookValue = new Float64Array(n).fill(NaN);
  const olvInPlaceValue = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rand() * ANE_ITEM_KEYS.length);
    category[i] = k;
    // Many items on the same day: ties are broken by the order given.
    date[i] = rand() < 0.2 ? DATE_MARKS[Math.floor(rand() * DATE_MARKS.length)] : FIRST + Math.floor(rand() * SPAN);
    amount[i] = randomFigure(rand, inexact);
    if (ANE_ITEM_KEYS[k] === "INVESTEE" && rand() < 0.7) cashReceived[i] = randomFigure(rand, inexact);
    if (ANE_ITEM_KEYS[k] === "IMPAIRMENT" && rand() < 0.6) {
      bookValue[i] = rand() < 0.5 ? amount[i] + randomFigure(rand, inexact) : randomFigure(rand, inexact);
      olvInPlaceValue[i] = randomFigure(rand, inexact);
    }
  }
  return { category, date, amount, cashReceived, bookValue, olvInPlaceValue };
}

/** The items as the decimal.js path takes them: each number through `dec`, as the adapter's parser reads it. */
export function aneItemsOf(c: AneItemColumns): AneItem[] {
  const optional = (x: number) => (Number.isNaN(x) ? undefined : dec(x));
  return Array.from(c.amount, (a, i) => ({
    category: ANE_ITEM_KEYS[c.category[i]],
    date: c.date[i],
    amount: dec(a),
    cashReceived: optional(c.cashReceived[i]),
    bookValue: optional(c.bookValue[i]),
    olvInPlaceValue: optional(c.olvInPlaceValue[i]),
  }));
}

export interface AneSameness {
  readonly rows: number;
  /** Items the fast path answered. */
  readonly fast: number;
  /** Items whose fast-path number is not the decimal.js one, bit for bit. */
  readonly mismatches: number;
  readonly firstMismatch?: string;
}

/**
 * `rows` random items in batches of `batch` (one call each, as one workbook's column), a third of the
 * batches all in whole cents, a third with 1% inexact figures, a third with 20%; each batch's fast
 * result compared with `aneItemExclusions` on decimal.js, item by item, with `Object.is`.
 */
export function compareAneFastWithDecimal(rows: number, seed: number, batch = 200): AneSameness {
  const rand = seeded(seed);
  let fast = 0;
  let mismatches = 0;
  let firstMismatch: string | undefined;
  for (let done = 0; done < rows; done += batch) {
    const n = Math.min(batch, rows - done);
    const inexact = [0, 0.01, 0.2][Math.floor(rand() * 3)];
    const columns = randomAneItems(rand, n, inexact);
    const result = fastAneItemExclusions(columns);
    fast += result.fastItems;
    const exact = aneItemExclusions(aneItemsOf(columns)).map((x) => x.toNumber());
    for (let i = 0; i < n; i++) {
      const got = exclusionNumber(result, i);
      if (!Object.is(got, exact[i])) {
        mismatches++;
        firstMismatch ??= `${ANE_ITEM_KEYS[columns.category[i]]} ${columns.date[i]} ${columns.amount[i]}: fast ${got}, decimal.js ${exact[i]}`;
      }
    }
  }
  return { rows, fast, mismatches, firstMismatch };
}
