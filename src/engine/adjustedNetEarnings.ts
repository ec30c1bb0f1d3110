/**
 * Section 1.1(c): "Adjusted Net Earnings from Operations" means, with respect to any fiscal period
 * of the Company, "the Company's consolidated net income after provision for income taxes for such
 * fiscal period … excluding the consolidated impact of any and all of the following included in such
 * consolidated net income (without duplication): …"
 *
 * Modelled: the capped exclusions of charges, clauses (i) to (n), each with its aggregate cap and
 * window, and the exception of clause (l) for the part of an impairment charge that takes an Eligible
 * Fixed Asset's book value below its OLV In-Place Value; the gains and losses on the sale of capital
 * assets greater than $150,000 (clause (a)); the earnings of a non-Subsidiary investee above the cash
 * received plus $3,000,000 (clause (d)); the extraordinary gains and the other non-recurring gains
 * greater than $150,000 (clause (g)).
 *
 * Not modelled (Reading R-ANE-NOT-MODELLED): clauses (b), (c), (e), (f) and (h) (write-ups, acquired
 * and merged earnings, debt cancellation, reversed power expenses) and the qualifications of clause
 * (n) (non-cash during the term, arising solely out of pre-petition liabilities). The workbook
 * applies those to the amounts it supplies.
 */
import { Dec, maxDec, minDec, ZERO } from "./decimal";
import { isoFromSerial, ymd } from "./dates";
import { numError, valueError } from "./errors";
import { term, TermKey, termDate, termInt } from "./terms";

/** When a category's cap counts a charge, and whether the cap starts again. */
export type AneWindow =
  /** "after May 31, 2004": charges dated from 2004-06-01 on, one cap for the whole term. */
  | "afterMay2004"
  /** "in Fiscal Year 2004": charges dated in calendar 2004 only. */
  | "fiscalYear2004"
  /** "in any Fiscal Year": the cap starts again each calendar year. */
  | "eachFiscalYear"
  /** No cap and no window (clause (n)(v), asbestos and personal injury claims). */
  | "unlimited";

export interface AneCategorySpec {
  /** The clause of 1.1(c) that sets the exclusion. */
  readonly clause: string;
  /** The terms-table key of the aggregate cap, absent when uncapped. */
  readonly cap?: TermKey;
  readonly window: AneWindow;
  readonly description: string;
}

/**
 * The capped exclusions of Section 1.1(c), by the keyword a workbook uses for each. Reading
 * R-ANE-WINDOWS gives each window; Reading R-ANE-FISCAL-YEAR makes the Fiscal Year the calendar year.
 */
export const ANE_CATEGORIES = {
  LIFO: { clause: "1.1(c)(i)", cap: "aneLifoCap", window: "afterMay2004", description: "Non-cash LIFO inventory valuation charges" },
  PENSION: { clause: "1.1(c)(j)", cap: "anePensionCap", window: "fiscalYear2004", description: "Non-cash pension expenses" },
  PENSIONSPECIAL: { clause: "1.1(c)(k)", cap: "anePensionSpecialCap", window: "eachFiscalYear", description: "Non-cash special charges relating to pension expenses" },
  IMPAIRMENT: { clause: "1.1(c)(l)", cap: "aneImpairmentCap", window: "afterMay2004", description: "Non-cash impairment charges relating to fixed assets or Investments" },
  FOREIGNINVENTORY: { clause: "1.1(c)(m)", cap: "aneForeignInventoryCap", window: "afterMay2004", description: "Non-cash write-downs of Inventory located outside the United States" },
  BPA: { clause: "1.1(c)(n)(i)", cap: "aneBpaCap", window: "afterMay2004", description: "Accruals for the rejection of the Bonneville Power Administration contract" },
  USWA: { clause: "1.1(c)(n)(ii)", cap: "aneUswaCap", window: "afterMay2004", description: "Accruals for the USWA strike and lockout unfair labor practices claims" },
  PBGC: { clause: "1.1(c)(n)(iii)", cap: "anePbgcCap", window: "afterMay2004", description: "Accruals for liabilities to the PBGC relating to Pension Plans" },
  RETIREEMEDICAL: { clause: "1.1(c)(n)(iv)", cap: "aneRetireeMedicalCap", window: "afterMay2004", description: "Accruals for curtailment or settlement charges related to retiree medical obligations" },
  ASBESTOS: { clause: "1.1(c)(n)(v)", window: "unlimited", description: "Accruals for asbestos and other personal injury claims to be settled through a trust under a Plan of Reorganization" },
  PREPETITION: { clause: "1.1(c)(n)(vi)", cap: "anePrepetitionCap", window: "afterMay2004", description: "Accruals for other pre-petition liabilities" },
} as const satisfies Record<string, AneCategorySpec>;

