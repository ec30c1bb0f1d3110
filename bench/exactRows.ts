/**
 * Random rows for the proof of sameness of the exact fast path (src/engine/exactFast.ts) and the
 * decimal.js path: whole dollars, cents, sub-cent values, values near and beyond the bound of
 * exactness, and the amendment's caps and floors exactly. Used by test/engine/exactFast.test.ts
 * (100,000 rows, `npm test`) and bench/exactFast.bench.ts (1,000,000 rows).
 */
import { dec, Dec } from "../src/engine/decimal";
import * as bb from "../src/engine/borrowingBase";
import { appraisalTrigger } from "../src/engine/appraisal";
import { amendmentFee, commitmentFee } from "../src/engine/fees";
import { allocator, scheduleACommitments } from "../src/engine/lenders";
import * as fast from "../src/engine/exactFast";
import { term, TermKey } from "../src/engine/terms";

/** mulberry32: a small seeded generator, so every run sees the same rows. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AMOUNT_TERMS: TermKey[] = [
  "inventoryCap",
  "ppeCap",
  "availabilityReserveCap",
  "revolvingCommitmentAmount",
  "ppeClauseBFloor",
  "ppeThresholdEventReduction",
  "maximumLetterOfCreditAmount",
];

/** The amendment's caps and floors, and the inputs at which a rate meets a cap exactly or just misses it. */
function landmarks(): number[] {
  const out: number[] = AMOUNT_TERMS.map((k) => term(k).toNumber());
  const inventoryCap = term("inventoryCap");
  const olvForCap = term("ppeCap").dividedBy(term("ppeOlvRate"));
  out.push(olvForCap.toNumber(), olvForCap.plus("0.01").toNumber(), olvForCap.minus("0.01").toNumber());
  const inventoryForCap = inventoryCap.dividedBy(term("inventoryAdvanceRate"));
  for (const d of [inventoryForCap.toDecimalPlaces(2, Dec.ROUND_DOWN), inventoryForCap.toDecimalPlaces(2, Dec.ROUND_UP)]) out.push(d.toNumber());
  out.push(term("availabilityReserveCap").dividedBy(term("availabilityReserveRate")).toNumber());
  out.push(inventoryCap.plus("0.01").toNumber(), inventoryCap.minus("0.01").toNumber());
  // Outstandings at exactly 80% of a Borrowing Base of 300,000,000, and a cent either side.
  out.push(240000000, 240000000.01, 239999999.99);
  out.push(0, 0.01, 0.05, 0.5, 1);
  return out;
}

const MARKS = landmarks();

/** One amount: a mixture of every case the fast path must either prove or refuse. */
export function randomAmount(rand: () => number): number {
  const kind = rand();
  if (kind < 0.2) return Math.floor(rand() * 1e9);
  if (kind < 0.4) return Math.round(rand() * 1e11) / 100;
  if (kind < 0.5) return rand() * 1e9; // sub-cent: an arbitrary double
  if (kind < 0.55) return Math.round(rand() * 1e5) / 1000 + Math.floor(rand() * 1e8); // a tenth of a cent
  if (kind < 0.62) {
    // Near the bound of exactness: 10^13 dollars (10^15 cents), a cent either side, and 2^46 dollars.
    const near = [1e13, 2 ** 46, 2 ** 43, 9e12][Math.floor(rand() * 4)];
    return (Math.round(near * 100) + Math.floor(rand() * 2001) - 1000) / 100;
  }
  if (kind < 0.66) return [1e15, 1e20, 2 ** 53, 1.5e13 + 0.25][Math.floor(rand() * 4)]; // beyond it
  if (kind < 0.85) return MARKS[Math.floor(rand() * MARKS.length)];
  if (kind < 0.9) return 0.1 * Math.floor(rand() * 1000) + 0.2; // float sums: 0.30000000000000004
  if (kind < 0.93) return -0;
  if (kind < 0.95) return -Math.round(rand() * 1e8) / 100;
  return Math.floor(rand() * 1000) / 100;
}

