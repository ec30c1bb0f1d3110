/** kaiser-check --calendar and the calendar and Threshold early warning of its reports. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ICAL from "ical.js";
import { ensureBuilt, ROOT, runCli } from "./support/cli";

const CLEAN = path.join(ROOT, "examples", "amendment-model.xlsx");
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-calendar-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("kaiser-check's compliance calendar [9.1.1(o), 9.2.4, 10.1.10(l)]", () => {
  it("--json carries calendar [{date, what, section}], sorted, with the Plan filing deadline 2005-02-13 [10.1.10(l)]", async () => {
    const { code, stdout } = await runCli([CLEAN, "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.calendar.every((e: Record<string, unknown>) => Object.keys(e).join() === "date,what,section")).toBe(true);
    const dates = doc.calendar.map((e: { date: string }) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(doc.calendar).toContainEqual({ date: "2005-02-13", what: "Plan(s) of Reorganization for all Debtors filed on or before this date", section: "10.1.10(l)" });
    // The sample's VALCO disposition on 2004-11-15 (a Monday): 5 Business Days before is 11-05 (Veterans Day, 11-11, skipped).
    expect(doc.calendar.filter((e: { section: string }) => e.section.startsWith("9.1.1(o)")).map((e: { date: string }) => e.date).slice(0, 2)).toEqual(["2004-11-05", "2004-11-16"]);
    expect(doc.thresholdStatus.map((w: { daysRequired: number }) => w.daysRequired)).toEqual([5, 3]);
  });

  it("writes --calendar as an .ics that ical.js reads, one all-day event per calendar entry [9.1.1(o), 9.2.4, 10.1.10(l)]", async () => {
    const ics = path.join(tmp, "out.ics");
    const { code } = await runCli([CLEAN, "--calendar", ics]);
    expect(code).toBe(0);
    const { stdout } = await runCli([CLEAN, "--json"]);
    const calendar = JSON.parse(stdout).calendar as { date: string; section: string }[];
    const events = new ICAL.Component(ICAL.parse(fs.readFileSync(ics, "utf8"))).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.startDate.toString(), e.startDate.isDate])).toEqual(calendar.map((c) => [c.date, true]));
    expect(events.every((e, i) => e.description.endsWith(`Section: ${calendar[i].section}`))).toBe(true);
  });

  it("refuses to replace an existing file without --force, and never names an input [CLI]", async () => {
    const ics = path.join(tmp, "exists.ics");
    fs.writeFileSync(ics, "keep me");
    const refused = await runCli([CLEAN, "--calendar", ics]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("exists; --force replaces it");
    expect(fs.readFileSync(ics, "utf8")).toBe("keep me");
    const forced = await runCli([CLEAN, "--calendar", ics, "--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(ics, "utf8").startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const input = await runCli([CLEAN, "--calendar", CLEAN, "--force"]);
    expect(input.code).toBe(2);
    expect(input.stderr).toContain("names an input file");
  });

  it("lists the Threshold early warning and the calendar in the text report [1.1(aa)]", async () => {
    const { stdout } = await runCli([CLEAN]);
    expect(stdout).toContain("Threshold early warning [1.1(aa)]\n  5 Business Days: ");
    expect(stdout).toContain("Compliance calendar\n");
    expect(stdout).toContain("2005-02-13  Plan(s) of Reorganization for all Debtors filed on or before this date [10.1.10(l)]");
  });
});
