/**
 * The exact fast path: the hot element-wise computations of the amendment in integer arithmetic
 * held in doubles, giving, bit for bit, the number the decimal.js path gives, for the rows where that
 * can be proven; `undefined` for every other row, which then takes the decimal.js path.
 *
 * ## Why it is exact (the bound of exactness)
 *
 * 1. **Reading an input.** decimal.js reads a JavaScript number through its shortest round-trip
 *    string (`dec(x)`, `src/engine/decimal.ts`). `fixedPoint(x, p)` takes `m = round(x·10^p)` and
 *    accepts x only when `m / 10^p === x` and `m < 10^15`. The division is one correctly rounded
 *    IEEE operation on exact operands (m < 2^53, 10^p exact for p ≤ 22), so x is the double nearest
 *    m/10^p. A decimal of at most 15 significant digits survives the round trip decimal → double →
 *    15 digits (DBL_DIG = 15 for IEEE doubles), so two such decimals never round to the same double,
 *    and the shortest string of x (at most as long as m/10^p) is m/10^p itself. Hence decimal.js
 *    reads x as exactly m/10^p. Amounts are read in cents (p = 2): any amount of whole cents below
 *    10^13 dollars takes the fast path; sub-cent amounts, amounts of 10^13 dollars or more, negative
 *    zero, negatives, text and blanks do not.
 *
 * 2. **Arithmetic.** Every figure is kept as an integer mantissa M at a fixed scale s (the value
 *    is M/10^s). The amendment's rates are read from the terms table as integer units over a power
 *    of ten (`0.65` = 65/10^2, `0.00875` = 875/10^5). Products, sums and differences of integers are
 *    exact in doubles while their magnitude stays below 2^53. Every quantity here is a non-negative
 *    product or sum, or a difference of two exact non-negative quantities, and rounding is monotone:
 *    a true value at or above 2^53 is computed at or above 2^53. So one check of the result against
 *    2^53 (`SAFE`) proves every step before it exact, and a `min` whose winner is below 2^53 chose the
 *    true minimum (a candidate whose true value is smaller would be exact and smaller). Signed
 *    results (Availability) bound each operand by 2^51 instead, so no partial sum leaves ±2^53.
 *
 * 3. **Writing the result.** decimal.js hands Excel `Number(its exact decimal string)`, the double
 *    nearest the exact value (ties to even). The fast path returns `M / 10^s`, one correctly rounded
 *    division of exact operands: the double nearest M/10^s, ties to even. The same double.
 *
 * 4. **Division (the commitment fee).** `x / basis` is not exact in decimal: decimal.js rounds it to
 *    40 significant digits (half up) and then to a double. The fast path divides once, M / (basis·10^s),
 *    giving the double nearest the exact quotient v. The two agree: v = M/D with D = basis·10^s; a
 *    rounding boundary between doubles near v is μ = odd·2^(e−54) (e the binary exponent of v), so
 *    v ≠ μ implies |v − μ| ≥ 2^(e−54)/D, while 40-digit rounding moves v by at most 10^−39·2^e,
 *    which is smaller while D < 10^39/2^54 ≈ 5.5·10^22 (here D ≤ 366·10^7). And v = μ would make v a
 *    dyadic rational with at most 25 significant decimal digits, which 40-digit rounding leaves as
 *    it is. So the 40-digit value and v round to the same double.
 *
 * The property test (test/engine/exactFast.test.ts) and `npm run bench` compare this path with the
 * decimal.js path bit for bit (Object.is) over random rows mixing every case above.
 */
import { Dec } from "./decimal";
import { term, TermKey } from "./terms";

