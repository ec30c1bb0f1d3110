/**
 * The one table of terms: every figure the Seventh Amendment (and the two documents beside it)
 * fixes, each once, with its unit and the section that fixes it.
 *
 * Code never repeats one of these literals; it reads them through `term()` (a decimal) or
 * `termDate()` (an Excel serial). `KAISER.TERM(key)` and `KAISER.TERMS()` show the same table in
 * the workbook. Keys are stable (workbooks store them in formulas); sections live in the table,
 * not in the key names (STYLE.md, "Cite the text").
 *
 * Sources: "002" is the Seventh Amendment (section numbers are the amendment's own, e.g. 1.1(f)(b));
 * "001" is the stock option grant letter (¶ counts the letter's paragraphs from "We are pleased");
 * "000" is the April 21, 2004 Alpart announcement (¶ counts from "HOUSTON").
 * Entries marked "Reading" are not fixed by a document but by a reading the README lists.
 * "excel" marks the one entry that is not the amendment's: a limit of Microsoft Excel's custom-functions
 * runtime (how large a result Excel can receive, ../shared/RUNTIME.md "Size"), kept here so that it is
 * shown, documented and changed in one place like every other figure.
 */
import { dec, Dec } from "./decimal";
import { serialFromIso } from "./dates";
import { naError } from "./errors";

export type Unit =
  | "USD"
  | "fraction"
  | "fraction per annum"
  | "days"
  | "business days"
  | "months"
  | "years"
  | "date"
  | "hour of day"
  | "times"
  | "characters";

export type Source = "002" | "001" | "000" | "excel";

export interface TermSpec {
  /** Exact decimal string, or "YYYY-MM-DD" when the unit is "date". */
  readonly value: string;
  readonly unit: Unit;
  readonly section: string;
  readonly source: Source;
  readonly description: string;
}

const A = "002" as const;
const GRANT = "001" as const;
const ALPART = "000" as const;
const EXCEL = "excel" as const;

