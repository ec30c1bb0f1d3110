/**
 * `kaiser-check model.xlsx --certificate out.xlsx [--as-of YYYY-MM-DD] [--force]`: writes a NEW
 * workbook, the model plus the sheet "Borrowing Base Certificate" (src/review/certificate.ts, the
 * same formulas the pane's Insert writes), every formula with the Review's figure cached
 * (src/workbook/certificateXlsx.ts). Never the input: the output may not be the input file (by
 * its real path), and an existing output is refused unless --force.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { serialFromIso, isoFromSerial } from "../engine/dates";
import { CERTIFICATE_SHEET, certificateDesign, certificateValues } from "../review/certificate";
import { factsFromSnapshot, firstMissing, uniqueSheetName } from "../review/sheetDesign";
import type { Review } from "../review/review";
import type { WorkbookSnapshot } from "../review/snapshot";
import { addDesignSheet, CertificateWriteError } from "../workbook/certificateXlsx";
import { ZipFormatError } from "../workbook/zipWrite";

/** Why the certificate was not written; the message is the one line the user sees. */
export class CertificateError extends Error {}

async function realPath(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    // Not there yet: its directory's real path and its own name.
    return path.join(await fs.realpath(path.dirname(path.resolve(file))).catch(() => path.dirname(path.resolve(file))), path.basename(file));
  }
}

export interface CertificateRequest {
  readonly input: string;
  readonly output: string;
  readonly asOf?: string;
  readonly force: boolean;
}

/**
 * Writes the certificate workbook; resolves to the line to report.
 *
 * @throws CertificateError when the output is the input, exists without --force, cannot be
 *   written, or when the model lacks an input the certificate's formulas name
 */
export async function writeCertificate(request: CertificateRequest, data: Uint8Array, snapshot: WorkbookSnapshot, review: Review): Promise<string> {
  if ((await realPath(request.output)) === (await realPath(request.input))) {
    throw new CertificateError(`${request.output} is the input workbook: the certificate goes into a new file, never the input`);
  }
  const asOf = request.asOf === undefined ? undefined : serialFromIso(request.asOf);
  const facts = factsFromSnapshot(snapshot);
  const design = certificateDesign(facts, { asOf });
  const missing = firstMissing(design, facts);
  if (missing !== undefined) throw new CertificateError(`cannot write the certificate: the workbook has no ${missing.replace(/^the /, "")}`);
  const sheet = uniqueSheetName(CERTIFICATE_SHEET, snapshot.sheets.map((s) => s.name));
  const values = certificateValues(review, asOf);
  let bytes: Uint8Array;
  try {
    bytes = await addDesignSheet(data, design, sheet, values);
  } catch (e) {
    if (e instanceof CertificateWriteError || e instanceof ZipFormatError) throw new CertificateError(`cannot add the certificate to a copy of ${request.input}: ${e.message}`);
    throw e;
  }
  try {
    // "wx": created here or refused, atomically, so an existing file is never overwritten by a race.
    await fs.writeFile(request.output, bytes, { flag: request.force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new CertificateError(`${request.output} exists; give --force to overwrite it`);
    if (code === "EISDIR") throw new CertificateError(`${request.output} is a directory`);
    throw new CertificateError(`${request.output}: cannot write (${code ?? (e as Error).message})`);
  }
  const date = typeof values.asOfDate === "number" ? isoFromSerial(values.asOfDate) : "the model's as-of date";
  return `wrote ${request.output}: the model with the sheet "${sheet}", as of ${date}`;
}
