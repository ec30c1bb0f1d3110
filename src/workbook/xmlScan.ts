/**
 * A small streaming scanner for the XML parts of an .xlsx package. It does not build a document:
 * each part is inflated chunk by chunk (zip.ts) and a regular expression picks out the elements
 * the review needs (a cell, a shared string, a defined name …) as they complete, so memory stays
 * at one chunk plus what is kept, whatever the part's size.
 *
 * What it refuses, as a well-behaved XML parser for Office parts must: a document type declaration
 * (the only way to declare entities, hence entity expansion and external entities), a reference to
 * any entity other than XML's five and character references, and a single element or text run far
 * longer than Excel ever writes (`MAX_PENDING_CHARS`).
 */
import { inflateEntry, InflateBudget, partName, ZipEntry } from "./zip";
import { WorkbookReadError } from "./readError";

/**
 * The longest run of XML kept waiting for its end: 4,000,000 characters. Excel's longest items are
 * far shorter (a cell's text is at most 32,767 characters, a formula 8,192), so only a damaged or
 * crafted part reaches it.
 */
export const MAX_PENDING_CHARS = 4000000;

/** Characters kept when no element of interest has begun: enough for a start tag's name cut in two. */
const CUT_START_CHARS = 32;

const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Replaces XML's character references and five predefined entities; any other entity reference is
 * refused (no .xlsx part declares entities, and this scanner never expands them).
 *
 * @throws WorkbookReadError naming the part
 */
export function decodeXml(text: string, part: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z_][\w.-]*)?;?/g, (whole: string, ref: string | undefined) => {
    if (ref === undefined || !whole.endsWith(";")) throw new WorkbookReadError(`The part ${partName(part)} is not well-formed XML: it has a bare "&"; the file is damaged.`);
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new WorkbookReadError(`The part ${partName(part)} refers to the character ${whole}, which does not exist; the file is damaged.`);
      return String.fromCodePoint(code);
    }
    const known = PREDEFINED[ref];
    if (known === undefined) throw new WorkbookReadError(`The part ${partName(part)} refers to the entity &${ref.slice(0, 40)};, which no .xlsx defines; entities are not expanded, so the file is refused.`);
    return known;
  });
}

/** Excel's escape for characters XML cannot hold in text (ECMA-376 ST_Xstring): `_x001B_` is ESC, `_x005F_` an underscore. */
export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The attributes of a start tag's text (`name="x" ref="A1:B2"`), entity-decoded. */
export function attributesOf(tag: string, part: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) attributes[m[1]] = decodeXml(m[2] ?? m[3] ?? "", part);
  return attributes;
}

/** One attribute of a start tag's text, undecoded (for the hot path: `r`, `s`, `t` of a cell). */
export function rawAttribute(tag: string, name: string): string | undefined {
  let i = tag.indexOf(`${name}=`);
  while (i >= 0) {
    const before = i === 0 ? " " : tag[i - 1];
    if (before === " " || before === "\t" || before === "\n" || before === "\r") {
      const quote = tag[i + name.length + 1];
      const end = tag.indexOf(quote, i + name.length + 2);
      if ((quote === '"' || quote === "'") && end > 0) return tag.slice(i + name.length + 2, end);
    }
    i = tag.indexOf(`${name}=`, i + 1);
  }
  return undefined;
}

/** Checks a part's prolog: a DOCTYPE (where entities would be declared) is refused. Returns the root element's name once it has started. */
function prologDone(text: string, part: string): string | undefined {
  let i = 0;
  for (;;) {
    while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t" || text[i] === "\ufeff")) i++;
    if (i >= text.length) return undefined;
    if (text[i] !== "<") throw new WorkbookReadError(`The part ${partName(part)} is not XML; the file is damaged.`);
    if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (text.startsWith("<!", i)) {
      if (text.length - i < 9 && "<!DOCTYPE".startsWith(text.slice(i))) return undefined;
      throw new WorkbookReadError(`The part ${partName(part)} declares a document type (<!DOCTYPE …>), where entities are defined; no .xlsx has one, and entity expansion and external entities are refused.`);
    } else {
      const name = /^<([^\s/>]+)/.exec(text.slice(i, i + 200));
      if (name === null) return text.length - i < 200 ? undefined : "";
      return name[1];
    }
  }
}