export type AneCategory = keyof typeof ANE_CATEGORIES;
export const ANE_CATEGORY_KEYS = Object.keys(ANE_CATEGORIES) as AneCategory[];

/**
 * The other items of Section 1.1(c) a row may carry, beside the capped charges: they have no cap and
 * no window, and each has its own rule (Readings R-ANE-CAPITAL-ASSETS, R-ANE-INVESTEE).
 */
export const ANE_OTHER_ITEMS = {
  CAPITALGAIN: { clause: "1.1(c)(a)", effect: "takeOut", description: "Gain arising from the sale of a capital asset (excluded when greater than $150,000)" },
  CAPITALLOSS: { clause: "1.1(c)(a)", effect: "addBack", description: "Loss arising from the sale of a capital asset, as a positive amount (added back when greater than $150,000)" },
  INVESTEE: { clause: "1.1(c)(d)", effect: "takeOut", description: "Earnings of a Person other than a Subsidiary in which the Company or a Subsidiary has an ownership interest" },
} as const satisfies Record<string, { clause: string; effect: "addBack" | "takeOut"; description: string }>;

export type AneOtherItem = keyof typeof ANE_OTHER_ITEMS;
/** Every category a row of KAISER.ANEEXCLUSIONS may carry: the capped charges, then the other items. */
export type AneItemCategory = AneCategory | AneOtherItem;
export const ANE_ITEM_KEYS = [...ANE_CATEGORY_KEYS, ...(Object.keys(ANE_OTHER_ITEMS) as AneOtherItem[])] as AneItemCategory[];

/** One charge included in consolidated net income. */
export interface Charge {
  readonly category: AneCategory;
  /** Excel serial of the day the charge was recorded. */
  readonly date: number;
  /** The charge in US dollars, not negative. */
  readonly amount: Dec;
}

/** One row of KAISER.ANEEXCLUSIONS: a capped charge or another item, with the columns its clause needs. */
export interface AneItem {
  readonly category: AneItemCategory;
  /** Excel serial of the day the item was recorded. */
  readonly date: number;
  /** The charge, gain, loss (as a positive amount) or earnings in US dollars, not negative. */
  readonly amount: Dec;
  /** INVESTEE only: the amount received in cash by the Company and its Subsidiaries from that Person (blank is 0). */
  readonly cashReceived?: Dec;
  /** IMPAIRMENT only: the Eligible Fixed Asset's book value before the charge. */
  readonly bookValue?: Dec;
  /** IMPAIRMENT only: that Eligible Fixed Asset's OLV In-Place Value. */
  readonly olvInPlaceValue?: Dec;
}

/**
 * Which cap a charge counts against: a key shared by the charges that share an aggregate, or
 * undefined when the charge is outside its category's window (excluded 0). Uncapped categories give
 * "unlimited". `windowAfter` and `fiscalYear2004` are the terms, read once per call.
 */
function bucketOf(charge: Charge, windowAfter: number, fiscalYear2004: number): string | undefined {
  const spec: AneCategorySpec = ANE_CATEGORIES[charge.category];
  switch (spec.window) {
    case "afterMay2004":
      return charge.date > windowAfter ? charge.category : undefined;
    case "fiscalYear2004":
      return ymd(charge.date).year === fiscalYear2004 ? charge.category : undefined;
    case "eachFiscalYear":
      return `${charge.category}:${ymd(charge.date).year}`;
    case "unlimited":
      return "unlimited";
  }
}

/**
 * Section 1.1(c)(i)–(n): the part of each charge excluded from Adjusted Net Earnings from
 * Operations, one result per charge in the order given.
 *
 * Reading R-ANE-ORDER: each category's aggregate cap is used up cumulatively in date order (charges
 * of the same date in the order given); each charge is excluded up to what remains of its cap, so a
 * charge that reaches the cap is split (the part above the cap stays in net income). A charge outside
 * its window is excluded 0. Reading R-ANE-WINDOWS: "after May 31, 2004" counts charges dated
 * 2004-06-01 or later against one cap for the whole term, not a cap per fiscal period, so the
 * charges given must include every earlier charge since that date.
 *
 * @param charges - The charges, each with its category, date and amount.
 * @returns The excluded part of each charge, in the same order.
 * @throws #NUM! when an amount is negative (a reversal of a charge is not modelled, Reading R-ANE-CHARGES).
 * @example aneExclusions([
 *   { category: "LIFO", date: serial(2004, 6, 30), amount: dec(15000000) },
 *   { category: "LIFO", date: serial(2004, 9, 30), amount: dec(8000000) },
 * ]) //=> [15000000, 5000000] ($20,000,000 cap reached in the second row)
 */
