/**
 * Function help that every Excel accepts (issue 12, item 4).
 *
 * The functions' JSDoc stays the one source of their text (custom-functions-metadata generates
 * functions.json from it). Excel shows a function's description as the formula tooltip and caps it
 * (Microsoft's published constraints: 1,024 characters, 128 in the newest schema); ours are full help
 * texts of 200 to 2,000 characters. So, at build time:
 *
 * - dist/help/functions.json keeps the full metadata, as generated: the README's function reference
 *   (scripts/docs.js) and the task pane's Functions tab read it;
 * - dist/help/<NAME>.html is one help page per function (what it computes, every example, every
 *   #NUM! cause, the other errors, the arguments, the readings that apply), and dist/help/index.html
 *   lists them;
 * - dist/functions.json gets a tooltip of at most 255 characters (the first sentence, shortened at a
 *   clause boundary where needed, then the section) and a `helpUrl` to the function's page, which
 *   Excel opens from "Help on this function".
 *
 * Pages are static HTML with a strict Content-Security-Policy (no script at all) and every text
 * escaped.
 */
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

/** Longest function and parameter description this add-in sends to Excel. */
const MAX_DESCRIPTION = 255;
const NAMESPACE = "KAISER";

/** The add-in's origin, from the manifest's task pane URL (one place for it). */
function addinOrigin(manifestXml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8")) {
  const m = /<SourceLocation DefaultValue="(https:\/\/[^/"]+)\/taskpane\.html"/.exec(manifestXml);
  if (!m) throw new Error("manifest.xml has no task pane SourceLocation to take the origin from");
  return m[1];
}

/** Splits "… text. [1.1(f)(b)]" into the text and its section. */
function splitSection(description) {
  const m = /^(.*?)\s*\[([^\]]+)\]\s*$/s.exec(description || "");
  return m ? { text: m[1], section: m[2] } : { text: description || "", section: "" };
}

/**
 * Sentences: split at a full stop followed by a space and a capital, "#" or "=" (as the pane does),
 * except after abbreviations ("Jr.", "p.m.", "N.A.", "Inc.") and inside parentheses.
 */
