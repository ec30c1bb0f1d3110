/**
 * The amendment's baskets and limits: how much of each cap is left as of a date.
 *
 * - Section 9.2.20 (Section 1.18): Investments in or Contingent Liabilities for Persons other than
 *   Debtors are permitted only "(i) … solely to pay capital expenditures of QAL in an aggregate amount
 *   not to exceed $15,000,000 in Fiscal Year 2004", "(ii) … Anglesey or VALCO not reflected in the
 *   2004 Financial Forecast in an amount not to exceed $10,000,000 per annum" and "(iii) … Kaiser
 *   Aluminum and Chemical of Canada Limited … for the purpose of Capital Expenditures not to exceed
 *   $5,000,000 per annum".
 * - Section 9.2.18(ix) (Section 1.17): "the KBC Allocable Amount shall not (a) exceed $7,000,000".
 * - Section 10.1.10(l) (Section 1.21): "such Affiliate Loans shall be capped at a maximum of $55,000,000".
 * - Section 10.1.13 (Section 1.22): an Event of Default when a payment to the PBGC, "when aggregated
 *   with all such other similar payments made prior to or concurrently therewith, shall cause the
 *   aggregate of all such payments to exceed $25,000,000".
 * - Section 1.1(o): the Maximum Letter of Credit Amount is $100,000,000.
 *
 * - Section 9.2.20, after a QAL Triggering Event: "upon a QAL Triggering Event, any Investments in, or
 *   Contingent Liabilities incurred on behalf of, KAAC or QAL on or after June 30, 2004, shall be
 *   immediately repaid in full in cash" and no cash Investments may be made "on and following a QAL
 *   Triggering Event, [in] QAL or KAAC" (Reading R-BASKET-QAL-TRIGGER).
 *
 * Not modelled: which uses a basket counts (Investments "not reflected in the 2004 Financial
 * Forecast", made after the Seventh Amendment's effective date; PBGC payments exempt under the
 * proviso of 10.1.13; the Event of Cash Dominion condition of 9.2.20(ii); the limits of Section 9.2.7). The workbook lists the uses the
 * clause counts; the add-in sums them within the window (Reading R-BASKET-USES).
 */
import { Dec, ZERO } from "./decimal";
import { isoFromSerial, serial, ymd } from "./dates";
import { naError, numError, valueError } from "./errors";
import { term, TermKey, termDate, termInt } from "./terms";

/** How a basket counts its uses over time. */
export type BasketWindow =
  /** One Fiscal Year only (the year is a term): uses dated in that calendar year. */
  | "fiscalYear"
  /** "per annum": the cap starts again each Fiscal Year (calendar year). */
  | "eachFiscalYear"
  /** One cap for all time: every use to date counts. */
  | "aggregate"
  /** A limit on an amount outstanding: the latest figure counts, not a sum. */
  | "outstanding";

export interface BasketSpec {
  readonly section: string;
  /** Terms-table key of the cap. */
  readonly cap: TermKey;
  readonly window: BasketWindow;
  /** Terms-table key of the year, for a "fiscalYear" window. */
  readonly year?: TermKey;
  readonly description: string;
}

