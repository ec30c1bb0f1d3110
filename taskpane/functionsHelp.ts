/**
 * The pane's function help, read from the generated functions.json: every KAISER function with
 * its arguments, what it computes, its #NUM! causes, its section and an example. Some Excel hosts
 * show no argument help for custom functions, so this list is the one place users can rely on.
 *
 * The text is the functions' own JSDoc (CONVENTIONS.md): a description, "Example: =KAISER.X(..)
 * gives Y.", the "#NUM! when ..." causes, and the section in square brackets at the very end.
 */

/** The parts of functions.json the pane reads. */
export interface FunctionMetadata {
  readonly name: string;
  readonly id?: string;
  readonly description?: string;
  readonly parameters?: readonly ParameterMetadata[];
}

export interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
}

export interface FunctionHelp {
  /** "KAISER.BORROWINGBASE" */
  readonly fullName: string;
  /** "KAISER.BORROWINGBASE(receivablesComponent, eligibleInventory, [netRecoveryPercentage])" */
  readonly signature: string;
  /** What the function computes, without the example, the #NUM! causes and the section. */
  readonly summary: string;
  /** The summary's first sentence, for the collapsed list. */
  readonly brief: string;
  /** The worked examples, e.g. { formula: "=KAISER.THRESHOLD(150000000, 125000000)", result: "233,750,000" }. */
  readonly examples: readonly Example[];
  /** The sentences that list the causes of #NUM! (Excel shows no message for #NUM!). */
  readonly numCauses: readonly string[];
  /** "1.1(f)(b)", "Terms"; "" when the description names none. */
  readonly section: string;
  readonly parameters: readonly ParameterHelp[];
  /** Lower-case text the search matches against. */
  readonly searchText: string;
}

export interface Example {
  readonly formula: string;
  /** What the formula gives; "" when the example does not say. */
  readonly result: string;
}

export interface ParameterHelp {
  readonly name: string;
  readonly description: string;
  readonly optional: boolean;
}

/** The namespace of every function (manifest.xml, Functions.Namespace). */
export const NAMESPACE = "KAISER";

/** Reads one function's metadata into the parts the help shows. */
export function functionHelp(fn: FunctionMetadata): FunctionHelp {
  const fullName = `${NAMESPACE}.${fn.name.toUpperCase()}`;
  const parameters = (fn.parameters ?? []).map((p) => ({ name: p.name, description: p.description ?? "", optional: p.optional === true }));
  const signature = `${fullName}(${parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
  const { body, section } = splitSection(fn.description ?? "");
  const summary: string[] = [];
  const examples: Example[] = [];
  const numCauses: string[] = [];
  for (const sentence of sentences(body)) {
    const example = /^Examples?:\s*(.*)$/s.exec(sentence);
    if (example) examples.push(parseExample(example[1]));
    else if (sentence.startsWith("#NUM!")) numCauses.push(sentence);
    else summary.push(sentence);
  }
  const searchText = [fullName, fn.name, section, ...summary, ...numCauses, ...examples.map((e) => e.formula), ...parameters.flatMap((p) => [p.name, p.description])]
    .join(" ")
    .toLowerCase();
  return { fullName, signature, summary: summary.join(" "), brief: summary[0] ?? "", examples, numCauses, section, parameters, searchText };
}

/** Every function of a functions.json document, sorted by name. */
export function readFunctionList(document: unknown): FunctionHelp[] {
  const functions = (document as { functions?: unknown } | null)?.functions;
  if (!Array.isArray(functions)) throw new Error("functions.json holds no list of functions.");
  return functions
    .filter((f): f is FunctionMetadata => typeof f === "object" && f !== null && typeof (f as { name?: unknown }).name === "string")
    .map(functionHelp)
    .sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0));
}

/**
 * Whether a function matches a search: every word of the query appears in its name, section,
 * description, example or arguments, case-insensitively; "KAISER." and "=" in the query are
 * ignored, so "=kaiser.threshold" and "threshold 1.1(aa)" both find THRESHOLD.
 */
export function matchesQuery(help: FunctionHelp, query: string): boolean {
  const words = query
    .toLowerCase()
    .replace(/^=/, "")
    .replace(/\bkaiser\./g, "")
    .split(/\s+/)
    .filter((w) => w !== "");
  return words.every((w) => help.searchText.includes(w));
}

export function filterFunctions(list: readonly FunctionHelp[], query: string): FunctionHelp[] {
  return list.filter((f) => matchesQuery(f, query));
}

function splitSection(description: string): { body: string; section: string } {
  const m = /\s*\[([^\]]+)\]\s*$/.exec(description);
  if (!m) return { body: description.trim(), section: "" };
  return { body: description.slice(0, m.index).trim(), section: m[1].trim() };
}

/** Abbreviations the descriptions use before a capital ("Martin Luther King Jr. Day", "5:00 p.m. Houston time"): no sentence ends there. */
const ABBREVIATIONS = /(?:\bJr|\bSr|\b[ap]\.m|\be\.g|\bi\.e|\bU\.S|\bNo)\.$/;

/**
 * Splits at a full stop followed by a space and a capital, "#" or "=": numbers ("0.65"), function
 * names ("KAISER.TERMS()") and abbreviations inside a sentence ("Jr.", "p.m.") stay whole.
 */
function sentences(text: string): string[] {
  if (text === "") return [];
  const out: string[] = [];
  for (const piece of text.split(/(?<=\.)\s+(?=[A-Z#=])/)) {
    const s = piece.trim();
    if (s === "") continue;
    if (out.length > 0 && ABBREVIATIONS.test(out[out.length - 1])) out[out.length - 1] += ` ${s}`;
    else out.push(s);
  }
  return out;
}

function parseExample(text: string): Example {
  const m = /^(.*?)\s+gives\s+(.*?)\.?$/s.exec(text);
  if (!m) return { formula: text.replace(/\.$/, ""), result: "" };
  return { formula: m[1], result: m[2] };
}
