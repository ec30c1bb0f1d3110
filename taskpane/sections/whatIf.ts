/**
 * The What-if section: pick a scenario of the workbook's Scenarios table or edit one — the named
 * inputs; scale or shift the daily outstandings from a date; move, remove or add a PPEEvents or
 * Dispositions row; EBITDA for a period — and see the workbook's figures and the scenario's side by
 * side, differences marked. The scenario is recomputed through `reviewScenario` (src/review/
 * scenarioEdits.ts → `reviewInputs`); nothing here computes a figure. "Save as scenario" writes the
 * named inputs to the Scenarios table in Excel (asking before it replaces a row); in file mode the
 * scenario downloads as a row of the CLI's scenarios CSV.
 *
 * Text through textContent only (dom.ts): a scenario's name is workbook text.
 */
import { isoFromSerial, serialFromIso } from "../../src/engine/dates";
import { PPE_EVENT_KINDS, PpeEventKind } from "../../src/engine/ppeReduction";
import { dec, Dec } from "../../src/engine/decimal";
import { AttributableEbitdaAmounts, minimumEbitdaPeriods, periodName } from "../../src/engine/minimumEbitda";
import { ATTRIBUTABLE_COLUMNS, DISPOSITION_INTERESTS, NAMED_CELLS } from "../../src/review/layout";
import type { InputOverrides, NamedCellName } from "../../src/review/review";
import { reviewScenario, RowEdit, TableEdits } from "../../src/review/scenarioEdits";
import type { DispositionRow } from "../../src/review/recalc";
import type { PpeEvent } from "../../src/engine/ppeReduction";
import type { ThresholdWarning } from "../../src/review/calendar";
import { warningSentence } from "../../src/view/thresholdWarning";
import { compareScenario, parseAmountText, scenarioCsv, WhatIfRow } from "../../src/view/whatIf";
import { dataTable, el } from "../dom";
import type { PaneReview } from "../paneReview";
import { download, reportBaseName } from "../save";
import type { PaneSection, SectionContext } from "./section";

const PERIODS = minimumEbitdaPeriods();

const NAMES = NAMED_CELLS.map((e) => e.name as NamedCellName);
const DATE_INPUTS = new Set<NamedCellName>(["AsOfDate"]);

/** Base and scenario side by side; a changed figure's row has the class `changed` and says so in words. */
export function renderWhatIf(scenarioName: string, rows: readonly WhatIfRow[]): HTMLElement {
  const changed = rows.filter((r) => r.changed).length;
  return el(
    "div",
    { className: "what-if-result" },
    el("p", { className: "what-if-count", text: changed === 0 ? `${scenarioName}: no figure changes.` : `${scenarioName}: ${changed} of ${rows.length} figures change.` }),
    dataTable(
      `The workbook against ${scenarioName}`,
      [
        { header: "Figure", cell: (r: WhatIfRow) => `${r.label} [${r.section}]` },
        { header: "Workbook", cell: (r) => r.base, numeric: true },
        { header: scenarioName, cell: (r) => (r.changed ? `${r.scenario} (changed)` : r.scenario), numeric: true },
      ],
      rows,
      { className: "what-if-table", rowClass: (r) => (r.changed ? "changed" : "") },
    ),
  );
}

/** The Threshold early warning for 5 and for 3 Business Days, in words [1.1(aa)]. */
export function renderThresholdCard(warnings: readonly ThresholdWarning[]): HTMLElement {
  return el(
    "section",
    { className: "threshold-card", attrs: { "aria-labelledby": "threshold-card-heading" } },
    el("h3", { text: "Threshold early warning [1.1(aa)]", attrs: { id: "threshold-card-heading" } }),
    el("ul", {}, ...warnings.map((w) => el("li", { attrs: { "data-days": String(w.daysRequired) }, text: w.status === null ? warningSentence(w) : `${w.daysRequired} Business Days: ${warningSentence(w)}` }))),
  );
}

let uid = 0;

function field(label: string, input: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  const id = input.id || `wi-${++uid}`;
  input.id = id;
  return el("div", { className: "wi-field" }, el("label", { text: label, attrs: { for: id } }), input, hint ? el("span", { className: "muted wi-hint", text: hint }) : null);
}

