import { readAneColumns } from "../../../src/functions/support/aneColumns";
import { aneExclusions } from "../../../src/functions/adjustedNetEarnings";
import { serial } from "../../../src/engine/dates";

const JULY = serial(2004, 7, 1);
const col = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);

describe("readAneColumns: the plain case in one pass, anything else to the ordinary reader [1.1(c)]", () => {
  it("reads categories in any case, dates to whole days, −0 as 0, blank optional columns as not given", () => {
    const got = readAneColumns([col([" lifo ", "INVESTEE"]), col([JULY + 0.75, JULY]), col([-0, 5000000]), col([null, 1000000]), undefined, undefined]);
    expect(got && [Array.from(got.category), Array.from(got.date), Object.is(got.amount[0], 0), got.cashReceived[1], got.bookValue[0]]).toEqual([[0, 13], [JULY, JULY], true, 1000000, NaN]);
  });

  it("takes one cell of categories or dates for every row, and drops trailing rows blank in every column", () => {
    const got = readAneColumns([[["BPA"]], [[JULY]], col([1, 2, null, null]), undefined, undefined, undefined]);
    expect(got?.amount.length).toBe(2);
  });

  it.each([
    ["a category that is not one", [col(["SALE"]), col([JULY]), col([1])]],
    ["a text amount", [col(["LIFO"]), col([JULY]), col(["1"])]],
    ["a negative amount", [col(["LIFO"]), col([JULY]), col([-1])]],
    ["a date before 1900-03-01", [col(["LIFO"]), col([60]), col([1])]],
    ["cash received on a LIFO row", [col(["LIFO"]), col([JULY]), col([1]), col([1])]],
    ["a book value without an OLV In-Place Value", [col(["IMPAIRMENT"]), col([JULY]), col([1]), undefined, col([5]), undefined]],
    ["amounts across a row", [[["LIFO", "BPA"]], [[JULY, JULY]], [[1, 2]]]],
    ["columns of different lengths", [col(["LIFO", "BPA"]), col([JULY, JULY, JULY]), col([1, 2])]],
    ["a blank amount", [col(["LIFO"]), col([JULY]), col([null])]],
  ])("answers undefined for %s", (_label, args) => {
    expect(readAneColumns([...args, undefined, undefined, undefined].slice(0, 6))).toBeUndefined();
  });

  it("KAISER.ANEEXCLUSIONS gives the same cells either way: one bad row sends the call to the ordinary reader [1.1(c)(i)]", () => {
    const plain = aneExclusions(col(["LIFO", "LIFO", "LIFO"]) as never, col([JULY, JULY + 1, JULY + 2]) as never, col([15000000, 8000000, 1]) as never);
    const withBad = aneExclusions(col(["LIFO", "LIFO", "SALE"]) as never, col([JULY, JULY + 1, JULY + 2]) as never, col([15000000, 8000000, 1]) as never);
    expect(plain).toEqual([[15000000], [5000000], [0]]);
    expect(withBad.slice(0, 2)).toEqual([[15000000], [5000000]]);
    expect((withBad[2][0] as { code: string }).code).toBe("#VALUE!");
  });
});
