/**
 * Every function's documented example, run through Microsoft's own custom-functions runtime with an
 * emulated Excel (test/runtime/harness.ts), asserting what the cell would show: the values, and for
 * errors the code and (on #VALUE! and #N/A, the only ones Excel shows) the message.
 *
 * The examples are the ones in each function's help (dist/help/), read as Excel would evaluate the
 * formula: dates as serials, ranges as 2-D arrays, omitted arguments as null.
 */
import { serial } from "../../src/engine/dates";
import { ERRORS_ALLOWED, errorInput, Outcome, Runtime, Shown, startRuntime } from "./harness";

const D = (y: number, m: number, d: number): number => serial(y, m, d);
const col = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);

let runtime: Runtime;
/** The functions the examples have called, so the last example test can check that none is missing. */
const called = new Set<string>();
beforeAll(async () => {
  const started = await startRuntime();
  runtime = {
    ...started,
    call: (name, ...args) => {
      called.add(name.toUpperCase());
      return started.call(name, ...args);
    },
  };
});
afterAll(() => runtime?.close());

function cells(outcome: Outcome): Shown[][] {
  if (outcome.failure) throw new Error(`the call failed with ${outcome.failure.code}: ${outcome.failure.message}`);
  return outcome.cells as Shown[][];
}
async function value(name: string, ...args: unknown[]): Promise<Shown> {
  const c = cells(await runtime.call(name, ...args));
  expect([name, c.length, c[0].length]).toEqual([name, 1, 1]);
  return c[0][0];
}

/** The business days of September 2004 (Labor Day, 09-06, is not one). */
const SEPTEMBER_2004_BUSINESS_DAYS = Array.from({ length: 30 }, (_, i) => D(2004, 9, i + 1)).filter((d) => {
  const w = new Date(Date.UTC(1899, 11, 30 + d)).getUTCDay();
  return w !== 0 && w !== 6 && d !== D(2004, 9, 6);
});

