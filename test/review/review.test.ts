/**
 * The one review of a workbook (src/review/review.ts): every figure and schedule of the example
 * model worked by hand from the amendment's text, and scenarios recomputed from the same inputs.
 * The example model (src/review/template.ts): clause (a) $95,000,000; Eligible Inventory
 * $180,000,000; Net Recovery Percentage 72%; OLV In-Place Value $90,000,000; KBC Allocable Amount
 * $4,500,000; Revolving Commitment Amount $200,000,000; date of determination 2004-12-31.
 */
import { Dec, dec } from "../../src/engine/decimal";
import { serial } from "../../src/engine/dates";
import { Figure, FigureKey, figureOf, review, Review, reviewInputs } from "../../src/review/review";
import { snapshotFromTemplate } from "../../src/review/template";
import { model, setNamed } from "../support/snapshots";

function value(r: Pick<Review, "figures">, key: FigureKey): Figure["value"] | undefined {
  return figureOf(r, key)?.value;
}

function text(d: Dec | null | undefined): string | undefined {
  return d === null || d === undefined ? undefined : d.toFixed(2);
}

describe("the example model's Borrowing Base, clause by clause [1.1(f)]", () => {
  const r = review(model());

  it("clause (b) is the least of $125,000,000, 65% × $180,000,000 = $117,000,000 and 85% × 72% × $180,000,000 = $110,160,000 [1.1(f)(b)]", () => {
    expect(value(r, "clauseB")).toBe(110160000);
    expect(dec(0.85).times(dec(0.72)).times(180000000).toFixed(2)).toBe("110160000.00");
  });

  it("clause (c) is the lesser of $50,000,000 and 50% × $90,000,000, less $30,000,000 of PPE Subcomponent Reductions: $15,000,000 [1.1(f)(c), 1.1(t)]", () => {
    expect(value(r, "ppeBase")).toBe(45000000);
    expect(value(r, "ppeReductions")).toBe(30000000);
    expect(value(r, "ppeSubcomponent")).toBe(15000000);
  });

  it("the Borrowing Base is $95,000,000 + $110,160,000 + $15,000,000 = $220,160,000, and the workbook's B18 shows the same [1.1(f)]", () => {
    const bb = figureOf(r, "borrowingBase");
    expect(bb).toMatchObject({ value: 220160000, workbookValue: 220160000, cell: "'Amendment Model'!B18", mismatch: false });
  });

  it("the Threshold is 85% × ($95,000,000 + $110,160,000) = $174,386,000 [1.1(aa)]", () => {
    expect(value(r, "threshold")).toBe(174386000);
  });

  it("the Availability Reserve is the lesser of $20,000,000 and 10% × $200,000,000 = $20,000,000 [1.1(e)]", () => {
    expect(value(r, "availabilityReserve")).toBe(20000000);
  });
});

describe("the example model's schedules", () => {
  const r = review(model());

  it("lists every five-day Threshold Event with its clause: 2004-09-08, 09-24, and 10-25 by clause (y) [1.1(aa)]", () => {
    const five = r.thresholdEvents.find((l) => l.daysRequired === 5);
    expect(five?.note).toBeUndefined();
    expect(five?.events.map((e) => e.date)).toEqual([serial(2004, 9, 8), serial(2004, 9, 24), serial(2004, 10, 25)]);
    expect(five?.events[2].clause).toBe("y");
    expect(value(r, "firstThresholdEvent")).toBe(serial(2004, 9, 8));
  });

  it("lists the three-day events for Section 9.2.4, the first on 2004-09-03 [1.1(aa), 9.2.4]", () => {
    const three = r.thresholdEvents.find((l) => l.daysRequired === 3);
    expect(three?.section).toBe("1.1(aa), 9.2.4");
    expect(three?.events[0].date).toBe(serial(2004, 9, 3));
    expect(value(r, "firstThresholdEvent3")).toBe(serial(2004, 9, 3));
  });

  it("works the PPE Subcomponent schedule down to $15,000,000, its reductions summing to $30,000,000 [1.1(t)]", () => {
    const lines = r.ppeSchedule.lines;
    expect(r.ppeSchedule.note).toBeUndefined();
    const total = lines.reduce((s, l) => s.plus(l.reduction), dec(0));
    expect(total.toFixed(2)).toBe("30000000.00");
    expect(text(lines[lines.length - 1].ppeSubcomponent)).toBe("15000000.00");
    // (b) on 2004-09-08: $5,000,000 (Section 1.1(t)(b)).
    expect(lines.find((l) => l.date === serial(2004, 9, 8) && l.kind === "THRESHOLDEVENT")?.reduction.toFixed(2)).toBe("5000000.00");
  });

  it("tests each Minimum EBITDA period: October's floor −$22,500,000 − $1,550,000 × 30/31, headroom EBITDA less floor, PASS [9.2.4]", () => {
    const oct = r.minimumEbitda.lines.find((l) => l.periodEnd === serial(2004, 10, 31));
    const floor = dec(-22500000).minus(dec(1550000).times(30).dividedBy(31));
    expect(oct?.floor?.equals(floor)).toBe(true);
    expect(oct?.headroom?.equals(oct.ebitda.minus(floor))).toBe(true);
    expect(oct?.status).toBe("PASS");
    expect(r.minimumEbitda.lines.map((l) => l.status)).toEqual(["PASS", "PASS", "PASS"]);
  });

  it("splits the $1,750,000 amendment fee (0.00875 × $200,000,000) among the seven Lenders of Schedule A to the cent [5(d)]", () => {
    expect(text(r.amendmentFee.fee)).toBe("1750000.00");
    expect(r.amendmentFee.lines).toHaveLength(7);
    expect(r.amendmentFee.lines.reduce((s, l) => s.plus(l.amount), dec(0)).toFixed(2)).toBe("1750000.00");
  });

  it("excludes $58,750,000 of charges from Adjusted Net Earnings, the second LIFO charge cut to the $20,000,000 cap [1.1(c)]", () => {
    expect(text(r.aneExclusions.total)).toBe("58750000.00");
    expect(value(r, "aneExclusions")).toBe(58750000);
    const lifo = r.aneExclusions.lines.filter((l) => l.category === "LIFO");
    expect(lifo.reduce((s, l) => s.plus(l.excluded), dec(0)).toFixed(2)).toBe("20000000.00");
    expect(lifo[0].section).toBe("1.1(c)(i)");
  });

  it("gives the KBC Allocable Amount's headroom: $7,000,000 − $4,500,000 = $2,500,000 [9.2.18(ix)]", () => {
    expect(r.baskets.lines).toHaveLength(1);
    expect(r.baskets.lines[0]).toMatchObject({ basket: "KBCALLOCABLE", section: "9.2.18(ix)", input: "KBCAllocableAmount" });
    expect(text(r.baskets.lines[0].headroom)).toBe("2500000.00");
  });

  it("has no findings and is ready [layout]", () => {
    expect(r.findings).toEqual([]);
    expect(r.summary).toEqual({ errors: 0, warnings: 0, infos: 0, ready: true, readings: [] });
  });
});