export const TERMS = {
  // ---- Borrowing Base, reserves, commitment and fees (foundation) ----
  inventoryCap: { value: "125000000", unit: "USD", section: "1.1(f)(b)", source: A, description: "Cap on clause (b), the inventory component of the Borrowing Base" },
  inventoryAdvanceRate: { value: "0.65", unit: "fraction", section: "1.1(f)(b)", source: A, description: "Advance rate on Eligible Inventory" },
  netRecoveryAdvanceRate: { value: "0.85", unit: "fraction", section: "1.1(f)(b)", source: A, description: "Share of the Net Recovery Percentage of Eligible Inventory, once a satisfactory appraisal is received" },
  ppeCap: { value: "50000000", unit: "USD", section: "1.1(f)(c)", source: A, description: "Cap on the PPE Subcomponent, clause (c) of the Borrowing Base" },
  ppeOlvRate: { value: "0.5", unit: "fraction", section: "1.1(f)(c)", source: A, description: "Share of the OLV In-Place Value of Eligible Fixed Assets in the PPE Subcomponent" },
  availabilityReserveCap: { value: "20000000", unit: "USD", section: "1.1(e)", source: A, description: "Availability Reserve: at most this amount" },
  availabilityReserveRate: { value: "0.10", unit: "fraction", section: "1.1(e)", source: A, description: "Availability Reserve: at most this share of the Revolving Commitment Amount" },
  revolvingCommitmentAmount: { value: "200000000", unit: "USD", section: "1.2", source: A, description: "Revolving Commitment Amount after the Seventh Amendment (Section 2.1.1(b)(x))" },
  maximumLetterOfCreditAmount: { value: "100000000", unit: "USD", section: "1.1(o)", source: A, description: "Maximum Letter of Credit Amount" },
  commitmentFeeRate: { value: "0.00625", unit: "fraction per annum", section: "1.3", source: A, description: "Commitment fee, 0.625% per annum (Section 3.5.1)" },
  commitmentFeeDayCountBasis: { value: "360", unit: "days", section: "Reading R-COMMITMENTFEE-BASIS", source: A, description: "Day-count basis of the commitment fee; the Credit Agreement's day count is not in the amendment" },
  amendmentFeeFactor: { value: "0.00875", unit: "times", section: "5(d)", source: A, description: "Amendment fee: this factor times the Revolving Commitment Amount" },
  thresholdRate: { value: "0.85", unit: "fraction", section: "1.1(aa)", source: A, description: "Threshold: this share of clauses (a) plus (b) of the Borrowing Base" },
  priorRevolvingCommitmentAmount: { value: "285000000", unit: "USD", section: "1.2", source: A, description: "Pre-amendment figure: the Revolving Commitment Amount the Seventh Amendment replaced" },
  priorMaximumLetterOfCreditAmount: { value: "125000000", unit: "USD", section: "1.1(o)", source: A, description: "Pre-amendment figure: the Maximum Letter of Credit Amount the Seventh Amendment replaced" },
  priorCommitmentFeeRate: { value: "0.005", unit: "fraction per annum", section: "1.3", source: A, description: "Pre-amendment figure: the 1/2 of 1% commitment fee the Seventh Amendment replaced" },

  // ---- Threshold Event (1.1(aa)) ----
  thresholdEventAfter: { value: "2004-08-31", unit: "date", section: "1.1(aa)", source: A, description: "Threshold Events count only after this date" },
  thresholdEventDays: { value: "5", unit: "business days", section: "1.1(aa)", source: A, description: "Business Days of exceedance for a Threshold Event, consecutive (x) or in one calendar month (y)" },
  thresholdEventDaysMinimumEbitda: { value: "3", unit: "business days", section: "1.1(aa)", source: A, description: "Business Days of exceedance for a Threshold Event with respect to Section 9.2.4" },

  // ---- PPE Subcomponent Reduction (1.1(t)) ----
  ppeThresholdEventReduction: { value: "5000000", unit: "USD", section: "1.1(t)(b)", source: A, description: "Reduction upon each Threshold Event, at most once each calendar month" },
  ppeClauseBFloor: { value: "25000000", unit: "USD", section: "1.1(t)(b)(ii)", source: A, description: "Clause (b) reductions never take the PPE Subcomponent below this amount" },
  gramercyBaseReduction: { value: "3000000", unit: "USD", section: "1.1(t)(c)(1)", source: A, description: "Gramercy/KJBC: the greater of the KBC Allocable Amount and this amount" },
  gramercyExcessShare: { value: "0.5", unit: "fraction", section: "1.1(t)(c)(1)", source: A, description: "Gramercy/KJBC: share of the proceeds above the base amount" },
  valcoBaseReduction: { value: "7000000", unit: "USD", section: "1.1(t)(c)(2)", source: A, description: "VALCO: base reduction" },
  valcoExcessShare: { value: "0.5", unit: "fraction", section: "1.1(t)(c)(2)", source: A, description: "VALCO: share of the VALCO Proceeds above the base amount" },
  intercompanyReductionShare: { value: "1", unit: "fraction", section: "1.1(t)(d)-(e)", source: A, description: "Share of unpaid intercompany Indebtedness (AJI, KJC, KAAC, QAL) that reduces the PPE Subcomponent" },
  kbcAllocableAmountCap: { value: "7000000", unit: "USD", section: "9.2.18(ix)", source: A, description: "The KBC Allocable Amount shall not exceed this amount (Section 1.17)" },

  // ---- Appraisals and notices (9.1.18(b), 9.1.1(o)) ----
  appraisalTriggerRate: { value: "0.80", unit: "fraction", section: "9.1.18(b)", source: A, description: "An updated appraisal may be obtained when Revolving Credit Outstandings exceed this share of the Borrowing Base" },
  appraisalIntervalDays: { value: "180", unit: "days", section: "9.1.18(b)", source: A, description: "Updated appraisals required no more often than once in every period of this many days" },
  appraisalDefaultIntervalMonths: { value: "1", unit: "months", section: "9.1.18(b)", source: A, description: "While a Default continues, appraisals no more often than monthly" },
  noticeDaysBefore: { value: "5", unit: "business days", section: "9.1.1(o)(x)", source: A, description: "Schedule due this many Business Days before the event when the Threshold is affected" },
  noticeDaysAfter: { value: "1", unit: "business days", section: "9.1.1(o)(y)", source: A, description: "Otherwise, schedule due no later than this many Business Days after the event" },

  // ---- Minimum EBITDA (9.2.4) ----
  minimumEbitdaPeriodStart: { value: "2004-10-01", unit: "date", section: "9.2.4", source: A, description: "First day of every Minimum EBITDA period (October 1, 2004 through December 31, 2004)" },
  minimumEbitdaPeriod1End: { value: "2004-10-31", unit: "date", section: "9.2.4", source: A, description: "End of the 1-month period" },
  minimumEbitdaPeriod1: { value: "-22500000", unit: "USD", section: "9.2.4", source: A, description: "Minimum EBITDA, 1 month ending 10/31/04" },
  minimumEbitdaPeriod2End: { value: "2004-11-30", unit: "date", section: "9.2.4", source: A, description: "End of the 2-month period" },
  minimumEbitdaPeriod2: { value: "-20500000", unit: "USD", section: "9.2.4", source: A, description: "Minimum EBITDA, 2 months ending 11/30/04" },
  minimumEbitdaPeriod3End: { value: "2004-12-31", unit: "date", section: "9.2.4", source: A, description: "End of the 3-month period" },
  minimumEbitdaPeriod3: { value: "-19500000", unit: "USD", section: "9.2.4", source: A, description: "Minimum EBITDA, 3 months ending 12/31/04" },

  // ---- Adjusted Net Earnings from Operations (1.1(c)) ----
  aneGainThreshold: { value: "150000", unit: "USD", section: "1.1(c)(g)", source: A, description: "Gains from non-recurring transactions (other than extraordinary items) above this amount are excluded" },
  aneCapitalAssetThreshold: { value: "150000", unit: "USD", section: "1.1(c)(a)", source: A, description: "Gains or losses from the sale of capital assets above this amount are excluded" },
  aneInvesteeCashAllowance: { value: "3000000", unit: "USD", section: "1.1(c)(d)", source: A, description: "Earnings of a non-Subsidiary investee are excluded to the extent they exceed the cash received plus this amount" },
  aneWindowAfter: { value: "2004-05-31", unit: "date", section: "1.1(c)(i),(l),(m),(n)", source: A, description: "Caps 'after May 31, 2004' count charges after this date" },
  aneFiscalYear2004: { value: "2004", unit: "years", section: "1.1(c)(j)", source: A, description: "Fiscal Year 2004 (Reading: the Fiscal Year is the calendar year)" },
  aneLifoCap: { value: "20000000", unit: "USD", section: "1.1(c)(i)", source: A, description: "Non-cash LIFO inventory valuation charges after May 31, 2004" },
  anePensionCap: { value: "68000000", unit: "USD", section: "1.1(c)(j)", source: A, description: "Non-cash pension expenses in Fiscal Year 2004" },
  anePensionSpecialCap: { value: "25000000", unit: "USD", section: "1.1(c)(k)", source: A, description: "Non-cash special charges relating to pension expenses, in any Fiscal Year" },
  aneImpairmentCap: { value: "100000000", unit: "USD", section: "1.1(c)(l)", source: A, description: "Non-cash impairment charges (fixed assets or Investments) after May 31, 2004" },
  aneForeignInventoryCap: { value: "10000000", unit: "USD", section: "1.1(c)(m)", source: A, description: "Non-cash write-down of Inventory outside the United States after May 31, 2004" },
  aneBpaCap: { value: "80000000", unit: "USD", section: "1.1(c)(n)(i)", source: A, description: "Accruals for the rejection of the Bonneville Power Administration contract after May 31, 2004" },
  aneUswaCap: { value: "250000000", unit: "USD", section: "1.1(c)(n)(ii)", source: A, description: "Accruals for USWA unfair labor practices claims after May 31, 2004" },
  anePbgcCap: { value: "250000000", unit: "USD", section: "1.1(c)(n)(iii)", source: A, description: "Accruals for liabilities to the PBGC relating to Pension Plans after May 31, 2004" },
  aneRetireeMedicalCap: { value: "400000000", unit: "USD", section: "1.1(c)(n)(iv)", source: A, description: "Accruals for retiree medical curtailment or settlement charges after May 31, 2004" },
  anePrepetitionCap: { value: "100000000", unit: "USD", section: "1.1(c)(n)(vi)", source: A, description: "Accruals for other pre-petition liabilities after May 31, 2004" },

  // ---- Schedule A (Lenders' Revolving Commitments) ----
  commitmentBankOfAmerica: { value: "38597000", unit: "USD", section: "Schedule A", source: A, description: "Bank of America, N.A." },
  commitmentGeCapital: { value: "38597000", unit: "USD", section: "Schedule A", source: A, description: "General Electric Capital Corporation" },
  commitmentCit: { value: "28070000", unit: "USD", section: "Schedule A", source: A, description: "The CIT Group/Business Credit, Inc." },
  commitmentWellsFargoFoothill: { value: "31578000", unit: "USD", section: "Schedule A", source: A, description: "Wells Fargo Foothill, Inc. (fka Foothill Capital Corporation)" },
  commitmentMerrillLynch: { value: "24562000", unit: "USD", section: "Schedule A", source: A, description: "Merrill Lynch Business Financial Services Inc." },
  commitmentGmac: { value: "21052000", unit: "USD", section: "Schedule A", source: A, description: "GMAC Commercial Finance LLC" },
  commitmentPnc: { value: "17544000", unit: "USD", section: "Schedule A", source: A, description: "PNC Bank, National Association" },

  // ---- Baskets and limits ----
  qalCapexCap: { value: "15000000", unit: "USD", section: "9.2.20(i)", source: A, description: "Investments in KAAC or QAL for QAL capital expenditures, Fiscal Year 2004 (Section 1.18)" },
  qalCapexFiscalYear: { value: "2004", unit: "years", section: "9.2.20(i)", source: A, description: "The QAL capital expenditure basket is for Fiscal Year 2004 only (Reading R-BASKET-QALCAPEX: the Fiscal Year is the calendar year)" },
  angleseyValcoCap: { value: "10000000", unit: "USD", section: "9.2.20(ii)", source: A, description: "Investments in or Contingent Liabilities for Anglesey or VALCO not in the 2004 Financial Forecast, per annum" },
  canadaCapexCap: { value: "5000000", unit: "USD", section: "9.2.20(iii)", source: A, description: "Investments in Kaiser Aluminum and Chemical of Canada Limited for Capital Expenditures, per annum" },
  affiliateLoanCap: { value: "55000000", unit: "USD", section: "10.1.10(l)", source: A, description: "Affiliate Loans capped at this amount (Section 1.21)" },
  affiliateLoanInterestRate: { value: "0.12", unit: "fraction per annum", section: "10.1.10(l)", source: A, description: "Interest on deferred Affiliate Loan repayments" },
  affiliateLoanDeferralMonths: { value: "18", unit: "months", section: "10.1.10(l)", source: A, description: "Deferred Affiliate Loan repayment no later than this many months after the Plan's effective date" },
  affiliateLoanDayCountBasis: { value: "365", unit: "days", section: "Reading R-AFFILIATE-DAYCOUNT", source: A, description: "Day-count basis of Affiliate Loan interest: actual days over 365" },
  planFilingDeadline: { value: "2005-02-13", unit: "date", section: "10.1.10(l)", source: A, description: "Plan(s) of Reorganization for all Debtors to be filed on or before this date" },
  pbgcPaymentCap: { value: "25000000", unit: "USD", section: "10.1.13", source: A, description: "Aggregate payments to the PBGC above this amount are an Event of Default (Section 1.22)" },
  minimumAggregateProceedsCollateral: { value: "60000000", unit: "USD", section: "10.1.10(k)", source: A, description: "Event of Default when a QAL Triggering Event occurs and the Minimum Aggregate Proceeds Collateral is less than this" },

  // ---- Collateral and other defined amounts ----
  alpartCollateral: { value: "20000000", unit: "USD", section: "1.1(d)", source: A, description: "ALPART Collateral: this amount of the Net Disposition Proceeds of the sale of AJI's and KJC's interests in ALPART" },
  kaccAvailableAmount: { value: "28000000", unit: "USD", section: "1.1(m)", source: A, description: "KACC Available Amount deposited on the sale of the interests in ALPART" },
  qalCollateralFixed: { value: "40000000", unit: "USD", section: "1.1(u)", source: A, description: "QAL Collateral fixed at this principal after the Settlement Effective Date and a QAL Triggering Event" },
  settlementConsentShare: { value: "0.86", unit: "fraction", section: "9.2.25", source: A, description: "Lenders' share needed to approve changes to the Settlement and Release Agreement (Section 1.19)" },
  kbcReimbursementMargin: { value: "0.015", unit: "fraction per annum", section: "9.2.14", source: A, description: "Margin over the Reference Rate on reimbursement of KBC Professional Fees (Section 1.16)" },
  kbcReimbursementDayCountBasis: { value: "360", unit: "days", section: "Reading R-KBC-DAYCOUNT", source: A, description: "Day-count basis of the interest on KBC Professional Fees advanced; the Credit Agreement's day count is not in the amendment" },
  alpartClaims: { value: "20000000", unit: "USD", section: "1.1(d)", source: A, description: "ALPART Claims: the superpriority secured claims against AJI and KJC, this amount plus the ALPART Collateral's interest and earnings" },
  qalClaimsAfterSettlement: { value: "40000000", unit: "USD", section: "1.1(u)", source: A, description: "QAL Claims against KAAC after the Settlement Effective Date: this amount (plus the QAL Collateral's interest and earnings after a QAL Triggering Event)" },
  qalRepaymentFrom: { value: "2004-06-30", unit: "date", section: "9.2.20(i)", source: A, description: "Upon a QAL Triggering Event, Investments in or Contingent Liabilities for KAAC or QAL made on or after this date are repaid in full" },
  sixthAmendmentEffectiveDate: { value: "2003-08-01", unit: "date", section: "1.1(t)(a)", source: A, description: "Asset Dispositions effected after the effective date of the Sixth Amendment (dated as of August 1, 2003; Reading R-PPE-SIXTH) count in clause (a)" },
  amendmentEffectiveDate: { value: "2004-10-28", unit: "date", section: "Reading R-TERM-EFFECTIVE", source: A, description: "Date the Seventh Amendment's figures take effect for KAISER.TERMASOF: the amendment's date (effectiveness depends on Section 5's conditions)" },

  // ---- Stock option grant letter (001) ----
  exerciseCutoffHour: { value: "17", unit: "hour of day", source: GRANT, section: "Grant letter ¶4", description: "A notice of exercise received after 5:00 p.m. Houston time is deemed exercised the next business day" },
  repurchaseWindowDays: { value: "10", unit: "days", source: GRANT, section: "Grant letter ¶3", description: "The Company may repurchase the option within ten days of exercise" },
  deathDisabilityWindowYears: { value: "1", unit: "years", source: GRANT, section: "Grant letter ¶5", description: "Death or disability: exercisable until the first anniversary of termination (or scheduled expiry, if earlier)" },
  retirementWindowYears: { value: "3", unit: "years", source: GRANT, section: "Grant letter ¶5", description: "Retirement: exercisable until the third anniversary of termination (or scheduled expiry, if earlier)" },
  otherTerminationWindowMonths: { value: "3", unit: "months", source: GRANT, section: "Grant letter ¶5", description: "Other terminations: exercisable for three months (not after scheduled expiry)" },
  kacParValue: { value: "0.01", unit: "USD", source: GRANT, section: "Grant letter ¶3", description: "Par value per share of KAC common stock" },

  // ---- Alpart announcement (000) ----
  alpartBasePurchasePrice: { value: "295000000", unit: "USD", source: ALPART, section: "Alpart release ¶1", description: "RUSAL's base purchase price for Kaiser's Alpart interests, before adjustments" },
  hydroAlpartShare: { value: "0.35", unit: "fraction", source: ALPART, section: "Alpart release ¶4", description: "Hydro Aluminium's share of Alpart" },
  kaiserAlpartShare: { value: "0.65", unit: "fraction", source: ALPART, section: "Alpart release ¶4", description: "Kaiser's share of Alpart (the remainder after Hydro's 35%)" },
  hydroPurchaseRightDays: { value: "30", unit: "days", source: ALPART, section: "Alpart release ¶4", description: "Hydro's right to buy Kaiser's interests lasts this many days after Court approval" },
  alpartExpectedCourtRuling: { value: "2004-04-26", unit: "date", source: ALPART, section: "Alpart release ¶3", description: "The day Kaiser expected the Court to rule on the sale agreement (the release's expectation, not a fixed term)" },
  alpartSaleClosingDate: { value: "2004-07-01", unit: "date", source: A, section: "1.1(t)(a)(3)", description: "The Asset Disposition of the interests in ALPART in the transaction that closed on this date is excluded from the PPE Subcomponent Reduction" },

  // ---- Excel's custom-functions runtime (not the amendment: RUNTIME.md, "Size") ----
  maxResultCharacters: {
    value: "2000000",
    unit: "characters",
    source: EXCEL,
    section: "Excel limit",
    description:
      "Largest result one call returns, in characters of the runtime's JSON message: 40% of the 5 MB Excel on the web accepts, since all pending results travel in one message, and the runtime's own 2,000,000-character retry slice; a larger result is one #VALUE! asking to split the range",
  },
} as const satisfies Record<string, TermSpec>;

