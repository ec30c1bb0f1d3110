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
