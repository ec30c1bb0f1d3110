/**
 * The PPE Subcomponent picture [1.1(t)] and the Minimum EBITDA picture [9.2.4]: one step per
 * schedule row, labelled with its clause, the clause (b) floor at its amount; one bar per period.
 */
import { term } from "../../../src/engine/terms";
import { serial } from "../../../src/engine/dates";
import { layoutPpeChart } from "../../../taskpane/charts/ppeChart";
import { layoutEbitdaChart } from "../../../taskpane/charts/ebitdaChart";
import { linear } from "../../../taskpane/charts/scale";

describe("the PPE Subcomponent as a step line [1.1(t)]", () => {
  // The ready model's schedule: $45,000,000 less each reduction.
  const steps = [
    { date: serial(2004, 7, 15), clause: "(a)", reduction: 1250000, ppeSubcomponent: 43750000 },
    { date: serial(2004, 9, 8), clause: "(b)", reduction: 5000000, ppeSubcomponent: 38750000 },
    { date: serial(2004, 9, 24), clause: "(b)", reduction: 0, ppeSubcomponent: 38750000 },
    { date: serial(2004, 10, 1), clause: "(c)(1)", reduction: 12250000, ppeSubcomponent: 26500000 },
    { date: serial(2004, 10, 25), clause: "(b)", reduction: 1500000, ppeSubcomponent: 25000000 },
  ];
  const floor = term("ppeClauseBFloor").toNumber();
  const model = layoutPpeChart({ base: 45000000, steps, floor, floorLabel: "Clause (b) floor", width: 350 });

  it("labels every row with its clause and marks the one that reduced nothing [1.1(t)(b)]", () => {
    expect(model.steps.map((s) => s.label)).toEqual(["(a)", "(b)", "(b)", "(c)(1)", "(b)"]);
    expect(model.steps.map((s) => s.reduced)).toEqual([true, true, false, true, true]);
  });

  it("draws the $25,000,000 clause (b) floor where the last (b) reduction stops [1.1(t)(b)(ii)]", () => {
    expect(floor).toBe(25000000);
    expect(model.steps[4].y).toBeCloseTo(model.floorY, 6);
  });

  it("steps down, never up, from the base", () => {
    const ys = model.path
      .slice(1)
      .split("L")
      .map((p) => Number(p.split(",")[1]));
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThanOrEqual(ys[i - 1] - 0.05);
  });
});

describe("Minimum EBITDA against the floor [9.2.4]", () => {
  it("draws each period's bar and floor, headroom above, a bar below its floor marked", () => {
    const model = layoutEbitdaChart(
      [
        { label: "2004-10", ebitda: -18250000, floor: -24000000, headroom: 5750000, status: "PASS" },
        { label: "2004-11", ebitda: -25000000, floor: -22762295.08, headroom: -2237704.92, status: "FAIL" },
      ],
      350,
    );
    expect(model.bars).toHaveLength(2);
    expect(model.bars.map((b) => b.headroom)).toEqual(["+$5.75M", "-$2.24M"]);
    expect(model.bars.map((b) => b.below)).toEqual([false, true]);
    // Losses hang below the zero line, the floor further down for the first period.
    expect(model.bars[0].y).toBeCloseTo(model.zeroY, 6);
    expect(model.bars[0].floorY ?? 0).toBeGreaterThan(model.bars[0].y + model.bars[0].height);
  });
});

describe("edge cases", () => {
  it("maps a flat domain to the middle of the range", () => {
    expect(linear([5, 5], [0, 100])(5)).toBe(50);
  });
});
