/**
 * Every `KAISER.` custom function with its adapter, read the way the build reads them: the JSDoc of
 * src/functions/*.ts through custom-functions-metadata's own parser (the pass that writes
 * dist/functions.json and the `CustomFunctions.associate(id, fn)` calls), and the adapter from the
 * module beside this file's (src/functions/*.ts under ts-jest, build/src/functions/*.js once
 * compiled). The sample-workbook generator and the end-to-end test both call functions through it,
 * so they call exactly what Excel calls. Development only: custom-functions-metadata comes with the
 * build's metadata plugin.
 */
import * as fs from "fs";
import * as path from "path";
import { parseTree } from "custom-functions-metadata";

export const NAMESPACE = "KAISER";

export interface RegisteredFunction {
  /** "KAISER.BORROWINGBASE". */
  readonly id: string;
  readonly file: string;
  /** The exported TypeScript name ("borrowingBase"). */
  readonly functionName: string;
  readonly parameters: readonly { readonly name: string; readonly matrix: boolean; readonly optional: boolean }[];
  readonly resultMatrix: boolean;
  readonly fn: (...args: unknown[]) => unknown;
}

/** The repository's root: the first folder above this file that holds the project's package.json. */
export function projectRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "package.json");
    if (fs.existsSync(candidate) && (JSON.parse(fs.readFileSync(candidate, "utf8")) as { name?: string }).name === "kaiser-seventh-amendment-addin") return dir;
    dir = path.dirname(dir);
  }
  throw new Error("cannot find the project's package.json above " + __dirname);
}

/** The custom functions, in file order then declaration order. */
export function discoverFunctions(): RegisteredFunction[] {
  const sources = path.join(projectRoot(), "src", "functions");
  // Beside this file: ../src/functions (scripts/ → src/, build/scripts/ → build/src/).
  const modules = path.resolve(__dirname, "..", "src", "functions");
  const files = fs
    .readdirSync(sources)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const found: RegisteredFunction[] = [];
  for (const file of files) {
    const tree = parseTree(fs.readFileSync(path.join(sources, file), "utf8"), file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is named by the metadata, at run time
    const mod = require(path.join(modules, file.replace(/\.ts$/, ""))) as Record<string, unknown>;
    for (const assoc of tree.associate) {
      const meta = tree.functions.find((f) => f.id === assoc.id);
      const fn = mod[assoc.functionName];
      if (meta === undefined || typeof fn !== "function") throw new Error(`${file}: ${assoc.functionName} (${assoc.id}) is not an exported function`);
      found.push({
        id: `${NAMESPACE}.${assoc.id}`,
        file,
        functionName: assoc.functionName,
        parameters: meta.parameters.map((p) => ({ name: p.name, matrix: p.dimensionality === "matrix", optional: p.optional === true })),
        resultMatrix: meta.result?.dimensionality === "matrix",
        fn: fn as (...args: unknown[]) => unknown,
      });
    }
  }
  return found;
}