/** 2^53: an integer-valued double below it is exact, and so is every integer operation whose result is. */
export const SAFE = 2 ** 53;
/** Signed figures: each operand below 2^51, so a sum or difference of four stays below 2^53. */
const SIGNED_OPERAND_LIMIT = 2 ** 51;
/** Mantissas of at most 15 significant digits: the DBL_DIG bound of step 1. */
export const MANTISSA_LIMIT = 1e15;
/** Fractions (the Net Recovery Percentage) are read at 2, 4 or 6 decimal places (a reading at p places is also one at any more). */
export const FRACTION_MAX_PLACES = 6;
const FRACTION_PLACES = [2, 4, FRACTION_MAX_PLACES] as const;
const CENT_PLACES = 2;

/** 10^0 .. 10^22, each exact in a double. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A rate of the amendment as integer units over a power of ten: value = units / 10^places. */
export interface ExactRate {
  readonly units: number;
  readonly places: number;
}

/** A term as an exact rate (from the terms table, never a literal). */
export function exactRate(key: TermKey): ExactRate {
  return rateOf(term(key));
}

function rateOf(value: Dec): ExactRate {
  const places = value.decimalPlaces();
  const units = value.times(POW10[places]).toNumber();
  if (!Number.isSafeInteger(units) || places > 10) throw new Error(`term ${value.toString()} has no exact fast-path form`);
  return { units, places };
}

/** A US-dollar term in whole cents. */
export function termCents(key: TermKey): number {
  const cents = term(key).times(POW10[CENT_PLACES]);
  if (!cents.isInteger() || !Number.isSafeInteger(cents.toNumber())) throw new Error(`term ${key} is not a whole number of cents`);
  return cents.toNumber();
}

/**
 * The integer m with m / 10^places exactly the decimal decimal.js reads `x` as (step 1 above), or −1
 * when there is none that can be proven: not a number, negative, negative zero, more decimal places,
 * or 15 significant digits exceeded.
 *
 * @example fixedPoint(1234.56, 2) //=> 123456
 * @example fixedPoint(0.1 + 0.2, 2) //=> -1 (decimal.js reads 0.30000000000000004)
 */
export function fixedPoint(x: unknown, places: number): number {
  if (typeof x !== "number") return -1;
  // Zero is read as 0, −0 (decimal.js keeps its sign) and negatives are refused, NaN fails both tests.
  if (!(x > 0)) return x === 0 && 1 / x > 0 ? 0 : -1;
  const m = Math.round(x * POW10[places]);
  return m < MANTISSA_LIMIT && m / POW10[places] === x ? m : -1;
}

/** An amount in whole cents (−1 when not provably exact). */
export function cents(x: unknown): number {
  return fixedPoint(x, CENT_PLACES);
}

/** A fraction in 0..1 as units over 10^places, read exactly (places 2, 4 or 6). */
export interface ExactFraction {
  readonly units: number;
  readonly places: number;
}

/** The fractions of two places, read once: a percentage of a whole percent allocates nothing per row. */
const WHOLE_PERCENTS: readonly ExactFraction[] = Array.from({ length: 101 }, (_, units) => Object.freeze({ units, places: 2 }));

/** The fraction decimal.js reads `x` as, exactly, or undefined (also outside 0..1). */
export function exactFraction(x: unknown): ExactFraction | undefined {
  if (typeof x !== "number" || !(x <= 1)) return undefined;
  const percent = fixedPoint(x, 2);
  if (percent >= 0) return WHOLE_PERCENTS[percent];
  for (const places of FRACTION_PLACES) {
    const units = fixedPoint(x, places);
    if (units >= 0) return { units, places };
  }
  return undefined;
}

// ---- the amendment's figures, from the terms table ----

const INVENTORY_CAP = termCents("inventoryCap");
const INVENTORY_RATE = exactRate("inventoryAdvanceRate");
const NET_RECOVERY_RATE = exactRate("netRecoveryAdvanceRate");
const PPE_CAP = termCents("ppeCap");
const PPE_RATE = exactRate("ppeOlvRate");
const RESERVE_CAP = termCents("availabilityReserveCap");
const RESERVE_RATE = exactRate("availabilityReserveRate");
const THRESHOLD_RATE = exactRate("thresholdRate");
const AMENDMENT_FEE = exactRate("amendmentFeeFactor");
const COMMITMENT_FEE = exactRate("commitmentFeeRate");
const APPRAISAL_RATE = exactRate("appraisalTriggerRate");

