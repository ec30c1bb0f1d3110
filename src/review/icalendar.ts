/**
 * The compliance calendar as iCalendar text (RFC 5545), for Outlook, Google Calendar, Apple Calendar
 * and the like: one all-day VEVENT per obligation, its section in the DESCRIPTION. Pure: entries in,
 * text out; writing the file is the caller's.
 *
 * - Lines end in CRLF and are folded at 75 octets of UTF-8 (RFC 5545 §3.1), never inside a character.
 * - TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11).
 * - All-day: DTSTART;VALUE=DATE and DTEND the day after (§3.6.1: the end is exclusive).
 * - UIDs are stable: the same obligation (kind, date and wording) has the same UID in every export,
 *   so a calendar that imports the file again updates the event instead of doubling it.
 * - DTSTAMP (required) is fixed to the start of the event's day, UTC, unless a stamp is given, so the
 *   same review always gives the same file.
 */
import { isoFromSerial } from "../engine/dates";
import type { CalendarEntry } from "../engine/complianceCalendar";

const CRLF = "\r\n";
/** RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
const MAX_LINE_OCTETS = 75;
export const PRODID = "-//Kaiser Seventh Amendment add-in//Compliance calendar//EN";
const UID_DOMAIN = "kaiser-seventh-amendment.invalid";

/** RFC 5545 §3.3.11 TEXT escaping. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds one content line into lines of at most 75 octets, each continuation led by a space (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    // A continuation line's leading space counts toward its 75 octets.
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** 32-bit FNV-1a of a text's UTF-16 code units, as 8 hex digits: short, stable, not secret. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

function basicDate(serialDate: number): string {
  return isoFromSerial(serialDate).replace(/-/g, "");
}

/** The stable UID of an entry: its date, kind and a hash of its wording and section. */
export function entryUid(entry: CalendarEntry): string {
  return `${basicDate(entry.date)}-${entry.kind}-${fnv1a(`${entry.what}|${entry.section}`)}@${UID_DOMAIN}`;
}

/**
 * The entries as one VCALENDAR.
 *
 * @param entries - the compliance calendar, as `complianceCalendar` gives it
 * @param options - `name`: the calendar's display name; `stamp`: DTSTAMP as YYYYMMDDTHHMMSSZ
 * @returns the iCalendar text, CRLF line ends, folded
 * @example toICalendar([{ date: serial(2005, 2, 13), kind: "plan-filing", what: "Plan filed", section: "10.1.10(l)" }])
 * //=> "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…DTSTART;VALUE=DATE:20050213\r\n…END:VCALENDAR\r\n"
 */
export function toICalendar(entries: readonly CalendarEntry[], options: { name?: string; stamp?: string } = {}): string {
  if (options.stamp !== undefined && !/^\d{8}T\d{6}Z$/.test(options.stamp)) throw new Error(`DTSTAMP must be YYYYMMDDTHHMMSSZ, not ${options.stamp}`);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (options.name !== undefined) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const entry of entries) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${entryUid(entry)}`,
      `DTSTAMP:${options.stamp ?? `${basicDate(entry.date)}T000000Z`}`,
      `DTSTART;VALUE=DATE:${basicDate(entry.date)}`,
      `DTEND;VALUE=DATE:${basicDate(entry.date + 1)}`,
      `SUMMARY:${escapeText(`${entry.what} [${entry.section}]`)}`,
      `DESCRIPTION:${escapeText(`${entry.what}\nSection: ${entry.section}`)}`,
      `CATEGORIES:${escapeText(entry.kind)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