function textInput(id: string, placeholder = "", mode: "decimal" | "text" = "decimal"): HTMLInputElement {
  return el("input", { className: "wi-input", attrs: { id, type: "text", inputmode: mode, placeholder, autocomplete: "off" } });
}

function dateInput(id: string, value = ""): HTMLInputElement {
  const input = el("input", { className: "wi-input", attrs: { id, type: "date" } });
  input.value = value;
  return input;
}

function select(id: string, options: readonly (readonly [value: string, text: string])[]): HTMLSelectElement {
  return el("select", { className: "wi-input", attrs: { id } }, ...options.map(([value, text]) => el("option", { text, attrs: { value } })));
}

function checkbox(id: string): HTMLInputElement {
  return el("input", { attrs: { id, type: "checkbox" } });
}

function button(id: string, text: string): HTMLButtonElement {
  return el("button", { className: "btn btn-small", text, attrs: { type: "button", id } });
}

function baseText(pane: PaneReview, name: NamedCellName): string {
  const key = (name.charAt(0).toLowerCase() + name.slice(1)).replace(/^oLV/, "olv").replace(/^kBC/, "kbc");
  const input = (pane.review.inputs as unknown as Record<string, { value?: unknown }>)[key];
  const v = input?.value;
  if (v === undefined) return "blank";
  if (typeof v === "number") return DATE_INPUTS.has(name) ? isoFromSerial(v) : String(v);
  return String(v);
}

/** Reads the form into overrides and edits, or the first thing that is not a number or date. */
interface Form {
  readonly overrides: Map<NamedCellName, HTMLInputElement>;
  readonly mode: HTMLSelectElement;
  readonly by: HTMLInputElement;
  readonly from: HTMLInputElement;
  readonly ppe: { remove: HTMLInputElement; move: HTMLInputElement; date: number }[];
  readonly ppeAdd: { date: HTMLInputElement; kind: HTMLSelectElement; amount: HTMLInputElement };
  readonly disp: { remove: HTMLInputElement; move: HTMLInputElement; date: number }[];
  /** A new disposition: its Attributable EBITDA Amount for each period of 9.2.4, in the table's order (Reading R-EBITDA-PERIOD-AMOUNT). */
  readonly dispAdd: { date: HTMLInputElement; amounts: readonly HTMLInputElement[]; interest: HTMLSelectElement };
  readonly ebitda: { periodEnd: number; input: HTMLInputElement }[];
}

function isoToSerial(text: string, what: string): number | Error {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Error(`${what}: "${text}" is not a date`);
  return serialFromIso(text);
}