// ---- clause (b), clause (c) and the Borrowing Base (Section 1.1(f)) ----

/**
 * The multipliers that bring clause (b)'s candidates, clause (a) and clause (c) to one scale, for
 * Eligible Inventory in cents and a Net Recovery Percentage of `places` decimal places (−1: none).
 * Each is an exact integer (a rate's units times a power of ten); computed once per places.
 */
interface ClauseBScale {
  /** The cap of clause (b) as a mantissa at clause (b)'s scale. */
  readonly cap: number;
  /** Eligible Inventory cents times this: the advance-rate candidate. */
  readonly advance: number;
  /** Eligible Inventory cents times the NRP units times this: the Net Recovery candidate. */
  readonly recovery: number;
  /** Clause (b)'s scale: the value is mantissa / 10^scale. */
  readonly scale: number;
  /** For the Borrowing Base: clause (a) cents, clause (b) and clause (c) mantissas times these reach `totalDivisor`. */
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly totalDivisor: number;
}

/** Section 1.1(f)(c): the PPE Subcomponent's scale, 2 + places of the OLV rate. */
const CLAUSE_C_SCALE = CENT_PLACES + PPE_RATE.places;

function clauseBScale(places: number): ClauseBScale {
  const scale = CENT_PLACES + (places < 0 ? INVENTORY_RATE.places : Math.max(INVENTORY_RATE.places, places + NET_RECOVERY_RATE.places));
  const total = Math.max(scale, CLAUSE_C_SCALE);
  return {
    cap: INVENTORY_CAP * POW10[scale - CENT_PLACES],
    advance: INVENTORY_RATE.units * POW10[scale - CENT_PLACES - INVENTORY_RATE.places],
    recovery: places < 0 ? 0 : NET_RECOVERY_RATE.units * POW10[scale - CENT_PLACES - places - NET_RECOVERY_RATE.places],
    scale,
    a: POW10[total - CENT_PLACES],
    b: POW10[total - scale],
    c: POW10[total - CLAUSE_C_SCALE],
    totalDivisor: POW10[total],
  };
}

/** Index 0: no Net Recovery Percentage; index p + 1: one of p places. */
const CLAUSE_B_SCALES: readonly ClauseBScale[] = Array.from({ length: FRACTION_MAX_PLACES + 2 }, (_, i) => clauseBScale(i - 1));

/**
 * Section 1.1(f)(b), clause (b) as a mantissa at `k.scale`: the least of the cap, the advance rate on
 * Eligible Inventory and (with a Net Recovery Percentage) its share of that percentage, in the order
 * of the text as `inventoryComponent` takes them. Exact when below 2^53 (step 2); the caller checks.
 */
function clauseB(inventoryCents: number, nrp: ExactFraction | undefined, k: ClauseBScale): number {
  let best = k.cap;
  const advance = inventoryCents * k.advance;
  if (advance < best) best = advance;
  if (nrp !== undefined) {
    const recovery = inventoryCents * nrp.units * k.recovery;
    if (recovery < best) best = recovery;
  }
  return best;
}

const PPE_CAP_MANTISSA = PPE_CAP * POW10[PPE_RATE.places];
const PPE_REDUCTION_SHIFT = POW10[PPE_RATE.places];

/** Section 1.1(f)(c): the PPE Subcomponent as a mantissa at `CLAUSE_C_SCALE`, exact (the base is at most the cap). */
function clauseC(olvCents: number, reductionsCents: number): number {
  const base = Math.min(PPE_CAP_MANTISSA, olvCents * PPE_RATE.units);
  const reductions = reductionsCents * PPE_REDUCTION_SHIFT;
  return base > reductions ? base - reductions : 0;
}

