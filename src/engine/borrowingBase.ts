/**
 * The Borrowing Base as the Seventh Amendment leaves it: clause (a) from the Credit Agreement
 * (supplied by the workbook), clause (b) the inventory component, clause (c) the PPE Subcomponent;
 * with the Availability Reserve, the Threshold and availability.
 */
import { Dec, maxDec, minDec, ZERO } from "./decimal";
import { numError } from "./errors";
import { formatPercent, formatUsd } from "./format";
import { term } from "./terms";
import { choiceOf, Readings } from "./readings";

/** Which limit of clause (b) binds: (A) the cap, (B) 65% of Eligible Inventory, (C) 85% of the Net Recovery Percentage. */
export type InventoryLimit = "cap" | "advanceRate" | "netRecovery";

export interface InventoryComponent {
  readonly amount: Dec;
  readonly binding: InventoryLimit;
}

/**
 * Section 1.1(f)(b): "(i) the lesser of (A) $125,000,000 and (B) 65% of all Eligible Inventory
 * … or (ii) at any time following Agent's receipt of a satisfactory appraisal …, the least of
 * (A) $125,000,000, (B) 65% of all Eligible Inventory … and (C) 85% of the Net Recovery
 * Percentage … of all Eligible Inventory".
 *
 * Reading R-NRP-APPRAISAL: a Net Recovery Percentage given means the appraisal has been received
 * (clause (ii)); none given means clause (i). Reading R-BINDING-TIE: where two limits are equal,
 * the one listed first in the text is named as binding.
 *
 * @example inventoryComponent(dec(200000000)).amount //=> 125000000, binding "cap"
 */
export function inventoryComponent(eligibleInventory: Dec, netRecoveryPercentage?: Dec): InventoryComponent {
  const candidates: [InventoryLimit, Dec][] = [
    ["cap", term("inventoryCap")],
    ["advanceRate", eligibleInventory.times(term("inventoryAdvanceRate"))],
  ];
  if (netRecoveryPercentage !== undefined) {
    candidates.push(["netRecovery", eligibleInventory.times(netRecoveryPercentage).times(term("netRecoveryAdvanceRate"))]);
  }
  let best = candidates[0];
  for (const c of candidates) if (c[1].lessThan(best[1])) best = c;
  return { amount: best[1], binding: best[0] };
}

/** Section 1.1(f)(c): "the lesser of (i) $50,000,000 and (ii) 50% of the OLV In-Place Value of Eligible Fixed Assets", before reductions. */
export function ppeBase(olvInPlaceValue: Dec): Dec {
  return minDec(term("ppeCap"), olvInPlaceValue.times(term("ppeOlvRate")));
}

/**
 * Section 1.1(f)(c): the PPE Subcomponent, "permanently reduced in an amount equal to each PPE
 * Subcomponent Reduction; and … shall at no time be less than zero".
 *
 * @example ppeSubcomponent(dec(80000000), dec(15000000)) //=> 25000000
 */
export function ppeSubcomponent(olvInPlaceValue: Dec, ppeSubcomponentReductions: Dec = ZERO): Dec {
  return maxDec(ZERO, ppeBase(olvInPlaceValue).minus(ppeSubcomponentReductions));
}

export interface BorrowingBaseInputs {
  /** Clause (a), the receivables component, as the Credit Agreement defines it (Reading R-CLAUSE-A: not in the amendment; the workbook supplies it). */
  readonly receivablesComponent: Dec;
  readonly eligibleInventory: Dec;
  readonly olvInPlaceValue: Dec;
  readonly netRecoveryPercentage?: Dec;
  readonly ppeSubcomponentReductions?: Dec;
}

export interface BorrowingBase {
  readonly clauseA: Dec;
  readonly clauseB: InventoryComponent;
  readonly ppeBase: Dec;
  readonly ppeSubcomponentReductions: Dec;
  readonly clauseC: Dec;
  readonly total: Dec;
}

/** Section 1.1(f): the Borrowing Base is clause (a) plus clause (b) plus clause (c). */
export function borrowingBase(inputs: BorrowingBaseInputs): BorrowingBase {
  const clauseB = inventoryComponent(inputs.eligibleInventory, inputs.netRecoveryPercentage);
  const reductions = inputs.ppeSubcomponentReductions ?? ZERO;
  const clauseC = ppeSubcomponent(inputs.olvInPlaceValue, reductions);
  return {
    clauseA: inputs.receivablesComponent,
    clauseB,
    ppeBase: ppeBase(inputs.olvInPlaceValue),
    ppeSubcomponentReductions: reductions,
    clauseC,
    total: inputs.receivablesComponent.plus(clauseB.amount).plus(clauseC),
  };
}

/** Section 1.1(e): "the lesser of (i) $20,000,000 and (ii) ten percent (10%) of the Revolving Commitment Amount". */
export function availabilityReserve(revolvingCommitmentAmount: Dec = term("revolvingCommitmentAmount")): Dec {
  return minDec(term("availabilityReserveCap"), revolvingCommitmentAmount.times(term("availabilityReserveRate")));
}

