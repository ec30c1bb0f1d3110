/**
 * Section 1.1(c) on the exact fast path: `aneItemExclusions` in integer cents held in doubles, giving,
 * bit for bit, the numbers the decimal.js path gives, for every item whose figures can be proven
 * exact; the decimal.js path (`aneItemExclusions` itself) for every other item. The capped charges
 * are cumulative, so exactness is decided per cap (per bucket): a cap whose items are all proven
 * exact is used up in cents, any other cap on decimal.js with all its items. The result is the same
 * for every input, item by item.
 *
 * ## Why it is exact (the bound of exactness)
 *
 * 1. **Reading an item.** An amount, cash received, book value or OLV In-Place Value is read in
 *    cents with `cents(x)` (src/engine/exactFast.ts, step 1): x is taken only when decimal.js reads
 *    it as exactly m/100 with m a whole number below 10^15 (`MANTISSA_LIMIT`, amounts below 10^13
 *    dollars). The caps and thresholds of 1.1(c) are whole cents from the terms table (`termCents`).
 *    Every figure below is therefore an integer of magnitude below 10^15.
 *
 * 2. **Arithmetic.** Integer sums and differences are exact in doubles while their magnitude stays
 *    below 2^53 ≈ 9.007·10^15 (`SAFE`). Each step stays far inside it:
 *    - clause (l)'s exception min(C, max(0, V − (B − C))): |B − C| < 10^15, |V − (B − C)| < 2·10^15;
 *      the charge that counts, C − kept, lies in 0..C;
 *    - a cap's remainder starts at the cap (at most $400,000,000, 4·10^10 cents) and only falls, by
 *      parts at most the remainder itself, so it stays in 0..cap; a part is min(charge, remainder);
 *    - clause (a) compares whole cents with the threshold's cents (an exact integer comparison of
 *      the exact values, so the same answer as decimal.js's `greaterThan`);
 *    - clause (d): the earnings less the cash less the allowance lies above −2·10^15 and below 10^15.
 *    No step multiplies or divides, so none can leave the bound: the bound of exactness is the
 *    reading's, amounts below 10^13 dollars in whole cents.
 *
 * 3. **Writing the result.** decimal.js hands Excel `Number(its exact decimal string)`, the double
 *    nearest the exact value m/100 (ties to even). The fast path returns `m / 100`, one correctly
 *    rounded division of exact operands (m < 2^53, 100 exact): the same double. Zero is +0 on both
 *    paths (the adapters' `toOut` answers 0 for either zero).
 *
 * 4. **Order.** Reading R-ANE-ORDER uses each cap in date order, same date in the order given. Caps
 *    are independent of each other, so computing one cap's items apart (fast or decimal) in that
 *    order gives each item the remainder it has on the decimal path. The fast path orders by one
 *    numeric sort of `date · n + index` (both whole, date ≤ 2,958,465, so the key is exact while
 *    n < 3·10^9), which is date order with ties by index.
 *
 * The property test (test/engine/aneFast.test.ts) and `npm run bench` (bench/seriesScaling.bench.ts)
 * compare this path with the decimal.js path bit for bit (Object.is) over random rows.
 */
import { dec, Dec, ZERO } from "./decimal";
import {
  AdjustedNetEarnings,
  AdjustedNetEarningsInputs,
  adjustedNetEarningsWith,
  ANE_CATEGORIES,
  ANE_ITEM_KEYS,
  AneCategorySpec,
  aneEffect,
  AneItem,
  AneItemCategory,
  aneItemExclusions,
  fiscalPeriod,
} from "./adjustedNetEarnings";
import { serial, ymd } from "./dates";
import { cents, SAFE, termCents } from "./exactFast";
import { termDate, termInt } from "./terms";

/**
 * The items of `aneItemExclusions` as columns of numbers, one entry per item: what the fast path
 * reads, without a decimal per cell. The caller has already checked every item as `checkAneItem`
 * does (a column only where its category takes it, book value and OLV In-Place Value together, no
 * negative figure); a number here is the cell's own (−0 read as 0).
 */
