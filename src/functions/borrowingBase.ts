/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * Custom functions for the Borrowing Base (Section 1.1(f)), the Availability Reserve (1.1(e)),
 * availability and the Threshold (1.1(aa)). Thin: convert, call the engine, convert back.
 */
import * as engine from "../engine/borrowingBase";
import { ZERO } from "../engine/decimal";
import * as fast from "../engine/exactFast";
import { term } from "../engine/terms";
import { elementwise, FastPath, guard } from "./support/arrays";
import { defaultNumber, fastFraction, NO_FRACTION, orDefault } from "./support/fast";
import { amount, fraction, parseCell } from "./support/params";
import { readingsArg } from "./support/readings";
import { choiceOf } from "../engine/readings";

const COMMITMENT = defaultNumber(term("revolvingCommitmentAmount"));

// The exact fast paths (src/engine/exactFast.ts), each a function of one element's column and its
// arguments' rows (FastPath): a position they cannot prove exact returns undefined and is computed
// with decimals.
const fastInventory: FastPath = (c, inventory, nrp) => {
  const f = fastFraction(nrp[c]);
  return f === undefined ? undefined : fast.fastInventoryComponent(inventory[c], f === NO_FRACTION ? undefined : f);
};
const fastPpe: FastPath = (c, olv, reductions) => fast.fastPpeSubcomponent(olv[c], orDefault(reductions[c], 0));
const fastBase: FastPath = (c, a, inventory, olv, nrp, reductions) => {
  const f = fastFraction(nrp[c]);
  return f === undefined ? undefined : fast.fastBorrowingBase(a[c], inventory[c], olv[c], f === NO_FRACTION ? undefined : f, orDefault(reductions[c], 0));
};
// A blank position of an all-optional function goes the ordinary way (its rules for blanks apply).
const fastReserve: FastPath = (c, rca) => fast.fastAvailabilityReserve(rca[c]);
const fastAvailability: FastPath = (c, bb, o, other, rca) => fast.fastAvailability(bb[c], o[c], orDefault(other[c], 0), orDefault(rca[c], COMMITMENT));
// R-AVAILABILITY FLOOR: the signed fast figure, not below zero.
const fastAvailabilityFloor: FastPath = (c, bb, o, other, rca) => {
  const v = fast.fastAvailability(bb[c], o[c], orDefault(other[c], 0), orDefault(rca[c], COMMITMENT));
  return v === undefined ? undefined : Math.max(0, v);
};
const fastThreshold: FastPath = (c, a, b) => fast.fastThreshold(a[c], b[c]);

/**
 * Clause (b) of the Borrowing Base, the inventory component: the lesser of $125,000,000 and 65% of Eligible Inventory; with a Net Recovery Percentage (appraisal received), also at most 85% of that percentage of Eligible Inventory. Example: =KAISER.INVENTORYCOMPONENT(150000000) gives 97,500,000. #NUM! when Eligible Inventory is negative or the Net Recovery Percentage is outside 0..1. [1.1(f)(b)]
 * @customfunction
 * @param eligibleInventory Eligible Inventory, amount in US dollars (number or range).
 * @param [netRecoveryPercentage] Net Recovery Percentage from the most recent Inventory appraisal, fraction (72% is 0.72); blank before a satisfactory appraisal (number or range).
 * @returns Clause (b) in US dollars.
 */
export function inventoryComponent(eligibleInventory: any[][], netRecoveryPercentage?: any[][]): any[][] {
  return elementwise(
    [eligibleInventory, netRecoveryPercentage],
    [amount("eligibleInventory"), fraction("netRecoveryPercentage", { optional: true })] as const,
    (inventory, nrp) => engine.inventoryComponent(inventory, nrp).amount,
    fastInventory,
  );
}

/**
 * The PPE Subcomponent, clause (c) of the Borrowing Base: the lesser of $50,000,000 and 50% of OLV In-Place Value, less the cumulative PPE Subcomponent Reductions, never below zero. Example: =KAISER.PPESUBCOMPONENT(80000000, 15000000) gives 25,000,000. #NUM! when OLV In-Place Value or the reductions are negative. [1.1(f)(c)]
 * @customfunction
 * @param olvInPlaceValue OLV In-Place Value of Eligible Fixed Assets, amount in US dollars (number or range).
 * @param [ppeSubcomponentReductions] Cumulative PPE Subcomponent Reductions to date, amount in US dollars; blank is none (number or range).
 * @returns The PPE Subcomponent in US dollars.
 */