function readForm(form: Form): { overrides: InputOverrides; edits: TableEdits } | Error {
  const overrides: Partial<Record<NamedCellName, number | null>> = {};
  for (const [name, input] of form.overrides) {
    const text = input.value.trim();
    if (text === "") continue;
    if (text.toLowerCase() === "blank") overrides[name] = null;
    else if (DATE_INPUTS.has(name) && /^\d{4}-\d{2}-\d{2}$/.test(text)) overrides[name] = serialFromIso(text);
    else {
      const n = parseAmountText(text, name);
      if (n instanceof Error) return n;
      if (n !== undefined) overrides[name] = n;
    }
  }
  const edits: { outstandings?: TableEdits["outstandings"]; ppeEvents?: RowEdit<PpeEvent>[]; dispositions?: RowEdit<DispositionRow>[]; ebitda?: { periodEnd: number; ebitda: number }[] } = {};
  if (form.mode.value !== "none") {
    const by = parseAmountText(form.by.value, form.mode.value === "scale" ? "Percentage" : "Amount");
    if (by instanceof Error) return by;
    if (by === undefined) return new Error(`${form.mode.value === "scale" ? "Percentage" : "Amount"}: give a number`);
    const from = form.from.value === "" ? 0 : isoToSerial(form.from.value, "From");
    if (from instanceof Error) return from;
    edits.outstandings = { kind: form.mode.value === "scale" ? "scale" : "shift", by, from };
  }
  const rowEdits = <T>(rows: Form["ppe"], add: () => RowEdit<T> | undefined | Error): RowEdit<T>[] | Error => {
    const out: RowEdit<T>[] = [];
    for (const [index, r] of rows.entries()) {
      if (r.remove.checked) out.push({ op: "remove", index });
      else if (r.move.value !== "" && r.move.value !== isoFromSerial(r.date)) {
        const date = isoToSerial(r.move.value, `Row ${index + 1}`);
        if (date instanceof Error) return date;
        out.push({ op: "move", index, date });
      }
    }
    const added = add();
    if (added instanceof Error) return added;
    if (added) out.push(added);
    return out;
  };
  const ppe = rowEdits<PpeEvent>(form.ppe, () => {
    if (form.ppeAdd.date.value === "") return undefined;
    const date = isoToSerial(form.ppeAdd.date.value, "New PPE event");
    if (date instanceof Error) return date;
    const amount = parseAmountText(form.ppeAdd.amount.value || "0", "New PPE event's amount");
    if (amount instanceof Error) return amount;
    return { op: "add", row: { date, kind: form.ppeAdd.kind.value as PpeEventKind, amount: dec(amount ?? 0) } };
  });
  if (ppe instanceof Error) return ppe;
  if (ppe.length > 0) edits.ppeEvents = ppe;
  const disp = rowEdits<DispositionRow>(form.disp, () => {
    if (form.dispAdd.date.value === "") return undefined;
    const date = isoToSerial(form.dispAdd.date.value, "New disposition");
    if (date instanceof Error) return date;
    const amounts: Dec[] = [];
    for (const [i, input] of form.dispAdd.amounts.entries()) {
      const amount = parseAmountText(input.value || "0", `New disposition's Attributable EBITDA Amount for the ${periodName(PERIODS[i])}`);
      if (amount instanceof Error) return amount;
      amounts.push(dec(amount ?? 0));
    }
    return { op: "add", row: { date, attributableAmounts: amounts as unknown as AttributableEbitdaAmounts, interest: form.dispAdd.interest.value } };
  });
  if (disp instanceof Error) return disp;
  if (disp.length > 0) edits.dispositions = disp;
  const ebitda: { periodEnd: number; ebitda: number }[] = [];
  for (const e of form.ebitda) {
    const n = parseAmountText(e.input.value, `EBITDA for the period ending ${isoFromSerial(e.periodEnd)}`);
    if (n instanceof Error) return n;
    if (n !== undefined) ebitda.push({ periodEnd: e.periodEnd, ebitda: n });
  }
  if (ebitda.length > 0) edits.ebitda = ebitda;
  return { overrides, edits };
}

function hasTableEdits(edits: TableEdits): boolean {
  return edits.outstandings !== undefined || (edits.ppeEvents?.length ?? 0) > 0 || (edits.dispositions?.length ?? 0) > 0 || (edits.ebitda?.length ?? 0) > 0;
}

