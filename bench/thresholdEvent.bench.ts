/**
 * Issue 4: KAISER.THRESHOLDEVENT over 100,000 daily rows (one call, the whole adapter path) and
 * KAISER.PPESCHEDULE over 10,000 events; time per call and per row, median of several runs.
 */
import { thresholdEvent, thresholdEvents } from "../src/functions/thresholdEvent";
import { ppeSchedule } from "../src/functions/ppeReduction";
import { thresholdEvents as engineThresholdEvents } from "../src/engine/thresholdEvent";
import { dec } from "../src/engine/decimal";
import { serial } from "../src/engine/dates";
import { line, medianMs, timesMs } from "./timing";

function perRow(ms: number, rows: number): string {
  return `${ms.toFixed(1)} ms per call, ${((ms * 1000) / rows).toFixed(2)} µs per row`;
}

export function run(): void {
  const rows = 100000;
  const start = serial(2004, 9, 1);
  const dates: number[][] = [];
  const outstandings: number[][] = [];
  const thresholds: number[][] = [];
  for (let i = 0; i < rows; i++) {
    dates.push([start + i]);
    // Outstandings wander around a Threshold that moves with the Borrowing Base.
    outstandings.push([230000000 + ((i * 7919) % 10000000) + 0.25]);
    thresholds.push([233750000 + ((i * 104729) % 2000000)]);
  }
  const engineRows = dates.map(([d], i) => ({ date: d, outstandings: dec(outstandings[i][0]), threshold: dec(thresholds[i][0]) }));
  const eventCount = thresholdEvents(dates, outstandings, thresholds).length;

  // The fastest run is the truest figure of the work on a shared machine (bench/timing.ts); the median beside it.
  const minMedian = (fn: () => unknown): string => {
    const t = timesMs(15, fn);
    return `min ${perRow(t.min, rows)}; median ${t.median.toFixed(1)} ms`;
  };
  console.log(`THRESHOLDEVENT over ${rows.toLocaleString("en-US")} daily rows (${eventCount} events; 15 runs; issue 14 goal: at most 10 ms)`);
  line("  KAISER.THRESHOLDEVENT, one threshold for every row", minMedian(() => thresholdEvent(dates, outstandings, [[233750000]])));
  line("  KAISER.THRESHOLDEVENT, a threshold series", minMedian(() => thresholdEvent(dates, outstandings, thresholds)));
  line("  KAISER.THRESHOLDEVENTS, a threshold series (all events)", minMedian(() => thresholdEvents(dates, outstandings, thresholds)));
  line("  engine thresholdEvents alone (rows already decimal)", minMedian(() => engineThresholdEvents(engineRows, 5)));

  const events = 10000;
  const kinds = ["DISPOSITION", "THRESHOLDEVENT", "VALCO", "GRAMERCY", "INTERCOMPANY"];
  const eventDates: number[][] = [];
  const eventKinds: string[][] = [];
  const eventAmounts: number[][] = [];
  for (let i = 0; i < events; i++) {
    eventDates.push([start + Math.floor(i / 3)]);
    eventKinds.push([kinds[i % kinds.length]]);
    eventAmounts.push([(i % 7) * 1000.5]);
  }
  console.log(`PPESCHEDULE over ${events.toLocaleString("en-US")} events (median of 7 runs)`);
  line("  KAISER.PPESCHEDULE, the whole table", perRow(medianMs(7, () => ppeSchedule(1000000000000, eventDates, eventKinds, eventAmounts, null, 2000000)), events));
}