export function ppeSubcomponent(olvInPlaceValue: any[][], ppeSubcomponentReductions?: any[][]): any[][] {
  return elementwise(
    [olvInPlaceValue, ppeSubcomponentReductions],
    [amount("olvInPlaceValue"), amount("ppeSubcomponentReductions", { optional: true, default: ZERO })] as const,
    (olv, reductions) => engine.ppeSubcomponent(olv, reductions),
    fastPpe,
  );
}

/**
 * The Borrowing Base: clause (a) receivables (as the Credit Agreement has it, supplied by the workbook) plus clause (b) inventory plus clause (c) the PPE Subcomponent. Example: =KAISER.BORROWINGBASE(150000000, 200000000, 80000000) gives 315,000,000. #NUM! when an amount is negative or the Net Recovery Percentage is outside 0..1. [1.1(f)]
 * @customfunction
 * @param receivablesComponent Clause (a) of the Borrowing Base, amount in US dollars (number or range).
 * @param eligibleInventory Eligible Inventory, amount in US dollars (number or range).
 * @param olvInPlaceValue OLV In-Place Value of Eligible Fixed Assets, amount in US dollars (number or range).
 * @param [netRecoveryPercentage] Net Recovery Percentage, fraction; blank before a satisfactory appraisal (number or range).
 * @param [ppeSubcomponentReductions] Cumulative PPE Subcomponent Reductions, amount in US dollars; blank is none (number or range).
 * @returns The Borrowing Base in US dollars.
 */
export function borrowingBase(
  receivablesComponent: any[][],
  eligibleInventory: any[][],
  olvInPlaceValue: any[][],
  netRecoveryPercentage?: any[][],
  ppeSubcomponentReductions?: any[][],
): any[][] {
  return elementwise(
    [receivablesComponent, eligibleInventory, olvInPlaceValue, netRecoveryPercentage, ppeSubcomponentReductions],
    [
      amount("receivablesComponent"),
      amount("eligibleInventory"),
      amount("olvInPlaceValue"),
      fraction("netRecoveryPercentage", { optional: true }),
      amount("ppeSubcomponentReductions", { optional: true, default: ZERO }),
    ] as const,
    (a, inventory, olv, nrp, reductions) =>
      engine.borrowingBase({ receivablesComponent: a, eligibleInventory: inventory, olvInPlaceValue: olv, netRecoveryPercentage: nrp, ppeSubcomponentReductions: reductions }).total,
    fastBase,
  );
}

/**
 * The Availability Reserve: the lesser of $20,000,000 and 10% of the Revolving Commitment Amount. Example: =KAISER.AVAILABILITYRESERVE() gives 20,000,000. #NUM! when the Revolving Commitment Amount is negative. [1.1(e)]
 * @customfunction
 * @param [revolvingCommitmentAmount] Revolving Commitment Amount, amount in US dollars; blank is $200,000,000 (number or range).
 * @returns The Availability Reserve in US dollars.
 */
export function availabilityReserve(revolvingCommitmentAmount?: any[][]): any[][] {
  return elementwise(
    [revolvingCommitmentAmount],
    [amount("revolvingCommitmentAmount", { optional: true, default: term("revolvingCommitmentAmount") })] as const,
    (rca) => engine.availabilityReserve(rca),
    fastReserve,
  );
}

/**
 * Availability: the lesser of the Revolving Commitment Amount and (Borrowing Base − Availability Reserve − other reserves), less Revolving Credit Outstandings; negative is an overadvance (a reading: the Credit Agreement's definition is not in the amendment). Example: =KAISER.AVAILABILITY(315000000, 150000000) gives 50,000,000 (the $200,000,000 commitment is less than 315,000,000 − 20,000,000). #NUM! when the Borrowing Base, outstandings, reserves or commitment is negative. [1.1(e)]
 * @customfunction
 * @param borrowingBase Borrowing Base, amount in US dollars (number or range).
 * @param revolvingCreditOutstandings Revolving Credit Outstandings, amount in US dollars (number or range).
 * @param [otherReserves] Other reserves against the Borrowing Base, amount in US dollars; blank is none (number or range).
 * @param [revolvingCommitmentAmount] Revolving Commitment Amount, amount in US dollars; blank is $200,000,000 (number or range).
 * @param [readings] Readings other than the add-in's defaults, text such as "R-AVAILABILITY=FLOOR" or a range of such texts; blank is the defaults (README, Readings).
 * @returns Availability in US dollars, signed.
 */