/**
 * Inflates a part and calls `onMatch` for every match of `pattern` (a global regular expression
 * matching one whole element of interest), in document order. The text between matches is dropped
 * as it goes; at most `MAX_PENDING_CHARS` wait for their end.
 *
 * @param pattern - matches one whole element of interest; `onMatch` returning true stops the scan (the
 *   rest of the part is then only inflated, for its size and CRC, and its end looked at)
 * @param start - matches where an element of interest begins (global): what waits for the next chunk
 */
export async function scanPart(
  data: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  pattern: RegExp,
  onMatch: (m: RegExpExecArray) => boolean | void,
  start: RegExp,
  onChunk?: (inflatedBytes: number) => void,
): Promise<void> {
  // After `onMatch` stops the scan, the rest is only inflated (its size and CRC checked) and its end looked at.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending = "";
  let root: string | undefined;
  let stopped = false;
  // The last characters of the part, to see that its root element ends (a part cut short does not).
  let tail = "";
  const scan = (final: boolean): void => {
    if (root === undefined) {
      root = prologDone(pending, entry.name);
      if (root === undefined) {
        if (final && pending.trim() !== "") throw new WorkbookReadError(`The part ${partName(entry.name)} is not complete XML; the file is damaged.`);
        if (pending.length > MAX_PENDING_CHARS) throw new WorkbookReadError(`The part ${partName(entry.name)} has a prolog longer than ${MAX_PENDING_CHARS.toLocaleString("en-US")} characters; the file is damaged.`);
        return;
      }
    }
    pattern.lastIndex = 0;
    let consumed = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(pending)) !== null) {
      consumed = pattern.lastIndex;
      if (onMatch(m) === true) {
        stopped = true;
        pending = "";
        return;
      }
    }
    pending = consumed === 0 ? pending : pending.slice(consumed);
    // Only an element of interest still in the making need wait: keep the text from the last place
    // one starts (or the last few characters, a start cut in two), so each chunk is scanned once.
    start.lastIndex = 0;
    let last = -1;
    let s: RegExpExecArray | null;
    while ((s = start.exec(pending)) !== null) last = s.index;
    pending = last >= 0 ? pending.slice(last) : pending.slice(-CUT_START_CHARS);
    if (pending.length > MAX_PENDING_CHARS) {
      throw new WorkbookReadError(`The part ${partName(entry.name)} holds an element longer than ${MAX_PENDING_CHARS.toLocaleString("en-US")} characters, far beyond what Excel writes; the file is refused.`);
    }
  };
  let inflated = 0;
  await inflateEntry(data, entry, budget, (chunk) => {
    inflated += chunk.length;
    onChunk?.(inflated);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new WorkbookReadError(`The part ${partName(entry.name)} is not valid UTF-8 text; the file is damaged.`);
    }
    tail = (tail + text.slice(-256)).slice(-256);
    if (stopped) return;
    pending += text;
    scan(false);
  });
  try {
    const rest = decoder.decode();
    tail = (tail + rest).slice(-256);
    pending += rest;
  } catch {
    throw new WorkbookReadError(`The part ${partName(entry.name)} is not valid UTF-8 text; the file is damaged.`);
  }
  if (!stopped) scan(true);
  const name = (root ?? "").replace(/[^\w:.-]/g, "");
  const ends = name !== "" && (new RegExp(`</${name}\\s*>\\s*$`).test(tail) || new RegExp(`<${name}\\b[^>]*/>\\s*$`).test(tail));
  if (!ends) throw new WorkbookReadError(`The part ${partName(entry.name)} ends before its XML does (it is cut short); the file is damaged.`);
}

/** The whole text of the `<t>` runs of a string item (`<si>`, `<is>`), phonetic runs (`<rPh>`) left out, decoded. */
export function stringItemText(inner: string, part: string): string {
  const body = inner.includes("<rPh") ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : inner;
  let text = "";
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) text += m[1] ?? "";
  return decodeXstring(decodeXml(text, part));
}