export interface AneItemColumns {
  /** Index of each item's category in `ANE_ITEM_KEYS`. */
  readonly category: Uint8Array;
  /** Whole-day Excel serials. */
  readonly date: Float64Array;
  /** US dollars, at least 0. */
  readonly amount: Float64Array;
  /** INVESTEE items: cash received, US dollars; NaN where not given (0 on both paths). */
  readonly cashReceived: Float64Array;
  /** IMPAIRMENT items on an Eligible Fixed Asset: book value and OLV In-Place Value; NaN where not given. */
  readonly bookValue: Float64Array;
  readonly olvInPlaceValue: Float64Array;
}

/** What an item's category asks of the fast path, by index in `ANE_ITEM_KEYS`. */
const Rule = {
  /** A cap used up cumulatively over the whole term (after May 31, 2004) or one Fiscal Year. */
  CappedOnce: 0,
  /** A cap that starts again each Fiscal Year. */
  CappedEachYear: 1,
  /** No cap (clause (n)(v)). */
  Unlimited: 2,
  /** Clause (a): the whole amount above the threshold. */
  CapitalAsset: 3,
  /** Clause (d): the earnings above the cash received plus the allowance. */
  Investee: 4,
} as const;
type Rule = (typeof Rule)[keyof typeof Rule];

interface CategoryRule {
  readonly rule: Rule;
  /** The cap in cents (capped rules), else 0. */
  readonly capCents: number;
  /** The window: "afterMay2004", "fiscalYear2004", or none. */
  readonly window: "afterMay2004" | "fiscalYear2004" | undefined;
}

function ruleOf(category: AneItemCategory): CategoryRule {
  if (category === "CAPITALGAIN" || category === "CAPITALLOSS") return { rule: Rule.CapitalAsset, capCents: 0, window: undefined };
  if (category === "INVESTEE") return { rule: Rule.Investee, capCents: 0, window: undefined };
  const spec: AneCategorySpec = ANE_CATEGORIES[category];
  if (spec.cap === undefined || spec.window === "unlimited") return { rule: Rule.Unlimited, capCents: 0, window: undefined };
  const capCents = termCents(spec.cap);
  if (spec.window === "eachFiscalYear") return { rule: Rule.CappedEachYear, capCents, window: undefined };
  return { rule: Rule.CappedOnce, capCents, window: spec.window };
}

const RULES: readonly CategoryRule[] = ANE_ITEM_KEYS.map(ruleOf);
const CAPITAL_ASSET_THRESHOLD = termCents("aneCapitalAssetThreshold");
const INVESTEE_ALLOWANCE = termCents("aneInvesteeCashAllowance");
const CENTS_PER_DOLLAR = 100;
/** Whether each category's excluded part is added back or taken out, by index in `ANE_ITEM_KEYS`. */
const EFFECTS: readonly ("addBack" | "takeOut")[] = ANE_ITEM_KEYS.map(aneEffect);

/** A bucket of items that share one cap (or one item that shares nothing): whether all its items are exact. */
interface Bucket {
  readonly capCents: number;
  exact: boolean;
}

/**
 * The excluded part of each item (`aneItemExclusions`), as the numbers Excel receives.
 *
 * @param items - the items as columns (`AneItemColumns`), already checked
 * @returns `cents`: the excluded part in cents where the fast path answered, NaN where it did not;
 *   `decimal`: the decimal.js path's result at every index where `cents` is NaN; `fastItems`: how many
 *   items the fast path answered
 * @example fastAneItemExclusions(columnsOf([{ category: "LIFO", date: serial(2004, 6, 30), amount: 25000000 }])).cents[0] //=> 2000000000
 */