describe("the documented examples through Microsoft's runtime [all sections]", () => {
  it.each([
    ["INVENTORYCOMPONENT", [150000000], 97500000],
    ["PPESUBCOMPONENT", [80000000, 15000000], 25000000],
    ["BORROWINGBASE", [150000000, 200000000, 80000000], 315000000],
    ["AVAILABILITYRESERVE", [], 20000000],
    ["AVAILABILITY", [315000000, 150000000], 50000000],
    ["THRESHOLD", [150000000, 125000000], 233750000],
    ["AMENDMENTFEE", [], 1750000],
    ["COMMITMENTFEE", [100000000, 90], 156250],
    ["TERM", ["inventoryCap"], 125000000],
    ["ISBUSINESSDAY", [D(2004, 9, 6)], false],
    ["ISBUSINESSDAY", [D(2004, 12, 24)], true],
    ["ADDBUSINESSDAYS", [D(2004, 9, 3), 1], D(2004, 9, 7)],
    ["APPRAISALTRIGGER", [240000001, 300000000], true],
    ["APPRAISALTRIGGER", [240000000, 300000000], false],
    ["NEXTAPPRAISALDATE", [D(2004, 10, 28)], D(2005, 4, 26)],
    ["NEXTAPPRAISALDATE", [D(2004, 10, 28), true], D(2004, 11, 28)],
    ["NOTICEDEADLINE", [D(2004, 9, 8), true], D(2004, 8, 31)],
    ["NOTICEDEADLINE", [D(2004, 9, 3), false], D(2004, 9, 7)],
    ["EBITDATEST", [D(2004, 11, 30), -20500000, D(2004, 9, 20)], "PASS"],
    ["EBITDAHEADROOM", [D(2004, 10, 31), -20000000], 2500000],
    ["ADJNETEARNINGS", [-30000000, "PENSION", D(2004, 10, 31), 5000000, 200000], -25200000],
    ["BASKETHEADROOM", ["PBGCPAYMENTS", col([10000000, 15000000])], 0],
    ["PROCEEDSCOLLATERALTEST", [59000000, true], "EVENT OF DEFAULT"],
    ["AFFILIATELOANREPAYMENT", [10000000, D(2005, 6, 30), D(2006, 6, 30)], 11200000],
    ["OPTIONVESTED", [1000, 0.25, D(2005, 3, 1), D(2006, 6, 30)], 500],
    ["EXERCISEDATE", [D(2004, 9, 3) + (17 * 3600 + 60) / 86400], D(2004, 9, 7)],
    ["OPTIONEXPIRY", [D(2012, 1, 15), D(2004, 11, 30), "OTHER"], D(2005, 2, 28)],
    ["REPURCHASEPRICE", [12.5, 15.75, 1000], 3250],
    ["REPURCHASEDEADLINE", [D(2004, 9, 7)], D(2004, 9, 17)],
    ["OPTIONINCOME", [15.75, 12.5, 1000], 3250],
    ["HYDROPURCHASEDEADLINE", [D(2004, 4, 26)], D(2004, 5, 26)],
    ["TERMASOF", ["revolvingCommitmentAmount", D(2004, 10, 27)], 285000000],
    ["QALREPAYMENTDUE", [col([D(2004, 6, 29), D(2004, 6, 30), D(2004, 9, 15)]), col([1000000, 2000000, 3000000]), D(2004, 12, 1)], 5000000],
    ["PLANFILINGTEST", [D(2005, 2, 13)], "OK"],
    ["MINIMUMPROCEEDSCOLLATERAL", [20000000, 35000000, true, true], 60000000],
    ["RECOURSECAP", ["KAAC", true], 40000000],
    ["CONSENTSHARE", [col([true, true, true, true, true, true, false])], 0.91228],
    ["CONSENTTEST", [col([true, true, true, false, true, true, true])], false],
    ["KBCREIMBURSEMENT", [D(2004, 7, 1), 1000000, D(2004, 12, 28), 0.045], 1030000],
    ["KBCTRANSFERABLE", [4500000, 1030000], 3470000],
  ] as [string, unknown[], Shown][])("=KAISER.%s(%j) shows %j", async (name, args, expected) => {
    expect(await value(name, ...args)).toBe(expected);
  });

  it("=KAISER.EBITDAFLOOR(DATE(2004,11,30), DATE(2004,11,15), 3000000) shows −20,500,000 − 3,000,000 × 15/61 [9.2.4]", async () => {
    const shown = (await value("EBITDAFLOOR", D(2004, 11, 30), D(2004, 11, 15), 3000000)) as number;
    expect(shown.toFixed(2)).toBe("-21237704.92");
  });

  it("=KAISER.EBITDAFLOOR(DATE(2004,11,30), DATE(2004,11,15), {1000000,2000000,3000000}) uses the 2-month amount: −20,500,000 − 2,000,000 × 15/61 [9.2.4]", async () => {
    const shown = (await value("EBITDAFLOOR", D(2004, 11, 30), D(2004, 11, 15), [[1000000, 2000000, 3000000]])) as number;
    expect(shown.toFixed(2)).toBe("-20991803.28");
  });

  it("=KAISER.BORROWINGBASEDETAIL(150000000, 200000000, 80000000, , 5000000, 200000000) spills ten rows with the cap binding [1.1(f)]", async () => {
    const c = cells(await runtime.call("BORROWINGBASEDETAIL", 150000000, 200000000, 80000000, null, 5000000, 200000000));
    expect(c.length).toBe(10);
    expect(c[1]).toEqual(["Inventory (b): $125,000,000 cap binds [1.1(f)(b)]", 125000000]);
    expect(c.find((row) => String(row[0]).startsWith("Borrowing Base"))?.[1]).toBe(310000000);
  });

  it("=KAISER.TERMS() spills the table; the revolvingCommitmentAmount row reads 200,000,000, USD, 1.2 [Terms]", async () => {
    const c = cells(await runtime.call("TERMS"));
    expect(c[0]).toEqual(["key", "value", "unit", "section", "description"]);
    expect(c.find((row) => row[0] === "revolvingCommitmentAmount")?.slice(0, 4)).toEqual(["revolvingCommitmentAmount", 200000000, "USD", "1.2"]);
  });

  it("=KAISER.HOLIDAYS(2004) spills 10 dates with 2004-07-05 and 2004-09-06 [1.1(aa)]", async () => {
    const c = cells(await runtime.call("HOLIDAYS", 2004));
    expect(c.length).toBe(10);
    expect(c.map((r) => r[0])).toEqual(expect.arrayContaining([D(2004, 7, 5), D(2004, 9, 6)]));
  });

  it("=KAISER.THRESHOLDEVENT over five exceedances around Labor Day shows 2004-09-08, and 2004-09-03 with daysRequired 3 [1.1(aa)]", async () => {
    const dates = col([D(2004, 9, 1), D(2004, 9, 2), D(2004, 9, 3), D(2004, 9, 7), D(2004, 9, 8)]);
    const outstandings = col([250000000, 250000000, 250000000, 250000000, 250000000]);
    const thresholds = col([200000000, 200000000, 200000000, 200000000, 200000000]);
    expect(await value("THRESHOLDEVENT", dates, outstandings, thresholds)).toBe(D(2004, 9, 8));
    expect(await value("THRESHOLDEVENT", dates, outstandings, thresholds, 3)).toBe(D(2004, 9, 3));
  });

  it("=KAISER.THRESHOLDSTATUS over three exceedances before Labor Day spills nine rows: 3 of 5, the next event 2004-09-08 [1.1(aa)]", async () => {
    const dates = col([D(2004, 9, 1), D(2004, 9, 2), D(2004, 9, 3)]);
    const c = cells(await runtime.call("THRESHOLDSTATUS", dates, col([250000000, 250000000, 250000000]), col([200000000, 200000000, 200000000])));
    expect(c.map((r) => r[1])).toEqual([D(2004, 9, 3), 250000000, 200000000, -50000000, 3, 3, 2, D(2004, 9, 8), "none"]);
  });

  it("=KAISER.THRESHOLDEVENTS over every Business Day of September 2004 spills 09-08, 09-15, 09-22, 09-29 [1.1(aa)]", async () => {
    const n = SEPTEMBER_2004_BUSINESS_DAYS.length;
    const c = cells(await runtime.call("THRESHOLDEVENTS", col(SEPTEMBER_2004_BUSINESS_DAYS), col(Array(n).fill(250000000)), col(Array(n).fill(200000000))));
    expect(c.map((r) => r[0])).toEqual([D(2004, 9, 8), D(2004, 9, 15), D(2004, 9, 22), D(2004, 9, 29)]);
  });

  it("=KAISER.PPESCHEDULE and PPEREDUCTIONS with a DISPOSITION of 10,000,000 and a THRESHOLDEVENT give 10,000,000 then 5,000,000 [1.1(t)]", async () => {
    const args = [100000000, col([D(2004, 9, 15), D(2004, 9, 20)]), col(["DISPOSITION", "THRESHOLDEVENT"]), col([10000000, null])];
    const schedule = cells(await runtime.call("PPESCHEDULE", ...args));
    expect(schedule.slice(1).map((r) => r[3])).toEqual([10000000, 5000000]);
    expect(schedule[schedule.length - 1][5]).toBe(35000000);
    expect(await value("PPEREDUCTIONS", ...args)).toBe(15000000);
  });

  it("=KAISER.ANEEXCLUSIONS: LIFO charges of 15,000,000 and 8,000,000 in 2004-06 and 2004-09 give 15,000,000 and 5,000,000 [1.1(c)(i)]", async () => {
    const c = cells(await runtime.call("ANEEXCLUSIONS", col(["LIFO", "LIFO"]), col([D(2004, 6, 30), D(2004, 9, 30)]), col([15000000, 8000000])));
    expect(c).toEqual([[15000000], [5000000]]);
  });

  it("=KAISER.LENDERS() spills eight rows with Bank of America's 38,597,000 [Schedule A]", async () => {
    const c = cells(await runtime.call("LENDERS"));
    expect(c.length).toBe(8);
    expect(c.find((r) => r.includes(38597000))).toBeDefined();
  });

  it("=KAISER.LENDERALLOCATION(KAISER.AMENDMENTFEE()) gives Bank of America 337,723.75 and adds up to 1,750,000 [Schedule A, 5(d)]", async () => {
    const fee = await value("AMENDMENTFEE");
    const c = cells(await runtime.call("LENDERALLOCATION", fee));
    expect(c[0][0]).toBe(337723.75);
    expect(Math.round((c[0] as number[]).reduce((a, b) => a + b, 0) * 100)).toBe(175000000);
  });

  it("=KAISER.SPLITADJUST gives 1,500 and 6.67 for a 3-for-2 split, 100 and 100 for 1-for-10 [Grant letter ¶6]", async () => {
    const split = cells(await runtime.call("SPLITADJUST", 1000, 10, 1.5));
    expect(split[0][0]).toBe(1500);
    expect((split[0][1] as number).toFixed(2)).toBe("6.67");
    expect(cells(await runtime.call("SPLITADJUST", 1000, 10, 0.1))).toEqual([[100, 100]]);
  });

  it("has run an example of every function of functions.json (this test runs after the others)", () => {
    expect(runtime.metadata.map((f) => f.id).filter((id) => !called.has(id))).toEqual([]);
  });
});

