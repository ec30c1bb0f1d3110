/**
 * The task pane (foundation): the add-in's name, version and its functions, one line each, read
 * from the generated functions.json. Works where Office is absent: office.js may fail to load.
 */
import { version } from "../package.json";

interface FunctionMetadata {
  readonly name: string;
  readonly description?: string;
}

function firstSentence(text: string | undefined): string {
  if (!text) return "";
  const end = text.indexOf(". ");
  return end === -1 ? text : text.slice(0, end + 1);
}

async function showFunctions(list: HTMLElement): Promise<void> {
  const response = await fetch("functions.json");
  const metadata = (await response.json()) as { functions: FunctionMetadata[] };
  for (const fn of metadata.functions) {
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.className = "fn-name";
    name.textContent = `KAISER.${fn.name}`;
    const description = document.createElement("span");
    description.className = "fn-desc";
    description.textContent = firstSentence(fn.description);
    item.append(name, description);
    list.append(item);
  }
}

function hostStatus(): Promise<string> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return Promise.resolve("Office is not available: open in Excel to use the functions");
  return office.onReady().then((info) => (info.host ? `Running in ${String(info.host)}` : "Office is not available: open in Excel to use the functions"));
}

document.addEventListener("DOMContentLoaded", () => {
  const versionEl = document.getElementById("addin-version");
  if (versionEl) versionEl.textContent = version;
  const statusEl = document.getElementById("host-status");
  void hostStatus().then((text) => {
    if (statusEl) statusEl.textContent = text;
  });
  const list = document.getElementById("function-list");
  if (list) void showFunctions(list).catch(() => (list.textContent = "The function list could not be read."));
});
