import { snapshotFromTemplate } from "../../../src/review/template";
import { reviewForPane } from "../../../taskpane/paneReview";
import { isoFromSerial } from "../../../src/engine/dates";
import { layoutThresholdChart } from "../../../taskpane/charts/thresholdChart";
it("dbg", () => {
  const p = reviewForPane(snapshotFromTemplate(), "x");
  console.log(p.daily.filter((d) => d.outstandings > d.threshold).map((d) => `${isoFromSerial(d.date)} ${d.businessDay} ${d.outstandings}`).join("\n"));
  const m = layoutThresholdChart({ days: p.daily, events: [], width: 326 });
  console.log(JSON.stringify(m.above));
});
