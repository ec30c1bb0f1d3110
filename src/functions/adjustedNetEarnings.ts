/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/** Custom functions for Adjusted Net Earnings from Operations (Section 1.1(c)). Thin: convert, call the engine, convert back. */
import * as engine from "../engine/adjustedNetEarnings";
import { exclusionNumber, fastAdjustedNetEarnings, fastAneItemExclusions } from "../engine/aneFast";
import { Dec } from "../engine/decimal";
import { EngineError, Messages, valueError } from "../engine/errors";
import { alongSeries, guard, Out, parallelSeries, ParsedRow, parseRows, perRow, rowValues, single, tooLargeAlong, toOut } from "./support/arrays";
import { readAneColumns } from "./support/aneColumns";
import { toExcelError } from "./support/excelError";
import { amount, Cell, date, keyword, parseCell, signedAmount } from "./support/params";

const chargeParams = [
  keyword("categories", engine.ANE_ITEM_KEYS),
  date("dates"),
  amount("amounts"),
  amount("cashReceived", { optional: true }),
  amount("bookValues", { optional: true }),
  amount("olvInPlaceValues", { optional: true }),
] as const;

/** The charge columns; categories, dates and the optional columns may be one cell for every row. */
function chargeColumns(categories: unknown, dates: unknown, amounts: unknown, cashReceived?: unknown, bookValues?: unknown, olvInPlaceValues?: unknown): Cell[][] {
  return parallelSeries([
    { arg: categories, name: "categories", scalarOk: true },
    { arg: dates, name: "dates", scalarOk: true },
    { arg: amounts, name: "amounts" },
    { arg: cashReceived, name: "cashReceived", scalarOk: true },
    { arg: bookValues, name: "bookValues", scalarOk: true },
    { arg: olvInPlaceValues, name: "olvInPlaceValues", scalarOk: true },
  ]);
}

type ChargeRow = readonly [engine.AneItemCategory, number, Dec, Dec | undefined, Dec | undefined, Dec | undefined];
const toItem = ([category, d, a, cash, book, olv]: ChargeRow): engine.AneItem => ({ category, date: d, amount: a, cashReceived: cash, bookValue: book, olvInPlaceValue: olv });

/** Parses the rows and checks each item's columns against its category, so a bad row is an error in its own cell. */
function itemRows(columns: Cell[][]): ParsedRow<engine.AneItem>[] {
  return parseRows(columns, chargeParams).map((row, r): ParsedRow<engine.AneItem> => {
    if (!row.ok) return row;
    const item = toItem(row.values);
    try {
      engine.checkAneItem(item);
      return { ok: true, values: item };
    } catch (e) {
      return { ok: false, error: toExcelError(e instanceof EngineError ? new EngineError(e.kind, `row ${r + 1}: ${e.message}`) : e) };
    }
  });
}

/**
 * The part of each item excluded from Adjusted Net Earnings from Operations, one a row: capped charges (i)–(n) less the (l) exception, capital gains and losses (a), investee earnings (d). #NUM! when an amount is negative or a date invalid. [1.1(c)]
 * @customfunction
 * @param categories LIFO, PENSION, PENSIONSPECIAL, IMPAIRMENT, FOREIGNINVENTORY, BPA, USWA, PBGC, RETIREEMEDICAL, ASBESTOS, PREPETITION, CAPITALGAIN, CAPITALLOSS or INVESTEE (one per row, or one cell for all).
 * @param dates Date each item was recorded, Excel dates (one per row, or one cell for all).
 * @param amounts Each charge, gain, loss (as a positive amount) or investee's earnings, US dollars, at least 0 (column or row).
 * @param [cashReceived] INVESTEE rows: cash the Company and its Subsidiaries received from that Person, US dollars; blank is 0 (range).
 * @param [bookValues] IMPAIRMENT rows on an Eligible Fixed Asset: its book value before the charge, US dollars (range).
 * @param [olvInPlaceValues] IMPAIRMENT rows on an Eligible Fixed Asset: its OLV In-Place Value, US dollars (range).
 * @returns The excluded part of each item, US dollars, in the same rows.
 */
