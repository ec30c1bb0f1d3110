/**
 * Issue 14: per-row time of every heavy function at 10,000, 100,000 and 1,048,576 rows (a whole
 * Excel column), one call each through the adapter, and the growth from 10,000 to 1,048,576 (goal:
 * at most 1.5×). The time at 1,048,576 rows also says whether a whole column answers within Excel's
 * 5 seconds, and the last column what it answered (an element-wise whole column is too large for
 * Excel to receive, and says so at once). The float loop is the yardstick: its growth is what
 * memory alone costs a million rows (inputs and the result's row arrays no longer in cache).
 */
import { serial } from "../src/engine/dates";
import { appraisalTrigger } from "../src/functions/appraisal";
import { availability, availabilityReserve, borrowingBase, inventoryComponent, ppeSubcomponent, threshold } from "../src/functions/borrowingBase";
import { amendmentFee, commitmentFee } from "../src/functions/fees";
import { thresholdEvent, thresholdEvents } from "../src/functions/thresholdEvent";
import { thresholdStatus } from "../src/functions/thresholdStatus";
import { line, timesMs } from "./timing";

/** Excel's rows in one column. */
export const WHOLE_COLUMN = 1048576;
const SIZES = [10000, 100000, WHOLE_COLUMN];

/** A column of amounts in whole cents from `low`, spread over `span` dollars. */
export function cents(n: number, low: number, span: number, seed: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push([(low * 100 + ((i * seed) % (span * 100))) / 100]);
  return out;
}

export type Heavy = { name: string; make: (n: number) => () => unknown };

const START = serial(2004, 9, 1);

/** The yardstick: plain floating point building the same one-column result, to tell allocation from algorithm. */
export const FLOAT_YARDSTICK: Heavy = {
  name: "float loop (a + b, one column out)",
  make: (n) => {
    const [a, b] = [cents(n, 1e8, 1e8, 791903), cents(n, 6e7, 6e7, 10472917)];
    return () => {
      const out: number[][] = [];
      for (let i = 0; i < n; i++) out.push([a[i][0] + b[i][0]]);
      return out;
    };
  },
};

/** The element-wise heavy functions and THRESHOLDEVENT(S) and THRESHOLDSTATUS; the series functions are in seriesScaling.bench.ts. */
export const HEAVY: Heavy[] = [
  FLOAT_YARDSTICK,
  {
    name: "BORROWINGBASE",
    make: (n) => {
      const [a, inv, olv, red] = [cents(n, 1e8, 1e8, 791903), cents(n, 1.5e8, 1e8, 10472917), cents(n, 6e7, 6e7, 129970921), cents(n, 0, 1e7, 5000000)];
      const nrp = Array.from({ length: n }, (_, i) => [i % 2 === 0 ? null : (60 + (i % 31)) / 100]);
      return () => borrowingBase(a, inv, olv, nrp, red);
    },
  },
  { name: "INVENTORYCOMPONENT", make: (n) => { const inv = cents(n, 1.5e8, 1e8, 10472917); return () => inventoryComponent(inv); } },
  { name: "PPESUBCOMPONENT", make: (n) => { const [olv, red] = [cents(n, 6e7, 6e7, 129970921), cents(n, 0, 1e7, 5000000)]; return () => ppeSubcomponent(olv, red); } },
  { name: "THRESHOLD", make: (n) => { const [a, b] = [cents(n, 1e8, 1e8, 791903), cents(n, 6e7, 6e7, 10472917)]; return () => threshold(a, b); } },
  { name: "AVAILABILITY", make: (n) => { const [bb, o] = [cents(n, 2e8, 2e8, 791903), cents(n, 1e8, 2e8, 10472917)]; return () => availability(bb, o); } },
  { name: "AVAILABILITYRESERVE", make: (n) => { const c = cents(n, 1e8, 2e8, 791903); return () => availabilityReserve(c); } },
  { name: "AMENDMENTFEE", make: (n) => { const c = cents(n, 1e8, 2e8, 791903); return () => amendmentFee(c); } },
  {
    name: "COMMITMENTFEE",
    make: (n) => {
      const u = cents(n, 1e7, 2e8, 791903);
      const d = Array.from({ length: n }, (_, i) => [1 + (i % 92)]);
      return () => commitmentFee(u, d);
    },
  },
  { name: "APPRAISALTRIGGER", make: (n) => { const [o, bb] = [cents(n, 1e8, 2e8, 791903), cents(n, 2e8, 2e8, 10472917)]; return () => appraisalTrigger(o, bb); } },
  ...(["THRESHOLDEVENT", "THRESHOLDEVENTS", "THRESHOLDSTATUS"] as const).map(
    (name): Heavy => ({
      name,
      make: (n) => {
        const dates = Array.from({ length: n }, (_, i) => [START + i]);
        const outstandings = Array.from({ length: n }, (_, i) => [230000000 + ((i * 7919) % 10000000) + 0.25]);
        const thresholds = Array.from({ length: n }, (_, i) => [233750000 + ((i * 104729) % 2000000)]);
        const fn = name === "THRESHOLDEVENT" ? thresholdEvent : name === "THRESHOLDEVENTS" ? thresholdEvents : thresholdStatus;
        return () => fn(dates, outstandings, thresholds);
      },
    }),
  ),
];

