/**
 * The schedules of a review that are not figures of `recalculate` (recalc.ts): the PPE Subcomponent
 * schedule (Section 1.1(t)), the amendment fee by Lender (5(d), Schedule A), the charges excluded
 * from Adjusted Net Earnings one by one (1.1(c)) and the baskets the model has inputs for
 * (9.2.18(ix)). Each reads the inputs `readModelInputs` gave and calls the engine once; none reads
 * the snapshot. One function per family, so a family can move to its own file unchanged.
 */
import { Dec, ZERO } from "../engine/decimal";
import { EngineError } from "../engine/errors";
import { amendmentFee } from "../engine/fees";
import { allocate, LENDERS, proRataShares, scheduleACommitments } from "../engine/lenders";
import { ppeSchedule, PpeScheduleRow } from "../engine/ppeReduction";
import { ANE_CATEGORIES, AneCategory, aneExclusions } from "../engine/adjustedNetEarnings";
import { BASKETS, BasketKey, basketPosition } from "../engine/baskets";
import { term } from "../engine/terms";
import type { ModelInputs } from "./recalc";
import type { Readings } from "../engine/readings";

/** One line of the PPE Subcomponent schedule, as the engine gives it (date, kind, clause, reduction, cumulative, PPE Subcomponent, note). */
export type PpeScheduleLine = PpeScheduleRow;

export interface PpeScheduleTable {
  readonly section: string;
  /** One line per event to the date of determination, with its clause, reduction and note. */
  readonly lines: readonly PpeScheduleLine[];
  /** Why the schedule cannot be worked out (OLVInPlaceValue, PPEEvents or KBCAllocableAmount unusable). */
  readonly note?: string;
}

export interface AllocationLine {
  readonly lender: string;
  readonly commitment: Dec;
  /** The Lender's pro rata share of the Revolving Commitment Amount (Schedule A). */
  readonly share: Dec;
  /** Its part of the fee, to the cent (Reading R-ALLOCATION). */
  readonly amount: Dec;
}

export interface AmendmentFeeTable {
  readonly section: string;
  /** The fee, 0.00875 times the Revolving Commitment Amount; null when that amount is unusable. */
  readonly fee: Dec | null;
  readonly revolvingCommitmentAmount: Dec | null;
  readonly lines: readonly AllocationLine[];
  readonly note?: string;
}

export interface AneExclusionLine {
  readonly date: number;
  readonly category: AneCategory;
  /** The clause of Section 1.1(c) the category is, e.g. "1.1(c)(i)". */
  readonly section: string;
  /** The charge as the ANECharges table holds it. */
  readonly amount: Dec;
  /** The part excluded from Adjusted Net Earnings (up to what remains of the category's cap). */
  readonly excluded: Dec;
}

export interface AneExclusionTable {
  readonly section: string;
  /** One line per ANECharges row, in the table's order. */
  readonly lines: readonly AneExclusionLine[];
  /** The sum of `excluded`; null with a note when the table is unusable. */
  readonly total: Dec | null;
  readonly note?: string;
}

export interface BasketLine {
  readonly basket: BasketKey;
  readonly section: string;
  /** The input of the layout contract the use is read from ("KBCAllocableAmount"). */
  readonly input: string;
  readonly cap: Dec;
  readonly used: Dec;
  /** Cap less used, signed: negative when the basket is exceeded. */
  readonly headroom: Dec;
}

export interface BasketTable {
  /** The baskets the model has an input for; the others need a ledger the layout does not hold. */
  readonly lines: readonly BasketLine[];
  readonly note?: string;
}

function problemOf(e: unknown): string {
  if (e instanceof EngineError) return e.message;
  throw e;
}

/** Section 1.1(t): the PPE Subcomponent schedule to the date of determination. */
export function ppeScheduleTable(inputs: ModelInputs, readings?: Readings): PpeScheduleTable {
  const section = "1.1(t)";
  const olv = inputs.olvInPlaceValue.value;
  const events = inputs.ppeEvents.rows;
  if (olv === undefined) return { section, lines: [], note: inputs.olvInPlaceValue.problem ?? "OLVInPlaceValue is missing" };
  if (events === undefined) return { section, lines: [], note: inputs.ppeEvents.problem ?? "the table PPEEvents is missing" };
  if (inputs.kbcAllocableAmount.problem !== undefined) return { section, lines: [], note: inputs.kbcAllocableAmount.problem };
  try {
    return { section, lines: ppeSchedule({ olvInPlaceValue: olv, events, asOfDate: inputs.asOfDate.value, kbcAllocableAmount: inputs.kbcAllocableAmount.value }, readings) };
  } catch (e) {
    return { section, lines: [], note: problemOf(e) };
  }
}

/**
 * Section 5(d): the amendment fee, "0.00875 times the Revolving Commitment Amount (after giving
 * effect to this Amendment)", paid "for the ratable benefit of the Lenders": split by Schedule A's
 * commitments to the cent (Reading R-ALLOCATION). The workbook's Revolving Commitment Amount is
 * used, so a model still carrying a replaced commitment shows the fee that figure would give.
 */
export function amendmentFeeTable(inputs: ModelInputs): AmendmentFeeTable {
  const section = "5(d), Schedule A";
  const rca = inputs.revolvingCommitmentAmount.value;
  if (rca === undefined) {
    return { section, fee: null, revolvingCommitmentAmount: null, lines: [], note: inputs.revolvingCommitmentAmount.problem ?? "RevolvingCommitmentAmount is missing" };
  }
  const fee = amendmentFee(rca);
  const commitments = scheduleACommitments();
  const shares = proRataShares(commitments);
  const amounts = allocate(fee, commitments);
  const lines = LENDERS.map((l, i) => ({ lender: l.name, commitment: commitments[i], share: shares[i], amount: amounts[i] }));
  const note = rca.equals(term("revolvingCommitmentAmount")) ? undefined : `the workbook's Revolving Commitment Amount is not the amendment's; the fee follows the workbook`;
  return { section, fee, revolvingCommitmentAmount: rca, lines, ...(note === undefined ? {} : { note }) };
}

/** Section 1.1(c)(i)-(n): each ANECharges row and the part of it excluded, up to its category's cap. */
export function aneExclusionTable(inputs: ModelInputs): AneExclusionTable {
  const section = "1.1(c)";
  const charges = inputs.aneCharges.rows;
  if (charges === undefined) return { section, lines: [], total: null, note: inputs.aneCharges.problem ?? "the table ANECharges is missing" };
  try {
    const excluded = aneExclusions(charges);
    let total = ZERO;
    const lines = charges.map((c, i) => {
      total = total.plus(excluded[i]);
      return { date: c.date, category: c.category, section: ANE_CATEGORIES[c.category].clause, amount: c.amount, excluded: excluded[i] };
    });
    return { section, lines, total };
  } catch (e) {
    return { section, lines: [], total: null, note: problemOf(e) };
  }
}

/**
 * The baskets the layout has an input for: the KBC Allocable Amount against its cap (Section
 * 9.2.18(ix), Reading R-BASKET-AGGREGATE), blank being none used.
 */
export function basketTable(inputs: ModelInputs): BasketTable {
  const kbc = inputs.kbcAllocableAmount;
  if (kbc.problem !== undefined) return { lines: [], note: kbc.problem };
  const position = basketPosition("KBCALLOCABLE", kbc.value === undefined ? [] : [kbc.value]);
  return {
    lines: [{ basket: "KBCALLOCABLE", section: BASKETS.KBCALLOCABLE.section, input: "KBCAllocableAmount", cap: position.cap, used: position.used, headroom: position.headroom }],
  };
}