/**
 * Section 1.1(f)(b) on the fast path: `inventoryComponent(dec(eligibleInventory), nrp).amount.toNumber()`.
 *
 * @param netRecoveryPercentage - the fraction, or undefined before a satisfactory appraisal
 * @returns the same number, or undefined when the row must take the decimal.js path
 * @example fastInventoryComponent(150000000, undefined) //=> 97500000
 */
export function fastInventoryComponent(eligibleInventory: unknown, netRecoveryPercentage: ExactFraction | undefined): number | undefined {
  const inventory = cents(eligibleInventory);
  if (inventory < 0) return undefined;
  const k = CLAUSE_B_SCALES[netRecoveryPercentage === undefined ? 0 : netRecoveryPercentage.places + 1];
  const b = clauseB(inventory, netRecoveryPercentage, k);
  return b < SAFE ? b / POW10[k.scale] : undefined;
}

/**
 * Section 1.1(f)(c) on the fast path: `ppeSubcomponent(dec(olv), dec(reductions)).toNumber()`.
 *
 * @example fastPpeSubcomponent(80000000, 15000000) //=> 25000000
 */
export function fastPpeSubcomponent(olvInPlaceValue: unknown, reductions: unknown): number | undefined {
  const olv = cents(olvInPlaceValue);
  const less = cents(reductions);
  if (olv < 0 || less < 0) return undefined;
  return clauseC(olv, less) / POW10[CLAUSE_C_SCALE];
}

/**
 * Section 1.1(f) on the fast path: `borrowingBase({...}).total.toNumber()`, clause (a) plus (b) plus (c).
 *
 * @example fastBorrowingBase(150000000, 200000000, 80000000, undefined, 0) //=> 315000000
 */
export function fastBorrowingBase(
  receivablesComponent: unknown,
  eligibleInventory: unknown,
  olvInPlaceValue: unknown,
  netRecoveryPercentage: ExactFraction | undefined,
  reductions: unknown,
): number | undefined {
  const a = cents(receivablesComponent);
  const inventory = cents(eligibleInventory);
  const olv = cents(olvInPlaceValue);
  const less = cents(reductions);
  if (a < 0 || inventory < 0 || olv < 0 || less < 0) return undefined;
  const k = CLAUSE_B_SCALES[netRecoveryPercentage === undefined ? 0 : netRecoveryPercentage.places + 1];
  // Every term is a non-negative exact product or an exact clause (c): one check proves the sum (step 2).
  const total = a * k.a + clauseB(inventory, netRecoveryPercentage, k) * k.b + clauseC(olv, less) * k.c;
  return total < SAFE ? total / k.totalDivisor : undefined;
}

// ---- Threshold, Availability Reserve, Availability (Sections 1.1(aa), 1.1(e)) ----

/**
 * Section 1.1(aa) on the fast path: `threshold(dec(a), dec(b)).toNumber()`; undefined also when clause (b)
 * is above its cap (the decimal.js path answers that #NUM!).
 *
 * @example fastThreshold(150000000, 125000000) //=> 233750000
 */
export function fastThreshold(receivablesComponent: unknown, inventoryComponent: unknown): number | undefined {
  const a = cents(receivablesComponent);
  const b = cents(inventoryComponent);
  if (a < 0 || b < 0 || b > INVENTORY_CAP) return undefined;
  const m = (a + b) * THRESHOLD_RATE.units;
  return m < SAFE ? m / POW10[CENT_PLACES + THRESHOLD_RATE.places] : undefined;
}

/** Section 1.1(e): the reserve as a mantissa at scale 2 + places of its rate. */
function reserve(commitmentCents: number): number {
  return Math.min(RESERVE_CAP * POW10[RESERVE_RATE.places], commitmentCents * RESERVE_RATE.units);
}
const RESERVE_SCALE = CENT_PLACES + RESERVE_RATE.places;

/**
 * Section 1.1(e) on the fast path: `availabilityReserve(dec(rca)).toNumber()`.
 *
 * @example fastAvailabilityReserve(200000000) //=> 20000000
 */