export function aneExclusions(charges: readonly Charge[]): Dec[] {
  const dates = Float64Array.from(charges, (c) => c.date);
  const order = Array.from(charges, (_, i) => i).sort((a, b) => dates[a] - dates[b] || a - b);
  const windowAfter = termDate("aneWindowAfter");
  const fiscalYear2004 = termInt("aneFiscalYear2004");
  /** What is left of each cap, by bucket. */
  const remaining = new Map<string, Dec>();
  const excluded: Dec[] = new Array<Dec>(charges.length);
  for (const i of order) {
    const charge = charges[i];
    if (charge.amount.isNegative()) throw numError(`the ${charge.category} charge of ${isoFromSerial(charge.date)} is negative; charges are amounts of at least 0`);
    const bucket = bucketOf(charge, windowAfter, fiscalYear2004);
    const capKey: TermKey | undefined = (ANE_CATEGORIES[charge.category] as AneCategorySpec).cap;
    if (bucket === undefined) {
      excluded[i] = ZERO;
    } else if (capKey === undefined) {
      excluded[i] = charge.amount;
    } else {
      const left = remaining.get(bucket) ?? term(capKey);
      const part = charge.amount.lessThan(left) ? charge.amount : left;
      excluded[i] = part;
      remaining.set(bucket, left.minus(part));
    }
  }
  return excluded;
}

/** The two kinds of gain of clause (g): an extraordinary item, or any other non-recurring transaction. */
export type GainKind = "EXTRAORDINARY" | "NONRECURRING";
export const GAIN_KINDS: readonly GainKind[] = ["EXTRAORDINARY", "NONRECURRING"];

/**
 * Section 1.1(c)(g): a "gain arising from extraordinary items, as determined in accordance with GAAP,
 * or from any other non-recurring transaction resulting in gain in an amount greater than $150,000"
 * is excluded.
 *
 * Reading R-ANE-GAINS: the $150,000 threshold belongs to the other non-recurring transactions only;
 * an extraordinary gain is excluded whatever its amount. A non-recurring gain above the threshold is
 * excluded whole, not only its excess; one of $150,000 or less stays in net income. A gain without a
 * kind is NONRECURRING.
 *
 * @param gains - Each gain, US dollars, at least 0.
 * @param kinds - The kind of each gain, beside it; missing entries are NONRECURRING.
 * @throws #NUM! for a negative gain.
 * @example excludedGains([dec(150000), dec("150000.01")]) //=> 150000.01
 * @example excludedGains([dec(100000)], ["EXTRAORDINARY"]) //=> 100000
 */
export function excludedGains(gains: readonly Dec[], kinds?: readonly (GainKind | undefined)[]): Dec {
  let total = ZERO;
  const threshold = term("aneGainThreshold");
  gains.forEach((g, i) => {
    if (g.isNegative()) throw numError("a non-recurring gain is negative; gains are amounts of at least 0");
    if (kinds?.[i] === "EXTRAORDINARY" || g.greaterThan(threshold)) total = total.plus(g);
  });
  return total;
}

/**
 * Section 1.1(c)(l), the exception: "except for any such charges which reduce the book value of any
 * Eligible Fixed Asset to an amount less than the OLV In-Place Value of such Eligible Fixed Asset (such
 * exception to apply only to the amount by which the book value … is less than such OLV In-Place Value
 * as a result of such charges)".
 *
 * Reading R-ANE-IMPAIRMENT-OLV: with C the charge, B the book value before it and V the OLV In-Place
 * Value, the part not excluded is what the charge takes the book value below V: min(C, max(0, V − (B − C))).
 *
 * @example impairmentBelowOlv(dec(30000000), dec(100000000), dec(80000000)) //=> 10000000
 */
export function impairmentBelowOlv(charge: Dec, bookValue: Dec, olvInPlaceValue: Dec): Dec {
  return minDec(charge, maxDec(ZERO, olvInPlaceValue.minus(bookValue.minus(charge))));
}