/** A Net Recovery Percentage: blank, 2, 4 or 6 places, an arbitrary double, 0 or 1, or outside 0..1. */
export function randomFraction(rand: () => number): number | undefined {
  const kind = rand();
  if (kind < 0.3) return undefined;
  if (kind < 0.55) return Math.round(rand() * 100) / 100;
  if (kind < 0.7) return Math.round(rand() * 1e4) / 1e4;
  if (kind < 0.8) return Math.round(rand() * 1e6) / 1e6;
  if (kind < 0.9) return rand();
  if (kind < 0.95) return [0, 1, -0, 0.85, 0.65][Math.floor(rand() * 5)];
  return [1.5, -0.1, 1.0000000000000002][Math.floor(rand() * 3)];
}

/** Days of a commitment fee period, and its day-count basis. */
function randomDays(rand: () => number): number {
  const kind = rand();
  if (kind < 0.8) return Math.floor(rand() * 400);
  if (kind < 0.9) return Math.floor(rand() * 1e7);
  return [1e12, 0.5, -0, 1e15][Math.floor(rand() * 4)];
}
function randomBasis(rand: () => number): number {
  const kind = rand();
  if (kind < 0.7) return [360, 365, 366][Math.floor(rand() * 3)];
  return Math.floor(rand() * 368);
}

type Answer = number | boolean | number[];

/** The decimal.js answer as Excel receives it, or "error" when the decimal path throws. */
function viaDecimal(compute: () => Dec | boolean | Dec[]): Answer | "error" {
  try {
    const v = compute();
    return typeof v === "boolean" ? v : Array.isArray(v) ? v.map((x) => x.toNumber()) : v.toNumber();
  } catch {
    return "error";
  }
}

/** Bit for bit: `Object.is` on numbers (0 and −0 differ), element by element on a row of shares. */
function same(a: Answer | "error", b: Answer): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}

const SCHEDULE_A = scheduleACommitments();
const SPLIT = allocator(SCHEDULE_A);
const FAST_SPLIT = fast.fastAllocator(SCHEDULE_A);
/** Commitments of other shapes: cents, a zero, one Lender. */
const OTHER_COMMITMENTS = [[dec("1000000.50"), dec(0), dec("2500000.25")], [dec(1)], [dec(3), dec(3), dec(3)]];

const fraction = (x: number | undefined): fast.ExactFraction | undefined | null => (x === undefined ? null : fast.exactFraction(x));
const decOf = (x: number | undefined): Dec | undefined => (x === undefined ? undefined : dec(x));

type Case = (rand: () => number) => { fast: Answer | undefined; exact: () => Dec | boolean | Dec[]; inputs: unknown[] };

