#!/usr/bin/env node
/**
 * Writes the README's function reference from dist/help/functions.json (run `npm run build` first):
 * the full metadata generated from the functions' JSDoc, the text the help pages and the task pane
 * show (dist/functions.json carries the short tooltips; scripts/helpPages.js).
 * `node scripts/docs.js` rewrites the block between the functions markers; `--check` exits 1
 * when the README is out of date. test/build/docs.test.ts runs the same comparison.
 */
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const START = "<!-- functions:start -->";
const END = "<!-- functions:end -->";

/** Splits "… text. [1.1(f)(b)]" into the text and its section. */
function splitSection(description) {
  const m = /^(.*?)\s*\[([^\]]+)\]\s*$/s.exec(description || "");
  return m ? { text: m[1], section: m[2] } : { text: description || "", section: "" };
}

function cell(text) {
  return String(text).replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

function signature(fn) {
  const params = (fn.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `KAISER.${fn.name}(${params.join(", ")})`;
}

function render(metadata) {
  const lines = [];
  lines.push("| function | section | what it gives |", "| --- | --- | --- |");
  for (const fn of metadata.functions) {
    const { text, section } = splitSection(fn.description);
    const first = text.split(/(?<=\.)\s/)[0];
    lines.push(`| [\`${fn.name}\`](#kaiser${fn.name.toLowerCase()}) | ${cell(section)} | ${cell(first)} |`);
  }
  for (const fn of metadata.functions) {
    const { text, section } = splitSection(fn.description);
    lines.push("", `### KAISER.${fn.name}`, "", `\`${signature(fn)}\` — Section ${section}`, "", text);
    if ((fn.parameters || []).length > 0) {
      lines.push("", "| argument | description |", "| --- | --- |");
      for (const p of fn.parameters) {
        lines.push(`| \`${p.name}\`${p.optional ? " (optional)" : ""} | ${cell(p.description || "")} |`);
      }
    }
  }
  return lines.join("\n");
}

function updated(readme, metadata) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error("README.md lacks the functions markers");
  return `${readme.slice(0, start + START.length)}\n${render(metadata)}\n${readme.slice(end)}`;
}

function main() {
  const metadata = JSON.parse(fs.readFileSync(path.join(root, "dist", "help", "functions.json"), "utf8"));
  const readmePath = path.join(root, "README.md");
  const readme = fs.readFileSync(readmePath, "utf8");
  const next = updated(readme, metadata);
  if (process.argv.includes("--check")) {
    if (next !== readme) {
      console.error("README.md's function reference is out of date: run `npm run build && node scripts/docs.js`.");
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(readmePath, next);
}

module.exports = { render, updated, splitSection };
if (require.main === module) main();
