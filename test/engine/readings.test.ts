import { engineErrorOf } from "../support/engineErrors";
import { dec } from "../../src/engine/decimal";
import { isoFromSerial } from "../../src/engine/dates";
import { choiceOf, nonDefaultReadings, parseReadings, Readings, SWITCHABLE_READINGS } from "../../src/engine/readings";
import { PpeEvent, PpeEventKind, ppeReductions, ppeSchedule } from "../../src/engine/ppeReduction";
import { thresholdEvents, ThresholdRow } from "../../src/engine/thresholdEvent";
import { minimumEbitdaFloor, sameForEveryPeriod } from "../../src/engine/minimumEbitda";
import { commitmentFee } from "../../src/engine/fees";
import { availability } from "../../src/engine/borrowingBase";
import { exerciseDate, optionExpiry } from "../../src/engine/optionGrant";
import { affiliateLoanRepayment } from "../../src/engine/defaults";
import { isoDay as d } from "../support/dates";

const iso = (dates: readonly number[]): string[] => dates.map(isoFromSerial);
const ev = (date: string, kind: PpeEventKind, amount: string | number = 0): PpeEvent => ({ date: d(date), kind, amount: dec(amount) });

describe("the registry of switchable readings [README Readings]", () => {
  it("gives every reading at least two choices, each a short upper-case name and one line of text, ids unique", () => {
    const ids = SWITCHABLE_READINGS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of SWITCHABLE_READINGS) {
      expect(r.choices.length).toBeGreaterThanOrEqual(2);
      for (const c of r.choices) {
        expect(c.name).toMatch(/^[A-Z0-9]{2,20}$/);
        expect(c.text).not.toContain("\n");
        expect(c.text.length).toBeGreaterThan(20);
      }
    }
  });

  it("lists at least the issue's readings, with the defaults the add-in applied before", () => {
    const defaults = Object.fromEntries(SWITCHABLE_READINGS.map((r) => [r.id, r.choices[0].name]));
    expect(defaults).toMatchObject({
      "R-PPE-C-VALCO": "CASH",
      "R-PPE-C-GRAMERCY": "CASH",
      "R-PPE-C-DEFER": "REDUCED",
      "R-TE-RECUR": "RESTART",
      "R-TE-DAYS": "AFTER",
      "R-EBITDA-DAYS-REMAINING": "EXCLUSIVE",
      "R-COMMITMENTFEE-BASIS": "360",
      "R-AVAILABILITY": "SIGNED",
      "R-EXERCISE-BUSINESSDAY": "FED",
    });
  });
});

describe("parseReadings", () => {
  it('reads "R-PPE-C-VALCO=FIXED; R-TE-RECUR=RUN"', () => {
    expect(parseReadings("R-PPE-C-VALCO=FIXED; R-TE-RECUR=RUN")).toEqual({ "R-PPE-C-VALCO": "FIXED", "R-TE-RECUR": "RUN" });
  });

  it("reads a range of texts, case-insensitive, skipping blanks", () => {
    expect(parseReadings(["r-te-days = span", "", "R-AVAILABILITY=floor;"])).toEqual({ "R-TE-DAYS": "SPAN", "R-AVAILABILITY": "FLOOR" });
    expect(parseReadings("")).toEqual({});
  });

  it("refuses an unknown id, naming it (#VALUE!)", () => {
    const e = engineErrorOf(() => parseReadings("R-NOPE=X"));
    expect(e.kind).toBe("value");
    expect(e.message).toContain('unknown reading "R-NOPE"');
  });

  it("refuses an unknown choice, naming the reading, the choice and the choices", () => {
    const e = engineErrorOf(() => parseReadings("R-TE-RECUR=FIXED"));
    expect(e.kind).toBe("value");
    expect(e.message).toBe('reading R-TE-RECUR has no choice "FIXED"; its choices are RESTART, RUN');
  });

  it("refuses a part without =, a reading chosen twice and a text past the bound", () => {
    expect(engineErrorOf(() => parseReadings("R-TE-RECUR")).message).toContain('cannot read "R-TE-RECUR"');
    expect(engineErrorOf(() => parseReadings(["R-TE-RECUR=RUN", "R-TE-RECUR=RESTART"])).message).toBe("reading R-TE-RECUR is chosen twice");
    expect(engineErrorOf(() => parseReadings("x".repeat(5000))).kind).toBe("value");
  });

  it("choiceOf gives the default for a reading left out; nonDefaultReadings lists only the others", () => {
    const r: Readings = { "R-TE-RECUR": "RUN", "R-AVAILABILITY": "SIGNED" };
    expect(choiceOf(r, "R-TE-RECUR")).toBe("RUN");
    expect(choiceOf(r, "R-PPE-C-VALCO")).toBe("CASH");
    expect(choiceOf(undefined, "R-COMMITMENTFEE-BASIS")).toBe("360");
    expect(nonDefaultReadings(r)).toEqual(["R-TE-RECUR=RUN"]);
  });
});

