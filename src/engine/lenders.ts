/**
 * Schedule A to the Seventh Amendment: the Lenders, their Revolving Commitments and percentages,
 * and how an amount paid "for the ratable benefit of the Lenders" (5(d)) splits among them.
 *
 * The commitments live in the terms table (one key each, the Lender's name as its description); the
 * list below fixes the order Schedule A prints them in, which is also the order ties are broken in
 * (Reading R-ALLOCATION). The shares are computed from the commitments; the percentages Schedule A
 * prints are not repeated here but held by the tests, which check the computed shares against them.
 */
import { dec, Dec, toCents, ZERO } from "./decimal";
import { numError } from "./errors";
import { term, TermKey, TERMS } from "./terms";

export interface Lender {
  /** The Lender's name as Schedule A prints it (the description of its terms key). */
  readonly name: string;
  /** The terms-table key of its Revolving Commitment. */
  readonly commitmentKey: TermKey;
}

function lender(commitmentKey: TermKey): Lender {
  return { name: TERMS[commitmentKey].description, commitmentKey };
}

/** The Lenders in Schedule A's order. */
export const LENDERS: readonly Lender[] = [
  lender("commitmentBankOfAmerica"),
  lender("commitmentGeCapital"),
  lender("commitmentCit"),
  lender("commitmentWellsFargoFoothill"),
  lender("commitmentMerrillLynch"),
  lender("commitmentGmac"),
  lender("commitmentPnc"),
];

/** Schedule A's Revolving Commitments, in its order. */
export function scheduleACommitments(): Dec[] {
  return LENDERS.map((l) => term(l.commitmentKey));
}

/**
 * Reading R-LENDER-SHARES: each Lender's pro rata share is its Revolving Commitment over the total of
 * the commitments (for Schedule A, the $200,000,000 Revolving Commitment Amount); the shares are
 * exact and equal the printed percentages.
 *
 * @param commitments - Commitments in US dollars; Schedule A's by default.
 * @throws #NUM! when a commitment is negative or all are zero.
 * @example proRataShares()[0] //=> 0.192985 (Bank of America, N.A., 19.2985%)
 */
export function proRataShares(commitments: readonly Dec[] = scheduleACommitments()): Dec[] {
  const total = checkedTotal(commitments);
  return commitments.map((c) => c.dividedBy(total));
}

function checkedTotal(commitments: readonly Dec[]): Dec {
  if (commitments.length === 0) throw numError("there are no commitments to allocate over");
  let total = ZERO;
  for (const c of commitments) {
    if (c.isNegative()) throw numError("a commitment is negative; commitments are amounts of at least 0");
    total = total.plus(c);
  }
  if (total.isZero()) throw numError("the commitments add up to zero, so there are no shares to allocate by");
  return total;
}

/** An integer-valued decimal as a BigInt. */
function big(value: Dec): bigint {
  return BigInt(value.toFixed(0));
}

/**
 * Splits `amount` among the Lenders in proportion to their commitments, in cents, so that the
 * shares add up exactly to the amount.
 *
 * Reading R-ALLOCATION: the amount is first rounded to cents (half up); each Lender gets the whole
 * cents of its exact share; the cents left over go one each to the Lenders with the largest
 * remainders (the largest-remainder method), a tie going to the Lender listed first. The arithmetic
 * is on whole numbers (cents × commitments, scaled to integers), so remainders and ties are exact.
 *
 * @param amount - The amount to split (a fee, a payment, a draw) in US dollars, not negative.
 * @param commitments - Commitments in US dollars, in the Lenders' order; Schedule A's by default.
 * @returns One share per commitment, in the same order, each in whole cents.
 * @throws #NUM! when the amount or a commitment is negative, or the commitments are all zero.
 * @example allocate(dec(1750000))[0] //=> 337723.75 (0.00875 × 38,597,000, Bank of America, N.A.)
 */
export function allocate(amount: Dec, commitments: readonly Dec[] = scheduleACommitments()): Dec[] {
  return allocator(commitments)(amount);
}

/**
 * `allocate` with the commitments fixed once, for many amounts: checks the commitments and scales
 * them to whole numbers once, then splits each amount.
 *
 * @example allocator()(dec(1750000))[0] //=> 337723.75
 */
export function allocator(commitments: readonly Dec[] = scheduleACommitments()): (amount: Dec) => Dec[] {
  checkedTotal(commitments);
  // A loop, not Math.max(...): a spread of a very long column of commitments overflows the stack.
  const places = commitments.reduce((most, c) => Math.max(most, c.decimalPlaces()), 0);
  const scale = dec(10).pow(places);
  const weights = commitments.map((c) => big(c.times(scale)));
  const total = weights.reduce((a, b) => a + b, BigInt(0));
  return (amount) => {
    if (amount.isNegative()) throw numError("the amount to allocate is negative; it must be at least 0");
    const cents = big(toCents(amount).times(100));
    const whole = weights.map((w) => (cents * w) / total);
    const remainders = weights.map((w) => (cents * w) % total);
    let left = Number(cents - whole.reduce((a, b) => a + b, BigInt(0)));
    const byRemainder = remainders.map((_, i) => i).sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b));
    for (const i of byRemainder) {
      if (left === 0) break;
      whole[i] += BigInt(1);
      left--;
    }
    return whole.map((w) => dec(`${w}e-2`));
  };
}
