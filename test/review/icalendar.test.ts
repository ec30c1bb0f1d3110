import ICAL from "ical.js";
import { complianceCalendar } from "../../src/engine/complianceCalendar";
import { serial } from "../../src/engine/dates";
import { entryUid, escapeText, foldLine, toICalendar } from "../../src/review/icalendar";

const FACTS = {
  noticeEvents: [{ date: serial(2004, 9, 8), what: "Asset Disposition of the VALCO Interests; proceeds, schedule" }],
  courtApprovalDate: serial(2004, 4, 26),
  optionExercises: [serial(2004, 9, 7)],
  firstThresholdEventMinimumEbitda: serial(2004, 11, 9),
};

describe("toICalendar: the compliance calendar as RFC 5545 text [9.1.1(o), 9.2.4, 10.1.10(l)]", () => {
  const entries = complianceCalendar(FACTS);
  const text = toICalendar(entries, { name: "Kaiser Seventh Amendment" });

  it("parses back with ical.js: one all-day event per entry, its date, wording and section [9.1.1(o), 9.2.4, 10.1.10(l)]", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.startDate.toString(), e.startDate.isDate, e.endDate.toString()])).toEqual(
      entries.map((entry) => {
        const iso = (s: number): string => `${String(new Date(Date.UTC(1899, 11, 30 + s)).toISOString()).slice(0, 10)}`;
        return [iso(entry.date), true, iso(entry.date + 1)];
      }),
    );
    expect(events.map((e) => e.description)).toEqual(entries.map((entry) => `${entry.what}\nSection: ${entry.section}`));
    expect(events.find((e) => e.startDate.toString() === "2005-02-13")?.summary).toBe("Plan(s) of Reorganization for all Debtors filed on or before this date [10.1.10(l)]");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Kaiser Seventh Amendment");
  });

  it("ends every line in CRLF, folds at 75 octets and keeps UIDs stable and distinct [RFC 5545]", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text.split("\r\n").every((l) => Buffer.byteLength(l, "utf8") <= 75)).toBe(true);
    const uids = [...text.replace(/\r\n /g, "").matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
    expect(new Set(uids).size).toBe(entries.length);
    expect(toICalendar(complianceCalendar(FACTS))).toBe(toICalendar(entries));
    expect(uids[0]).toBe(entryUid(entries[0]));
    expect(uids[0]).toMatch(/^20040526-hydro-purchase-[0-9a-f]{8}@kaiser-seventh-amendment\.invalid$/);
  });

  describe("edge cases", () => {
    it("escapes backslash, semicolon, comma and line breaks [RFC 5545]", () => {
      expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
    });

    it("folds by octets without splitting a character [RFC 5545]", () => {
      const folded = foldLine(`DESCRIPTION:${"¶".repeat(60)}`);
      const lines = folded.split("\r\n");
      expect(lines.every((l) => Buffer.byteLength(l, "utf8") <= 75)).toBe(true);
      expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
      expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(`DESCRIPTION:${"¶".repeat(60)}`);
    });

    it("refuses a DTSTAMP that is not UTC date-time [RFC 5545]", () => {
      expect(() => toICalendar([], { stamp: "2004-10-28" })).toThrow("DTSTAMP");
      expect(toICalendar([], { stamp: "20041028T120000Z" })).toBe("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kaiser Seventh Amendment add-in//Compliance calendar//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n");
    });
  });
});