describe("R-PPE-C-VALCO: CASH and FIXED [1.1(t)(c)(2)]", () => {
  const OLV = dec(100000000); // base $50,000,000
  const events = [ev("2004-09-08", "THRESHOLDEVENT"), ev("2004-09-20", "VALCOCLOSING"), ev("2004-10-01", "VALCO", 4000000), ev("2004-10-15", "VALCO", 6000000)];
  const reductions = (asOf: string, readings?: Readings): string => ppeReductions({ olvInPlaceValue: OLV, events, asOfDate: d(asOf) }, readings).toString();

  it("CASH: the closing reduces nothing; $4,000,000 of cash reduces $4,000,000, $10,000,000 in all $8,500,000", () => {
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events });
    expect(rows.map((r) => r.reduction.toString())).toEqual(["5000000", "0", "4000000", "4500000"]);
    expect(rows[1].note).toContain("nothing under R-PPE-C-VALCO=CASH");
    expect(reductions("2004-09-30")).toBe("5000000");
  });

  it("FIXED: the $7,000,000 applies in full on the closing (2004-09-20); only the 50% above $7,000,000 follows cash", () => {
    const fixed: Readings = { "R-PPE-C-VALCO": "FIXED" };
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events }, fixed);
    expect(rows.map((r) => [r.kind, r.clause, r.reduction.toString(), r.cumulative.toString()])).toEqual([
      ["THRESHOLDEVENT", "(b)", "5000000", "5000000"],
      ["VALCOCLOSING", "(c)(2)", "7000000", "12000000"],
      ["VALCO", "(c)(2)", "0", "12000000"],
      ["VALCO", "(c)(2)", "1500000", "13500000"],
    ]);
    expect(reductions("2004-09-30", fixed)).toBe("12000000");
  });

  it("FIXED: a closing before the first clause (b) reduction takes effect with it (R-PPE-C-DEFER)", () => {
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events: [ev("2004-09-01", "VALCOCLOSING"), ev("2004-09-08", "THRESHOLDEVENT")] }, { "R-PPE-C-VALCO": "FIXED" });
    expect(rows.map((r) => [isoFromSerial(r.date), r.kind, r.reduction.toString()])).toEqual([
      ["2004-09-01", "VALCOCLOSING", "0"],
      ["2004-09-08", "THRESHOLDEVENT", "5000000"],
      ["2004-09-08", "VALCO", "7000000"],
    ]);
  });
});

describe("R-PPE-C-GRAMERCY: CASH and FIXED [1.1(t)(c)(1)]", () => {
  const OLV = dec(100000000);
  const kbc = dec(5000000);
  const events = [ev("2004-09-08", "THRESHOLDEVENT"), ev("2004-09-20", "KBCPLAN"), ev("2004-10-01", "GRAMERCY", 2000000), ev("2004-10-15", "GRAMERCY", 8000000)];

  it("CASH: with a KBC Allocable Amount of $5,000,000, $2,000,000 reduces $2,000,000 and $10,000,000 in all $6,000,000", () => {
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events, kbcAllocableAmount: kbc });
    expect(rows.map((r) => r.reduction.toString())).toEqual(["5000000", "0", "2000000", "4000000"]);
  });

  it("FIXED: the greater of $5,000,000 and $3,000,000 applies in full on the confirmation of a Subsidiary Plan for KBC; 50% of (P − K − $3,000,000) follows cash", () => {
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events, kbcAllocableAmount: kbc }, { "R-PPE-C-GRAMERCY": "FIXED" });
    expect(rows.map((r) => r.reduction.toString())).toEqual(["5000000", "5000000", "0", "1000000"]);
    expect(rows[3].cumulative.toString()).toBe("11000000");
  });

  it("FIXED: a GRAMERCYCLOSING after a KBCPLAN changes nothing (the amount applies once)", () => {
    const rows = ppeSchedule({ olvInPlaceValue: OLV, events: [...events.slice(0, 2), ev("2004-09-27", "GRAMERCYCLOSING")] }, { "R-PPE-C-GRAMERCY": "FIXED" });
    expect(rows.map((r) => r.reduction.toString())).toEqual(["5000000", "3000000", "0"]);
  });
});