/** `n` PPE events of every kind, three a day from 2004-09-01 (dates run past 3000 at a million); the fourth Threshold Event falls on a Saturday, so bench/ppeMemory.ts uses them for its error-row case. */
export function ppeEvents(n: number): { dates: number[][]; kinds: string[][]; amounts: number[][] } {
  const names = ["DISPOSITION", "THRESHOLDEVENT", "VALCO", "GRAMERCY", "INTERCOMPANY"];
  const dates: number[][] = [];
  const kinds: string[][] = [];
  const amounts: number[][] = [];
  for (let i = 0; i < n; i++) {
    dates.push([START + Math.floor(i / 3)]);
    kinds.push([names[i % names.length]]);
    amounts.push([(i % 7) * 1000.5]);
  }
  return { dates, kinds, amounts };
}

/** What one call answered: a spill, or the one #VALUE! of a result too large for Excel to receive. */
function answer(result: unknown): string {
  if (!Array.isArray(result) || result.length !== 1 || !Array.isArray(result[0]) || result[0].length !== 1) return "spill";
  const cell = result[0][0] as { code?: unknown; message?: unknown } | null;
  return typeof cell === "object" && cell !== null && typeof cell.message === "string" && cell.message.includes("too large for Excel") ? "too large (#VALUE!)" : "spill";
}

export function run(): void {
  console.log(
    `Per-row time of the heavy functions, one call through the adapter (µs per row; 10,000: min of 15, 100,000: min of 7, ${WHOLE_COLUMN.toLocaleString("en-US")}: min of 3)`,
  );
  console.log("  growth: per-row time at 1,048,576 over 10,000 (goal at most 1.5x); 100k/10k beside it, both sizes computed in full.");
  console.log("  A result too large for Excel whatever its cells (every element-wise whole column) is answered before computing: its 1,048,576 figure is that answer.");
  line("  function", "10,000 | 100,000 | 1,048,576 | growth (100k/10k) | whole column");
  for (const h of only(HEAVY)) {
    let last: unknown;
    const perRow = SIZES.map((n) => {
      const fn = h.make(n);
      const t = timesMs(n === WHOLE_COLUMN ? 3 : n === 100000 ? 7 : 15, () => (last = fn()));
      return { us: (t.min * 1000) / n, ms: t.min };
    });
    const growth = perRow[2].us / perRow[0].us;
    const growth100k = perRow[1].us / perRow[0].us;
    const whole = perRow[2].ms / 1000;
    line(
      `  ${h.name}`,
      `${perRow.map((p) => p.us.toFixed(2)).join(" | ")} | ${growth.toFixed(2)}x (${growth100k.toFixed(2)}x) | ${whole.toFixed(2)} s${whole < 5 ? " (within 5 s)" : " (over 5 s)"}, ${answer(last)}`,
    );
  }
}

/** `KAISER_BENCH_ONLY=PPESCHEDULE,THRESHOLDEVENT` runs only those. */
function only(all: Heavy[]): Heavy[] {
  const wanted = process.env.KAISER_BENCH_ONLY?.split(",");
  return wanted === undefined ? all : all.filter((h) => wanted.includes(h.name) || h.name.startsWith("float"));
}
