/**
 * The `readings` argument, last and optional on every function whose result depends on a
 * switchable reading (README "Readings"): a text such as "R-PPE-C-VALCO=FIXED; R-TE-RECUR=RUN", or
 * a range of such texts (blank cells skipped). Omitted or blank: the add-in's defaults. An unknown
 * reading or choice, a number, TRUE/FALSE or an error value is #VALUE! naming it.
 */
import { Messages, valueError } from "../../engine/errors";
import { parseReadings, Readings } from "../../engine/readings";
import { asMatrix } from "./arrays";
import { errorCodeOf, isExcelError } from "./excelError";
import { isBlank } from "./params";

/** The readings an argument chooses; undefined (the defaults) when it is omitted or blank. */
export function readingsArg(arg: unknown, name = "readings"): Readings | undefined {
  if (isBlank(arg)) return undefined;
  const texts: string[] = [];
  for (const row of asMatrix(arg)) {
    for (const cell of row) {
      if (isBlank(cell)) continue;
      if (typeof cell === "string") texts.push(cell);
      else if (isExcelError(cell)) throw valueError(Messages.errorValue(name, errorCodeOf(cell)));
      else throw valueError(`${name} must be text such as "R-TE-RECUR=RUN", not ${typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell)}`);
    }
  }
  return texts.length === 0 ? undefined : parseReadings(texts);
}
