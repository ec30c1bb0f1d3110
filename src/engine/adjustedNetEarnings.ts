/**
 * Section 1.1(c): "Adjusted Net Earnings from Operations" means, with respect to any fiscal period
 * of the Company, "the Company's consolidated net income after provision for income taxes for such
 * fiscal period … excluding the consolidated impact of any and all of the following included in such
 * consolidated net income (without duplication): …"
 *
 * Modelled: the capped exclusions of charges, clauses (i) to (n), each with its aggregate cap and
 * window, and the non-recurring or extraordinary gains of clause (g) above $150,000.
 *
 * Not modelled (Reading R-ANE-NOT-MODELLED): clauses (a) to (f) and (h) (gains and losses on capital
 * assets, write-ups, acquired and investee earnings, debt cancellation, reversed power expenses), the
 * exception of clause (l) for charges that take an Eligible Fixed Asset's book value below its OLV
 * In-Place Value, and the qualifications of clause (n) (non-cash during the term, arising solely out
 * of pre-petition liabilities). The workbook applies those to the amounts it supplies.
 */
import { Dec, ZERO } from "./decimal";
import { isoFromSerial, ymd } from "./dates";
import { numError } from "./errors";
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

/** One charge included in consolidated net income. */
export interface Charge {
  readonly category: AneCategory;
  /** Excel serial of the day the charge was recorded. */
  readonly date: number;
  /** The charge in US dollars, not negative. */
  readonly amount: Dec;
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

/**
 * Section 1.1(c)(g): a "gain arising from extraordinary items … or from any other non-recurring
 * transaction resulting in gain in an amount greater than $150,000" is excluded.
 *
 * Reading R-ANE-GAINS: the $150,000 threshold applies to each gain given (extraordinary or other
 * non-recurring), and a gain above it is excluded whole, not only its excess; a gain of $150,000 or
 * less stays in net income.
 *
 * @example excludedGains([dec(150000), dec("150000.01")]) //=> 150000.01
 */
export function excludedGains(gains: readonly Dec[]): Dec {
  let total = ZERO;
  for (const g of gains) {
    if (g.isNegative()) throw numError("a non-recurring gain is negative; gains are amounts of at least 0");
    if (g.greaterThan(term("aneGainThreshold"))) total = total.plus(g);
  }
  return total;
}

export interface AdjustedNetEarningsInputs {
  /** Consolidated net income after provision for income taxes for the fiscal period, signed. */
  readonly netEarnings: Dec;
  /** Every capped charge since the windows opened, so that earlier charges use up the caps. */
  readonly charges?: readonly Charge[];
  /** The period's non-recurring or extraordinary gains, one amount each. */
  readonly gains?: readonly Dec[];
  /** First day of the fiscal period (Excel serial); charges before it only use up caps. */
  readonly periodStart?: number;
  /** Last day of the fiscal period (Excel serial); charges after it are ignored. */
  readonly periodEnd?: number;
}

export interface AdjustedNetEarnings {
  readonly netEarnings: Dec;
  /** Charges added back: the excluded parts of the charges dated within the period. */
  readonly excludedCharges: Dec;
  /** Gains taken out under clause (g). */
  readonly excludedGains: Dec;
  readonly total: Dec;
}

/**
 * Section 1.1(c): net earnings plus the excluded charges (clauses (i)–(n)) less the excluded gains
 * (clause (g)).
 *
 * Reading R-ANE-PERIOD: with a period given, only charges dated within it are added back, while
 * earlier charges still use up the caps; without one, every charge given is added back. Charges are
 * losses included in net income, so excluding them adds them back; excluding gains takes them out.
 *
 * @throws #NUM! for a negative charge or gain, or a period that ends before it starts.
 * @example adjustedNetEarnings({ netEarnings: dec(-30000000), charges: [{ category: "PENSION", date: serial(2004, 10, 31), amount: dec(5000000) }], gains: [dec(200000)] }).total
 * //=> -25200000
 */
export function adjustedNetEarnings(inputs: AdjustedNetEarningsInputs): AdjustedNetEarnings {
  const charges = inputs.charges ?? [];
  const start = inputs.periodStart ?? Number.NEGATIVE_INFINITY;
  const end = inputs.periodEnd ?? Number.POSITIVE_INFINITY;
  if (end < start) throw numError(`periodEnd ${isoFromSerial(end)} is before periodStart ${isoFromSerial(start)}`);
  const excluded = aneExclusions(charges);
  let addBack = ZERO;
  charges.forEach((c, i) => {
    if (c.date >= start && c.date <= end) addBack = addBack.plus(excluded[i]);
  });
  const gains = excludedGains(inputs.gains ?? []);
  return { netEarnings: inputs.netEarnings, excludedCharges: addBack, excludedGains: gains, total: inputs.netEarnings.plus(addBack).minus(gains) };
}

