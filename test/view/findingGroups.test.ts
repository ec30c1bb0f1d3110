/**
 * What the pane shows, on plain findings: the summary line, the grouping by section in the
 * amendment's order, and the cell each finding's link selects in Excel.
 */
import type { Finding, Severity } from "../../src/review/findings";
import { cellTarget, compareSections, countText, groupBySection, sectionTitle, summarize, summaryHeadline, summaryLine } from "../../src/view/findingGroups";

function finding(severity: Severity, section: string, cell = "Inputs!B3", ruleId = `rule-${severity}`, message = `${severity} in ${section}`): Finding {
  return { ruleId, severity, message, cell, section };
}

describe("the summary", () => {
  it("counts errors, warnings and infos and is ready only without errors [task pane]", () => {
    const s = summarize([finding("error", "1.2"), finding("warning", "1.1(aa)"), finding("warning", "1.1(aa)"), finding("info", "1.1(aa)")]);
    expect(s).toEqual({ errors: 1, warnings: 2, infos: 1, ready: false, readings: [] });
    expect(summaryLine(s)).toBe("1 error · 2 warnings · 1 info");
    expect(summaryHeadline(s)).toBe("Not ready: 1 error to fix");
  });

  it.each([
    [[], "Ready: no errors", "0 errors · 0 warnings · 0 infos"],
    [[finding("warning", "1.1(aa)")], "Ready, with 1 warning to review", "0 errors · 1 warning · 0 infos"],
    [[finding("info", "1.1(aa)"), finding("info", "1.1(aa)")], "Ready: no errors", "0 errors · 0 warnings · 2 infos"],
    [[finding("error", "1.2"), finding("error", "1.2")], "Not ready: 2 errors to fix", "2 errors · 0 warnings · 0 infos"],
  ] as [Finding[], string, string][])("reads findings %# as %j [task pane]", (findings, headline, line) => {
    const s = summarize(findings);
    expect(summaryHeadline(s)).toBe(headline);
    expect(summaryLine(s)).toBe(line);
    expect(s.ready).toBe(!findings.some((f) => f.severity === "error"));
  });

  it("says one error, two warnings with the right noun [task pane]", () => {
    expect(countText(1, "error")).toBe("1 error");
    expect(countText(2, "warning")).toBe("2 warnings");
    expect(countText(0, "info")).toBe("0 infos");
  });
});

describe("grouping by section", () => {
  it("orders sections as the amendment numbers them, the workbook as a whole first [1.1, 1.2, 9.2.4]", () => {
    const sections = ["9.2.4", "1.2", "1.1(aa)", "1.1(f)(b)", "", "1.1(c)", "9.2.18(ix)", "1.1(f)", "1.1(t)", "1.1(f)(c)", "Terms", "1.1(e)"];
    const groups = groupBySection(sections.map((s) => finding("warning", s)));
    expect(groups.map((g) => g.section)).toEqual(["", "1.1(c)", "1.1(e)", "1.1(f)", "1.1(f)(b)", "1.1(f)(c)", "1.1(t)", "1.1(aa)", "1.2", "9.2.4", "9.2.18(ix)", "Terms"]);
  });

  it("puts errors first, then warnings, then infos, each kept in the order the checks gave [task pane]", () => {
    const findings = [
      finding("info", "1.1(aa)", "Data!A5", "non-business-day"),
      finding("warning", "1.1(aa)", "Data!A2:A9", "missing-business-days"),
      finding("error", "1.1(aa)", "Data!A3", "dates-out-of-order"),
      finding("info", "1.1(aa)", "Data!A7", "non-business-day"),
      finding("error", "1.1(aa)", "Data!A4", "duplicate-date"),
    ];
    const [group] = groupBySection(findings);
    expect(group.findings.map((f) => `${f.ruleId} ${f.cell}`)).toEqual([
      "dates-out-of-order Data!A3",
      "duplicate-date Data!A4",
      "missing-business-days Data!A2:A9",
      "non-business-day Data!A5",
      "non-business-day Data!A7",
    ]);
    expect(group.summary).toEqual({ errors: 2, warnings: 1, infos: 2, ready: false, readings: [] });
    expect(group.title).toBe("Section 1.1(aa)");
  });

  it("groups findings about the workbook as a whole, with no section or \"layout\", first under Workbook [task pane]", () => {
    const groups = groupBySection([finding("error", "1.2"), finding("warning", "layout", ""), finding("error", "", "", "addin-not-loaded")]);
    expect(groups.map((g) => [g.section, g.title, g.findings.map((f) => f.severity)])).toEqual([
      ["", "Workbook", ["error", "warning"]],
      ["1.2", "Section 1.2", ["error"]],
    ]);
  });

  it("keeps every finding exactly once across the groups [task pane]", () => {
    const findings = ["1.2", "1.1(f)(b)", "1.2", "", "9.2.4", "1.1(f)(b)"].map((s, i) => finding(i % 2 ? "error" : "info", s, `S!A${i + 1}`));
    const grouped = groupBySection(findings).flatMap((g) => g.findings);
    expect(grouped).toHaveLength(findings.length);
    expect(new Set(grouped)).toEqual(new Set(findings));
  });

  it.each([
    ["1.1(f)(b)", "Section 1.1(f)(b)"],
    ["", "Workbook"],
    ["layout", "Workbook"],
    ["Terms", "Terms"],
  ])("titles section %j as %j [task pane]", (section, title) => {
    expect(sectionTitle(section)).toBe(title);
  });
});

describe("cell links", () => {
  it.each([
    ["Inputs!B3", { sheet: "Inputs", address: "B3" }],
    ["'Amendment Model'!B3", { sheet: "Amendment Model", address: "B3" }],
    ["'Amendment Model'!$E$5:$F$90", { sheet: "Amendment Model", address: "E5:F90" }],
    ["'Kaiser''s Model'!c10", { sheet: "Kaiser's Model", address: "C10" }],
    ["'<img src=x onerror=alert(1)>'!A1", { sheet: "<img src=x onerror=alert(1)>", address: "A1" }],
    ["'a!b'!A1", { sheet: "a!b", address: "A1" }],
  ])("selects %s on its sheet [task pane]", (cell, target) => {
    expect(cellTarget(cell)).toEqual(target);
  });

  it.each([[""], ["B3"], ["Inputs!"], ["!B3"], ["Inputs!Total"], ["'Open!B3"], ["''!B3"], ["Inputs!B3:"]])("shows %j as text, not a link [task pane]", (cell) => {
    expect(cellTarget(cell)).toBeUndefined();
  });
});

describe("edge cases", () => {
  it("compares sections symmetrically and treats equal ones as equal", () => {
    const sections = ["1.1(z)", "1.1(aa)", "1.1(bb)", "1.10", "1.9", "9.2.4", "9.2.18(ix)", "", "Terms"];
    for (const a of sections) {
      expect(compareSections(a, a)).toBe(0);
      for (const b of sections) if (a !== b) expect(Math.sign(compareSections(a, b))).toBe(-Math.sign(compareSections(b, a)));
    }
    expect([...sections].sort(compareSections)).toEqual(["", "1.1(z)", "1.1(aa)", "1.1(bb)", "1.9", "1.10", "9.2.4", "9.2.18(ix)", "Terms"]);
  });

  it("groups a section written with surrounding spaces with the same section", () => {
    const groups = groupBySection([finding("error", "1.2 "), finding("error", "1.2")]);
    expect(groups).toHaveLength(1);
    expect(groups[0].findings).toHaveLength(2);
  });

  it("gives no groups for no findings", () => {
    expect(groupBySection([])).toEqual([]);
  });
});
