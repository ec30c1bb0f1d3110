/**
 * The pane follows Office's theme inside Excel (`Office.context.officeTheme`: Colorful, Dark Gray,
 * Black, White) and the system's light or dark setting outside it. The theme is an attribute on
 * <html> (`data-theme="dark"`), so every colour comes from taskpane.css; Office's own body colours
 * are taken over as two custom properties (set through the CSSOM, which the CSP allows, not as a
 * style attribute in markup).
 */

export interface OfficeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
}

export type ThemeKind = "light" | "dark";

/** Relative luminance of "#rrggbb" (WCAG 2); undefined for anything else. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((hex ?? "").trim());
  if (!m) return undefined;
  const channel = (h: string): number => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
}

/** Dark when Office's body background is dark (luminance below that of mid grey). */
export function themeKind(colors: OfficeColors | undefined, systemDark: boolean): ThemeKind {
  const l = luminance(colors?.bodyBackgroundColor);
  if (l === undefined) return systemDark ? "dark" : "light";
  return l < 0.2 ? "dark" : "light";
}

const HEX = /^#[0-9a-f]{6}$/i;

/** Applies a theme to the page: the attribute, and Office's body colours when they are plain hex. */
export function applyTheme(root: HTMLElement, colors: OfficeColors | undefined, systemDark: boolean): ThemeKind {
  const kind = themeKind(colors, systemDark);
  root.dataset.theme = kind;
  const bg = colors?.bodyBackgroundColor?.trim();
  const fg = colors?.bodyForegroundColor?.trim();
  // Office's own colours only when they keep the text readable (contrast 7:1 or more).
  const lb = luminance(bg);
  const lf = luminance(fg);
  const readable = lb !== undefined && lf !== undefined && (Math.max(lb, lf) + 0.05) / (Math.min(lb, lf) + 0.05) >= 7;
  if (bg && fg && HEX.test(bg) && HEX.test(fg) && readable) {
    root.style.setProperty("--office-bg", bg);
    root.style.setProperty("--office-fg", fg);
  } else {
    root.style.removeProperty("--office-bg");
    root.style.removeProperty("--office-fg");
  }
  if (root.getAttribute("style") === "") root.removeAttribute("style");
  return kind;
}

/**
 * Keeps the page on Office's theme (or the system's): now, when Office reports a theme change,
 * and whenever the pane regains focus (Excel changes the theme without telling every host).
 */
export function followTheme(root: HTMLElement, officeTheme: () => OfficeColors | undefined): void {
  const media = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : undefined;
  const update = (): void => void applyTheme(root, officeTheme(), media?.matches ?? false);
  update();
  media?.addEventListener("change", update);
  window.addEventListener("focus", update);
  document.addEventListener("visibilitychange", update);
  const office = (globalThis as { Office?: typeof Office }).Office;
  const eventType = (office?.EventType as unknown as Record<string, string> | undefined)?.OfficeThemeChanged;
  const documentApi = office?.context?.document as unknown as { addHandlerAsync?: (type: string, handler: () => void) => void } | undefined;
  if (eventType && typeof documentApi?.addHandlerAsync === "function") {
    try {
      documentApi.addHandlerAsync(eventType, update);
    } catch {
      // Not every host raises the event; focus still updates.
    }
  }
}
