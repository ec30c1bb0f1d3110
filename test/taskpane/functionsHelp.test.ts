/**
 * The function help of the pane, read from functions.json entries written as the custom functions'
 * JSDoc writes them: description, "Example: ... gives ...", the #NUM! causes, "[section]".
 */
import { filterFunctions, functionHelp, FunctionMetadata, matchesQuery, readFunctionList } from "../../taskpane/functionsHelp";

const THRESHOLD: FunctionMetadata = {
  id: "THRESHOLD",
  name: "THRESHOLD",
  description:
    "The Threshold: 85% of the Borrowing Base attributable to clause (a) plus clause (b). Example: =KAISER.THRESHOLD(150000000, 125000000) gives 233,750,000. #NUM! when either amount is negative. [1.1(aa)]",
  parameters: [
    { name: "receivablesComponent", description: "Clause (a) of the Borrowing Base, amount in US dollars (number or range)." },
    { name: "inventoryComponent", description: "Clause (b) of the Borrowing Base, amount in US dollars (number or range)." },
  ],
};

const INVENTORY: FunctionMetadata = {
  id: "INVENTORYCOMPONENT",
  name: "INVENTORYCOMPONENT",
  description:
    "Clause (b) of the Borrowing Base, the inventory component: the lesser of $125,000,000 and 65% of Eligible Inventory; with a Net Recovery Percentage (appraisal received), also at most 85% of that percentage of Eligible Inventory. Example: =KAISER.INVENTORYCOMPONENT(150000000) gives 97,500,000. #NUM! when Eligible Inventory is negative or the Net Recovery Percentage is outside 0..1. [1.1(f)(b)]",
  parameters: [
    { name: "eligibleInventory", description: "Eligible Inventory, amount in US dollars (number or range)." },
    { name: "netRecoveryPercentage", description: "Net Recovery Percentage, fraction (72% is 0.72) (number or range).", optional: true },
  ],
};

const TERM: FunctionMetadata = {
  id: "TERM",
  name: "TERM",
  description:
    'The value of one term of the amendment\'s table, by key (case-insensitive); dates come back as Excel dates. Example: =KAISER.TERM("inventoryCap") gives 125,000,000. An unknown key is #N/A naming the nearest keys; see KAISER.TERMS() for the whole table. [Terms]',
  parameters: [{ name: "key", description: 'The key of the term, e.g. "inventoryCap".' }],
};

const TERMS: FunctionMetadata = {
  id: "TERMS",
  name: "TERMS",
  description: "The whole table of terms as a spilled range with a header row: key, value, unit, section, description. [Terms]",
  parameters: [],
};

describe("reading one function's help", () => {
  it("splits the description into summary, example, #NUM! causes and section [1.1(aa)]", () => {
    const help = functionHelp(THRESHOLD);
    expect(help.fullName).toBe("KAISER.THRESHOLD");
    expect(help.signature).toBe("KAISER.THRESHOLD(receivablesComponent, inventoryComponent)");
    expect(help.summary).toBe("The Threshold: 85% of the Borrowing Base attributable to clause (a) plus clause (b).");
    expect(help.examples).toEqual([{ formula: "=KAISER.THRESHOLD(150000000, 125000000)", result: "233,750,000" }]);
    expect(help.numCauses).toEqual(["#NUM! when either amount is negative."]);
    expect(help.section).toBe("1.1(aa)");
  });

  it("marks optional arguments in brackets and keeps decimals inside a sentence whole [1.1(f)(b)]", () => {
    const help = functionHelp(INVENTORY);
    expect(help.signature).toBe("KAISER.INVENTORYCOMPONENT(eligibleInventory, [netRecoveryPercentage])");
    expect(help.parameters.map((p) => [p.name, p.optional])).toEqual([
      ["eligibleInventory", false],
      ["netRecoveryPercentage", true],
    ]);
    expect(help.numCauses).toEqual(["#NUM! when Eligible Inventory is negative or the Net Recovery Percentage is outside 0..1."]);
    expect(help.summary).toContain("65% of Eligible Inventory; with a Net Recovery Percentage");
    expect(help.summary).not.toContain("Example");
  });

  it("keeps other sentences after the example in the summary, and quotes in the example [Terms]", () => {
    const help = functionHelp(TERM);
    expect(help.examples).toEqual([{ formula: '=KAISER.TERM("inventoryCap")', result: "125,000,000" }]);
    expect(help.brief).toBe("The value of one term of the amendment's table, by key (case-insensitive); dates come back as Excel dates.");
    expect(help.summary).toBe(
      "The value of one term of the amendment's table, by key (case-insensitive); dates come back as Excel dates. An unknown key is #N/A naming the nearest keys; see KAISER.TERMS() for the whole table.",
    );
    expect(help.numCauses).toEqual([]);
    expect(help.section).toBe("Terms");
  });

  it("shows a function without arguments or example as it is [Terms]", () => {
    const help = functionHelp(TERMS);
    expect(help.signature).toBe("KAISER.TERMS()");
    expect(help.examples).toEqual([]);
    expect(help.summary).toBe("The whole table of terms as a spilled range with a header row: key, value, unit, section, description.");
  });
});