export function availability(borrowingBase: any[][], revolvingCreditOutstandings: any[][], otherReserves?: any[][], revolvingCommitmentAmount?: any[][], readings?: any[][]): any[][] {
  return guard(() => {
    const chosen = readingsArg(readings);
    return elementwise(
      [borrowingBase, revolvingCreditOutstandings, otherReserves, revolvingCommitmentAmount],
      [
        amount("borrowingBase"),
        amount("revolvingCreditOutstandings"),
        amount("otherReserves", { optional: true, default: ZERO }),
        amount("revolvingCommitmentAmount", { optional: true, default: term("revolvingCommitmentAmount") }),
      ] as const,
      (bb, outstandings, reserves, rca) => engine.availability(bb, outstandings, reserves, rca, chosen),
      choiceOf(chosen, "R-AVAILABILITY") === "FLOOR" ? fastAvailabilityFloor : fastAvailability,
    );
  });
}

/**
 * The Threshold: 85% of the Borrowing Base attributable to clause (a) plus clause (b). Example: =KAISER.THRESHOLD(150000000, 125000000) gives 233,750,000. #NUM! when either amount is negative, or when the inventory component is above the $125,000,000 cap of clause (b) (Eligible Inventory passed by mistake). [1.1(aa)]
 * @customfunction
 * @param receivablesComponent Clause (a) of the Borrowing Base, amount in US dollars (number or range).
 * @param inventoryComponent Clause (b) of the Borrowing Base as KAISER.INVENTORYCOMPONENT gives it, amount in US dollars (number or range).
 * @returns The Threshold in US dollars.
 */
export function threshold(receivablesComponent: any[][], inventoryComponent: any[][]): any[][] {
  return elementwise(
    [receivablesComponent, inventoryComponent],
    [amount("receivablesComponent"), amount("inventoryComponent")] as const,
    (a, b) => engine.threshold(a, b),
    fastThreshold,
  );
}

/**
 * The Borrowing Base worked clause by clause, as a two-column table (label, amount) that spills: clause (a), clause (b) naming the limit that binds, the PPE base, the reductions, clause (c), the Borrowing Base, the Threshold, the Availability Reserve and, with outstandings, Availability and the headroom to the Threshold. The Availability Reserve and Availability here take the $200,000,000 Revolving Commitment Amount and no other reserves (KAISER.AVAILABILITY takes others). Single values only. Example: =KAISER.BORROWINGBASEDETAIL(150000000, 200000000, 80000000, , 5000000, 200000000) spills ten rows, among them "Inventory (b): $125,000,000 cap binds [1.1(f)(b)]" 125,000,000 and the Borrowing Base 310,000,000. #NUM! when an amount is negative or the Net Recovery Percentage is outside 0..1. [1.1(f)]
 * @customfunction
 * @param receivablesComponent Clause (a) of the Borrowing Base, amount in US dollars.
 * @param eligibleInventory Eligible Inventory, amount in US dollars.
 * @param olvInPlaceValue OLV In-Place Value of Eligible Fixed Assets, amount in US dollars.
 * @param [netRecoveryPercentage] Net Recovery Percentage, fraction; blank before a satisfactory appraisal.
 * @param [ppeSubcomponentReductions] Cumulative PPE Subcomponent Reductions, amount in US dollars.
 * @param [revolvingCreditOutstandings] Revolving Credit Outstandings, amount in US dollars; adds Availability and the headroom to the Threshold.
 * @param [readings] Readings other than the add-in's defaults, text such as "R-AVAILABILITY=FLOOR" or a range of such texts; blank is the defaults (README, Readings).
 * @returns A table of labels and amounts.
 */
export function borrowingBaseDetail(
  receivablesComponent: any,
  eligibleInventory: any,
  olvInPlaceValue: any,
  netRecoveryPercentage?: any,
  ppeSubcomponentReductions?: any,
  revolvingCreditOutstandings?: any,
  readings?: any,
): any[][] {
  return guard(() => {
    const chosen = readingsArg(readings);
    const lines = engine.borrowingBaseLines(
      {
        receivablesComponent: parseCell(amount("receivablesComponent"), receivablesComponent),
        eligibleInventory: parseCell(amount("eligibleInventory"), eligibleInventory),
        olvInPlaceValue: parseCell(amount("olvInPlaceValue"), olvInPlaceValue),
        netRecoveryPercentage: parseCell(fraction("netRecoveryPercentage", { optional: true }), netRecoveryPercentage),
        ppeSubcomponentReductions: parseCell(amount("ppeSubcomponentReductions", { optional: true, default: ZERO }), ppeSubcomponentReductions),
      },
      parseCell(amount("revolvingCreditOutstandings", { optional: true }), revolvingCreditOutstandings),
      chosen,
    );
    return lines.map((l) => [l.label, l.amount.toNumber()]);
  });
}
