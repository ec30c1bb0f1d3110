/**
 * The pane's .xlsx reader, in a Web Worker (dist/xlsxWorker.js, its own webpack entry): the file is
 * read and parsed off the page's thread, so the pane stays responsive, shows progress and can
 * cancel (the page terminates the worker). It reads with the same bounded reader as the CLI
 * (src/workbook/xlsxSnapshot.ts: caps per part and in all, CRC-checked parts, no entity expansion)
 * and checks the file's size against the file cap before reading a byte.
 *
 * Messages in: `{ file: File }`. Messages out: `{ kind: "progress", fraction }`, then either
 * `{ kind: "done", snapshot }` or `{ kind: "failed", message, readError }`.
 */
import { DEFAULT_LIMITS, describeBytes } from "../src/workbook/limits";
import { WorkbookReadError } from "../src/workbook/readError";
import { snapshotFromXlsx } from "../src/workbook/xlsxSnapshot";
import type { WorkbookSnapshot } from "../src/review/snapshot";

export type WorkerReply =
  | { readonly kind: "progress"; readonly fraction: number }
  | { readonly kind: "done"; readonly snapshot: WorkbookSnapshot }
  | { readonly kind: "failed"; readonly message: string; readonly readError: boolean };

/** What this file sees of the worker's global scope (the page's DOM types describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<{ file: Blob }>) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = globalThis as unknown as WorkerScope;

async function read(file: Blob): Promise<WorkbookSnapshot> {
  if (file.size > DEFAULT_LIMITS.maxFileBytes) {
    throw new WorkbookReadError(`The file is ${describeBytes(file.size)}, more than the limit of ${describeBytes(DEFAULT_LIMITS.maxFileBytes)} for a workbook; it was not read.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return snapshotFromXlsx(bytes, { onProgress: (fraction) => scope.postMessage({ kind: "progress", fraction }) });
}

scope.onmessage = (event) => {
  read(event.data.file).then(
    (snapshot) => scope.postMessage({ kind: "done", snapshot }),
    (error: unknown) => {
      const readError = error instanceof WorkbookReadError;
      // Only the reader's own sentences are for the user; anything else is a fault of the reader.
      const message = readError ? error.message : `the reader failed (${error instanceof Error ? error.name : "unknown error"})`;
      scope.postMessage({ kind: "failed", message, readError });
    },
  );
};