describe("R-PPE-C-DEFER: REDUCED and FIRSTEVENT [1.1(t)(c)]", () => {
  // OLV $50,000,000: the PPE Subcomponent starts at $25,000,000, the clause (b) floor, so no Threshold Event reduces.
  const input = { olvInPlaceValue: dec(50000000), events: [ev("2004-09-01", "VALCO", 3000000), ev("2004-09-08", "THRESHOLDEVENT")] };

  it("REDUCED: no clause (b) reduction ever occurs, so the VALCO cash stays deferred: no reduction", () => {
    expect(ppeReductions(input).toString()).toBe("0");
  });

  it("FIRSTEVENT: the Threshold Event of 2004-09-08 starts clause (c) though it reduced nothing: $3,000,000, PPE Subcomponent $22,000,000", () => {
    const rows = ppeSchedule(input, { "R-PPE-C-DEFER": "FIRSTEVENT" });
    expect(rows.map((r) => [isoFromSerial(r.date), r.kind, r.reduction.toString(), r.ppeSubcomponent.toString()])).toEqual([
      ["2004-09-01", "VALCO", "0", "25000000"],
      ["2004-09-08", "THRESHOLDEVENT", "0", "25000000"],
      ["2004-09-08", "VALCO", "3000000", "22000000"],
    ]);
  });
});

/** Every calendar day from `from` to `to`, above the Threshold except on the days listed in `below`. */
function daily(from: string, to: string, below: readonly string[] = []): ThresholdRow[] {
  const out: ThresholdRow[] = [];
  for (let s = d(from); s <= d(to); s++) out.push({ date: s, outstandings: dec(below.includes(isoFromSerial(s)) ? 200 : 300), threshold: dec(250) });
  return out;
}

describe("R-TE-RECUR: RESTART and RUN [1.1(aa), 1.1(t)(b)]", () => {
  const september = daily("2004-09-01", "2004-10-31");

  it("RESTART: above the Threshold every Business Day of September, events on 09-08, 09-15, 09-22, 09-29 (five each)", () => {
    expect(iso(thresholdEvents(daily("2004-09-01", "2004-09-30"), 5))).toEqual(["2004-09-08", "2004-09-15", "2004-09-22", "2004-09-29"]);
  });

  it("RUN: the same unbroken run through October is one Threshold Event, 2004-09-08 (3 days: 2004-09-03)", () => {
    expect(iso(thresholdEvents(september, 5, undefined, { "R-TE-RECUR": "RUN" }))).toEqual(["2004-09-08"]);
    expect(iso(thresholdEvents(september, 3, undefined, { "R-TE-RECUR": "RUN" }))).toEqual(["2004-09-03"]);
  });

  it("RUN: a day below the Threshold (2004-09-20) ends the run; five more Business Days above give 2004-09-27", () => {
    expect(iso(thresholdEvents(daily("2004-09-01", "2004-09-30", ["2004-09-20"]), 5, undefined, { "R-TE-RECUR": "RUN" }))).toEqual(["2004-09-08", "2004-09-27"]);
  });
});

