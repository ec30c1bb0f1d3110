/**
 * The task pane: Validate (the layout checks and the reviewer's recalculation, each finding tied
 * to its cell and section), Insert model, and the searchable help of every KAISER function.
 *
 * In Excel it reads the open workbook (src/workbook/excelSnapshot.ts); where Office is absent —
 * a plain browser, office.js blocked or offline — it offers "Open an .xlsx file" and runs the same
 * checks on that file (src/workbook/xlsxSnapshot.ts). The pane's own name, version and function
 * list come from package.json and the generated functions.json.
 */
import packageJson from "../package.json";
import { WorkbookReadError } from "../src/workbook/readError";
import { rowCount, WorkbookSnapshot } from "../src/review/snapshot";
import { readFileInWorker } from "./fileReader";
import { byId, el, setChildren } from "./dom";
import { FunctionHelp, matchesQuery, readFunctionList } from "./functionsHelp";
import { summaryHeadline } from "../src/view/findingGroups";
import { detectHost, Host, insertModelSheet, readOpenWorkbook, selectCell } from "./office";
import { PaneReview, reviewForPane } from "./paneReview";
import { renderFunction, renderReport, SelectCell } from "./render";
import { download, paneCss, reportBaseName, reportDocument, reportJson } from "./save";
import { memoryOnly, sectionMemory, SectionMemory } from "./settings";
import { followTheme } from "./theme";
import { setUpInsertActions } from "./insertActions";
import { saveScenario } from "../src/workbook/saveScenario";
import type { SaveScenario } from "./sections/section";

interface Controls {
  readonly status: HTMLElement;
  readonly validate: HTMLButtonElement;
  readonly insert: HTMLButtonElement;
  readonly open: HTMLButtonElement;
  readonly file: HTMLInputElement;
  readonly offlineNote: HTMLElement;
  readonly actionStatus: HTMLElement;
  readonly report: HTMLElement;
}

let busy = false;

/** The line under the buttons: progress and failures are shown; a result the report already shows is only announced. */
function setStatus(controls: Controls, text: string, visible = true): void {
  controls.actionStatus.textContent = text;
  controls.actionStatus.classList.toggle("visually-hidden", !visible);
}

/** Runs one action at a time, with the buttons disabled and the report marked busy meanwhile. */
async function runExclusive(controls: Controls, progress: string, what: string, action: () => Promise<void>): Promise<void> {
  if (busy) return;
  busy = true;
  const buttons = [controls.validate, controls.insert, controls.open];
  for (const b of buttons) b.disabled = true;
  controls.report.setAttribute("aria-busy", "true");
  setStatus(controls, progress);
  try {
    await action();
  } catch (error) {
    setStatus(controls, failureText(error, what));
  } finally {
    for (const b of buttons) b.disabled = false;
    controls.report.removeAttribute("aria-busy");
    busy = false;
  }
}

function failureText(error: unknown, what: string): string {
  if (error instanceof WorkbookReadError) return `Could not read ${what}. ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `Could not finish with ${what}: ${message}`;
}

/** Lets the browser paint the status line before the next long step. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The section state; in memory until office-js-helpers' storage has loaded (after first paint). */
let memory: SectionMemory = memoryOnly();

/** The width the pictures draw at: the report's own width, within what a picture can use. */
function pictureWidth(report: HTMLElement): number {
  return Math.max(260, Math.min(760, Math.floor(report.clientWidth || document.documentElement.clientWidth - 24)));
}

async function showReport(controls: Controls, snapshot: WorkbookSnapshot, source: string, select?: SelectCell, preface?: HTMLElement): Promise<void> {
  const rows = snapshot.tables.length > 0 ? snapshot.sheets.reduce((n, sheet) => n + rowCount(sheet), 0) : 0;
  setStatus(controls, `Checking ${rows > 0 ? `${rows.toLocaleString("en-US")} rows of ` : ""}${source} and recomputing the figures…`);
  await nextPaint();
  const review = reviewForPane(snapshot, source);
  setStatus(controls, "Drawing the report…");
  await nextPaint();
  memory = await Promise.race([sectionMemory(), new Promise<SectionMemory>((resolve) => setTimeout(() => resolve(memory), 1000))]);
  const report = renderReport(review, { width: pictureWidth(controls.report), memory, ...(select ? { select, saveScenario: excelSaveScenario } : {}) }, reportActions(review));
  setChildren(controls.report, preface, report);
  // The summary shows the result; screen readers hear it from the status line.
  setStatus(controls, `${preface?.textContent ? `${preface.textContent} ` : ""}Validation finished. ${summaryHeadline(review.review.summary)}.`, false);
}

function reportActions(pane: PaneReview): { saveHtml: () => void; saveJson: () => void; print: () => void } {
  const base = reportBaseName(pane.source);
  return {
    saveHtml: () => {
      const report = document.querySelector<HTMLElement>("#report .report");
      if (!report) return;
      download(document, `${base}.html`, "text/html", reportDocument(document, report, paneCss(document), `Kaiser Seventh Amendment review: ${pane.source}`));
    },
    saveJson: () => download(document, `${base}.json`, "application/json", reportJson(pane.review, pane.source, packageJson.version)),
    print: () => window.print(),
  };
}

/** "Save as scenario" in Excel: one row of the Scenarios table (src/workbook/saveScenario.ts). */
const excelSaveScenario: SaveScenario = (name, overrides, confirmReplace) => Excel.run((context) => saveScenario(context, name, overrides, confirmReplace));

function excelSelect(controls: Controls): SelectCell {
  return (target, cell) => {
    selectCell(target).then(
      () => setStatus(controls, `Selected ${cell}.`, false),
      (error: unknown) => setStatus(controls, `Could not select ${cell}: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
}