/** One case per fast-path function: random inputs, the fast answer, and the decimal.js computation. */
export const CASES: Record<string, Case> = {
  BORROWINGBASE: (rand) => {
    const [a, i, o, n, r] = [randomAmount(rand), randomAmount(rand), randomAmount(rand), randomFraction(rand), rand() < 0.5 ? 0 : randomAmount(rand)];
    const f = fraction(n);
    return {
      inputs: [a, i, o, n, r],
      fast: f === undefined ? undefined : fast.fastBorrowingBase(a, i, o, f ?? undefined, r),
      exact: () => bb.borrowingBase({ receivablesComponent: dec(a), eligibleInventory: dec(i), olvInPlaceValue: dec(o), netRecoveryPercentage: decOf(n), ppeSubcomponentReductions: dec(r) }).total,
    };
  },
  INVENTORYCOMPONENT: (rand) => {
    const [i, n] = [randomAmount(rand), randomFraction(rand)];
    const f = fraction(n);
    return { inputs: [i, n], fast: f === undefined ? undefined : fast.fastInventoryComponent(i, f ?? undefined), exact: () => bb.inventoryComponent(dec(i), decOf(n)).amount };
  },
  PPESUBCOMPONENT: (rand) => {
    const [o, r] = [randomAmount(rand), randomAmount(rand)];
    return { inputs: [o, r], fast: fast.fastPpeSubcomponent(o, r), exact: () => bb.ppeSubcomponent(dec(o), dec(r)) };
  },
  THRESHOLD: (rand) => {
    const [a, b] = [randomAmount(rand), rand() < 0.5 ? randomAmount(rand) : bb.inventoryComponent(dec(randomAmount(rand))).amount.toNumber()];
    return { inputs: [a, b], fast: fast.fastThreshold(a, b), exact: () => bb.threshold(dec(a), dec(b)) };
  },
  AVAILABILITYRESERVE: (rand) => {
    const c = randomAmount(rand);
    return { inputs: [c], fast: fast.fastAvailabilityReserve(c), exact: () => bb.availabilityReserve(dec(c)) };
  },
  AVAILABILITY: (rand) => {
    const [b, o, other, c] = [randomAmount(rand), randomAmount(rand), rand() < 0.5 ? 0 : randomAmount(rand), rand() < 0.5 ? term("revolvingCommitmentAmount").toNumber() : randomAmount(rand)];
    return { inputs: [b, o, other, c], fast: fast.fastAvailability(b, o, other, c), exact: () => bb.availability(dec(b), dec(o), dec(other), dec(c)) };
  },
  AMENDMENTFEE: (rand) => {
    const c = randomAmount(rand);
    return { inputs: [c], fast: fast.fastAmendmentFee(c), exact: () => amendmentFee(dec(c)) };
  },
  COMMITMENTFEE: (rand) => {
    const [u, d, basis] = [randomAmount(rand), randomDays(rand), randomBasis(rand)];
    return { inputs: [u, d, basis], fast: fast.fastCommitmentFee(u, d, basis), exact: () => commitmentFee(dec(u), d, basis) };
  },
  APPRAISALTRIGGER: (rand) => {
    const [o, b] = [randomAmount(rand), randomAmount(rand)];
    return { inputs: [o, b], fast: fast.fastAppraisalTrigger(o, b), exact: () => appraisalTrigger(dec(o), dec(b)) };
  },
  LENDERALLOCATION: (rand) => {
    const x = rand() < 0.2 ? Math.round(rand() * 1e9) / 1e4 : randomAmount(rand);
    if (rand() < 0.8) return { inputs: [x], fast: FAST_SPLIT?.(x), exact: () => SPLIT(dec(x)) };
    const commitments = OTHER_COMMITMENTS[Math.floor(rand() * OTHER_COMMITMENTS.length)];
    return { inputs: [x, commitments.join("/")], fast: fast.fastAllocator(commitments)?.(x), exact: () => allocator(commitments)(dec(x)) };
  },
};

export interface Sameness {
  readonly rows: number;
  /** Rows the fast path answered. */
  readonly fast: number;
  /** Rows where the fast path answered and its answer is not the decimal.js one, bit for bit. */
  readonly mismatches: number;
  readonly firstMismatch?: string;
}

/**
 * Runs one case over `rows` random rows and compares: a fast answer must be `Object.is` the decimal.js
 * number (so 0 and −0 differ), and the decimal.js path must not throw where the fast path answered.
 */
export function compareFastWithDecimal(name: string, rows: number, seed: number): Sameness {
  const rand = seeded(seed);
  const make = CASES[name];
  let fastRows = 0;
  let mismatches = 0;
  let firstMismatch: string | undefined;
  for (let k = 0; k < rows; k++) {
    const row = make(rand);
    if (row.fast === undefined) continue;
    fastRows++;
    const exact = viaDecimal(row.exact);
    if (!same(exact, row.fast)) {
      mismatches++;
      firstMismatch ??= `${name}(${row.inputs.map(String).join(", ")}): fast ${String(row.fast)}, decimal.js ${String(exact)}`;
    }
  }
  return { rows, fast: fastRows, mismatches, firstMismatch };
}