describe("R-TE-DAYS: AFTER and SPAN [1.1(aa)]", () => {
  // Above on Thursday 08-26, Friday 08-27, Monday 08-30, Tuesday 08-31 and Wednesday 09-01; below from 09-02.
  const rows = daily("2004-08-26", "2004-09-10", ["2004-09-02", "2004-09-03", "2004-09-07", "2004-09-08", "2004-09-09", "2004-09-10"]);

  it("AFTER: only 2004-09-01 counts, so there is no Threshold Event", () => {
    expect(thresholdEvents(rows, 5)).toEqual([]);
    expect(thresholdEvents(rows, 3)).toEqual([]);
  });

  it("SPAN: the run of five Business Days completes on 2004-09-01, a Threshold Event that day (5 and 3 Business Days)", () => {
    expect(iso(thresholdEvents(rows, 5, undefined, { "R-TE-DAYS": "SPAN" }))).toEqual(["2004-09-01"]);
    expect(iso(thresholdEvents(rows, 3, undefined, { "R-TE-DAYS": "SPAN" }))).toEqual(["2004-09-01"]);
  });
});

describe("R-TE-CARRY: CARRY and REPORTED [1.1(aa)]", () => {
  const sparse: ThresholdRow[] = ["2004-09-01", "2004-09-08"].map((s) => ({ date: d(s), outstandings: dec(300), threshold: dec(250) }));

  it("CARRY: rows on 09-01 and 09-08 only, both above: the missing 09-02, 03, 07 carry 09-01's figures, an event on 2004-09-08", () => {
    expect(iso(thresholdEvents(sparse, 5))).toEqual(["2004-09-08"]);
  });

  it("REPORTED: the missing days are not above the Threshold, so there is no event", () => {
    expect(thresholdEvents(sparse, 5, undefined, { "R-TE-CARRY": "REPORTED" })).toEqual([]);
  });
});

describe("R-EBITDA-DAYS-REMAINING: EXCLUSIVE and INCLUSIVE [9.2.4]", () => {
  const nov = [{ date: d("2004-11-15"), attributableAmounts: sameForEveryPeriod(dec(3000000)) }];
  it("EXCLUSIVE: a disposition on 2004-11-15 leaves 15 of 61 days: −20,500,000 − 3,000,000 × 15/61", () => {
    expect(minimumEbitdaFloor(d("2004-11-30"), nov).toString()).toBe("-21237704.91803278688524590163934426229508");
  });
  it("INCLUSIVE: the same disposition leaves 16 of 61 days: −20,500,000 − 3,000,000 × 16/61", () => {
    expect(minimumEbitdaFloor(d("2004-11-30"), nov, { "R-EBITDA-DAYS-REMAINING": "INCLUSIVE" }).toString()).toBe("-21286885.24590163934426229508196721311475");
  });
  it("a disposition on 2004-10-01: EXCLUSIVE 30 of 31 days (−25,500,000 for $3,100,000), INCLUSIVE the whole period (−25,600,000); on the last day none either way", () => {
    const oct = [{ date: d("2004-10-01"), attributableAmounts: sameForEveryPeriod(dec(3100000)) }];
    expect(minimumEbitdaFloor(d("2004-10-31"), oct).toString()).toBe("-25500000");
    expect(minimumEbitdaFloor(d("2004-10-31"), oct, { "R-EBITDA-DAYS-REMAINING": "INCLUSIVE" }).toString()).toBe("-25600000");
    const last = [{ date: d("2004-10-31"), attributableAmounts: sameForEveryPeriod(dec(3100000)) }];
    expect(minimumEbitdaFloor(d("2004-10-31"), last, { "R-EBITDA-DAYS-REMAINING": "INCLUSIVE" }).toString()).toBe("-22500000");
  });
});

describe("R-COMMITMENTFEE-BASIS: 360 and 365 [1.3]", () => {
  it("0.625% on $100,000,000 for 73 days: 360 gives $126,736.11…, 365 gives $125,000; a basis given wins", () => {
    expect(commitmentFee(dec(100000000), 73).toString()).toBe("126736.1111111111111111111111111111111111");
    expect(commitmentFee(dec(100000000), 73, undefined, { "R-COMMITMENTFEE-BASIS": "365" }).toString()).toBe("125000");
    expect(commitmentFee(dec(100000000), 73, 360, { "R-COMMITMENTFEE-BASIS": "365" }).toString()).toBe("126736.1111111111111111111111111111111111");
  });
});

