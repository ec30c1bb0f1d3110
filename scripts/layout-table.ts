/**
 * Rewrites the README's generated tables of the task pane's layout contract and validation rules
 * from the code (layout.ts, checks/), so they cannot drift; test/review/layout.test.ts fails when
 * the README is out of date. Run: `npx tsc -p tsconfig.build.json && node build/scripts/layout-table.js`.
 */
import * as fs from "fs";
import * as path from "path";
import { layoutMarkdownTable } from "../src/review/layout";
import { rulesMarkdownTable } from "../src/review/checks";

/** The README with the text between `<!-- key:start -->` and `<!-- key:end -->` replaced. */
export function replaceBlock(readme: string, key: string, body: string): string {
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i === -1 || j === -1 || j < i) throw new Error(`README.md lacks the ${key} markers`);
  return `${readme.slice(0, i + start.length)}\n${body}\n${readme.slice(j)}`;
}

function main(): void {
  // Compiled to build/scripts/; the README is two levels up.
  const readmePath = path.resolve(__dirname, "..", "..", "README.md");
  const before = fs.readFileSync(readmePath, "utf8");
  const after = replaceBlock(replaceBlock(before, "layout", layoutMarkdownTable()), "rules", rulesMarkdownTable());
  if (after !== before) fs.writeFileSync(readmePath, after);
  console.log(after === before ? "README.md layout and rules tables are current" : "README.md layout and rules tables rewritten");
}

if (require.main === module) main();