export type TermKey = keyof typeof TERMS;

const cache = new Map<TermKey, Dec>();
const dateCache = new Map<TermKey, number>();

/** The value of a term as an exact decimal (a date term gives its Excel serial). */
export function term(key: TermKey): Dec {
  let value = cache.get(key);
  if (value === undefined) {
    const spec: TermSpec = TERMS[key];
    value = spec.unit === "date" ? dec(serialFromIso(spec.value)) : dec(spec.value);
    cache.set(key, value);
  }
  return value;
}

/** The value of a date term as an Excel serial. */
export function termDate(key: TermKey): number {
  // Read once: the schedules ask for their dates once an event, a million times in a whole column.
  let serialDate = dateCache.get(key);
  if (serialDate === undefined) {
    const spec: TermSpec = TERMS[key];
    if (spec.unit !== "date") throw new Error(`term ${key} is not a date`);
    dateCache.set(key, (serialDate = serialFromIso(spec.value)));
  }
  return serialDate;
}

/** The value of a whole-number term (days, months, years, hours) as a JavaScript number. */
export function termInt(key: TermKey): number {
  return term(key).toNumber();
}

export function isTermKey(key: string): key is TermKey {
  return Object.prototype.hasOwnProperty.call(TERMS, key);
}

export const TERM_KEYS = Object.keys(TERMS) as TermKey[];