export function fastAvailabilityReserve(revolvingCommitmentAmount: unknown): number | undefined {
  const rca = cents(revolvingCommitmentAmount);
  if (rca < 0) return undefined;
  // The lesser of the cap and the share is at most the cap, far below 2^53.
  return reserve(rca) / POW10[RESERVE_SCALE];
}

/**
 * Availability (Reading R-AVAILABILITY) on the fast path: `availability(dec(bb), dec(o), dec(r), dec(rca)).toNumber()`, signed.
 *
 * @example fastAvailability(315000000, 150000000, 0, 200000000) //=> 50000000
 */
export function fastAvailability(borrowingBase: unknown, outstandings: unknown, otherReserves: unknown, revolvingCommitmentAmount: unknown): number | undefined {
  const bb = cents(borrowingBase);
  const o = cents(outstandings);
  const other = cents(otherReserves);
  const rca = cents(revolvingCommitmentAmount);
  if (bb < 0 || o < 0 || other < 0 || rca < 0) return undefined;
  const shift = POW10[RESERVE_RATE.places];
  const bbM = bb * shift;
  const oM = o * shift;
  const otherM = other * shift;
  const rcaM = rca * shift;
  if (bbM >= SIGNED_OPERAND_LIMIT || oM >= SIGNED_OPERAND_LIMIT || otherM >= SIGNED_OPERAND_LIMIT || rcaM >= SIGNED_OPERAND_LIMIT) return undefined;
  const base = bbM - reserve(rca) - otherM;
  return (Math.min(rcaM, base) - oM) / POW10[RESERVE_SCALE];
}

// ---- fees (Sections 5(d), 1.3) ----

/**
 * Section 5(d) on the fast path: `amendmentFee(dec(rca)).toNumber()`.
 *
 * @example fastAmendmentFee(200000000) //=> 1750000
 */
export function fastAmendmentFee(revolvingCommitmentAmount: unknown): number | undefined {
  const rca = cents(revolvingCommitmentAmount);
  if (rca < 0) return undefined;
  const m = rca * AMENDMENT_FEE.units;
  return m < SAFE ? m / POW10[CENT_PLACES + AMENDMENT_FEE.places] : undefined;
}

/**
 * Section 1.3 on the fast path: `commitmentFee(dec(unused), days, basis).toNumber()` (step 4 above).
 *
 * @param days - whole days, at least 0
 * @param dayCountBasis - whole days from 1 to 366
 * @example fastCommitmentFee(100000000, 90, 360) //=> 156250
 */
export function fastCommitmentFee(averageUnusedCommitment: unknown, days: unknown, dayCountBasis: unknown): number | undefined {
  const unused = cents(averageUnusedCommitment);
  if (unused < 0 || typeof days !== "number" || typeof dayCountBasis !== "number") return undefined;
  if (!Number.isInteger(days) || days < 0 || Object.is(days, -0) || !Number.isInteger(dayCountBasis) || dayCountBasis < 1 || dayCountBasis > 366) return undefined;
  const m = unused * COMMITMENT_FEE.units * days;
  return m < SAFE ? m / (dayCountBasis * POW10[CENT_PLACES + COMMITMENT_FEE.places]) : undefined;
}

// ---- appraisal trigger (Section 9.1.18(b)) ----

/**
 * Section 9.1.18(b) on the fast path: `appraisalTrigger(dec(o), dec(bb))`, outstandings strictly above 80% of the Borrowing Base.
 *
 * @example fastAppraisalTrigger(240000001, 300000000) //=> true
 */
export function fastAppraisalTrigger(outstandings: unknown, borrowingBase: unknown): boolean | undefined {
  const o = cents(outstandings);
  const bb = cents(borrowingBase);
  if (o < 0 || bb < 0) return undefined;
  const left = o * POW10[APPRAISAL_RATE.places];
  const right = bb * APPRAISAL_RATE.units;
  return left < SAFE && right < SAFE ? left > right : undefined;
}