export function fastAneItemExclusions(items: AneItemColumns): { cents: Float64Array; decimal: (Dec | undefined)[]; fastItems: number } {
  const n = items.amount.length;
  const windowAfter = termDate("aneWindowAfter");
  const fy2004Start = serial(termInt("aneFiscalYear2004"), 1, 1);
  const fy2005Start = serial(termInt("aneFiscalYear2004") + 1, 1, 1);
  const out = new Float64Array(n).fill(NaN);
  const decimal: (Dec | undefined)[] = [];

  // Each item's bucket: one per capped category (whole term or FY 2004), one per category and year
  // (each Fiscal Year); −1 for an item that uses no cap (answered on its own).
  const buckets: Bucket[] = [];
  const onceBucket = new Int32Array(ANE_ITEM_KEYS.length).fill(-1);
  const yearBucket = new Map<number, number>();
  const bucketOf = new Int32Array(n);
  /** The charge that counts against the cap, in cents (after clause (l)'s exception), or −1 when not exact. */
  const charge = new Float64Array(n);
  let capped = 0;
  for (let i = 0; i < n; i++) {
    const k = items.category[i];
    const r = RULES[k];
    const a = cents(items.amount[i]);
    bucketOf[i] = -1;
    switch (r.rule) {
      case Rule.CapitalAsset:
        if (a >= 0) out[i] = a > CAPITAL_ASSET_THRESHOLD ? a : 0;
        continue;
      case Rule.Investee: {
        const given = items.cashReceived[i];
        const cash = Number.isNaN(given) ? 0 : cents(given);
        if (a >= 0 && cash >= 0) out[i] = Math.max(0, a - cash - INVESTEE_ALLOWANCE);
        continue;
      }
      case Rule.Unlimited:
        if (a >= 0) out[i] = a;
        continue;
      default:
        break;
    }
    const date = items.date[i];
    let b: number;
    if (r.rule === Rule.CappedEachYear) {
      const key = ymd(date).year * ANE_ITEM_KEYS.length + k;
      b = yearBucket.get(key) ?? -1;
      if (b < 0) yearBucket.set(key, (b = buckets.push({ capCents: r.capCents, exact: true }) - 1));
    } else {
      const inWindow = r.window === "afterMay2004" ? date > windowAfter : date >= fy2004Start && date < fy2005Start;
      if (!inWindow) {
        // Outside its window a charge is excluded 0, whatever its amount (and uses no cap).
        out[i] = 0;
        continue;
      }
      b = onceBucket[k];
      if (b < 0) onceBucket[k] = b = buckets.push({ capCents: r.capCents, exact: true }) - 1;
    }
    bucketOf[i] = b;
    capped++;
    const counted = a < 0 ? -1 : countedCharge(a, items.bookValue[i], items.olvInPlaceValue[i]);
    charge[i] = counted;
    if (counted < 0) buckets[b].exact = false;
  }

  // The exact caps, used up in date order (same date: the order given).
  const capItems = new Int32Array(capped);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const b = bucketOf[i];
    if (b >= 0 && buckets[b].exact) capItems[m++] = i;
  }
  const order = inDateOrder(capItems.subarray(0, m), items.date);
  const remaining = buckets.map((b) => b.capCents);
  for (let j = 0; j < m; j++) {
    const i = order[j];
    const b = bucketOf[i];
    const left = remaining[b];
    const part = charge[i] < left ? charge[i] : left;
    out[i] = part;
    remaining[b] = left - part;
  }

  // Everything else on decimal.js: the items of the inexact caps and the inexact items that use none, in the order given.
  const slow: AneItem[] = [];
  const slowIndex: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(out[i])) continue;
    slow.push(decimalItem(items, i));
    slowIndex.push(i);
  }
  if (slow.length > 0) {
    const results = aneItemExclusions(slow);
    for (let j = 0; j < slowIndex.length; j++) decimal[slowIndex[j]] = results[j];
  }
  return { cents: out, decimal, fastItems: n - slow.length };
}

/** A date span up to this many days more than the items is sorted by counting (an array of one count a day). */
const COUNTING_SORT_SLACK_DAYS = 4096;

/**
 * `indices` (ascending) in the order of their whole-day `dates`, same date in the order given. By
 * counting, in linear time, where the dates span at most `COUNTING_SORT_SLACK_DAYS` more days than
 * there are items (any real set of charges: a few Fiscal Years); else one numeric sort of the keys
 * `date · n + index`, exact integers below 2^53 for any serial in Excel's range and a column of
 * Excel's rows. (The sort made the per-item time grow with the items: log n.)
 */