/** The baskets and limits, by the keyword a workbook uses for each; each window is a reading of its section. */
export const BASKETS = {
  // Reading R-BASKET-QALCAPEX: "in Fiscal Year 2004" is calendar 2004 and only 2004.
  QALCAPEX: { section: "9.2.20(i)", cap: "qalCapexCap", window: "fiscalYear", year: "qalCapexFiscalYear", description: "Investments in KAAC or QAL to pay capital expenditures of QAL" },
  // Reading R-BASKET-PER-ANNUM: "per annum" is each Fiscal Year, the calendar year.
  ANGLESEYVALCO: { section: "9.2.20(ii)", cap: "angleseyValcoCap", window: "eachFiscalYear", description: "Investments in or Contingent Liabilities for Anglesey or VALCO not reflected in the 2004 Financial Forecast" },
  CANADACAPEX: { section: "9.2.20(iii)", cap: "canadaCapexCap", window: "eachFiscalYear", description: "Investments in or Contingent Liabilities for Kaiser Aluminum and Chemical of Canada Limited for Capital Expenditures" },
  // Reading R-BASKET-AGGREGATE: no period in the text, so one cap for the life of the agreement.
  KBCALLOCABLE: { section: "9.2.18(ix)", cap: "kbcAllocableAmountCap", window: "aggregate", description: "The KBC Allocable Amount" },
  AFFILIATELOANS: { section: "10.1.10(l)", cap: "affiliateLoanCap", window: "aggregate", description: "Affiliate Loans to the Company by AJI, KJC and/or KAAC" },
  PBGCPAYMENTS: { section: "10.1.13", cap: "pbgcPaymentCap", window: "aggregate", description: "Payments to the PBGC (or a third party) on Claims of the PBGC" },
  // Reading R-BASKET-LC: a limit on Letters of Credit outstanding "at any time".
  LETTERSOFCREDIT: { section: "1.1(o)", cap: "maximumLetterOfCreditAmount", window: "outstanding", description: "Letters of Credit outstanding (the Maximum Letter of Credit Amount)" },
} as const satisfies Record<string, BasketSpec>;

export type BasketKey = keyof typeof BASKETS;
export const BASKET_KEYS = Object.keys(BASKETS) as BasketKey[];

export interface BasketPosition {
  readonly basket: BasketKey;
  readonly cap: Dec;
  /** What counts against the cap in the window as of the date (for LETTERSOFCREDIT, the latest outstanding). */
  readonly used: Dec;
  /** Cap less used, signed: negative when the basket is exceeded. */
  readonly headroom: Dec;
  /** The as-of date applied (Excel serial), undefined when no date was given or found. */
  readonly asOfDate?: number;
  /** First and last day of the window (Excel serials), for windows of a Fiscal Year. */
  readonly windowStart?: number;
  readonly windowEnd?: number;
}

function yearWindow(year: number): [number, number] {
  return [serial(year, 1, 1), serial(year, 12, 31)];
}

/**
 * Where a basket stands as of a date: its cap, what has been used in its window up to that date,
 * and the headroom left.
 *
 * Reading R-BASKET-ASOF: uses dated after `asOfDate` do not count; without `asOfDate` the latest date
 * among the uses is the as-of date; without dates every use counts (for a Fiscal Year basket, the uses
 * given are taken to be that year's).
 *
 * @param basket - The basket's keyword.
 * @param amounts - The uses in US dollars, each at least 0 (for LETTERSOFCREDIT, the amounts outstanding).
 * @param dates - Excel serial of each use, same length as `amounts`; omitted when the uses are undated.
 * @param asOfDate - Excel serial of the date of determination.
 * @throws #NUM! for a negative amount; #VALUE! when `dates` and `amounts` differ in length; #N/A for
 *   QALCAPEX as of a date outside Fiscal Year 2004 (the basket exists only in that year).
 * @example basketPosition("QALCAPEX", [dec(9000000), dec(7000000)], [serial(2004, 7, 15), serial(2004, 11, 1)]).headroom //=> -1000000
 */