describe("sentences with abbreviations [1.1(aa), Grant letter ¶4]", () => {
  it("does not end a sentence at 'Jr.' or 'p.m.' before a capital", () => {
    const holidays = functionHelp({
      id: "HOLIDAYS",
      name: "HOLIDAYS",
      description: "The Federal Reserve's holidays: New Year's Day, Martin Luther King Jr. Day and Labor Day. Example: =KAISER.HOLIDAYS(2004) spills 10 dates. [1.1(aa)]",
      parameters: [{ name: "year", description: "The year." }],
    });
    expect(holidays.summary).toBe("The Federal Reserve's holidays: New Year's Day, Martin Luther King Jr. Day and Labor Day.");
    const exercise = functionHelp({
      id: "EXERCISEDATE",
      name: "EXERCISEDATE",
      description: "The notice's own date when received by 5:00 p.m. Houston time on a business day. Business days exclude holidays. [Grant letter ¶4]",
      parameters: [{ name: "notice", description: "The notice." }],
    });
    expect(exercise.brief).toBe("The notice's own date when received by 5:00 p.m. Houston time on a business day.");
    expect(exercise.summary).toBe("The notice's own date when received by 5:00 p.m. Houston time on a business day. Business days exclude holidays.");
  });
});

describe("the list and its search", () => {
  const list = readFunctionList({ allowErrorForDataTypeAny: true, functions: [TERMS, THRESHOLD, TERM, INVENTORY] });

  it("lists every function sorted by name [task pane]", () => {
    expect(list.map((f) => f.fullName)).toEqual(["KAISER.INVENTORYCOMPONENT", "KAISER.TERM", "KAISER.TERMS", "KAISER.THRESHOLD"]);
  });

  it.each([
    ["threshold", ["KAISER.THRESHOLD"]],
    ["=KAISER.threshold", ["KAISER.THRESHOLD"]],
    ["1.1(f)(b)", ["KAISER.INVENTORYCOMPONENT"]],
    ["term", ["KAISER.TERM", "KAISER.TERMS"]],
    ["net recovery", ["KAISER.INVENTORYCOMPONENT"]],
    ["receivablesComponent", ["KAISER.THRESHOLD"]],
    ["#num! negative", ["KAISER.INVENTORYCOMPONENT", "KAISER.THRESHOLD"]],
    ["", ["KAISER.INVENTORYCOMPONENT", "KAISER.TERM", "KAISER.TERMS", "KAISER.THRESHOLD"]],
    ["   ", ["KAISER.INVENTORYCOMPONENT", "KAISER.TERM", "KAISER.TERMS", "KAISER.THRESHOLD"]],
    ["ebitda", []],
  ])("finds %j in %j [task pane]", (query, names) => {
    expect(filterFunctions(list, query).map((f) => f.fullName)).toEqual(names);
  });

  it("needs every word of the query, in any order [task pane]", () => {
    const threshold = list.find((f) => f.fullName === "KAISER.THRESHOLD");
    expect(threshold).toBeDefined();
    if (!threshold) return;
    expect(matchesQuery(threshold, "clause threshold")).toBe(true);
    expect(matchesQuery(threshold, "threshold inventoryCap")).toBe(false);
  });
});

describe("edge cases", () => {
  it("refuses a document without a list of functions", () => {
    expect(() => readFunctionList({})).toThrow("functions.json holds no list of functions.");
    expect(() => readFunctionList(null)).toThrow("functions.json holds no list of functions.");
  });

  it("skips entries without a name and reads one without a description", () => {
    const list = readFunctionList({ functions: [{ id: "X" }, { name: "BARE" }, 7] });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ fullName: "KAISER.BARE", signature: "KAISER.BARE()", summary: "", section: "", examples: [], numCauses: [] });
  });

  it("keeps an example that says no result as a formula only", () => {
    const help = functionHelp({ name: "X", description: "Does x. Example: =KAISER.X(1). [1.2]" });
    expect(help.examples).toEqual([{ formula: "=KAISER.X(1)", result: "" }]);
    expect(help.section).toBe("1.2");
  });
});