/** Reads the open workbook, saying so while Excel is still calculating cells. */
function readWorkbook(controls: Controls): Promise<WorkbookSnapshot> {
  return readOpenWorkbook(undefined, (cells) => setStatus(controls, `Waiting for Excel to finish calculating ${cells === 1 ? "1 cell" : `${cells} cells`} (#BUSY!)…`));
}

function validateExcel(controls: Controls): Promise<void> {
  return runExclusive(controls, "Reading this workbook…", "this workbook", async () => {
    const snapshot = await readWorkbook(controls);
    await showReport(controls, snapshot, "this workbook", excelSelect(controls));
  });
}

function insertModelExcel(controls: Controls): Promise<void> {
  return runExclusive(controls, "Inserting the model…", "the model", async () => {
    const result = await insertModelSheet();
    const notice = el("p", { className: `notice ${result.inserted ? "notice-ok" : "notice-warning"}`, text: result.message });
    if (!result.inserted) {
      setChildren(controls.report, notice);
      setStatus(controls, result.message, false);
      return;
    }
    // A model just inserted validates clean: show that beneath what was added.
    await showReport(controls, await readWorkbook(controls), "this workbook", excelSelect(controls), notice);
  });
}

function validateFile(controls: Controls, file: File): Promise<void> {
  return runExclusive(controls, `Reading ${file.name}…`, file.name, async () => {
    // The reader (in a Web Worker: the pane stays responsive, shows progress, can cancel) tells an
    // .xlsx from an .xls, an encrypted or a damaged file by its content, not its name.
    const snapshot = await readFileInWorker(file, { status: (text) => setStatus(controls, text), cancelAfter: controls.actionStatus });
    await showReport(controls, snapshot, file.name);
  });
}

function setUpExcel(controls: Controls): void {
  controls.validate.hidden = false;
  controls.insert.hidden = false;
  controls.validate.addEventListener("click", () => void validateExcel(controls));
  controls.insert.addEventListener("click", () => void insertModelExcel(controls));
  setUpInsertActions({
    run: (progress, what, action) => runExclusive(controls, progress, what, action),
    show: (result) => {
      setChildren(controls.report, el("p", { className: `notice ${result.inserted ? "notice-ok" : "notice-warning"}`, text: result.message }));
      setStatus(controls, result.message, false);
    },
  });
}

function setUpWithoutOffice(controls: Controls): void {
  controls.open.hidden = false;
  controls.offlineNote.hidden = false;
  controls.open.addEventListener("click", () => controls.file.click());
  controls.file.addEventListener("change", () => {
    const file = controls.file.files?.[0];
    // Clearing the input lets the same file be validated again after it is edited.
    if (file) void validateFile(controls, file).finally(() => (controls.file.value = ""));
  });
  document.addEventListener("dragover", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  document.addEventListener("drop", (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void validateFile(controls, file);
  });
}

/** Tabs as WAI-ARIA describes them: one tab in the tab order, arrow keys, Home and End move between tabs. */
function setUpTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (tab: HTMLButtonElement, focus: boolean): void => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute("aria-selected", String(selected));
      t.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(t.getAttribute("aria-controls") ?? "");
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener("click", () => select(tab, false));
    tab.addEventListener("keydown", (event) => {
      const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1 + tabs.length, Home: 0, End: tabs.length - 1 };
      const to = moves[event.key];
      if (to === undefined) return;
      event.preventDefault();
      select(tabs[to % tabs.length], true);
    });
  });
}

async function setUpFunctions(): Promise<void> {
  const list = byId("function-list", HTMLUListElement);
  const search = byId("function-search", HTMLInputElement);
  const count = byId("function-count", HTMLElement);
  let functions: FunctionHelp[];
  try {
    // The full help text (dist/functions.json carries Excel's short tooltips): the same as the help pages.
    const response = await fetch("help/functions.json");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    functions = readFunctionList(await response.json());
  } catch (error) {
    count.textContent = `The function list could not be read (${error instanceof Error ? error.message : String(error)}).`;
    return;
  }
  const items = functions.map((help) => ({ help, item: renderFunction(help) }));
  setChildren(list, ...items.map((x) => x.item));
  const filter = (): void => {
    const query = search.value;
    let shown = 0;
    for (const { help, item } of items) {
      const match = matchesQuery(help, query);
      item.hidden = !match;
      if (match) shown++;
    }
    count.textContent = query.trim() === "" ? `${functions.length} functions` : `${shown} of ${functions.length} functions match “${query.trim()}”`;
  };
  search.addEventListener("input", filter);
  filter();
}

async function start(): Promise<void> {
  byId("addin-version", HTMLElement).textContent = packageJson.version;
  setUpTabs();
  void setUpFunctions();
  const controls: Controls = {
    status: byId("host-status", HTMLElement),
    validate: byId("validate", HTMLButtonElement),
    insert: byId("insert-model", HTMLButtonElement),
    open: byId("open-file", HTMLButtonElement),
    file: byId("file-input", HTMLInputElement),
    offlineNote: byId("offline-note", HTMLElement),
    actionStatus: byId("action-status", HTMLElement),
    report: byId("report", HTMLElement),
  };
  const host: Host = await detectHost();
  controls.status.textContent = host.description;
  followTheme(document.documentElement, () => (host.kind === "excel" ? (globalThis as { Office?: typeof Office }).Office?.context?.officeTheme : undefined));
  document.body.dataset.host = host.kind;
  // office-js-helpers (the remembered section state) loads after first paint, off the start-up path.
  setTimeout(() => void sectionMemory().then((m) => (memory = m)), 0);
  if (host.kind === "excel") setUpExcel(controls);
  else setUpWithoutOffice(controls);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void start());
else void start();
