/**
 * Opens an .xlsx file for the pane without Office: the reading runs in a Web Worker
 * (taskpane/xlsxWorker.ts), so the pane stays responsive. While it reads, the status line shows
 * the share read so far and a Cancel button stops it (the worker is terminated, nothing is kept).
 */
import { WorkbookReadError } from "../src/workbook/readError";
import type { WorkbookSnapshot } from "../src/review/snapshot";
import type { WorkerReply } from "./xlsxWorker";

/** The worker's script, beside the pane's page in dist/. */
export const WORKER_URL = "xlsxWorker.js";

export interface ReadControls {
  /** Told the progress line to show ("Reading model.xlsx… 40%"). */
  readonly status: (text: string) => void;
  /** Where the Cancel button goes while reading (after this element); none when absent. */
  readonly cancelAfter?: HTMLElement;
  /** Cancels from outside (a test, a new file). */
  readonly signal?: AbortSignal;
}

/**
 * Reads an .xlsx file into a snapshot in a Web Worker.
 *
 * @throws WorkbookReadError (one sentence) when the file cannot be read, passes a cap, or the user cancels
 */
export function readFileInWorker(file: File, controls: ReadControls): Promise<WorkbookSnapshot> {
  return new Promise<WorkbookSnapshot>((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    const cancel = controls.cancelAfter === undefined ? undefined : document.createElement("button");
    const finish = (): void => {
      worker.terminate();
      cancel?.remove();
      controls.signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(new WorkbookReadError("Reading was cancelled; nothing was kept."));
    };
    if (cancel !== undefined && controls.cancelAfter !== undefined) {
      cancel.type = "button";
      cancel.className = "cancel-read";
      cancel.textContent = "Cancel";
      cancel.setAttribute("aria-label", `Cancel reading ${file.name}`);
      cancel.addEventListener("click", onAbort);
      controls.cancelAfter.after(cancel);
    }
    controls.signal?.addEventListener("abort", onAbort);
    controls.status(`Reading ${file.name}…`);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.kind === "progress") {
        controls.status(`Reading ${file.name}… ${Math.floor(reply.fraction * 100)}%`);
        return;
      }
      finish();
      if (reply.kind === "done") resolve(reply.snapshot);
      else reject(reply.readError ? new WorkbookReadError(reply.message) : new Error(reply.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      // A worker that dies (out of memory, a script that failed to load) stops with one sentence.
      reject(new WorkbookReadError("The file could not be read: the reader stopped before it finished."));
    };
    worker.postMessage({ file });
  });
}
