/**
 * What the pane remembers between sessions: which sections of the review are collapsed. Kept with
 * @microsoft/office-js-helpers' `Storage` (one namespaced localStorage container, "@kaiser-pane/…",
 * with change notification across panes), loaded as its own chunk after first paint so the library
 * costs the pane's start nothing. Where storage is unavailable (a locked-down webview), the pane
 * remembers for the session only.
 */

export interface SectionMemory {
  isCollapsed(section: string): boolean;
  setCollapsed(section: string, collapsed: boolean): void;
}

/** The container's name in localStorage; keys appear as "@kaiser-pane/collapsed". */
export const STORAGE_CONTAINER = "kaiser-pane";
const KEY = "collapsed";

/** In memory only: the state until storage loads, and where it cannot. */
export function memoryOnly(initial: readonly string[] = []): SectionMemory {
  const collapsed = new Set(initial);
  return {
    isCollapsed: (s) => collapsed.has(s),
    setCollapsed: (s, c) => void (c ? collapsed.add(s) : collapsed.delete(s)),
  };
}

let loading: Promise<SectionMemory> | undefined;

/** The remembered state, loading office-js-helpers on first use. */
export function sectionMemory(): Promise<SectionMemory> {
  loading ??= import(/* webpackChunkName: "office-helpers" */ "@microsoft/office-js-helpers").then(
    ({ Storage, StorageType }) => {
      try {
        const store = new Storage<string[]>(STORAGE_CONTAINER, StorageType.LocalStorage);
        const saved = store.get(KEY);
        const memory = memoryOnly(Array.isArray(saved) ? saved.filter((s): s is string => typeof s === "string") : []);
        return {
          isCollapsed: memory.isCollapsed,
          setCollapsed(section: string, collapsed: boolean) {
            memory.setCollapsed(section, collapsed);
            const list = new Set(Array.isArray(store.get(KEY)) ? store.get(KEY) : []);
            if (collapsed) list.add(section);
            else list.delete(section);
            try {
              store.set(KEY, [...list]);
            } catch {
              // Storage full or refused: the session still remembers.
            }
          },
        };
      } catch {
        return memoryOnly();
      }
    },
    () => memoryOnly(),
  );
  return loading;
}
