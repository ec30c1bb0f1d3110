/**
 * Results Excel can receive (issue 12, item 2; RUNTIME.md, "Size"), measured on the message
 * Microsoft's runtime really sends: the add-in's estimate is never below it, a result past the
 * maxResultCharacters term is one short #VALUE!, and a whole-column call spills its used rows only.
 */
import { serial } from "../../src/engine/dates";
import { term } from "../../src/engine/terms";
import { amendmentFee } from "../../src/functions/fees";
import { inventoryComponent } from "../../src/functions/borrowingBase";
import { estimateResultCharacters, SHORT_MESSAGE_LENGTH } from "../../src/functions/support/arrays";
import { Runtime, startRuntime } from "./harness";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startRuntime();
});
afterAll(() => runtime?.close());

const limit = term("maxResultCharacters").toNumber();
const amounts = (n: number): number[][] => Array.from({ length: n }, (_, i) => [200000000 + i * 1000.5]);

describe("the size of what the runtime sends Excel [5(d), 1.1(f)(b), 1.1(aa)]", () => {
  it("is never more than the estimate, for 10,000 amounts [5(d)]", async () => {
    const args = amounts(10000);
    const outcome = await runtime.call("AMENDMENTFEE", args);
    expect(outcome.cells?.length).toBe(10000);
    const estimate = estimateResultCharacters(amendmentFee(args as never));
    expect(estimate).toBeGreaterThanOrEqual(outcome.messageCharacters);
    expect(estimate).toBeLessThan(outcome.messageCharacters * 1.1);
  });

  it("is never more than the estimate for 10,000 error cells, whose messages are cut short, well under the limit [1.1(f)(b)]", async () => {
    const args = Array.from({ length: 10000 }, (_, i) => [`${i} dollars of Eligible Inventory, as typed by hand`]);
    const outcome = await runtime.call("INVENTORYCOMPONENT", args);
    const shown = (outcome.cells ?? []).map((r) => r[0] as { error: string; message: string });
    expect(shown.length).toBe(10000);
    expect(shown.every((c) => c.error === "#VALUE!" && c.message.startsWith("eligibleInventory must be a number") && c.message.length <= SHORT_MESSAGE_LENGTH)).toBe(true);
    expect(estimateResultCharacters(inventoryComponent(args as never))).toBeGreaterThanOrEqual(outcome.messageCharacters);
    expect(outcome.messageCharacters).toBeLessThan(limit);
  });

  it("answers a result past the limit with one #VALUE! giving its size, in a message of a few hundred characters [5(d)]", async () => {
    const outcome = await runtime.call("AMENDMENTFEE", amounts(200000));
    expect(outcome.cells).toEqual([[{ error: "#VALUE!", message: "the result is 200,000 rows × 1 columns, too large for Excel to receive; split the range" }]]);
    expect(outcome.messageCharacters).toBeLessThan(500);
  });

  it("sends the largest result it accepts in under the limit's characters, well under Excel on the web's 5 MB [5(d)]", async () => {
    // Each amount here is 16 to 17 characters on the wire: the largest spill under the limit.
    const rows = Math.floor(limit / 21);
    const outcome = await runtime.call("AMENDMENTFEE", amounts(rows));
    expect(outcome.cells?.length).toBe(rows);
    expect(outcome.messageCharacters).toBeLessThanOrEqual(limit);
  });

  it("spills only the used rows of a whole column, =KAISER.ISBUSINESSDAY(A:A) [1.1(aa)]", async () => {
    const used = [serial(2004, 9, 3), serial(2004, 9, 6), null, serial(2004, 9, 7)];
    const column = Array.from({ length: 1048576 }, (_, i) => [i < used.length ? used[i] : null]);
    const outcome = await runtime.call("ISBUSINESSDAY", column);
    expect(outcome.cells).toEqual([[true], [false], [""], [true]]);
  });
});