// ---- the Lenders' shares (Schedule A, Reading R-ALLOCATION) ----

/** The greatest common divisor of two non-negative whole numbers. */
export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Amounts to allocate are read with up to this many decimal places, then rounded to cents half up. */
const ALLOCATION_MAX_PLACES = 6;

/**
 * `allocator(commitments)` on the fast path: each Lender's whole cents, the cents left over to the
 * largest remainders (a tie to the Lender listed first), as numbers; undefined for an amount it
 * cannot prove (then `allocator` answers, on BigInt).
 *
 * Exactness: the commitments are scaled to integers and divided by their greatest common divisor
 * (Schedule A's become 38,597 … 17,544 over 200,000), which scales every remainder by one factor and
 * so changes neither a quotient nor the order of the remainders. With c the amount in cents and w a
 * weight, c·w is exact while below 2^53 (checked against the largest weight once per amount); the
 * remainder `c·w % total` and the quotient `(c·w − remainder) / total` of exact integers are exact.
 * A share of m cents is handed back as m / 100, the double nearest m/100, which is what decimal.js
 * gives for `${m}e-2`.
 *
 * @returns undefined for the whole allocator when the commitments themselves do not fit
 * @example fastAllocator(scheduleACommitments())?.(1750000)?.[0] //=> 337723.75
 */
export function fastAllocator(commitments: readonly Dec[]): ((amount: unknown) => number[] | undefined) | undefined {
  if (commitments.length === 0) return undefined;
  let places = 0;
  for (const c of commitments) {
    if (c.isNegative()) return undefined;
    places = Math.max(places, c.decimalPlaces());
  }
  if (places > 22) return undefined;
  const scaled = commitments.map((c) => c.times(POW10[places]).toNumber());
  if (!scaled.every((w) => Number.isSafeInteger(w))) return undefined;
  let g = 0;
  for (const w of scaled) g = gcd(w, g);
  if (g === 0) return undefined;
  const weights = scaled.map((w) => w / g);
  let total = 0;
  let largest = 0;
  for (const w of weights) {
    total += w;
    largest = Math.max(largest, w);
  }
  if (total >= SAFE) return undefined;
  const n = weights.length;
  const remainders = new Float64Array(n);
  const order: number[] = Array.from({ length: n }, (_, i) => i);
  return (amount) => {
    const c = allocationCents(amount);
    if (c < 0 || c * largest >= SAFE) return undefined;
    const shares: number[] = new Array<number>(n);
    let left = c;
    for (let i = 0; i < n; i++) {
      const product = c * weights[i];
      const r = product % total;
      const whole = (product - r) / total;
      shares[i] = whole;
      remainders[i] = r;
      left -= whole;
    }
    if (left > 0) {
      // The largest remainders first, a tie to the Lender listed first (insertion sort: few Lenders, no allocation).
      for (let i = 0; i < n; i++) order[i] = i;
      for (let i = 1; i < n; i++) {
        const k = order[i];
        let j = i - 1;
        while (j >= 0 && (remainders[order[j]] < remainders[k] || (remainders[order[j]] === remainders[k] && order[j] > k))) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = k;
      }
      for (let i = 0; i < n && left > 0; i++, left--) shares[order[i]] += 1;
    }
    for (let i = 0; i < n; i++) shares[i] /= POW10[CENT_PLACES];
    return shares;
  };
}

/** An amount rounded to cents half up (as `toCents`), from its exact decimal reading; −1 when not provable. */
function allocationCents(x: unknown): number {
  for (let places = 0; places <= ALLOCATION_MAX_PLACES; places++) {
    const m = fixedPoint(x, places);
    if (m < 0) continue;
    if (places <= CENT_PLACES) return m * POW10[CENT_PLACES - places];
    const unit = POW10[places - CENT_PLACES];
    const r = m % unit;
    return (m - r) / unit + (2 * r >= unit ? 1 : 0);
  }
  return -1;
}
