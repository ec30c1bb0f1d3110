import { serial } from "../../src/engine/dates";

/** The Excel serial of an ISO date "YYYY-MM-DD", for tests that write their dates as text. */
export function isoDay(iso: string): number {
  const [y, m, day] = iso.split("-").map(Number);
  return serial(y, m, day);
}
