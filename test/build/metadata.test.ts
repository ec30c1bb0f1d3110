/**
 * dist/functions.json is metadata every Excel accepts (issue 12, item 4; Microsoft's published
 * constraints for custom functions metadata), and the full text lives on help pages served with the
 * add-in: one per function, linked by helpUrl, the same text the task pane's Functions tab shows.
 */
import * as fs from "fs";
import * as path from "path";
import { functionHelp } from "../../taskpane/functionsHelp";

const dist = path.resolve(__dirname, "../../dist");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node module the webpack config also loads
const help = require("../../scripts/helpPages.js") as { addinOrigin: () => string; tooltip: (d: string) => string; MAX_DESCRIPTION: number };

interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: Parameter[];
}
const read = (file: string): { functions: Fn[] } => JSON.parse(fs.readFileSync(path.join(dist, file), "utf8"));
const slim = read("functions.json").functions;
const full = new Map(read("help/functions.json").functions.map((f) => [f.id, f]));

/** The text of an HTML page as a reader sees it (tags dropped, entities decoded). */
function pageText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("dist/functions.json, as Excel validates it [all sections]", () => {
  it("has ids of letters, digits, dots and underscores, names of 3 to 64 characters, at most 128 parameters", () => {
    for (const fn of slim) {
      expect(fn.id).toMatch(/^[A-Za-z][A-Za-z0-9._]*$/);
      expect([fn.name, fn.name.length >= 3 && fn.name.length <= 64]).toEqual([fn.name, true]);
      expect(fn.parameters.length).toBeLessThanOrEqual(128);
      expect(new Set(fn.parameters.map((p) => p.name)).size).toBe(fn.parameters.length);
    }
    expect(new Set(slim.map((f) => f.id.toUpperCase())).size).toBe(slim.length);
  });

  it("keeps every function and parameter description within 255 characters", () => {
    const over = slim.flatMap((fn) => [
      ...(fn.description.length > 255 ? [`${fn.id}: ${fn.description.length}`] : []),
      ...fn.parameters.filter((p) => (p.description ?? "").length > 255).map((p) => `${fn.id}.${p.name}: ${(p.description ?? "").length}`),
    ]);
    expect(over).toEqual([]);
  });

  it("gives each function a tooltip: a sentence of its full description, then its section", () => {
    for (const fn of slim) {
      const whole = full.get(fn.id)?.description ?? "";
      const section = /\[[^\]]+\]$/.exec(whole)?.[0] ?? "";
      expect(fn.description.endsWith(` ${section}`)).toBe(true);
      const sentence = fn.description.slice(0, -section.length - 1);
      expect([fn.id, /[.…]$/.test(sentence)]).toEqual([fn.id, true]);
      expect([fn.id, whole.startsWith(sentence.replace(/[.…]$/, ""))]).toEqual([fn.id, true]);
    }
  });

  it("links every function to a help page in dist/ that documents it in full", () => {
    const origin = help.addinOrigin();
    for (const fn of slim) {
      expect(fn.helpUrl).toBe(`${origin}/help/${fn.name}.html`);
      const file = path.join(dist, (fn.helpUrl ?? "").slice(origin.length + 1));
      expect([fn.id, fs.existsSync(file)]).toEqual([fn.id, true]);
      const html = fs.readFileSync(file, "utf8");
      // (The production build may minify the page: attribute quotes can go.)
      expect(html).toMatch(new RegExp(`<h1 id="?function"?>KAISER\\.${fn.name}</h1>`));
      const text = pageText(html);
      // The same text as the pane's Functions tab: summary, every example, every #NUM! cause, every argument.
      const h = functionHelp(full.get(fn.id) as Fn);
      expect(text).toContain(h.signature);
      for (const e of h.examples) expect(text).toContain(e.formula);
      for (const c of h.numCauses) expect([fn.id, text.includes(c)]).toEqual([fn.id, true]);
      for (const p of h.parameters) expect(text).toContain(p.description);
    }
  });

  it("serves the help pages with a CSP that allows no script, and escapes the text", () => {
    for (const fn of slim) {
      const html = fs.readFileSync(path.join(dist, "help", `${fn.name}.html`), "utf8");
      expect(html).toContain(`"default-src 'none'; style-src 'self'`);
      expect(html).not.toMatch(/<script/i);
    }
    expect(fs.existsSync(path.join(dist, "help", "index.html"))).toBe(true);
    expect(fs.existsSync(path.join(dist, "help", "help.css"))).toBe(true);
  });

  it("shortens a long first sentence at a clause boundary, not inside parentheses", () => {
    expect(help.tooltip("Splits an amount (a fee, a payment) among the Lenders: " + "x ".repeat(200) + "end. [5(d)]")).toBe("Splits an amount (a fee, a payment) among the Lenders. [5(d)]");
    expect(help.tooltip("Short. Example: =KAISER.X() gives 1. [1.2]")).toBe("Short. [1.2]");
  });
});