export function aneExclusions(categories: any[][], dates: any[][], amounts: any[][], cashReceived?: any[][], bookValues?: any[][], olvInPlaceValues?: any[][]): any[][] {
  return guard(() => {
    // The exact fast path (src/engine/aneFast.ts) where every row is plain; otherwise each row parsed, its own error where bad.
    const plain = readAneColumns([categories, dates, amounts, cashReceived, bookValues, olvInPlaceValues]);
    if (plain !== undefined) {
      // A spill that cannot reach Excel (a whole column of items) is answered before computing it.
      const tooLarge = tooLargeAlong(amounts, plain.amount.length);
      if (tooLarge !== undefined) return tooLarge;
      const result = fastAneItemExclusions(plain);
      const values: Out[] = new Array<Out>(plain.amount.length);
      for (let i = 0; i < values.length; i++) values[i] = toOut(exclusionNumber(result, i));
      return alongSeries(amounts, values);
    }
    const rows = itemRows(chargeColumns(categories, dates, amounts, cashReceived, bookValues, olvInPlaceValues));
    if (rows.length === 0) throw valueError(Messages.blank("amounts"));
    return tooLargeAlong(amounts, rows.length) ?? alongSeries(amounts, perRow(rows, (good) => engine.aneItemExclusions(good)));
  });
}

/**
 * Adjusted Net Earnings from Operations: net earnings plus excluded charges and capital losses, less excluded capital gains, investee earnings and clause (g) gains. #NUM! when an amount is negative, a date invalid or periodEnd before periodStart. [1.1(c)]
 * @customfunction
 * @param netEarnings Consolidated net income after provision for income taxes for the fiscal period, US dollars, signed.
 * @param [categories] Category of each item (see KAISER.ANEEXCLUSIONS), one per row (range).
 * @param [dates] Date each item was recorded, Excel dates (range).
 * @param [amounts] Each item, US dollars, at least 0 (range).
 * @param [nonRecurringGains] Each extraordinary or other non-recurring gain in the period, US dollars, at least 0 (range).
 * @param [periodStart] First day of the fiscal period, Excel date; blank counts every item given.
 * @param [periodEnd] Last day of the fiscal period, Excel date; blank counts every item given.
 * @param [gainKinds] Kind of each gain, beside it: EXTRAORDINARY (excluded whatever its amount) or NONRECURRING (excluded above $150,000); blank is NONRECURRING (range).
 * @param [cashReceived] INVESTEE rows: cash received from that Person, US dollars; blank is 0 (range).
 * @param [bookValues] IMPAIRMENT rows on an Eligible Fixed Asset: its book value before the charge, US dollars (range).
 * @param [olvInPlaceValues] IMPAIRMENT rows on an Eligible Fixed Asset: its OLV In-Place Value, US dollars (range).
 * @returns Adjusted Net Earnings from Operations, US dollars, signed.
 */
export function adjNetEarnings(
  netEarnings: any,
  categories?: any[][],
  dates?: any[][],
  amounts?: any[][],
  nonRecurringGains?: any[][],
  periodStart?: any,
  periodEnd?: any,
  gainKinds?: any[][],
  cashReceived?: any[][],
  bookValues?: any[][],
  olvInPlaceValues?: any[][],
): any[][] {
  return single(() => {
    const gainColumns = parallelSeries([
      { arg: nonRecurringGains, name: "nonRecurringGains" },
      { arg: gainKinds, name: "gainKinds", scalarOk: true },
    ]);
    // A blank gain is skipped, its kind with it; a blank kind is NONRECURRING (Reading R-ANE-GAINS).
    const gains = rowValues(parseRows(gainColumns, [amount("nonRecurringGains", { optional: true }), keyword("gainKinds", engine.GAIN_KINDS, { optional: true })] as const)).filter(
      (g): g is [Dec, engine.GainKind | undefined] => g[0] !== undefined,
    );
    const net = parseCell(signedAmount("netEarnings"), netEarnings);
    // The exact fast path (src/engine/aneFast.ts) where every item row is plain; otherwise each row parsed, the first bad one the error.
    const plain = readAneColumns([categories, dates, amounts, cashReceived, bookValues, olvInPlaceValues]);
    const charges = plain === undefined ? rowValues(itemRows(chargeColumns(categories, dates, amounts, cashReceived, bookValues, olvInPlaceValues))) : [];
    const inputs: engine.AdjustedNetEarningsInputs = {
      netEarnings: net,
      charges,
      gains: gains.map(([g]) => g),
      gainKinds: gains.map(([, k]) => k),
      periodStart: parseCell(date("periodStart", { optional: true }), periodStart),
      periodEnd: parseCell(date("periodEnd", { optional: true }), periodEnd),
    };
    return (plain === undefined ? engine.adjustedNetEarnings(inputs) : fastAdjustedNetEarnings(inputs, plain)).total;
  });
}