export function basketPosition(basket: BasketKey, amounts: readonly Dec[], dates?: readonly number[], asOfDate?: number, qalTriggeringEventDate?: number): BasketPosition {
  const spec: BasketSpec = BASKETS[basket];
  if (dates !== undefined && dates.length !== amounts.length) throw valueError("usedAmounts and dates must have the same number of cells");
  amounts.forEach((a, i) => {
    if (a.isNegative()) throw numError(`usedAmounts row ${i + 1} is negative; a use of a basket is an amount of at least 0`);
  });
  // A loop, not Math.max(...dates): spreading a ledger of more than about 120,000 uses overflows the stack.
  const asOf = asOfDate ?? (dates !== undefined && dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : undefined);
  let window: [number, number] | undefined;
  if (spec.window === "fiscalYear" && spec.year !== undefined) {
    const year = termInt(spec.year);
    if (asOf !== undefined && ymd(asOf).year !== year) {
      throw naError(`the ${basket} basket applies only in Fiscal Year ${year}, not on ${isoFromSerial(asOf)} [${spec.section}]`);
    }
    window = yearWindow(year);
  } else if (spec.window === "eachFiscalYear" && asOf !== undefined) {
    window = yearWindow(ymd(asOf).year);
  }
  const counts = (i: number): boolean => {
    if (dates === undefined) return true;
    if (asOf !== undefined && dates[i] > asOf) return false;
    return window === undefined || (dates[i] >= window[0] && dates[i] <= window[1]);
  };
  let used = ZERO;
  if (spec.window === "outstanding") {
    let latest = -1;
    amounts.forEach((_, i) => {
      if (counts(i) && (latest < 0 || dates === undefined || dates[i] >= dates[latest])) latest = i;
    });
    if (latest >= 0) used = amounts[latest];
  } else {
    amounts.forEach((a, i) => {
      if (counts(i)) used = used.plus(a);
    });
  }
  const cap = term(spec.cap);
  let headroom = cap.minus(used);
  // Reading R-BASKET-QAL-TRIGGER: on and after a QAL Triggering Event the QAL basket is closed.
  if (basket === "QALCAPEX" && qalTriggeringEventDate !== undefined && (asOf === undefined || asOf >= qalTriggeringEventDate)) headroom = Dec.min(headroom, ZERO);
  return { basket, cap, used, headroom, asOfDate: asOf, windowStart: window?.[0], windowEnd: window?.[1] };
}

/**
 * The cap less what has been used within the basket's window up to `asOfDate`; negative when the
 * basket is exceeded. See `basketPosition` for the arguments and readings.
 *
 * @example basketHeadroom("PBGCPAYMENTS", [dec(10000000), dec(15000000)]) //=> 0 (reached, not exceeded)
 */
export function basketHeadroom(basket: BasketKey, amounts: readonly Dec[], dates?: readonly number[], asOfDate?: number, qalTriggeringEventDate?: number): Dec {
  return basketPosition(basket, amounts, dates, asOfDate, qalTriggeringEventDate).headroom;
}

/**
 * Section 9.2.20(i): "upon a QAL Triggering Event, any Investments in, or Contingent Liabilities incurred
 * on behalf of, KAAC or QAL on or after June 30, 2004, shall be immediately repaid in full in cash by QAL
 * and KAAC to the respective Obligor" — the total of those dated from 2004-06-30 to the QAL Triggering
 * Event, both days included (Reading R-BASKET-QAL-TRIGGER).
 *
 * @param dates - Excel serial of each Investment or Contingent Liability.
 * @param amounts - Each amount in US dollars, at least 0, beside its date.
 * @param qalTriggeringEventDate - Excel serial of the QAL Sale Event or QAL Plan Event.
 * @throws #NUM! for a negative amount; #VALUE! when the lists differ in length.
 * @example qalRepaymentDue([serial(2004, 6, 29), serial(2004, 6, 30), serial(2004, 9, 15)], [dec(1000000), dec(2000000), dec(3000000)], serial(2004, 12, 1)) //=> 5000000
 */
export function qalRepaymentDue(dates: readonly number[], amounts: readonly Dec[], qalTriggeringEventDate: number): Dec {
  if (dates.length !== amounts.length) throw valueError("dates and amounts must have the same number of cells");
  const from = termDate("qalRepaymentFrom");
  let due = ZERO;
  amounts.forEach((a, i) => {
    if (a.isNegative()) throw numError(`amounts row ${i + 1} is negative; an Investment is an amount of at least 0`);
    if (dates[i] >= from && dates[i] <= qalTriggeringEventDate) due = due.plus(a);
  });
  return due;
}
