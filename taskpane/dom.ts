/**
 * The one way the pane builds DOM: elements with classes and text, never markup. Workbook text
 * (sheet names, headers, Kind values, messages quoting them) goes in through `textContent` only,
 * so `<img src=x onerror=…>` in a cell shows as those characters and runs nothing.
 */

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

/** An element with an optional class, text (as text, never markup) and attributes, and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: (Node | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.attrs) {
    for (const [name, value] of Object.entries(options.attrs)) {
      // Event handlers and inline styles are never set from here (CSP forbids both anyway).
      if (/^on/i.test(name) || name.toLowerCase() === "style") throw new Error(`Refusing to set attribute ${name}`);
      node.setAttribute(name, value);
    }
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Replaces an element's children. */
export function setChildren(parent: Element, ...children: (Node | null | undefined)[]): void {
  parent.replaceChildren(...children.filter((c): c is Node => c !== null && c !== undefined));
}

/** The element with this id, or an error naming it (the page and the script disagree). */
export function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`The pane's page has no #${id}.`);
  return node;
}

export interface Column<T> {
  readonly header: string;
  /** The cell's text (always text), or a node built with `el`. */
  readonly cell: (row: T) => string | Node;
  /** Amounts and counts: right-aligned, tabular figures. */
  readonly numeric?: boolean;
}

/**
 * A data table with a caption and column headers. Each cell also carries its column's header as
 * `data-label`, so at the pane's narrowest widths the stylesheet stacks a row into labelled lines
 * instead of scrolling sideways.
 */
export function dataTable<T>(caption: string, columns: readonly Column<T>[], rows: readonly T[], options: { className?: string; rowClass?: (row: T) => string; captionHidden?: boolean } = {}): HTMLTableElement {
  // Explicit roles keep the table a table for screen readers when the narrow layout stacks it.
  const head = el("tr", { attrs: { role: "row" } }, ...columns.map((c) => el("th", { className: c.numeric ? "num" : "", text: c.header, attrs: { scope: "col", role: "columnheader" } })));
  const body = el("tbody", { attrs: { role: "rowgroup" } });
  for (const row of rows) {
    const tr = el("tr", { className: options.rowClass?.(row) ?? "", attrs: { role: "row" } });
    for (const c of columns) {
      const value = c.cell(row);
      const td = el("td", { className: c.numeric ? "num" : "", attrs: { "data-label": c.header, role: "cell" } });
      if (typeof value === "string") td.textContent = value;
      else td.append(value);
      tr.append(td);
    }
    body.append(tr);
  }
  return el("table", { className: `data-table ${options.className ?? ""}`.trim(), attrs: { role: "table" } }, el("caption", { className: options.captionHidden ? "visually-hidden" : "", text: caption }), el("thead", { attrs: { role: "rowgroup" } }, head), body);
}

/**
 * A disclosure: a button that shows or hides `content` (aria-expanded, aria-controls). Hidden by a
 * class, not the `hidden` attribute, so printing shows it (taskpane.css, @media print).
 */
export function disclosure(id: string, label: string, content: HTMLElement, open = false): HTMLElement {
  const bodyId = `${id}-body`;
  const button = el("button", { className: "disclosure-toggle", attrs: { type: "button", "aria-expanded": String(open), "aria-controls": bodyId } }, el("span", { className: "toggle-icon", attrs: { "aria-hidden": "true" } }), el("span", { text: label }));
  const body = el("div", { className: `disclosure-body${open ? "" : " closed"}`, attrs: { id: bodyId } }, content);
  button.addEventListener("click", () => {
    const opening = body.classList.contains("closed");
    body.classList.toggle("closed", !opening);
    button.setAttribute("aria-expanded", String(opening));
  });
  return el("div", { className: "disclosure" }, button, body);
}
