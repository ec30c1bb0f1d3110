/**
 * KBC's Professional Fees and the KBC Allocable Amount.
 *
 * - Section 9.2.14 (Section 1.16), proviso (b): "the Company may advance payments for Professional Fees
 *   of KBC incurred after June 30, 2004, but prior to the closing of the Asset Disposition of the
 *   Gramercy/KJBC Interests, and the Company shall be reimbursed for such payments (with interest at a
 *   rate equal to the sum of (x) the Reference Rate from time to time in effect and (y) a margin of
 *   1-1/2%) immediately … from the KBC Allocable Amount prior to the transfer of such amount to AJI
 *   and/or KJC pursuant to Section 9.2.18".
 * - Section 9.2.18(ix) (Section 1.17): "the KBC Allocable Amount may be transferred by KBC to AJI and/or
 *   KJC …; provided that the foregoing permitted transfer shall only take place after making any
 *   required reimbursement to the Company pursuant to Section 9.2.14 (together with interest thereon as
 *   provided therein), and the amount so transferred shall be reduced accordingly by all such amounts;
 *   … the KBC Allocable Amount shall not (a) exceed $7,000,000".
 *
 * Readings: R-KBC-INTEREST (simple interest on each advance from its date to the reimbursement date, at
 * the Reference Rate in effect each day plus 1½%), R-KBC-DAYCOUNT (actual days over 360 unless another
 * basis is given), R-KBC-TRANSFER (the transfer is the KBC Allocable Amount less the reimbursement, not
 * below zero). Not modelled: which fees qualify (incurred after June 30, 2004 and before the closing)
 * and the proviso that KACC need not pay KBC's fees above the KBC Allocable Amount.
 */
import { Dec, maxDec, ZERO } from "./decimal";
import { isoFromSerial } from "./dates";
import { naError, numError, valueError } from "./errors";
import { formatUsd } from "./format";
import { term } from "./terms";

export interface Advance {
  /** Excel serial of the day the Company paid the fees. */
  readonly date: number;
  readonly amount: Dec;
}

/** A Reference Rate in effect from its date (a fraction per annum); an undated rate applies to every day. */
export interface ReferenceRate {
  readonly from?: number;
  readonly rate: Dec;
}

/** The Reference Rate plus the margin on each day from `start` (included) to `end` (excluded), summed by runs of one rate. */
function rateDays(start: number, end: number, rates: readonly ReferenceRate[]): Dec {
  const margin = term("kbcReimbursementMargin");
  if (rates.length === 1 && rates[0].from === undefined) return rates[0].rate.plus(margin).times(end - start);
  let sum = ZERO;
  for (let k = 0; k < rates.length; k++) {
    const from = Math.max(rates[k].from as number, start);
    const to = Math.min(k + 1 < rates.length ? (rates[k + 1].from as number) : end, end);
    if (to > from) sum = sum.plus(rates[k].rate.plus(margin).times(to - from));
  }
  return sum;
}

/**
 * Section 9.2.14(b): what the Company must be reimbursed from the KBC Allocable Amount — each advance
 * plus simple interest at the Reference Rate from time to time in effect plus 1½%, from the advance's
 * date to the reimbursement date, actual days over the basis (Readings R-KBC-INTEREST, R-KBC-DAYCOUNT).
 * Unrounded.
 *
 * @param advances - The Company's payments of KBC's Professional Fees, each with its date.
 * @param reimbursementDate - Excel serial of the reimbursement.
 * @param rates - One undated Reference Rate for every day, or rates each in effect from its date, ascending.
 * @param dayCountBasis - Days in the interest year (360 unless given).
 * @throws #NUM! for a negative advance, a rate outside 0..1, or an advance after the reimbursement date;
 *   #VALUE! for rate dates not ascending; #N/A when no Reference Rate is in effect on an advance's date.
 * @example kbcReimbursement([{ date: serial(2004, 7, 1), amount: dec(1000000) }], serial(2004, 12, 28), [{ rate: dec("0.045") }]) //=> 1030000 (180 days at 6%)
 */
export function kbcReimbursement(advances: readonly Advance[], reimbursementDate: number, rates: readonly ReferenceRate[], dayCountBasis: number = term("kbcReimbursementDayCountBasis").toNumber()): Dec {
  if (rates.length === 0) throw valueError("referenceRates is blank; give the Reference Rate (one for all days, or a rate per date in rateDates)");
  const dated = rates.some((r) => r.from !== undefined);
  rates.forEach((r, i) => {
    if (r.rate.isNegative() || r.rate.greaterThan(1)) throw numError(`referenceRates row ${i + 1} must be a fraction between 0 and 1 (4.75% is 0.0475)`);
    if (dated && r.from === undefined) throw valueError(`rateDates row ${i + 1} is blank; every rate needs the date it took effect`);
    if (i > 0 && (r.from as number) <= (rates[i - 1].from as number)) throw valueError(`rateDates row ${i + 1} is not after row ${i}; the dates must be ascending`);
  });
  let total = ZERO;
  advances.forEach((a, i) => {
    if (a.amount.isNegative()) throw numError(`advanceAmounts row ${i + 1} is negative; an advance is an amount of at least 0`);
    if (a.date > reimbursementDate) throw numError(`advanceDates row ${i + 1} (${isoFromSerial(a.date)}) is after the reimbursement date ${isoFromSerial(reimbursementDate)}`);
    if (dated && a.date < (rates[0].from as number)) throw naError(`no Reference Rate is in effect on ${isoFromSerial(a.date)} (advanceDates row ${i + 1}); the first rate takes effect on ${isoFromSerial(rates[0].from as number)}`);
    const interest = a.amount.times(rateDays(a.date, reimbursementDate, rates)).dividedBy(dayCountBasis);
    total = total.plus(a.amount).plus(interest);
  });
  return total;
}

/**
 * Section 9.2.18(ix): what KBC may transfer to AJI and/or KJC — the KBC Allocable Amount (at most
 * $7,000,000) less the reimbursement to the Company under 9.2.14, not below zero (Reading R-KBC-TRANSFER).
 *
 * @throws #NUM! for a negative amount or a KBC Allocable Amount above $7,000,000.
 * @example kbcTransferable(dec(4500000), dec(1030000)) //=> 3470000
 */
export function kbcTransferable(kbcAllocableAmount: Dec, reimbursement: Dec): Dec {
  const cap = term("kbcAllocableAmountCap");
  if (kbcAllocableAmount.greaterThan(cap)) throw numError(`the KBC Allocable Amount exceeds ${formatUsd(cap)} [9.2.18(ix)]`);
  return maxDec(ZERO, kbcAllocableAmount.minus(reimbursement));
}
