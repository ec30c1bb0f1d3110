/**
 * The ready model's example inputs (illustrative figures, not terms of the amendment): the named
 * cells' values and the rows of every table, worked so the example is a Threshold Event scenario.
 */
import { dec } from "../../engine/decimal";
import { serial } from "../../engine/dates";
import { isBusinessDay } from "../../engine/businessDays";
import { CellValue } from "../snapshot";
import { SWITCHABLE_READINGS } from "../../engine/readings";


export const AS_OF = serial(2004, 12, 31);
export const RECEIVABLES = 95000000;
export const ELIGIBLE_INVENTORY = 180000000;
export const NET_RECOVERY = 0.72;
export const OLV = 90000000;
export const KBC_ALLOCABLE = 4500000;

/** Business Days on which the example's outstandings run above the Threshold. */
export const ABOVE = new Set(
  [
    [9, 1],
    [9, 2],
    [9, 3],
    [9, 7],
    [9, 8],
    [9, 20],
    [9, 21],
    [9, 22],
    [9, 23],
    [9, 24],
    [10, 4],
    [10, 8],
    [10, 13],
    [10, 19],
    [10, 25],
  ].map(([m, d]) => serial(2004, m, d)),
);

/** Every Business Day of 2004-09-01..2004-12-31 with its outstandings: below the Threshold except on `ABOVE` days. */
function dailyRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  let i = 0;
  for (let d = serial(2004, 9, 1); d <= AS_OF; d++) {
    if (!isBusinessDay(d)) continue;
    const amount = ABOVE.has(d) ? 176000000 + (i % 3) * 500000 : 150000000 + (i % 7) * 1250000;
    rows.push([d, amount]);
    i++;
  }
  return rows;
}

export const DAILY = dailyRows();
export const LAST_OUTSTANDINGS = DAILY[DAILY.length - 1][1] as number;

export const PPE_EVENTS: CellValue[][] = [
  [serial(2004, 7, 15), "DISPOSITION", 1250000],
  [serial(2004, 9, 8), "THRESHOLDEVENT", null],
  [serial(2004, 9, 24), "THRESHOLDEVENT", null],
  [serial(2004, 10, 1), "GRAMERCY", 23000000],
  [serial(2004, 10, 25), "THRESHOLDEVENT", null],
  [serial(2004, 11, 15), "VALCO", 9000000],
  [serial(2004, 12, 15), "INTERCOMPANY", 2000000],
];

export const MONTHLY_EBITDA: CellValue[][] = [
  [serial(2004, 10, 31), -18250000],
  [serial(2004, 11, 30), -21400000],
  [serial(2004, 12, 31), -20900000],
];

/**
 * Each disposition's Attributable EBITDA Amount for the 1, 2 and 3 months ending 2004-10-31, 11-30
 * and 12-31 (Reading R-EBITDA-PERIOD-AMOUNT): the floors are −22,500,000 − 1,550,000 × 30/31 =
 * −24,000,000; −20,500,000 − 3,050,000 × 60/61 − 2,440,000 × 15/61 = −24,100,000; −19,500,000 −
 * 4,600,000 × 91/92 − 3,600,000 × 46/92 = −25,850,000.
 */
export const DISPOSITIONS: CellValue[][] = [
  [serial(2004, 10, 1), "GRAMERCY", 1550000, 3050000, 4600000],
  [serial(2004, 11, 15), "VALCO", 1000000, 2440000, 3600000],
];

export const ANE_CHARGES: CellValue[][] = [
  [serial(2004, 6, 30), "LIFO", 12000000],
  [serial(2004, 8, 31), "PENSION", 30000000],
  [serial(2004, 9, 30), "LIFO", 10500000],
  [serial(2004, 10, 31), "BPA", 6000000],
  [serial(2004, 12, 31), "ASBESTOS", 2750000],
];

export const HOLIDAYS: CellValue[][] = [[serial(2004, 6, 11), "National Day of Mourning for President Reagan (Federal Reserve closed)"]];

/** Every switchable reading at its default, so a reviewer sees each switch and can change its Choice. */
export const READINGS: CellValue[][] = SWITCHABLE_READINGS.map((r) => [r.id, r.choices[0].name]);

/** The example's amounts as exact decimals, for tests that work the figures by hand. */
export const EXAMPLE = {
  asOfDate: AS_OF,
  receivablesComponent: dec(RECEIVABLES),
  eligibleInventory: dec(ELIGIBLE_INVENTORY),
  netRecoveryPercentage: dec(NET_RECOVERY),
  olvInPlaceValue: dec(OLV),
  kbcAllocableAmount: dec(KBC_ALLOCABLE),
  revolvingCreditOutstandings: dec(LAST_OUTSTANDINGS),
} as const;
