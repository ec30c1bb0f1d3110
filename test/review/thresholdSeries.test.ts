/**
 * DailyOutstandings read as compact columns (src/review/recalc/inputs.ts) and the daily series the
 * review prepares once (src/review/recalc/thresholdEvents.ts): the same figures, events and early
 * warning as the same rows read as decimals, under every reading of the Threshold Event.
 */
import { dec } from "../../src/engine/decimal";
import { serial } from "../../src/engine/dates";
import { thresholdEventDetails } from "../../src/engine/thresholdEvent";
import type { Readings } from "../../src/engine/readings";
import { readModelInputs } from "../../src/review/recalc";
import type { DailyOutstandingsInput, ModelInputs } from "../../src/review/recalc";
import { reviewInputs } from "../../src/review/review";
import { model, setNamed, setTableCell, tableValues, updateTable } from "../support/snapshots";

/** The same inputs with DailyOutstandings as a scenario's table: rows of decimals, no columns. */
function asRows(inputs: ModelInputs): ModelInputs {
  const table = inputs.dailyOutstandings;
  const rows = table.rows;
  if (rows === undefined) throw new Error("DailyOutstandings is not usable");
  const copy: DailyOutstandingsInput = { ...(table.cell === undefined ? {} : { cell: table.cell }), rows: rows.map((r) => ({ ...r })) };
  return { ...inputs, dailyOutstandings: copy };
}

/** What the series gives: the figures, every event list and the early warning, as JSON (decimals as their exact strings). */
function seriesResults(inputs: ModelInputs, readings: Readings): string {
  const c = reviewInputs(inputs, {}, { readings });
  return JSON.stringify({ figures: c.figures, events: c.thresholdEvents, warnings: c.thresholdWarnings, calendar: c.calendar });
}

let seed = 13;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}

describe("DailyOutstandings as columns [1.1(aa)]", () => {
  it("holds each cell's number, which the decimal rows read exactly, and builds the rows only when asked [1.1(aa)]", () => {
    const inputs = readModelInputs(model());
    const table = inputs.dailyOutstandings;
    const columns = table.columns;
    if (columns === undefined) throw new Error("no columns");
    expect(columns.length).toBe(84);
    expect(columns.thresholds).toBeUndefined();
    const rows = table.rows ?? [];
    expect(rows).toHaveLength(84);
    expect(rows[0]).toEqual({ date: columns.dates[0], outstandings: dec(columns.outstandings[0]), threshold: undefined });
    expect(rows.every((r, i) => r.outstandings.equals(dec(columns.outstandings[i])) && r.date === columns.dates[i])).toBe(true);
    // A scenario's copy ({ ...table, rows }) carries no columns that no longer match its rows.
    expect(Object.keys({ ...table })).toEqual(["cell", "rows"]);
  });

  it.each<[string, Readings]>([
    ["the defaults", {}],
    ["R-TE-RECUR RUN", { "R-TE-RECUR": "RUN" }],
    ["R-TE-DAYS SPAN", { "R-TE-DAYS": "SPAN" }],
    ["R-TE-CARRY REPORTED", { "R-TE-CARRY": "REPORTED" }],
  ])("gives the figures, events and early warning the decimal rows give, under %s, for random balances about the Threshold [1.1(aa)]", (_, readings) => {
    const s = model();
    const dates = tableValues(s, "DailyOutstandings", "Date");
    for (let i = 0; i < dates.length; i++) {
      const r = random();
      // Above, below, and exactly the Threshold (equal does not exceed, Reading R-TE-EXCEED).
      const value = r < 0.45 ? 174386000 + Math.round(random() * 3e6) / 100 : r < 0.9 ? 174386000 - Math.round(random() * 3e6) / 100 : 174386000;
      setTableCell(s, "DailyOutstandings", "Outstandings", i, { value });
    }
    const inputs = readModelInputs(s);
    expect(seriesResults(inputs, readings)).toBe(seriesResults(asRows(inputs), readings));
  });

  it("gives the decimal rows' events with a Threshold column of its own [1.1(aa)]", () => {
    const s = model();
    const rows = tableValues(s, "DailyOutstandings", "Date").length;
    updateTable(s, "DailyOutstandings", (t) => ({ ...t, address: t.address.replace("J", "K"), columns: ["Date", "Outstandings", "Threshold"] }));
    for (let i = 0; i < rows; i++) setTableCell(s, "DailyOutstandings", "Threshold", i, { value: 170000000 + (i % 9) * 1000000.5 });
    const inputs = readModelInputs(s);
    expect(inputs.dailyOutstandings.columns?.thresholds?.[1]).toBe(171000000.5);
    expect(seriesResults(inputs, {})).toBe(seriesResults(asRows(inputs), {}));
  });

  it.each([
    // 85% × ($94,999,999.99999999 + $110,160,000) = $174,385,999.9999999915: $174,386,000 exceeds it.
    [94999999.99999999, "174385999.9999999915", [serial(2004, 9, 8)]],
    // 85% × ($95,000,000.00000001 + $110,160,000) = $174,386,000.0000000085: $174,386,000 does not.
    [95000000.00000001, "174386000.0000000085", []],
  ])(
    "with ReceivablesComponent %p the Threshold is %s, whose nearest double is $174,386,000: outstandings of $174,386,000 are compared in decimals (Reading R-TE-EXCEED) [1.1(aa)]",
    (receivables, threshold, firstEvents) => {
      const s = model();
      setNamed(s, "ReceivablesComponent", { value: receivables });
      const dates = tableValues(s, "DailyOutstandings", "Date");
      for (let i = 0; i < dates.length; i++) setTableCell(s, "DailyOutstandings", "Outstandings", i, { value: 174386000 });
      const inputs = readModelInputs(s);
      const c = reviewInputs(inputs);
      expect(String(c.figures.find((f) => f.key === "threshold")?.value)).toBe(String(dec(threshold).toNumber()));
      const events = c.thresholdEvents[0].events.map((e) => e.date);
      expect(events.slice(0, firstEvents.length)).toEqual(firstEvents);
      if (firstEvents.length === 0) expect(events).toEqual([]);
      // The engine on the decimal rows agrees.
      const decimalRows = (inputs.dailyOutstandings.rows ?? []).map((r) => ({ date: r.date, outstandings: r.outstandings, threshold: dec(threshold) }));
      expect(events).toEqual(thresholdEventDetails(decimalRows, 5).map((e) => e.date));
    },
  );
});