function inDateOrder(indices: Int32Array, dates: Float64Array): ArrayLike<number> {
  const m = indices.length;
  if (m === 0) return indices;
  let first = Infinity;
  let last = -Infinity;
  for (let j = 0; j < m; j++) {
    const day = dates[indices[j]];
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (last - first + 1 <= m + COUNTING_SORT_SLACK_DAYS) {
    const starts = new Int32Array(last - first + 2);
    for (let j = 0; j < m; j++) starts[dates[indices[j]] - first + 1]++;
    for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
    const order = new Int32Array(m);
    for (let j = 0; j < m; j++) order[starts[dates[indices[j]] - first]++] = indices[j];
    return order;
  }
  const n = dates.length;
  const keys = new Float64Array(m);
  for (let j = 0; j < m; j++) keys[j] = dates[indices[j]] * n + indices[j];
  keys.sort();
  for (let j = 0; j < m; j++) keys[j] = keys[j] % n;
  return keys;
}

/**
 * The charge that counts against its cap, in cents: the amount less clause (l)'s exception (Reading
 * R-ANE-IMPAIRMENT-OLV) where the Eligible Fixed Asset is given; −1 when a figure is not exact.
 */
function countedCharge(amountCents: number, bookValue: number, olvInPlaceValue: number): number {
  if (Number.isNaN(bookValue)) return amountCents;
  const book = cents(bookValue);
  const olv = cents(olvInPlaceValue);
  if (book < 0 || olv < 0) return -1;
  const kept = Math.min(amountCents, Math.max(0, olv - (book - amountCents)));
  return amountCents - kept;
}

/** The item at `i` as the decimal.js path reads it: each number through `dec`, a NaN column as not given. */
function decimalItem(items: AneItemColumns, i: number): AneItem {
  const optional = (x: number): Dec | undefined => (Number.isNaN(x) ? undefined : dec(x));
  return {
    category: ANE_ITEM_KEYS[items.category[i]],
    date: items.date[i],
    amount: dec(items.amount[i]),
    cashReceived: optional(items.cashReceived[i]),
    bookValue: optional(items.bookValue[i]),
    olvInPlaceValue: optional(items.olvInPlaceValue[i]),
  };
}

/** The excluded part of item `i` as Excel receives it: cents over 100 on the fast path, the decimal's number otherwise. */
export function exclusionNumber(result: { cents: Float64Array; decimal: readonly (Dec | undefined)[] }, i: number): number {
  const c = result.cents[i];
  return !Number.isNaN(c) ? c / CENTS_PER_DOLLAR : (result.decimal[i] as Dec).toNumber();
}

/**
 * Section 1.1(c), `adjustedNetEarnings` with its items as columns (`AneItemColumns`): the same
 * figures. The exclusions come from `fastAneItemExclusions`. The sums of the period: when every item
 * counted is on the fast path and the running sum of cents stays below 2^53, the sum is that
 * integer over 100 (each term below 10^15 cents, so the decimal.js sum, at most 22 significant
 * digits, is exact too: the same value); otherwise each item's exact decimal is added in the order
 * given, as `adjustedNetEarnings` adds them.
 *
 * @throws as `adjustedNetEarnings`
 * @example fastAdjustedNetEarnings({ netEarnings: dec(-30000000), gains: [dec(200000)] }, pensionOf5000000).total //=> -25200000
 */
export function fastAdjustedNetEarnings(inputs: AdjustedNetEarningsInputs, items: AneItemColumns): AdjustedNetEarnings {
  const { start, end } = fiscalPeriod(inputs);
  const result = fastAneItemExclusions(items);
  const sums = { addBack: 0, takeOut: 0 };
  let exact = true;
  for (let i = 0; i < items.date.length && exact; i++) {
    if (items.date[i] < start || items.date[i] > end) continue;
    const c = result.cents[i];
    const effect = EFFECTS[items.category[i]];
    sums[effect] += c;
    // NaN (a decimal item) fails the test as well as a sum at or above 2^53.
    if (!(sums[effect] < SAFE)) exact = false;
  }
  if (exact) return adjustedNetEarningsWith(inputs, dec(sums.addBack).dividedBy(CENTS_PER_DOLLAR), dec(sums.takeOut).dividedBy(CENTS_PER_DOLLAR));
  let addBack = ZERO;
  let takeOut = ZERO;
  for (let i = 0; i < items.date.length; i++) {
    if (items.date[i] < start || items.date[i] > end) continue;
    const c = result.cents[i];
    const x = Number.isNaN(c) ? (result.decimal[i] as Dec) : dec(c).dividedBy(CENTS_PER_DOLLAR);
    if (EFFECTS[items.category[i]] === "addBack") addBack = addBack.plus(x);
    else takeOut = takeOut.plus(x);
  }
  return adjustedNetEarningsWith(inputs, addBack, takeOut);
}
