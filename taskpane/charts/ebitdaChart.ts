/**
 * The picture of Section 9.2.4: each period's EBITDA as a bar against its Minimum EBITDA floor (a
 * dash across the bar's slot), with the headroom written above. Pure layout, then SVG.
 */
import { linear, niceDomain, niceTicks, shortUsd } from "./scale";
import { svg } from "./svg";

export interface EbitdaPeriod {
  readonly label: string;
  readonly ebitda: number;
  readonly floor: number | null;
  readonly headroom: number | null;
  /** "PASS", "FAIL", "NOT TESTED" or null when the test cannot be worked out. */
  readonly status: string | null;
}

export interface EbitdaChartModel {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly zeroY: number;
  readonly bars: readonly {
    readonly x: number;
    readonly width: number;
    readonly y: number;
    readonly height: number;
    readonly floorY: number | null;
    readonly label: string;
    readonly headroom: string;
    readonly status: string;
    readonly below: boolean;
  }[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
}

export function layoutEbitdaChart(periods: readonly EbitdaPeriod[], widthPx: number, heightPx = 200): EbitdaChartModel {
  const width = Math.max(120, Math.floor(widthPx));
  const height = heightPx;
  const plot = { left: 48, right: width - 8, top: 18, bottom: height - 22 };
  let lo = 0;
  let hi = 0;
  for (const p of periods) {
    lo = Math.min(lo, p.ebitda, p.floor ?? 0);
    hi = Math.max(hi, p.ebitda, p.floor ?? 0);
  }
  const yDomain = niceDomain(lo, hi, 4);
  const y = linear(yDomain, [plot.bottom, plot.top]);
  const slot = (plot.right - plot.left) / Math.max(1, periods.length);
  const barWidth = Math.min(48, slot * 0.5);
  const zeroY = y(0);
  const bars = periods.map((p, i) => {
    const cx = plot.left + slot * (i + 0.5);
    const top = Math.min(y(p.ebitda), zeroY);
    return {
      x: cx - barWidth / 2,
      width: barWidth,
      y: top,
      height: Math.max(1, Math.abs(y(p.ebitda) - zeroY)),
      floorY: p.floor === null ? null : y(p.floor),
      label: p.label,
      headroom: p.headroom === null ? "" : `${p.headroom >= 0 ? "+" : ""}${shortUsd(p.headroom)}`,
      status: p.status ?? "",
      below: p.floor !== null && p.ebitda < p.floor,
    };
  });
  const yTicks = niceTicks(yDomain[0], yDomain[1], 4)
    .filter((v) => v >= yDomain[0] && v <= yDomain[1])
    .map((v) => ({ y: y(v), label: shortUsd(v) }));
  return { width, height, plot, zeroY, bars, yTicks };
}

export function drawEbitdaChart(doc: Document, model: EbitdaChartModel, labelId: string, descriptionId: string): SVGSVGElement {
  const { plot } = model;
  const root = svg(doc, "svg", { class: "chart chart-ebitda", viewBox: `0 0 ${model.width} ${model.height}`, width: "100%", role: "img", "aria-labelledby": labelId, "aria-describedby": descriptionId, focusable: "false" });
  const grid = svg(doc, "g", { class: "chart-grid", "aria-hidden": "true" });
  for (const t of model.yTicks) {
    grid.append(svg(doc, "line", { x1: plot.left, x2: plot.right, y1: t.y, y2: t.y, class: "grid-line" }));
    grid.append(svg(doc, "text", { x: plot.left - 4, y: t.y + 3, class: "axis-label", "text-anchor": "end" }, t.label));
  }
  const bars = svg(doc, "g", { class: "ebitda-bars", "aria-hidden": "true" });
  for (const b of model.bars) {
    const cx = b.x + b.width / 2;
    bars.append(svg(doc, "rect", { x: b.x, y: b.y, width: b.width, height: b.height, class: b.below ? "ebitda-bar ebitda-below" : "ebitda-bar" }));
    if (b.floorY !== null) bars.append(svg(doc, "line", { x1: b.x - 6, x2: b.x + b.width + 6, y1: b.floorY, y2: b.floorY, class: "floor-line floor-dash" }));
    const textY = Math.max(plot.top - 4, Math.min(b.y, b.floorY ?? b.y) - 4);
    if (b.headroom) bars.append(svg(doc, "text", { x: cx, y: textY < plot.top ? plot.top - 4 : textY, class: "bar-label", "text-anchor": "middle" }, b.headroom));
    bars.append(svg(doc, "text", { x: cx, y: plot.bottom + 14, class: "axis-label", "text-anchor": "middle" }, b.label));
  }
  const zero = svg(doc, "line", { x1: plot.left, x2: plot.right, y1: model.zeroY, y2: model.zeroY, class: "axis-line", "aria-hidden": "true" });
  root.append(grid, bars, zero);
  return root;
}
