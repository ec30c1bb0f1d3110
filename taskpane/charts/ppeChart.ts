/**
 * The picture of Section 1.1(t): the PPE Subcomponent over time as a step line, each reduction
 * labelled with its clause ((a), (b), (c)(1), (c)(2), (d)/(e)), and the clause (b) floor drawn
 * (its amount comes from the terms table, passed in). Pure layout, then SVG by createElementNS.
 */
import { linear, niceDomain, niceTicks, shortUsd } from "./scale";
import { svg } from "./svg";

export interface PpeStep {
  readonly date: number;
  /** "(a)", "(b)", "(c)(1)" … as the schedule gives it. */
  readonly clause: string;
  readonly reduction: number;
  /** The PPE Subcomponent after this row. */
  readonly ppeSubcomponent: number;
}

export interface PpeChartInput {
  /** The PPE Subcomponent before any reduction (the lesser of the cap and 50% of OLV In-Place Value). */
  readonly base: number;
  readonly steps: readonly PpeStep[];
  /** The clause (b) floor, $25,000,000 (terms: ppeClauseBFloor). */
  readonly floor: number;
  readonly floorLabel: string;
  readonly width: number;
  readonly height?: number;
}

export interface PpeChartModel {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly path: string;
  readonly floorY: number;
  readonly floorLabel: string;
  /** One per schedule row: where the step is, its clause label and whether it reduced anything. */
  readonly steps: readonly { readonly x: number; readonly y: number; readonly labelY: number; readonly label: string; readonly reduced: boolean; readonly date: number; readonly anchorEnd: boolean }[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
}

export function layoutPpeChart(input: PpeChartInput): PpeChartModel {
  const width = Math.max(120, Math.floor(input.width));
  const height = input.height ?? 200;
  const plot = { left: 48, right: width - 12, top: 14, bottom: height - 22 };
  const dates = input.steps.map((s) => s.date);
  const first = dates.length > 0 ? dates[0] : 0;
  const last = dates.length > 0 ? dates[dates.length - 1] : 1;
  const pad = Math.max(7, (last - first) * 0.06);
  const x = linear([first - pad, last + pad], [plot.left, plot.right]);
  let lo = Math.min(input.floor, input.base);
  let hi = Math.max(input.floor, input.base);
  for (const s of input.steps) {
    lo = Math.min(lo, s.ppeSubcomponent);
    hi = Math.max(hi, s.ppeSubcomponent);
  }
  const yDomain = niceDomain(Math.min(0, lo), hi, 4);
  const y = linear(yDomain, [plot.bottom, plot.top]);
  let level = input.base;
  const points: string[] = [`${plot.left},${y(level)}`];
  const steps: { x: number; y: number; labelY: number; label: string; reduced: boolean; date: number; anchorEnd: boolean }[] = [];
  const lastEnd = [-Infinity, -Infinity, -Infinity];
  for (const s of input.steps) {
    const sx = x(s.date);
    points.push(`${sx},${y(level)}`, `${sx},${y(s.ppeSubcomponent)}`);
    // A label goes on the first of three lines where it does not touch the one before it.
    const labelWidth = s.clause.length * 6 + 4;
    const anchorEnd = sx + 3 + labelWidth > width;
    const start = anchorEnd ? sx - 3 - labelWidth : sx + 3;
    let row = lastEnd.findIndex((end) => start > end);
    if (row < 0) row = 0;
    lastEnd[row] = start + labelWidth;
    const top = Math.min(y(level), y(s.ppeSubcomponent));
    steps.push({ x: sx, y: y(s.ppeSubcomponent), labelY: Math.max(plot.top + 8, top - 4 - row * 11), label: s.clause, reduced: s.reduction > 0, date: s.date, anchorEnd });
    level = s.ppeSubcomponent;
  }
  points.push(`${plot.right},${y(level)}`);
  const round = (p: string): string =>
    p
      .split(",")
      .map((v) => String(Math.round(Number(v) * 10) / 10))
      .join(",");
  const yTicks = niceTicks(yDomain[0], yDomain[1], 4)
    .filter((v) => v >= yDomain[0] && v <= yDomain[1])
    .map((v) => ({ y: y(v), label: shortUsd(v) }));
  return { width, height, plot, path: `M${points.map(round).join("L")}`, floorY: y(input.floor), floorLabel: input.floorLabel, steps, yTicks };
}

export function drawPpeChart(doc: Document, model: PpeChartModel, labelId: string, descriptionId: string): SVGSVGElement {
  const { plot } = model;
  const root = svg(doc, "svg", { class: "chart chart-ppe", viewBox: `0 0 ${model.width} ${model.height}`, width: "100%", role: "img", "aria-labelledby": labelId, "aria-describedby": descriptionId, focusable: "false" });
  const grid = svg(doc, "g", { class: "chart-grid", "aria-hidden": "true" });
  for (const t of model.yTicks) {
    grid.append(svg(doc, "line", { x1: plot.left, x2: plot.right, y1: t.y, y2: t.y, class: "grid-line" }));
    grid.append(svg(doc, "text", { x: plot.left - 4, y: t.y + 3, class: "axis-label", "text-anchor": "end" }, t.label));
  }
  const floor = svg(
    doc,
    "g",
    { class: "ppe-floor", "aria-hidden": "true" },
    undefined,
    svg(doc, "line", { x1: plot.left, x2: plot.right, y1: model.floorY, y2: model.floorY, class: "floor-line" }),
    svg(doc, "text", { x: plot.left + 2, y: model.floorY + 12, class: "floor-label" }, model.floorLabel),
  );
  const line = svg(doc, "path", { d: model.path, class: "step-line", "aria-hidden": "true" });
  const steps = svg(doc, "g", { class: "ppe-steps", "aria-hidden": "true" });
  for (const s of model.steps) {
    steps.append(svg(doc, "circle", { cx: s.x, cy: s.y, r: 3, class: s.reduced ? "step-point" : "step-point step-skipped", "data-date": s.date }));
    steps.append(svg(doc, "text", { x: s.anchorEnd ? s.x - 3 : s.x + 3, y: s.labelY, class: "step-label", "text-anchor": s.anchorEnd ? "end" : "start" }, s.label));
  }
  const axis = svg(doc, "line", { x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, class: "axis-line", "aria-hidden": "true" });
  root.append(grid, floor, line, steps, axis);
  return root;
}
