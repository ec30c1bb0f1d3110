/**
 * The pane's Excel side: which host the pane runs in, reading the open workbook into a snapshot,
 * inserting the model, and taking the user to a finding's cell. Everything else in the pane works
 * without Office; these are the only places that touch `Office` or `Excel`.
 */
import { eachCell, isCellError, WorkbookSnapshot } from "../src/review/snapshot";
import { snapshotFromExcel } from "../src/workbook/excelSnapshot";
import { insertModel } from "../src/workbook/insertModel";
import type { CellTarget } from "../src/view/findingGroups";

export type Host =
  | { readonly kind: "excel"; readonly description: string }
  | { readonly kind: "none"; readonly description: string };

/** office.js answers Office.onReady within moments when it loaded; past this, the pane works as a web page. */
export const OFFICE_READY_TIMEOUT_MS = 10000;

/**
 * The requirement sets the add-in uses (manifest.xml declares them where Office allows): the
 * workbook reads and Insert model use ExcelApi 1.7 and 1.8; the shared runtime's custom functions
 * CustomFunctionsRuntime 1.2.
 */
export const REQUIREMENT_SETS: readonly (readonly [string, string])[] = [
  ["ExcelApi", "1.7"],
  ["ExcelApi", "1.8"],
  ["CustomFunctionsRuntime", "1.2"],
];

/** The requirement sets this Excel lacks ("ExcelApi 1.8"), asked with isSetSupported; none when office.js cannot say. */
export function missingRequirementSets(office: typeof Office): string[] {
  const requirements = (office as { context?: { requirements?: { isSetSupported?: (name: string, version: string) => boolean } } }).context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return [];
  return REQUIREMENT_SETS.filter(([name, version]) => !requirements.isSetSupported?.(name, version)).map(([name, version]) => `${name} ${version}`);
}

/** Office.PlatformType's values, as Office.onReady reports them. */
const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  PC: "Excel on Windows",
  Mac: "Excel on Mac",
  OfficeOnline: "Excel on the web",
  iOS: "Excel on iPad",
  Universal: "Excel",
};

/**
 * Excel when office.js loaded and runs inside Excel; otherwise none: office.js could not load from
 * Microsoft's CDN (a plain browser offline, or blocked), or it loaded but there is no host (a plain
 * browser online), or it loaded inside another Office application.
 */
export async function detectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<Host> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") {
    return { kind: "none", description: "Excel is not available here (office.js did not load)" };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  const info = await Promise.race([office.onReady(), timeout]).finally(() => clearTimeout(timer));
  if (!info || !info.host) return { kind: "none", description: "Excel is not available here (not running inside Office)" };
  // Office.onReady names the host and platform itself (Office.HostType.Excel is "Excel").
  if (String(info.host) !== "Excel") {
    return { kind: "none", description: `Running in ${String(info.host)}, not Excel: open an .xlsx file to validate it` };
  }
  const platform = info.platform === undefined || info.platform === null ? undefined : String(info.platform);
  const where = (platform && PLATFORM_NAMES[platform]) || "Excel";
  const missing = missingRequirementSets(office);
  if (missing.length > 0) {
    // The pane's Excel side would fail part-way: say what is missing and offer the file mode instead.
    return { kind: "none", description: `${where} here lacks ${missing.join(", ")}, which the add-in needs: update to Microsoft 365, or open an .xlsx file to validate it` };
  }
  return { kind: "excel", description: `Running in ${where}` };
}

/**
 * Pauses before each new read while Excel still shows cells as calculating: 7.75 seconds at most.
 * Right after Insert model, or while Excel recalculates, the KAISER formulas show #BUSY! until the
 * add-in's functions return; checked then, each output would be a mismatch that is not there.
 */
export const SETTLE_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000];

/** How many cells show #BUSY!, Excel's value for a cell whose custom function is still computing. */
export function calculatingCells(snapshot: WorkbookSnapshot): number {
  let count = 0;
  for (const sheet of snapshot.sheets) {
    eachCell(sheet, (_row, _col, { value }) => {
      if (isCellError(value) && value.error.toUpperCase() === "#BUSY!") count++;
    });
  }
  return count;
}

/**
 * Reads the open workbook through the adapter (two syncs whatever its size). While cells show
 * #BUSY!, it waits and reads again, up to one read after each of `delaysMs`; past the last, the
 * checks see what Excel shows.
 *
 * @param delaysMs - the pauses before each new read
 * @param onWait - told, before each pause, how many cells are still calculating
 */
export async function readOpenWorkbook(delaysMs: readonly number[] = SETTLE_DELAYS_MS, onWait?: (cells: number) => void): Promise<WorkbookSnapshot> {
  let snapshot = await Excel.run((context) => snapshotFromExcel(context));
  for (const ms of delaysMs) {
    const cells = calculatingCells(snapshot);
    if (cells === 0) break;
    onWait?.(cells);
    await new Promise((resolve) => setTimeout(resolve, ms));
    snapshot = await Excel.run((context) => snapshotFromExcel(context));
  }
  return snapshot;
}

/** Inserts the model sheet; it never overwrites, and says what it did or why it did not. */
export function insertModelSheet(): Promise<{ inserted: boolean; message: string }> {
  return Excel.run((context) => insertModel(context));
}

/** Selects a finding's cell or range in Excel, bringing its sheet to the front: one sync. */
export async function selectTarget(context: Excel.RequestContext, target: CellTarget): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(target.sheet);
  sheet.activate();
  sheet.getRange(target.address).select();
  await context.sync();
}

export function selectCell(target: CellTarget): Promise<void> {
  return Excel.run((context) => selectTarget(context, target));
}
