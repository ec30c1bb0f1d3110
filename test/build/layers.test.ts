/**
 * The layers of ARCHITECTURE.md are a build failure, not a convention: an engine file that imports
 * `fs`, the DOM or a higher layer fails `npm test` (lint, then the per-layer type checks).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rule is CommonJS so that both ESLint's config and jest load it
const layers = require("../../eslint-rules/layers.cjs") as { rules: Record<string, unknown> };

const root = path.resolve(__dirname, "../..");

function lint(file: string, code: string): string[] {
  const linter = new Linter({ configType: "flat" });
  const config = [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser }, plugins: { kaiser: layers }, rules: { "kaiser/layers": "error" } }];
  return linter.verify(code, config as Linter.Config[], { filename: path.join(root, file) }).map((m) => m.message);
}

describe("layers enforced by lint (ARCHITECTURE.md)", () => {
  it.each([
    ["src/engine/probe.ts", 'import * as fs from "fs";', /src\/engine may not import the package "fs"/],
    ["src/engine/probe.ts", 'import { readModelInputs } from "../review/recalc";', /src\/engine may not import \.\.\/review\/recalc \(src\/review\)/],
    ["src/engine/probe.ts", 'import ExcelJS from "exceljs";', /the package "exceljs"/],
    ["src/review/probe.ts", 'import { readZip } from "../workbook/zip";', /src\/review may not import \.\.\/workbook\/zip \(src\/workbook\)/],
    ["src/review/probe.ts", 'import { textReport } from "../cli/report";', /src\/review may not import/],
    ["src/functions/probe.ts", 'import { MODEL_TEMPLATE } from "../review/template";', /src\/functions may not import \.\.\/review\/template/],
    ["src/workbook/probe.ts", 'import { excelError } from "../functions/support/excelError";', /src\/workbook may not import \.\.\/functions\/support\/excelError/],
    ["src/workbook/probe.ts", 'import JSZip from "jszip";', /the package "jszip"/],
    ["src/workbook/probe.ts", 'import ExcelJS from "exceljs";', /the package "exceljs"/],
    ["src/workbook/probe.ts", 'import * as fs from "fs";', /the package "fs"/],
    ["taskpane/probe.ts", 'import { main } from "../src/cli/main";', /taskpane may not import \.\.\/src\/cli\/main \(src\/cli\)/],
    ["src/engine/probe.ts", 'export * from "../review/snapshot";', /src\/engine may not import/],
    ["src/engine/probe.ts", 'export async function f() { return import("../workbook/zip"); }', /src\/engine may not import/],
  ])("refuses %s importing: %s", (file, code, message) => {
    const messages = lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ["src/engine/probe.ts", 'import { dec } from "./decimal"; import Decimal from "decimal.js"; export const x = [dec, Decimal];'],
    ["src/review/probe.ts", 'import { dec } from "../engine/decimal"; export const x = dec;'],
    ["src/workbook/probe.ts", 'import { layout } from "../review/layout"; import Decimal from "decimal.js"; export const x = [layout, Decimal];'],
    ["src/functions/probe.ts", 'import { dec } from "../engine/decimal"; export const x = dec;'],
    ["src/cli/probe.ts", 'import * as fs from "fs"; import { readZip } from "../workbook/zip"; export const x = [fs, readZip];'],
    ["taskpane/probe.ts", 'import packageJson from "../package.json"; import { x } from "../src/review/snapshot"; export const y = [packageJson, x];'],
    ["scripts/probe.ts", 'import * as fs from "fs"; import { excelError } from "../src/functions/support/excelError"; export const x = [fs, excelError];'],
  ])("allows %s: %s", (file, code) => {
    expect(lint(file, code)).toEqual([]);
  });

  it("is wired into the project's own ESLint config, so `npm run lint` fails on a forbidden import", () => {
    const run = spawnSync(process.execPath, [path.join(root, "node_modules/eslint/bin/eslint.js"), "--stdin", "--stdin-filename", "src/engine/probe.ts"], {
      cwd: root,
      input: 'import * as fs from "fs";\nexport const x = fs;\n',
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("kaiser/layers");
  });
});

describe("layers enforced by the type checks (tsconfig.engine.json, tsconfig.functions.json)", () => {
  function diagnostics(config: string, code: string): string[] {
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (parsed === undefined) throw new Error(`cannot read ${config}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-layers-"));
    const file = path.join(dir, "probe.ts");
    fs.writeFileSync(file, code);
    try {
      const program = ts.createProgram([file], { ...parsed.options, noEmit: true, typeRoots: [path.join(root, "node_modules/@types")] });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it("has no DOM in the engine and the review: `document` does not compile", () => {
    expect(diagnostics("tsconfig.engine.json", "export const t = document.title;\n").join("\n")).toMatch(/Cannot find name 'document'/);
  });

  it("has no node in the engine and the review: `process` and `fs` do not compile", () => {
    const found = diagnostics("tsconfig.engine.json", 'import * as fs from "fs";\nexport const x = [fs, process.env];\n').join("\n");
    expect(found).toMatch(/Cannot find module 'fs'/);
    expect(found).toMatch(/Cannot find name 'process'/);
  });

  it("has no Office or jest in the engine: `Excel` and `describe` do not compile", () => {
    const found = diagnostics("tsconfig.engine.json", "export const x = [Excel.run, describe];\n").join("\n");
    expect(found).toMatch(/Cannot find name 'Excel'/);
    expect(found).toMatch(/Cannot find name 'describe'/);
  });

  it("gives the adapters the custom-functions runtime and nothing else", () => {
    expect(diagnostics("tsconfig.functions.json", 'export const e = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "x");\n')).toEqual([]);
    expect(diagnostics("tsconfig.functions.json", "export const t = document.title;\n").join("\n")).toMatch(/Cannot find name 'document'/);
  });
});