/** Whether an item's excluded part is added back to net income (a charge or loss) or taken out (a gain or earnings). */
export function aneEffect(category: AneItemCategory): "addBack" | "takeOut" {
  return category in ANE_OTHER_ITEMS ? ANE_OTHER_ITEMS[category as AneOtherItem].effect : "addBack";
}

/** Checks the columns an item carries against its category (#VALUE! for a column given where it does not apply, #NUM! for a negative one). */
export function checkAneItem(c: AneItem): void {
  const where = `the ${c.category} row of ${isoFromSerial(c.date)}`;
  if (c.cashReceived !== undefined && c.category !== "INVESTEE") throw valueError(`${where}: cashReceived applies to INVESTEE rows only [1.1(c)(d)]`);
  const asset = c.bookValue !== undefined || c.olvInPlaceValue !== undefined;
  if (asset && c.category !== "IMPAIRMENT") throw valueError(`${where}: bookValues and olvInPlaceValues apply to IMPAIRMENT rows only [1.1(c)(l)]`);
  if (asset && (c.bookValue === undefined || c.olvInPlaceValue === undefined)) throw valueError(`${where}: give both the book value and the OLV In-Place Value of the Eligible Fixed Asset, or neither [1.1(c)(l)]`);
  for (const [name, v] of [["cashReceived", c.cashReceived], ["bookValues", c.bookValue], ["olvInPlaceValues", c.olvInPlaceValue]] as const) {
    if (v?.isNegative()) throw numError(`${where}: ${name} is negative; it is an amount of at least 0`);
  }
}

/**
 * Section 1.1(c): the part of each item excluded from Adjusted Net Earnings from Operations, one
 * result per item in the order given — the capped charges of clauses (i)–(n) (`aneExclusions`), less
 * the clause (l) exception where an impairment charge's Eligible Fixed Asset is given, and the other
 * items:
 * - CAPITALGAIN, CAPITALLOSS (clause (a), "gain or loss in an amount greater than $150,000 arising
 *   from the sale of any capital assets"): the whole amount when greater than $150,000, else 0
 *   (Reading R-ANE-CAPITAL-ASSETS);
 * - INVESTEE (clause (d), "earnings of any Person (other than a Subsidiary of the Company) … to the
 *   extent that such earnings exceed the sum of (i) the amount received in cash … and (ii) $3,000,000"):
 *   the earnings less the cash received less $3,000,000, not below 0 (Reading R-ANE-INVESTEE).
 *
 * Reading R-ANE-IMPAIRMENT-OLV: the part of an impairment charge not excluded uses none of the
 * $100,000,000 cap; the rest counts against it as any other charge.
 *
 * @throws #NUM! for a negative amount, cash received, book value or OLV In-Place Value; #VALUE! for a
 *   column given on a row it does not apply to, or only one of book value and OLV In-Place Value.
 * @example aneItemExclusions([{ category: "CAPITALLOSS", date: serial(2004, 10, 15), amount: dec(150001) }]) //=> [150001]
 */
export function aneItemExclusions(items: readonly AneItem[]): Dec[] {
  const capped: Charge[] = [];
  const cappedIndex: number[] = [];
  const excluded: Dec[] = new Array<Dec>(items.length);
  items.forEach((item, i) => {
    checkAneItem(item);
    if (item.amount.isNegative()) throw numError(`the ${item.category} amount of ${isoFromSerial(item.date)} is negative; amounts are at least 0`);
    switch (item.category) {
      case "CAPITALGAIN":
      case "CAPITALLOSS":
        excluded[i] = item.amount.greaterThan(term("aneCapitalAssetThreshold")) ? item.amount : ZERO;
        return;
      case "INVESTEE":
        excluded[i] = maxDec(ZERO, item.amount.minus(item.cashReceived ?? ZERO).minus(term("aneInvesteeCashAllowance")));
        return;
      default: {
        const kept = item.bookValue !== undefined && item.olvInPlaceValue !== undefined ? impairmentBelowOlv(item.amount, item.bookValue, item.olvInPlaceValue) : ZERO;
        capped.push({ category: item.category, date: item.date, amount: item.amount.minus(kept) });
        cappedIndex.push(i);
      }
    }
  });
  aneExclusions(capped).forEach((x, k) => (excluded[cappedIndex[k]] = x));
  return excluded;
}

