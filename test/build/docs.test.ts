/**
 * The README cannot drift from the code: its function reference is the generated one, and every
 * reading cited in the code (R-…) is listed under Readings and vice versa.
 */
import * as fs from "fs";
import * as path from "path";

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
  it("carries the function reference generated from dist/functions.json", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(root, "dist", "functions.json"), "utf8"));
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
