/**
 * The production build (test/globalSetup.js runs `webpack --mode production` once before the
 * tests): dist/functions.json lists every function with its parameters, and dist/functions.js
 * loads in a plain JavaScript context with no DOM, registers every id with
 * CustomFunctions.associate, and computes what the engine computes.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { dec } from "../../src/engine/decimal";
import * as engine from "../../src/engine/borrowingBase";
import { amendmentFee, commitmentFee } from "../../src/engine/fees";

const dist = path.resolve(__dirname, "../../dist");

interface ParameterMetadata {
  name: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { dimensionality?: string };
}

function metadata(): { allowErrorForDataTypeAny?: boolean; functions: FunctionMetadata[] } {
  return JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
}

/**
 * The functions of the foundation issue with their parameters, in order; optional ones marked "?".
 * Arguments are only ever appended: `readings` (the readings issue) came last where a switchable
 * reading applies.
 */
const FOUNDATION: Record<string, string[]> = {
  INVENTORYCOMPONENT: ["eligibleInventory", "netRecoveryPercentage?"],
  PPESUBCOMPONENT: ["olvInPlaceValue", "ppeSubcomponentReductions?"],
  BORROWINGBASE: ["receivablesComponent", "eligibleInventory", "olvInPlaceValue", "netRecoveryPercentage?", "ppeSubcomponentReductions?"],
  AVAILABILITYRESERVE: ["revolvingCommitmentAmount?"],
  AVAILABILITY: ["borrowingBase", "revolvingCreditOutstandings", "otherReserves?", "revolvingCommitmentAmount?", "readings?"],
  THRESHOLD: ["receivablesComponent", "inventoryComponent"],
  BORROWINGBASEDETAIL: ["receivablesComponent", "eligibleInventory", "olvInPlaceValue", "netRecoveryPercentage?", "ppeSubcomponentReductions?", "revolvingCreditOutstandings?", "readings?"],
  TERM: ["key"],
  TERMS: [],
  AMENDMENTFEE: ["revolvingCommitmentAmount?"],
  COMMITMENTFEE: ["averageUnusedCommitment", "days", "dayCountBasis?", "readings?"],
};

type Registered = Record<string, (...args: unknown[]) => unknown>;

function loadFunctionsBundle(): Registered {
  const registered: Registered = {};
  const context = vm.createContext({
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        registered[id] = fn;
      },
    },
  });
  vm.runInContext(fs.readFileSync(path.join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
  return registered;
}

describe("the production build [all sections]", () => {
  it("writes functions.js, functions.json, taskpane.html, the icons and the manifest into dist/", () => {
    for (const file of ["functions.js", "functions.json", "taskpane.html", "taskpane.js", "assets/icon-32.png", "manifest.xml"]) {
      expect(fs.existsSync(path.join(dist, file))).toBe(true);
    }
  });

  it("lists every foundation function with its parameters in functions.json [1.1(f), 1.1(e), 1.1(aa), 1.3, 5(d)]", () => {
    const byId = new Map(metadata().functions.map((f) => [f.id, f]));
    for (const [id, params] of Object.entries(FOUNDATION)) {
      const fn = byId.get(id);
      expect(fn).toBeDefined();
      expect(fn?.name).toBe(id);
      expect(fn?.parameters.map((p) => p.name + (p.optional ? "?" : ""))).toEqual(params);
    }
  });

  it("describes every function with its section and lets error values reach the functions", () => {
    const meta = metadata();
    expect(meta.allowErrorForDataTypeAny).toBe(true);
    for (const fn of meta.functions) {
      expect(fn.description).toMatch(/\[[^\]]+\]$/);
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9]*$/);
    }
  });

  it("loads functions.js with no DOM and registers every id of functions.json", () => {
    const registered = loadFunctionsBundle();
    expect(Object.keys(registered).sort()).toEqual(metadata().functions.map((f) => f.id).sort());
  });

  it("loads decimal.js and the engine once in the shared runtime: the pane's bundle takes them from functions.js", () => {
    const functionsJs = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    const taskpaneJs = fs.readFileSync(path.join(dist, "taskpane.js"), "utf8");
    // decimal.js's own error prefix: present once in the page, in functions.js only.
    expect(functionsJs).toContain("[DecimalError]");
    expect(taskpaneJs).not.toContain("[DecimalError]");
    // The engine's table of terms (one term's description) likewise.
    expect(functionsJs).toContain("Cap on clause (b), the inventory component of the Borrowing Base");
    expect(taskpaneJs).not.toContain("Cap on clause (b), the inventory component of the Borrowing Base");
    // The .xlsx reader is a Web Worker's script of its own (taskpane/xlsxWorker.ts), started only
    // when the pane opens a file; no library reads the file (exceljs is not in the bundle at all).
    const workerJs = fs.readFileSync(path.join(dist, "xlsxWorker.js"), "utf8");
    expect(workerJs).toContain("declares a document type");
    expect(taskpaneJs).not.toContain("declares a document type");
    for (const js of [functionsJs, taskpaneJs, workerJs]) expect(js).not.toContain("exceljs");
  });

  it("computes through the bundle what the engine computes [1.1(f), 1.1(e), 1.1(aa), 5(d), 1.3]", () => {
    const fns = loadFunctionsBundle();
    const bb = engine.borrowingBase({ receivablesComponent: dec(150000000), eligibleInventory: dec(200000000), olvInPlaceValue: dec(80000000), ppeSubcomponentReductions: dec(5000000) });
    expect(fns.BORROWINGBASE([[150000000]], [[200000000]], [[80000000]], undefined, [[5000000]])).toEqual([[bb.total.toNumber()]]);
    expect(fns.INVENTORYCOMPONENT([[100000000]], [[0.7]])).toEqual([[engine.inventoryComponent(dec(100000000), dec("0.7")).amount.toNumber()]]);
    expect(fns.THRESHOLD([[150000000]], [[125000000]])).toEqual([[engine.threshold(dec(150000000), dec(125000000)).toNumber()]]);
    expect(fns.AVAILABILITYRESERVE()).toEqual([[engine.availabilityReserve().toNumber()]]);
    expect(fns.AMENDMENTFEE()).toEqual([[amendmentFee().toNumber()]]);
    expect(fns.COMMITMENTFEE([[100000000]], [[90]])).toEqual([[commitmentFee(dec(100000000), 90).toNumber()]]);
    expect(fns.TERM("inventoryCap")).toEqual([[125000000]]);
  });

  it("answers bad input from the bundle with an error object carrying its code, not a throw", () => {
    const fns = loadFunctionsBundle();
    const result = fns.INVENTORYCOMPONENT([["1,000"]]) as { code: string; message: string }[][];
    expect(result[0][0].code).toBe("#VALUE!");
    expect(result[0][0].message).toContain("eligibleInventory");
  });
});
