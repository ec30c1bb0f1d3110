/**
 * The one way the pane's pictures build SVG: `createElementNS` with attributes and `textContent`,
 * never markup, so a label from the workbook is text and the pictures work under the pane's CSP
 * (no inline script or style attribute; colours come from taskpane.css by class).
 */
export const SVG_NS = "http://www.w3.org/2000/svg";

export type SvgAttrs = Readonly<Record<string, string | number>>;

/** An SVG element with attributes, optional text and children. */
export function svg<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: SvgAttrs = {}, text?: string, ...children: (Node | null | undefined)[]): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name) || name.toLowerCase() === "style") throw new Error(`Refusing to set attribute ${name}`);
    node.setAttribute(name, typeof value === "number" ? round(value) : value);
  }
  if (text !== undefined) node.textContent = text;
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Coordinates to two decimals: enough for a screen pixel, short in the saved report. */
export function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