function renderBody(pane: PaneReview, context: SectionContext): HTMLElement {
  const inputs = pane.review.inputs;
  const root = el("div", { className: "what-if" });
  const table = pane.scenarios;
  const scenarios = table !== undefined && "scenarios" in table ? table.scenarios : [];
  const pick = select("wi-pick", [["", "Edit your own"], ...scenarios.map((s): [string, string] => [s.name, `${s.name} (row ${s.row})`])]);
  const name = textInput("wi-name", "My scenario", "text");
  name.maxLength = 255;
  const note = table === undefined ? "This workbook has no Scenarios table." : "problem" in table ? `The Scenarios table cannot be read (${table.cell}): ${table.problem}.` : `${scenarios.length} scenario${scenarios.length === 1 ? "" : "s"} in the Scenarios table.`;

  const overrides = new Map<NamedCellName, HTMLInputElement>();
  const named = el("fieldset", { className: "wi-group" }, el("legend", { text: "Named inputs (empty keeps the workbook's value; blank clears it)" }));
  for (const n of NAMES) {
    const input = textInput(`wi-in-${n}`, baseText(pane, n));
    overrides.set(n, input);
    named.append(field(n, input, `workbook: ${baseText(pane, n)}`));
  }

  const daily = inputs.dailyOutstandings.rows ?? [];
  const mode = select("wi-out-mode", [["none", "Unchanged"], ["scale", "Scale by a percentage"], ["shift", "Shift by an amount"]]);
  const by = textInput("wi-out-by", "10 (percent) or 5,000,000 (dollars)");
  const from = dateInput("wi-out-from", daily.length > 0 ? isoFromSerial(daily[0].date) : "");
  const outstandings = el("fieldset", { className: "wi-group" }, el("legend", { text: "Daily Revolving Credit Outstandings" }), field("Change", mode), field("By", by, "percent for scale, dollars for shift (signed)"), field("From (on and after)", from));

  const rowControls = (kind: string, rows: readonly { date: number; text: string }[]) =>
    rows.map((r, i) => {
      const remove = checkbox(`wi-${kind}-remove-${i}`);
      const move = dateInput(`wi-${kind}-move-${i}`, isoFromSerial(r.date));
      const line = el("div", { className: "wi-row" }, el("p", { className: "wi-row-title", text: `Row ${i + 1}: ${r.text}` }), field("Date", move), el("div", { className: "wi-check" }, remove, el("label", { text: "Remove", attrs: { for: remove.id } })));
      return { controls: { remove, move, date: r.date }, line };
    });
  const ppeRows = rowControls("ppe", (inputs.ppeEvents.rows ?? []).map((e) => ({ date: e.date, text: `${isoFromSerial(e.date)} ${e.kind} ${e.amount.toString()}` })));
  const ppeAdd = { date: dateInput("wi-ppe-add-date"), kind: select("wi-ppe-add-kind", PPE_EVENT_KINDS.map((k): [string, string] => [k, k])), amount: textInput("wi-ppe-add-amount", "0") };
  const ppe = el(
    "fieldset",
    { className: "wi-group" },
    el("legend", { text: "PPEEvents: move or remove a row, or add one [1.1(t)]" }),
    ...ppeRows.map((r) => r.line),
    el("div", { className: "wi-row" }, el("p", { className: "wi-row-title", text: "Add an event" }), field("Date", ppeAdd.date), field("Kind", ppeAdd.kind), field("Amount", ppeAdd.amount)),
  );
  const dispRows = rowControls("disp", (inputs.dispositions.rows ?? []).map((d) => ({ date: d.date, text: `${isoFromSerial(d.date)} ${d.interest} ${d.attributableAmounts.map(String).join(" / ")}` })));
  const dispAdd = {
    date: dateInput("wi-disp-add-date"),
    amounts: ATTRIBUTABLE_COLUMNS.map((c) => textInput(`wi-disp-add-${c.toLowerCase()}`, "0")),
    interest: select("wi-disp-add-interest", DISPOSITION_INTERESTS.map((k): [string, string] => [k, k])),
  };
  const disp = el(
    "fieldset",
    { className: "wi-group" },
    el("legend", { text: "Dispositions: move or remove a row, or add one [9.2.4]" }),
    ...dispRows.map((r) => r.line),
    el("div", { className: "wi-row" }, el("p", { className: "wi-row-title", text: "Add a disposition" }), field("Date", dispAdd.date), ...dispAdd.amounts.map((input, i) => field(`Attributable EBITDA Amount, ${periodName(PERIODS[i])}`, input)), field("Interest", dispAdd.interest)),
  );
  const ebitdaInputs = (inputs.monthlyEbitda.rows ?? []).map((r) => ({ periodEnd: r.periodEnd, input: textInput(`wi-ebitda-${isoFromSerial(r.periodEnd)}`, r.ebitda.toString()) }));
  const ebitda = el("fieldset", { className: "wi-group" }, el("legend", { text: "MonthlyEBITDA: EBITDA for a period [9.2.4]" }), ...ebitdaInputs.map((e) => field(`Period ending ${isoFromSerial(e.periodEnd)}`, e.input, `workbook: ${(inputs.monthlyEbitda.rows ?? []).find((r) => r.periodEnd === e.periodEnd)?.ebitda.toString() ?? ""}`)));

  const form: Form = { overrides, mode, by, from, ppe: ppeRows.map((r) => r.controls), ppeAdd, disp: dispRows.map((r) => r.controls), dispAdd, ebitda: ebitdaInputs };
  const compare = button("wi-compare", "Compare");
  const save = button("wi-save", context.saveScenario ? "Save as scenario" : "Download as CSV row");
  const status = el("p", { className: "wi-status", attrs: { role: "status", id: "wi-status" } });
  const confirmBox = el("div", { className: "wi-confirm", attrs: { id: "wi-confirm" } });
  const result = el("div", { className: "wi-output", attrs: { id: "wi-output", "aria-live": "polite" } });

  const run = (): { overrides: InputOverrides; edits: TableEdits } | undefined => {
    const read = readForm(form);
    if (read instanceof Error) {
      status.textContent = `${read.message}. Nothing was recomputed.`;
      return undefined;
    }
    try {
      const scenario = reviewScenario(inputs, read.overrides, read.edits);
      result.replaceChildren(renderWhatIf(name.value.trim() || "Scenario", compareScenario(pane.review, scenario)));
      status.textContent = "";
      return read;
    } catch (error) {
      status.textContent = `${error instanceof Error ? error.message : String(error)}. Nothing was recomputed.`;
      return undefined;
    }
  };
  const clear = (): void => {
    for (const i of root.querySelectorAll<HTMLInputElement>("input[type=text]")) i.value = "";
    for (const i of root.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) i.checked = false;
    mode.value = "none";
    for (const r of [...form.ppe, ...form.disp]) r.move.value = isoFromSerial(r.date);
    ppeAdd.date.value = "";
    dispAdd.date.value = "";
  };
  pick.addEventListener("change", () => {
    const s = scenarios.find((x) => x.name === pick.value);
    clear();
    if (!s) return;
    name.value = s.name;
    for (const o of s.overrides) {
      const input = overrides.get(o.name);
      if (input) input.value = o.value === null ? "blank" : DATE_INPUTS.has(o.name) ? isoFromSerial(o.value) : String(o.value);
    }
    run();
  });
  compare.addEventListener("click", () => void run());
  save.addEventListener("click", () => {
    const read = run();
    if (!read) return;
    const scenarioName = name.value.trim();
    if (scenarioName === "") {
      status.textContent = "Give the scenario a name first.";
      name.focus();
      return;
    }
    const note = hasTableEdits(read.edits) ? " The table edits (outstandings, events, EBITDA) are not part of a Scenarios row: only the named inputs are saved." : "";
    if (!context.saveScenario) {
      download(document, `${reportBaseName(scenarioName).replace(/-review$/, "")}-scenario.csv`, "text/csv", scenarioCsv(scenarioName, read.overrides));
      status.textContent = `Downloaded "${scenarioName}" as a row of the scenarios CSV (kaiser-check --scenarios).${note}`;
      return;
    }
    const confirmReplace = (row: number): Promise<boolean> =>
      new Promise((resolve) => {
        const yes = button("wi-replace", "Replace");
        const no = button("wi-keep", "Keep the row");
        const done = (answer: boolean): void => {
          confirmBox.replaceChildren();
          resolve(answer);
        };
        yes.addEventListener("click", () => done(true));
        no.addEventListener("click", () => done(false));
        confirmBox.replaceChildren(el("p", { text: `The Scenarios table has a scenario "${scenarioName}" in row ${row}. Replace it?` }), yes, no);
        yes.focus();
      });
    save.disabled = true;
    status.textContent = "Saving…";
    context.saveScenario(scenarioName, read.overrides, confirmReplace).then(
      (r) => (status.textContent = `${r.message}${r.saved ? note : ""}`),
      (error: unknown) => (status.textContent = `Could not save the scenario: ${error instanceof Error ? error.message : String(error)}`),
    ).finally(() => (save.disabled = false));
  });

  root.append(
    el("p", { className: "muted", text: note }),
    field("Scenario", pick),
    field("Scenario name", name),
    named,
    outstandings,
    ppe,
    disp,
    ebitda,
    el("div", { className: "wi-actions" }, compare, save),
    status,
    confirmBox,
    result,
  );
  return root;
}

export const whatIfSection: PaneSection = {
  id: "what-if",
  title: "What-if",
  badge: (pane) => {
    const t = pane.scenarios;
    return t !== undefined && "scenarios" in t ? `${t.scenarios.length} scenario${t.scenarios.length === 1 ? "" : "s"}` : "";
  },
  render: renderBody,
};