describe("no Threshold Event is a value, not a message [1.1(aa), 9.2.4]", () => {
  it("marks the first-event figures noEvent, lists no events, and leaves the covenant NOT TESTED", () => {
    const s = model();
    // $150,000,000 of receivables lifts the Threshold above every day's outstandings.
    setNamed(s, "ReceivablesComponent", { value: 150000000 });
    const r = review(s);
    expect(figureOf(r, "firstThresholdEvent")).toMatchObject({ value: null, noEvent: true });
    expect(figureOf(r, "firstThresholdEvent3")).toMatchObject({ value: null, noEvent: true });
    expect(r.thresholdEvents.map((l) => [l.events.length, l.note])).toEqual([
      [0, undefined],
      [0, undefined],
    ]);
    expect(r.minimumEbitda.lines.map((l) => l.status)).toEqual(["NOT TESTED", "NOT TESTED", "NOT TESTED"]);
  });

  it("a blocked series is not noEvent: without DailyOutstandings' rows readable, the test is not worked out", () => {
    const s = model();
    setNamed(s, "ReceivablesComponent", { value: "n/a" });
    const r = review(s);
    expect(figureOf(r, "firstThresholdEvent")?.noEvent).toBeUndefined();
    expect(r.minimumEbitda.lines.every((l) => l.status === null)).toBe(true);
  });
});

describe("scenarios: the same inputs with some overridden", () => {
  const base = review(model());

  it("$150,000,000 of Eligible Inventory: clause (b) 85% × 72% × $150,000,000 = $91,800,000, Borrowing Base $201,800,000 [1.1(f)]", () => {
    const s = reviewInputs(base.inputs, { EligibleInventory: 150000000 });
    expect(value(s, "clauseB")).toBe(91800000);
    expect(value(s, "borrowingBase")).toBe(201800000);
    expect(value(s, "threshold")).toBe(158780000);
    // The workbook's own outputs belong to its inputs, not the scenario's: nothing is compared.
    expect(figureOf(s, "borrowingBase")?.cell).toBeUndefined();
  });

  it("a blank Net Recovery Percentage (no appraisal) gives clause (b) the lesser of $125,000,000 and 65% × $180,000,000 [1.1(f)(b)]", () => {
    expect(value(reviewInputs(base.inputs, { NetRecoveryPercentage: null }), "clauseB")).toBe(117000000);
  });

  it("recomputes the schedules too: a $250,000,000 commitment gives a fee of $2,187,500 [5(d)]", () => {
    expect(text(reviewInputs(base.inputs, { RevolvingCommitmentAmount: 250000000 }).amendmentFee.fee)).toBe("2187500.00");
  });

  it("no overrides gives the review's own figures [1.1(f)]", () => {
    expect(reviewInputs(base.inputs).figures).toEqual(base.figures);
  });
});

describe("one pass", () => {
  it("the workbook's outputs are compared with the engine's, so a wrong output is a mismatch finding [1.1(f)]", () => {
    const s = snapshotFromTemplate(undefined, { borrowingBase: 221160000 });
    const r = review(s);
    expect(figureOf(r, "borrowingBase")).toMatchObject({ value: 220160000, workbookValue: 221160000, mismatch: true });
    expect(r.findings.map((f) => f.ruleId)).toEqual(["output-mismatch"]);
  });
});