/** Finds a key case-insensitively; an unknown key is #N/A with the nearest keys named. */
export function lookupTerm(key: string): { key: TermKey; spec: TermSpec; value: Dec } {
  const wanted = key.trim().toLowerCase();
  const found = TERM_KEYS.find((k) => k.toLowerCase() === wanted);
  if (found === undefined) {
    const shown = key.length > KEY_LENGTH_LIMIT ? `${key.slice(0, KEY_LENGTH_LIMIT)}…` : key;
    throw naError(`no term "${shown}"; nearest keys: ${nearestKeys(key, 3).join(", ")}`);
  }
  return { key: found, spec: TERMS[found], value: term(found) };
}

/**
 * Longest key the fuzzy match compares: the longest real key. Edit distance costs the product of
 * the lengths, so a 32,767-character cell would take seconds against every key; a longer key's
 * first characters decide which keys are near, and the cut keeps any key under a millisecond.
 */
export const KEY_LENGTH_LIMIT = Object.keys(TERMS).reduce((longest, k) => Math.max(longest, k.length), 0);

/** The keys closest to a misspelt one, by edit distance (case-insensitive); only the first KEY_LENGTH_LIMIT characters are compared. */
export function nearestKeys(key: string, count: number): TermKey[] {
  const wanted = key.trim().slice(0, KEY_LENGTH_LIMIT).toLowerCase();
  return [...TERM_KEYS]
    .map((k) => ({ k, d: editDistance(wanted, k.toLowerCase()) - (k.toLowerCase().includes(wanted) && wanted.length > 0 ? wanted.length : 0) }))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, count)
    .map((x) => x.k);
}

function editDistance(a: string, b: string): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
