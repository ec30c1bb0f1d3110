/**
 * The layers of ARCHITECTURE.md as a lint rule: each folder imports only the folders below it, and
 * only the packages it may use. A forbidden import fails `npm run lint`, so it fails `npm test`.
 *
 *   src/engine     the amendment alone              imports engine; decimal.js
 *   src/review     the workbook review              imports engine, review; decimal.js
 *   src/view       words and shapes the pane and the CLI share   + review
 *   src/workbook   readers and writers of workbooks imports engine, review, workbook; the app's dependencies
 *   src/functions  the Excel adapters               imports engine, functions; decimal.js
 *   src/cli        the command line                 anything above but functions; node's modules
 *   taskpane       the task pane                    anything above but functions and cli
 * scripts/, bench/, test/ and bin/ may import anything.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { builtinModules } = require("node:module");

const root = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Which layer each folder is, and what it may import: folders, then packages. */
const LAYERS = {
  engine: { dir: "src/engine", may: ["engine"], packages: ["decimal.js"] },
  review: { dir: "src/review", may: ["engine", "review"], packages: ["decimal.js"] },
  view: { dir: "src/view", may: ["engine", "review", "view"], packages: ["decimal.js"] },
  workbook: { dir: "src/workbook", may: ["engine", "review", "workbook"], packages: "dependencies" },
  functions: { dir: "src/functions", may: ["engine", "functions"], packages: ["decimal.js"] },
  cli: { dir: "src/cli", may: ["engine", "review", "view", "workbook", "cli", "package"], packages: "dependencies+node" },
  taskpane: { dir: "taskpane", may: ["engine", "review", "view", "workbook", "taskpane", "package"], packages: "dependencies" },
};

function layerOf(file) {
  const rel = path.relative(root, file).split(path.sep).join("/");
  if (rel === "package.json") return "package";
  for (const [name, layer] of Object.entries(LAYERS)) if (rel === layer.dir || rel.startsWith(layer.dir + "/")) return name;
  return undefined;
}

function packageName(spec) {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function allowedPackage(layer, spec) {
  const name = packageName(spec);
  const rule = LAYERS[layer].packages;
  if (Array.isArray(rule)) return rule.includes(name);
  if (dependencies.has(name)) return true;
  return rule === "dependencies+node" && builtins.has(spec);
}

module.exports = {
  LAYERS,
  rules: {
    layers: {
      meta: { type: "problem", docs: { description: "Each layer imports only the layers below it (ARCHITECTURE.md)." }, schema: [] },
      create(context) {
        const file = context.filename ?? context.getFilename();
        const from = layerOf(file);
        if (from === undefined || from === "package") return {};
        const check = (node, spec) => {
          if (typeof spec !== "string") return;
          if (spec.startsWith(".")) {
            const to = layerOf(path.resolve(path.dirname(file), spec));
            if (to === undefined || !LAYERS[from].may.includes(to)) {
              context.report({ node, message: `${LAYERS[from].dir} may not import ${spec} (${to === undefined ? "outside the layers" : to === "package" ? "package.json" : LAYERS[to].dir}): see ARCHITECTURE.md.` });
            }
          } else if (!allowedPackage(from, spec)) {
            context.report({ node, message: `${LAYERS[from].dir} may not import the package "${spec}": see ARCHITECTURE.md.` });
          }
        };
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
          CallExpression: (node) => {
            if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments[0]?.type === "Literal") check(node, node.arguments[0].value);
          },
        };
      },
    },
  },
};