function sentences(text) {
  if (!text) return [];
  return text
    .split(/(?<!\b(?:Jr|Inc|Co|N\.A|a\.m|p\.m|No|vs)\.)(?<=\.)(?![^(]*\))\s+(?=[A-Z#=])/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The parts of a full description: summary sentences, examples, #NUM! causes and other error sentences. */
function parts(description) {
  const { text, section } = splitSection(description);
  const summary = [];
  const examples = [];
  const numCauses = [];
  const otherErrors = [];
  for (const s of sentences(text)) {
    if (/^Examples?:/.test(s)) examples.push(s.replace(/^Examples?:\s*/, ""));
    else if (s.startsWith("#NUM!")) numCauses.push(s);
    else if (/^(#VALUE!|#N\/A|An unknown|The error of)/.test(s)) otherErrors.push(s);
    else summary.push(s);
  }
  return { summary, examples, numCauses, otherErrors, section };
}

/**
 * A tooltip of at most `max` characters: the first sentence, then the section. A first sentence
 * too long is cut at its last clause boundary that fits (": ", "; ", " (", ", " or " — "), so the
 * tooltip still reads as a sentence; failing that, at a word, with "…".
 */
function tooltip(description, max = MAX_DESCRIPTION) {
  const { summary, section } = parts(description);
  const suffix = section ? ` [${section}]` : "";
  const budget = max - suffix.length;
  let first = summary[0] || splitSection(description).text;
  if (first.length > budget) {
    const cut = clauseBoundary(first, budget - 1);
    first = cut > 0 ? `${first.slice(0, cut)}.` : `${first.slice(0, first.lastIndexOf(" ", budget - 2))}…`;
  }
  return `${first}${suffix}`;
}

/** A shortened tooltip keeps at least this much of its sentence ("Shares of an option grant vested at a date."). */
const SHORTEST_CLAUSE = 30;

/**
 * Where to end a shortened sentence: the last boundary before `limit` outside parentheses, trying
 * the strongest kind first (a colon before a list, then a semicolon, a dash, a parenthesis, a comma).
 */
function clauseBoundary(sentence, limit) {
  const depthAt = [];
  let depth = 0;
  for (let i = 0; i < sentence.length; i++) {
    depthAt.push(depth);
    if (sentence[i] === "(") depth++;
    else if (sentence[i] === ")") depth = Math.max(0, depth - 1);
  }
  for (const boundary of [": ", "; ", " — ", " (", ", "]) {
    for (let i = Math.min(limit, sentence.length) - 1; i >= SHORTEST_CLAUSE; i--) {
      if (depthAt[i] === 0 && sentence.startsWith(boundary, i)) return i;
    }
  }
  return -1;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** README's Readings: id → text. */
function readingsFromReadme(readme = fs.readFileSync(path.join(root, "README.md"), "utf8")) {
  const section = readme.slice(readme.indexOf("## Readings"));
  const map = new Map();
  for (const m of section.matchAll(/^- \*\*(R-[A-Z0-9-]+)\*\* — ([\s\S]*?)(?=\n- \*\*|\n\n|\n#)/gm)) map.set(m[1], m[2].replace(/\s+/g, " ").trim());
  return map;
}

/**
 * The readings each function applies: the R- ids cited in its JSDoc block and body in
 * src/functions/, and in the engine module its adapter file calls (`* as engine from "../engine/x"`).
 */
function readingsByFunction(functionsDir = path.join(root, "src/functions")) {
  const result = new Map();
  for (const file of fs.readdirSync(functionsDir).filter((f) => f.endsWith(".ts"))) {
    const source = fs.readFileSync(path.join(functionsDir, file), "utf8");
    const engineImport = /import \* as engine from "\.\.\/engine\/([A-Za-z]+)"/.exec(source);
    const engineFile = engineImport ? path.join(functionsDir, "../engine", `${engineImport[1]}.ts`) : undefined;
    const engineIds = engineFile && fs.existsSync(engineFile) ? ids(fs.readFileSync(engineFile, "utf8")) : [];
    const blocks = source.split(/(?=\/\*\*(?:(?!\*\/)[\s\S])*?@customfunction)/);
    for (const block of blocks) {
      const tag = /@customfunction(?:[ \t]+([A-Za-z][A-Za-z0-9._]*))?/.exec(block);
      const fn = /export function (\w+)/.exec(block);
      if (!tag || !fn) continue;
      const name = (tag[1] || fn[1]).toUpperCase();
      result.set(name, [...new Set([...ids(block), ...engineIds])].sort());
    }
  }
  return result;
}

function ids(text) {
  return [...text.matchAll(/\b(R-[A-Z0-9]+(?:-[A-Z0-9]+)*)\b/g)].map((m) => m[1]);
}

function signature(fn) {
  const params = (fn.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${NAMESPACE}.${fn.name}(${params.join(", ")})`;
}

const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

function page(title, body) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="help.css" />
  </head>
  <body>
${body}
  </body>
</html>
`;
}

/** One function's help page: the full text of its JSDoc, laid out. */
function helpPage(fn, readings, readingTexts) {
  const p = parts(fn.description);
  const lines = [];
  lines.push(`    <p class="nav"><a href="index.html">All KAISER functions</a></p>`);
  lines.push(`    <h1 id="function">${escapeHtml(`${NAMESPACE}.${fn.name}`)}</h1>`);
  lines.push(`    <p class="signature"><code>=${escapeHtml(signature(fn))}</code>${p.section ? ` — Section ${escapeHtml(p.section)}` : ""}</p>`);
  lines.push(`    <p>${escapeHtml(p.summary.join(" "))}</p>`);
  if (p.examples.length > 0) {
    lines.push(`    <h2>Example</h2>`);
    for (const e of p.examples) lines.push(`    <p class="example">${escapeHtml(e)}</p>`);
  }
  if ((fn.parameters || []).length > 0) {
    lines.push(`    <h2>Arguments</h2>`, `    <table>`, `      <thead><tr><th scope="col">argument</th><th scope="col">description</th></tr></thead>`, `      <tbody>`);
    for (const param of fn.parameters) {
      lines.push(`        <tr><td><code>${escapeHtml(param.name)}</code>${param.optional ? " (optional)" : ""}</td><td>${escapeHtml(param.description || "")}</td></tr>`);
    }
    lines.push(`      </tbody>`, `    </table>`);
  }
  lines.push(`    <h2>Errors</h2>`);
  lines.push(`    <p>Excel shows a message only on #VALUE! and #N/A (hover over the cell's error sign); a #NUM! has these causes:</p>`);
  lines.push(`    <ul class="num-causes">`);
  for (const c of p.numCauses.length > 0 ? p.numCauses : ["#NUM! has no cause for this function."]) lines.push(`      <li>${escapeHtml(c)}</li>`);
  lines.push(`    </ul>`);
  for (const e of p.otherErrors) lines.push(`    <p>${escapeHtml(e)}</p>`);
  if (readings.length > 0) {
    lines.push(`    <h2>Readings that apply</h2>`, `    <ul class="readings">`);
    for (const id of readings) lines.push(`      <li><strong>${escapeHtml(id)}</strong> — ${escapeHtml(readingTexts.get(id) || "see README, Readings")}</li>`);
    lines.push(`    </ul>`);
  }
  return page(`${NAMESPACE}.${fn.name} — Kaiser Seventh Amendment`, lines.join("\n"));
}

function indexPage(functions) {
  const items = functions.map((fn) => `      <li><a href="${escapeHtml(fn.name)}.html">${escapeHtml(`${NAMESPACE}.${fn.name}`)}</a> — ${escapeHtml(tooltip(fn.description))}</li>`);
  return page("KAISER functions — Kaiser Seventh Amendment", [`    <h1>KAISER functions</h1>`, `    <ul>`, ...items, `    </ul>`].join("\n"));
}

const HELP_CSS = `body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
code { font-family: Consolas, "SF Mono", monospace; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c8c8c8; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.signature { font-size: 1.05rem; }
.example { background: #f3f3f3; padding: 0.5rem; }
`;

/**
 * Every file of dist/help/ and the slimmed functions.json, from the generated (full) metadata.
 * Parameter descriptions pass unchanged: one over the limit is the JSDoc's to shorten
 * (test/build/metadata.test.ts fails on it).
 */
function build(metadata, options = {}) {
  const origin = options.origin || addinOrigin();
  const readingTexts = options.readingTexts || readingsFromReadme();
  const readings = options.readings || readingsByFunction();
  const files = { "help/functions.json": JSON.stringify(metadata, null, 2), "help/help.css": HELP_CSS, "help/index.html": indexPage(metadata.functions) };
  const functions = metadata.functions.map((fn) => {
    files[`help/${fn.name}.html`] = helpPage(fn, readings.get(fn.name.toUpperCase()) || [], readingTexts);
    return { ...fn, description: tooltip(fn.description), helpUrl: `${origin}/help/${fn.name}.html` };
  });
  files["functions.json"] = JSON.stringify({ ...metadata, functions }, null, 2);
  return files;
}

/** Webpack plugin: runs after functions.json is generated and writes the files above. */
class HelpPagesPlugin {
  apply(compiler) {
    const { sources, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpPages", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HelpPages", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 1 }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const files = build(JSON.parse(asset.source.source().toString()));
        for (const [name, text] of Object.entries(files)) {
          if (compilation.getAsset(name)) compilation.updateAsset(name, new sources.RawSource(text));
          else compilation.emitAsset(name, new sources.RawSource(text));
        }
      });
    });
  }
}

module.exports = { HelpPagesPlugin, build, tooltip, parts, splitSection, addinOrigin, readingsByFunction, readingsFromReadme, MAX_DESCRIPTION };
