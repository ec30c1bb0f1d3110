/** Workbook and CSV text made safe for one terminal line: what each unsafe character becomes. */
import { printable } from "../../src/cli/printable";

describe("printable text [CLI]", () => {
  it.each([
    ["a line break", "a\nReady: 0 errors", "a⏎Ready: 0 errors"],
    ["CR LF as one line break", "a\r\nb", "a⏎b"],
    ["ESC (a terminal escape)", "\u001b[2J", "␛[2J"],
    ["TAB and NUL", "a\tb\u0000", "a␉b␀"],
    ["DEL", "\u007f", "␡"],
    ["CSI, a C1 control", "\u009b31m", "<U+009B>31m"],
    ["a right-to-left override", "abc\u202edef", "abc<U+202E>def"],
    ["the line separator", "a\u2028b", "a<U+2028>b"],
  ])("shows %s visibly", (_what, text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it("leaves ordinary text, accents and symbols as they are", () => {
    expect(printable("'Amendment Model'!B5 — Banco Bilbao Vizcaya Argentaria, S.A. €, ⏎ typed")).toBe("'Amendment Model'!B5 — Banco Bilbao Vizcaya Argentaria, S.A. €, ⏎ typed");
  });
});