describe("what Excel shows for bad input, through Microsoft's runtime (CONVENTIONS.md) [1.1(f)(b), Terms]", () => {
  it("keeps the message of #VALUE! naming the argument and the text [1.1(f)(b)]", async () => {
    expect(await value("INVENTORYCOMPONENT", "1,000")).toEqual({ error: "#VALUE!", message: 'eligibleInventory must be a number, not the text "1,000"' });
  });

  it("keeps the message of #N/A: an unknown term names the nearest keys [Terms]", async () => {
    expect(await value("TERM", "inventoryCapp")).toEqual({ error: "#N/A", message: expect.stringContaining("nearest keys: inventoryCap") });
  });

  it("sends #NUM! without a message, as Excel shows it [1.1(f)(b)]", async () => {
    expect(await value("INVENTORYCOMPONENT", -1)).toEqual({ error: "#NUM!" });
  });

  it("passes an error cell (under the error-input flag) to the function, which names it [1.1(f)(b)]", async () => {
    const [outcome] = await runtime.callMany([{ name: "INVENTORYCOMPONENT", args: [col([100000000, errorInput("#N/A"), 200000000])], flags: ERRORS_ALLOWED }]);
    expect(cells(outcome)).toEqual([[65000000], [{ error: "#VALUE!", message: "eligibleInventory holds the error #N/A" }], [125000000]]);
  });

  it("resolves names case-insensitively, as Excel does: =kaiser.amendmentfee() [5(d)]", async () => {
    expect(await value("kaiser.amendmentfee")).toBe(1750000);
  });

  it("answers blank required arguments with #VALUE! naming one, or #N/A for an empty daily series (no Threshold Event) [all sections]", async () => {
    const withRequired = runtime.metadata.filter((f) => f.parameters.some((p) => !p.optional));
    const outcomes = await runtime.callMany(withRequired.map((f) => ({ name: f.name, args: f.parameters.filter((p) => !p.optional).map(() => null) })));
    const EMPTY_SERIES_IS_NO_EVENT = ["THRESHOLDEVENT", "THRESHOLDEVENTS"];
    const shown = outcomes.map((o, i) => {
      const fn = withRequired[i];
      const first = cells(o)[0][0] as { error?: string; message?: string };
      const named = fn.parameters.some((p) => !p.optional && (first.message ?? "").startsWith(p.name));
      return [fn.id, first.error, EMPTY_SERIES_IS_NO_EVENT.includes(fn.id) ? first.message : named];
    });
    expect(shown).toEqual(withRequired.map((f) => [f.id, EMPTY_SERIES_IS_NO_EVENT.includes(f.id) ? "#N/A" : "#VALUE!", EMPTY_SERIES_IS_NO_EVENT.includes(f.id) ? "no Threshold Event in the series" : true]));
  });

  it("never fails a call, never sends NaN or −0: every result of a batch of odd inputs is a value or an error cell [all sections]", async () => {
    const odd = [-0, 1e308, -1e308, "", "n/a", true, errorInput("#DIV/0!")];
    const calls = runtime.metadata.flatMap((f) => odd.map((x) => ({ name: f.name, args: f.parameters.map(() => x) })));
    const outcomes = await runtime.callMany(calls);
    expect(outcomes.filter((o) => o.failure).map((o, i) => [calls[i].name, o.failure])).toEqual([]);
    const negativeZero = outcomes.flatMap((o, i) => (o.cells ?? []).flat().filter((v) => Object.is(v, -0)).map(() => calls[i].name));
    expect(negativeZero).toEqual([]);
  });
});
