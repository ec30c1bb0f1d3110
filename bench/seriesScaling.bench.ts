/**
 * Issue 14, the series functions: per-row time at 10,000, 100,000 and 1,000,000 rows, one call each
 * through the adapter as Excel calls it, and the growth from 10,000 to 1,000,000 (goal: at most 1.5×);
 * then ANEEXCLUSIONS's exact fast path against decimal.js over 1,000,000 random items (mismatches,
 * and the share of items on the fast path).
 *
 * The PPE events here are all computed (Threshold Events on Business Days); bench/scaling.bench.ts's
 * put the fourth Threshold Event on a Saturday, so its schedules are error rows from row 12 on.
 * `KAISER_BENCH_ONLY=PPESCHEDULE,ANEEXCLUSIONS` runs only those.
 */
import { compareAneFastWithDecimal } from "./aneRows";
import { ANE_ITEM_KEYS } from "../src/engine/adjustedNetEarnings";
import { isBusinessDay } from "../src/engine/businessDays";
import { serial } from "../src/engine/dates";
import { adjNetEarnings, aneExclusions } from "../src/functions/adjustedNetEarnings";
import { lenderAllocation } from "../src/functions/lenders";
import { ppeReductions, ppeSchedule } from "../src/functions/ppeReduction";
import { cents, FLOAT_YARDSTICK, ppeEvents } from "./scaling.bench";
import { line, timesMs } from "./timing";

const SIZES = [10000, 100000, 1000000];


/** `n` items of Section 1.1(c) in all 14 categories, dated over 2004–2006 out of order, in whole cents. */
function aneItems(n: number): { categories: string[][]; dates: number[][]; amounts: number[][] } {
  return {
    categories: Array.from({ length: n }, (_, i) => [ANE_ITEM_KEYS[i % ANE_ITEM_KEYS.length]]),
    dates: Array.from({ length: n }, (_, i) => [serial(2004, 1, 1) + ((i * 7919) % 1096)]),
    amounts: cents(n, 1000, 1e6, 123457),
  };
}

/** `n` PPE events of every kind, three a day from 2004-09-01 (scaling.bench.ts's), a Threshold Event only on a Business Day (else a disposition). */
export function ppeScheduleEvents(n: number): { dates: number[][]; kinds: string[][]; amounts: number[][] } {
  const events = ppeEvents(n);
  events.kinds.forEach((kind, i) => {
    if (kind[0] === "THRESHOLDEVENT" && !isBusinessDay(events.dates[i][0])) kind[0] = "DISPOSITION";
  });
  return events;
}

type Series = { name: string; make: (n: number) => () => unknown };

const SERIES: Series[] = [
  FLOAT_YARDSTICK,
  {
    name: "ANEEXCLUSIONS",
    make: (n) => {
      const { categories, dates, amounts } = aneItems(n);
      return () => aneExclusions(categories, dates, amounts);
    },
  },
  {
    name: "ADJNETEARNINGS",
    make: (n) => {
      const { categories, dates, amounts } = aneItems(n);
      return () => adjNetEarnings(-30000000, categories, dates, amounts, [[200000]], serial(2005, 1, 1), serial(2005, 12, 31));
    },
  },
  {
    name: "LENDERALLOCATION",
    make: (n) => {
      const x = cents(n, 0, 2e6, 12345679);
      return () => lenderAllocation(x);
    },
  },
  ...(["PPESCHEDULE", "PPEREDUCTIONS"] as const).map(
    (name): Series => ({
      name,
      make: (n) => {
        const { dates, kinds, amounts } = ppeScheduleEvents(n);
        const fn = name === "PPESCHEDULE" ? ppeSchedule : ppeReductions;
        return () => fn(1000000000000, dates, kinds, amounts, null, 2000000);
      },
    }),
  ),
];

/** `KAISER_BENCH_ONLY=PPESCHEDULE,ANEEXCLUSIONS` runs only those (the float loop always). */
function only(all: Series[]): Series[] {
  const wanted = process.env.KAISER_BENCH_ONLY?.split(",");
  return wanted === undefined ? all : all.filter((s) => wanted.includes(s.name) || s.name.startsWith("float"));
}

export function run(): void {
  console.log("Series functions: per-row time, one call through the adapter (µs per row; 10,000: min of 15, 100,000: min of 5, 1,000,000: min of 3 after warm-up)");
  line("  function", "10,000 | 100,000 | 1,000,000 | growth | 1,000,000 rows");
  for (const s of only(SERIES)) {
    const perRow = SIZES.map((n) => {
      const t = timesMs(n === 1000000 ? 3 : n === 100000 ? 5 : 15, s.make(n));
      return { us: (t.min * 1000) / n, ms: t.min };
    });
    const growth = perRow[2].us / perRow[0].us;
    const whole = perRow[2].ms / 1000;
    line(`  ${s.name}`, `${perRow.map((p) => p.us.toFixed(2)).join(" | ")} | ${growth.toFixed(2)}x | ${whole.toFixed(2)} s${whole < 5 ? " (within 5 s)" : " (over 5 s)"}`);
  }
  if (process.env.KAISER_BENCH_ONLY === undefined || process.env.KAISER_BENCH_ONLY.includes("ANEEXCLUSIONS")) {
    const start = process.hrtime.bigint();
    const same = compareAneFastWithDecimal(1000000, 14);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    console.log("ANEEXCLUSIONS: exact fast path vs decimal.js, 1,000,000 random items in calls of 200 (bench/aneRows.ts)");
    line("  mismatches (bit for bit)", `${same.mismatches}${same.firstMismatch === undefined ? "" : ` (first: ${same.firstMismatch})`}`);
    line("  share of items on the fast path", `${((100 * same.fast) / same.rows).toFixed(1)} %`);
    line("  time for the comparison (both paths)", `${seconds.toFixed(1)} s`);
  }
}
