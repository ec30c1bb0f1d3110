/**
 * The README cannot drift from the code: its function reference is the generated one, and every
 * reading cited in the code (R-…) is listed under Readings and vice versa.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { serial } from "../../src/engine/dates";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script, also run from the command line
const docs = require("../../scripts/docs.js") as { updated: (readme: string, metadata: unknown) => string };

const root = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("README.md", () => {
  it("carries the function reference generated from the full metadata, dist/help/functions.json", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(root, "dist", "help", "functions.json"), "utf8"));
    expect(docs.updated(readme, metadata)).toBe(readme);
  });

  it("lists under Readings every reading the code cites, and cites in the code every reading it lists", () => {
    const readingsSection = readme.slice(readme.indexOf("## Readings"));
    const listed = new Set([...readingsSection.matchAll(/\*\*(R-[A-Z0-9-]+)\*\*/g)].map((m) => m[1]));
    const code = sourceFiles(path.join(root, "src")).map((f) => fs.readFileSync(f, "utf8")).join("\n");
    const cited = new Set([...code.matchAll(/\b(R-[A-Z0-9]+(?:-[A-Z0-9]+)*)\b/g)].map((m) => m[1]));
    expect([...cited].filter((id) => !listed.has(id)).sort()).toEqual([]);
    expect([...listed].filter((id) => !cited.has(id)).sort()).toEqual([]);
  });

  it("gives the same test command as .ci/run", () => {
    const ci = fs.readFileSync(path.join(root, ".ci/run"), "utf8");
    expect(readme).toContain("npm ci");
    expect(readme).toContain("npm test");
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});

/** The functions of the foundation (issue 3) and of the grant letter and the Alpart release (issue 8). */
const WORKED = ["INVENTORYCOMPONENT", "PPESUBCOMPONENT", "BORROWINGBASE", "AVAILABILITYRESERVE", "AVAILABILITY", "THRESHOLD", "AMENDMENTFEE", "COMMITMENTFEE", "TERM", "OPTIONVESTED", "EXERCISEDATE", "OPTIONEXPIRY", "REPURCHASEPRICE", "REPURCHASEDEADLINE", "OPTIONINCOME", "SPLITADJUST", "HYDROPURCHASEDEADLINE"];

/** One argument of a worked example as Excel reads it: a number, a percentage, text, DATE(y,m,d) with an optional +TIME(h,m,s), or blank. */
function exampleArgument(text: string): { value: unknown } {
  const date = /^DATE\((\d+),\s*(\d+),\s*(\d+)\)(?:\s*\+\s*TIME\((\d+),\s*(\d+),\s*(\d+)\))?$/.exec(text);
  if (date) {
    const [y, m, d, h, mi, s] = date.slice(1).map(Number);
    return { value: serial(y, m, d) + (date[4] === undefined ? 0 : (h * 3600 + mi * 60 + s) / 86400) };
  }
  if (text === "") return { value: null };
  if (/^-?\d+(\.\d+)?%$/.test(text)) return { value: Number(text.slice(0, -1)) / 100 };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
  const quoted = /^"([^"]*)"$/.exec(text);
  if (quoted) return { value: quoted[1] };
  throw new Error(`cannot read the example argument ${text}`);
}

/** The first figure after "gives": a number with thousands separators or a YYYY-MM-DD date (as its serial). */
function exampleResult(text: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (date) return serial(Number(date[1]), Number(date[2]), Number(date[3]));
  const figure = /^-?[\d,]+(\.\d+)?/.exec(text);
  if (!figure) throw new Error(`cannot read the example result ${text}`);
  return Number(figure[0].replace(/,/g, ""));
}

describe("the worked examples in the function descriptions", () => {
  it("give, through the built functions, the figure each states [1.1(e), 1.1(f), 1.1(aa), 1.3, 5(d); Grant letter; Alpart release]", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(root, "dist", "help", "functions.json"), "utf8")) as { functions: { id: string; description: string; parameters: { dimensionality?: string }[] }[] };
    const registered: Record<string, (...args: unknown[]) => unknown[][]> = {};
    const context = vm.createContext({ CustomFunctions: { associate: (id: string, fn: (...args: unknown[]) => unknown[][]) => (registered[id] = fn) } });
    vm.runInContext(fs.readFileSync(path.join(root, "dist", "functions.js"), "utf8"), context);
    const checked: string[] = [];
    for (const fn of metadata.functions.filter((f) => WORKED.includes(f.id))) {
      for (const example of fn.description.matchAll(/=KAISER\.([A-Z]+)\(((?:[^()]|\([^()]*\))*)\) gives ([^;]+)/g)) {
        const args = example[2] === "" ? [] : example[2].split(/,(?![^(]*\))/).map((a) => exampleArgument(a.trim()).value);
        const call = args.map((a, i) => (fn.parameters[i]?.dimensionality === "matrix" ? [[a]] : a));
        const formula = example[0].slice(0, example[0].indexOf(" gives"));
        expect([formula, registered[example[1]](...call)[0][0]]).toEqual([formula, exampleResult(example[3])]);
        checked.push(fn.id);
      }
    }
    expect([...new Set(checked)].sort()).toEqual([...WORKED].sort());
  });
});