export interface AdjustedNetEarningsInputs {
  /** Consolidated net income after provision for income taxes for the fiscal period, signed. */
  readonly netEarnings: Dec;
  /** Every capped charge since the windows opened, so that earlier charges use up the caps, and the other items of 1.1(c). */
  readonly charges?: readonly AneItem[];
  /** The period's non-recurring or extraordinary gains, one amount each. */
  readonly gains?: readonly Dec[];
  /** The kind of each gain, beside it (Reading R-ANE-GAINS); missing entries are NONRECURRING. */
  readonly gainKinds?: readonly (GainKind | undefined)[];
  /** First day of the fiscal period (Excel serial); charges before it only use up caps. */
  readonly periodStart?: number;
  /** Last day of the fiscal period (Excel serial); charges after it are ignored. */
  readonly periodEnd?: number;
}

export interface AdjustedNetEarnings {
  readonly netEarnings: Dec;
  /** Charges added back: the excluded parts of the charges (and capital losses) dated within the period. */
  readonly excludedCharges: Dec;
  /** Taken out: the excluded capital gains (clause (a)) and investee earnings (clause (d)) dated within the period. */
  readonly excludedEarnings: Dec;
  /** Gains taken out under clause (g). */
  readonly excludedGains: Dec;
  readonly total: Dec;
}

/**
 * Section 1.1(c): net earnings plus the excluded charges (clauses (i)–(n)) and capital losses (clause
 * (a)), less the excluded capital gains (clause (a)), investee earnings (clause (d)) and gains
 * (clause (g)).
 *
 * Reading R-ANE-PERIOD: with a period given, only items dated within it are added back or taken out,
 * while earlier charges still use up the caps; without one, every item given counts. Charges are
 * losses included in net income, so excluding them adds them back; excluding gains takes them out.
 *
 * @throws #NUM! for a negative charge or gain, or a period that ends before it starts.
 * @example adjustedNetEarnings({ netEarnings: dec(-30000000), charges: [{ category: "PENSION", date: serial(2004, 10, 31), amount: dec(5000000) }], gains: [dec(200000)] }).total
 * //=> -25200000
 */
export function adjustedNetEarnings(inputs: AdjustedNetEarningsInputs): AdjustedNetEarnings {
  const charges = inputs.charges ?? [];
  const { start, end } = fiscalPeriod(inputs);
  const excluded = aneItemExclusions(charges);
  let addBack = ZERO;
  let takeOut = ZERO;
  charges.forEach((c, i) => {
    if (c.date < start || c.date > end) return;
    if (aneEffect(c.category) === "addBack") addBack = addBack.plus(excluded[i]);
    else takeOut = takeOut.plus(excluded[i]);
  });
  return adjustedNetEarningsWith(inputs, addBack, takeOut);
}

/**
 * Reading R-ANE-PERIOD: the fiscal period's first and last days (unbounded where not given).
 *
 * @throws #NUM! for a period that ends before it starts.
 * @example fiscalPeriod({ netEarnings: ZERO, periodStart: 38353, periodEnd: 38717 }) //=> { start: 38353, end: 38717 }
 */
export function fiscalPeriod(inputs: AdjustedNetEarningsInputs): { start: number; end: number } {
  const start = inputs.periodStart ?? Number.NEGATIVE_INFINITY;
  const end = inputs.periodEnd ?? Number.POSITIVE_INFINITY;
  if (end < start) throw numError(`periodEnd ${isoFromSerial(end)} is before periodStart ${isoFromSerial(start)}`);
  return { start, end };
}

/**
 * Section 1.1(c) from the period's excluded charges (added back) and excluded earnings (taken out):
 * net earnings plus the one, less the other and the excluded gains of clause (g).
 *
 * @throws #NUM! for a negative gain.
 * @example adjustedNetEarningsWith({ netEarnings: dec(-30000000), gains: [dec(200000)] }, dec(5000000), ZERO).total //=> -25200000
 */
export function adjustedNetEarningsWith(inputs: AdjustedNetEarningsInputs, addBack: Dec, takeOut: Dec): AdjustedNetEarnings {
  const gains = excludedGains(inputs.gains ?? [], inputs.gainKinds);
  return {
    netEarnings: inputs.netEarnings,
    excludedCharges: addBack,
    excludedEarnings: takeOut,
    excludedGains: gains,
    total: inputs.netEarnings.plus(addBack).minus(takeOut).minus(gains),
  };
}
