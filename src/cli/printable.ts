/**
 * Text from a workbook or a CSV, made safe to print on one line of a terminal or a CI log: no cell
 * can start a new report line (and so forge `Ready: 0 errors, …`), move the cursor, or send an
 * escape sequence. Line breaks show as ⏎, the other C0 controls as their Unicode control pictures
 * (ESC as ␛, TAB as ␉), DEL as ␡; C1 controls (CSI U+009B among them), the line and paragraph
 * separators and the bidirectional overrides (which can make a line read backwards) as <U+XXXX>.
 * The --json report keeps text exact (JSON escapes controls itself).
 */

const UNSAFE = /\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  if (ch === "\r\n" || ch === "\n" || ch === "\r") return "⏎";
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "␡";
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}

/** The text with every character that could break or hijack a terminal line shown visibly. */
export function printable(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Each line of a report made printable: the report's own line breaks are the array's, never the data's. */
export function printableLines(lines: readonly string[]): string[] {
  return lines.map(printable);
}
