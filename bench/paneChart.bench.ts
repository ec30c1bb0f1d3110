/**
 * Issue 15: the task pane's Threshold picture — the pixel reduction of 10,000, 100,000 and
 * 1,000,000 daily rows (layout only; the browser test prints the full draw time with the DOM).
 */
import { serial } from "../src/engine/dates";
import { DailyPoint, layoutThresholdChart } from "../taskpane/charts/thresholdChart";
import { line, medianMs } from "./timing";

function series(count: number): DailyPoint[] {
  const days: DailyPoint[] = [];
  for (let d = serial(2004, 9, 1); days.length < count; d++) {
    const weekday = (d + 6) % 7;
    if (weekday === 0 || weekday === 6) continue;
    const above = days.length % 200 >= 100 && days.length % 200 < 106;
    days.push({ date: d, outstandings: above ? 180000000 : 150000000 + (days.length % 97) * 100000, threshold: 174386000, businessDay: true });
  }
  return days;
}

export function run(): void {
  for (const n of [10000, 100000, 1000000]) {
    const days = series(n);
    const events = days.filter((_, i) => i % 200 === 104).map((d) => ({ date: d.date, daysRequired: 5, clause: "x" }));
    let vertices = 0;
    const ms = medianMs(5, () => (vertices = layoutThresholdChart({ days, events, width: 326 }).vertices));
    line(`pane Threshold picture layout, ${n.toLocaleString("en-US")} days`, `${ms.toFixed(1)} ms (${vertices} vertices, ${events.length} markers)`);
  }
}