/**
 * Availability (Reading R-AVAILABILITY): the lesser of the Revolving Commitment Amount and
 * (Borrowing Base − Availability Reserve − other reserves), less Revolving Credit Outstandings.
 * Signed: a negative result is an overadvance. The Credit Agreement's own definition is not in
 * the amendment; the Availability Reserve is "a reserve against availability under the
 * Borrowing Base" (1.1(e)). The alternative FLOOR never goes below zero.
 *
 * @example availability(dec(100000000), dec(120000000), undefined, undefined, { "R-AVAILABILITY": "FLOOR" }) //=> 0
 */
export function availability(
  borrowingBaseTotal: Dec,
  revolvingCreditOutstandings: Dec,
  otherReserves: Dec = ZERO,
  revolvingCommitmentAmount: Dec = term("revolvingCommitmentAmount"),
  readings?: Readings,
): Dec {
  const base = borrowingBaseTotal.minus(availabilityReserve(revolvingCommitmentAmount)).minus(otherReserves);
  const signed = minDec(revolvingCommitmentAmount, base).minus(revolvingCreditOutstandings);
  return choiceOf(readings, "R-AVAILABILITY") === "FLOOR" ? maxDec(ZERO, signed) : signed;
}

/**
 * Section 1.1(aa): "Threshold" means "an amount equal to 85% of the Borrowing Base attributable
 * to the sum of (i) amounts included under clause (a) … and (ii) amounts included under clause (b)".
 *
 * Clause (b) never exceeds its $125,000,000 cap (1.1(f)(b)), so a larger "inventory component" is
 * Eligible Inventory passed by mistake: #NUM!, not a plausible Threshold.
 */
export function threshold(receivablesComponent: Dec, inventoryComponentAmount: Dec): Dec {
  if (inventoryComponentAmount.greaterThan(term("inventoryCap"))) {
    throw numError(`inventoryComponent ${formatUsd(inventoryComponentAmount)} is above the ${formatUsd(term("inventoryCap"))} cap of clause (b): pass clause (b) as KAISER.INVENTORYCOMPONENT gives it, not Eligible Inventory`);
  }
  return receivablesComponent.plus(inventoryComponentAmount).times(term("thresholdRate"));
}

/** How clause (b)'s binding limit reads in a labelled line ("$125,000,000 cap binds"), the one wording of the three limits. */
export const INVENTORY_LIMIT_LABEL: Readonly<Record<InventoryLimit, string>> = {
  cap: `${formatUsd(term("inventoryCap"))} cap binds`,
  advanceRate: `${formatPercent(term("inventoryAdvanceRate"))} of Eligible Inventory binds`,
  netRecovery: `${formatPercent(term("netRecoveryAdvanceRate"))} of the Net Recovery Percentage binds`,
};

/** One labelled line of the Borrowing Base worked clause by clause; the label ends with its section. */
export interface BorrowingBaseLine {
  readonly label: string;
  readonly amount: Dec;
}

/**
 * Section 1.1(f), worked clause by clause: clause (a), clause (b) naming the limit that binds, the PPE
 * base, the reductions (shown as a negative), clause (c), the Borrowing Base, the Threshold (1.1(aa))
 * and the Availability Reserve (1.1(e)) at the Revolving Commitment Amount; with outstandings, also
 * Availability (Reading R-AVAILABILITY) and the headroom to the Threshold, both signed.
 *
 * @example borrowingBaseLines({ receivablesComponent: dec(150000000), eligibleInventory: dec(200000000), olvInPlaceValue: dec(80000000) })[1]
 * //=> { label: "Inventory (b): $125,000,000 cap binds [1.1(f)(b)]", amount: 125000000 }
 */
export function borrowingBaseLines(inputs: BorrowingBaseInputs, revolvingCreditOutstandings?: Dec, readings?: Readings): BorrowingBaseLine[] {
  const bb = borrowingBase(inputs);
  const thresholdAmount = threshold(bb.clauseA, bb.clauseB.amount);
  const lines: BorrowingBaseLine[] = [
    { label: "Receivables (a) [1.1(f)]", amount: bb.clauseA },
    { label: `Inventory (b): ${INVENTORY_LIMIT_LABEL[bb.clauseB.binding]} [1.1(f)(b)]`, amount: bb.clauseB.amount },
    { label: `PPE base: lesser of ${formatUsd(term("ppeCap"))} and ${formatPercent(term("ppeOlvRate"))} of OLV In-Place Value [1.1(f)(c)]`, amount: bb.ppeBase },
    // 0 − reductions rather than negated(), which would show no reductions as -0.
    { label: "Less PPE Subcomponent Reductions [1.1(t)]", amount: ZERO.minus(bb.ppeSubcomponentReductions) },
    { label: "PPE Subcomponent (c), not below zero [1.1(f)(c)]", amount: bb.clauseC },
    { label: "Borrowing Base (a)+(b)+(c) [1.1(f)]", amount: bb.total },
    { label: `Threshold: ${formatPercent(term("thresholdRate"))} of (a)+(b) [1.1(aa)]`, amount: thresholdAmount },
    { label: "Availability Reserve [1.1(e)]", amount: availabilityReserve() },
  ];
  if (revolvingCreditOutstandings !== undefined) {
    lines.push({ label: "Availability, signed (reading) [1.1(e)]", amount: availability(bb.total, revolvingCreditOutstandings, undefined, undefined, readings) });
    lines.push({ label: "Headroom to the Threshold, signed [1.1(aa)]", amount: thresholdAmount.minus(revolvingCreditOutstandings) });
  }
  return lines;
}