describe("R-AVAILABILITY: SIGNED and FLOOR [1.1(e)]", () => {
  it("Borrowing Base $100,000,000, reserve $20,000,000, outstandings $120,000,000: SIGNED −$40,000,000, FLOOR $0; above zero both agree", () => {
    expect(availability(dec(100000000), dec(120000000)).toString()).toBe("-40000000");
    expect(availability(dec(100000000), dec(120000000), undefined, undefined, { "R-AVAILABILITY": "FLOOR" }).toString()).toBe("0");
    expect(availability(dec(100000000), dec(50000000), undefined, undefined, { "R-AVAILABILITY": "FLOOR" }).toString()).toBe("30000000");
  });
});

describe("R-EXERCISE-BUSINESSDAY: FED and NYSE [Grant letter ¶4]", () => {
  const nyse: Readings = { "R-EXERCISE-BUSINESSDAY": "NYSE" };
  const noon = (s: string): number => d(s) + 0.5;
  it.each([
    ["2004-06-11", "2004-06-11", "2004-06-14", "Reagan's day of mourning: the Exchange closed, the Federal Reserve open"],
    ["2004-04-09", "2004-04-09", "2004-04-12", "Good Friday"],
    ["2004-10-11", "2004-10-12", "2004-10-11", "Columbus Day: the Exchange trades"],
    ["2004-11-11", "2004-11-12", "2004-11-11", "Veterans Day: the Exchange trades"],
    ["2004-12-24", "2004-12-24", "2004-12-27", "Christmas on a Saturday: the Exchange closes the Friday before"],
  ])("a notice at noon on %s: FED %s, NYSE %s (%s)", (notice, fed, exchange) => {
    expect(isoFromSerial(exerciseDate(noon(notice)))).toBe(fed);
    expect(isoFromSerial(exerciseDate(noon(notice), undefined, nyse))).toBe(exchange);
  });
});

describe("R-AFFILIATE-DAYCOUNT: 365 and 360 [10.1.10(l)]", () => {
  it("$10,000,000 at 12% from 2005-06-30 to 2006-06-30 (365 days): 365 gives $11,200,000, 360 gives $11,216,666.67", () => {
    expect(affiliateLoanRepayment(dec(10000000), d("2005-06-30"), d("2006-06-30")).toString()).toBe("11200000");
    expect(affiliateLoanRepayment(dec(10000000), d("2005-06-30"), d("2006-06-30"), { "R-AFFILIATE-DAYCOUNT": "360" }).toString()).toBe("11216666.66666666666666666666666666666667");
  });
});

describe("R-OPTION-RETIREMENT: EARLIER and THIRDANNIVERSARY [Grant letter ¶5]", () => {
  it("retirement on 2004-11-30, scheduled expiry 2006-01-15: EARLIER 2006-01-15, THIRDANNIVERSARY 2007-11-30; other reasons unchanged", () => {
    expect(isoFromSerial(optionExpiry(d("2006-01-15"), d("2004-11-30"), "RETIREMENT"))).toBe("2006-01-15");
    expect(isoFromSerial(optionExpiry(d("2006-01-15"), d("2004-11-30"), "RETIREMENT", { "R-OPTION-RETIREMENT": "THIRDANNIVERSARY" }))).toBe("2007-11-30");
    expect(isoFromSerial(optionExpiry(d("2005-01-15"), d("2004-11-30"), "DISABILITY", { "R-OPTION-RETIREMENT": "THIRDANNIVERSARY" }))).toBe("2005-01-15");
  });
});

describe("README Readings lists every switch", () => {
  it("gives each reading's every choice, its name and its one line, between the readings markers", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a test reading the README
    const fs = require("fs") as typeof import("fs");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require("path") as typeof import("path");
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const table = readme.slice(readme.indexOf("<!-- readings:start -->"), readme.indexOf("<!-- readings:end -->"));
    const rows = ["| reading | section | choice | what it says |", "| --- | --- | --- | --- |"];
    for (const r of SWITCHABLE_READINGS) {
      r.choices.forEach((c, i) => rows.push(`| ${i === 0 ? "`" + r.id + "`" : ""} | ${i === 0 ? r.section : ""} | \`${c.name}\`${i === 0 ? " (default)" : ""} | ${c.text} |`));
    }
    expect(table.trim()).toBe(`<!-- readings:start -->\n${rows.join("\n")}`);
  });
});
