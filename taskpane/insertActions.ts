/**
 * The pane's Insert dashboard and Insert Borrowing Base Certificate buttons: each adds one sheet
 * (src/workbook/insertDashboard.ts, insertCertificate.ts) and says what it added, or which input
 * of the model is missing. Kept apart from the pane's layout: taskpane.ts gives one hook, `run`
 * (its one-action-at-a-time runner) and `show` (how a result is shown).
 */
import { insertCertificate } from "../src/workbook/insertCertificate";
import { insertDashboard } from "../src/workbook/insertDashboard";
import type { InsertResult } from "../src/workbook/insertModel";
import { byId } from "./dom";

export interface InsertHooks {
  /** Runs an action exclusively, showing `progress` meanwhile and a failure as one line about `what`. */
  readonly run: (progress: string, what: string, action: () => Promise<void>) => Promise<void>;
  /** Shows what the insert did (a notice; the message says what was added or what is missing). */
  readonly show: (result: InsertResult) => void;
}

interface InsertAction {
  /** The button's id in taskpane.html. */
  readonly id: string;
  readonly progress: string;
  readonly what: string;
  readonly insert: (context: Excel.RequestContext) => Promise<InsertResult>;
}

export const INSERT_ACTIONS: readonly InsertAction[] = [
  { id: "insert-dashboard", progress: "Inserting the dashboard…", what: "the dashboard", insert: insertDashboard },
  { id: "insert-certificate", progress: "Inserting the Borrowing Base Certificate…", what: "the Borrowing Base Certificate", insert: insertCertificate },
];

/**
 * Shows the two buttons (Excel only) and wires them.
 *
 * @param hooks - the pane's runner and result display
 * @param excelRun - `Excel.run` (a test passes its own)
 */
export function setUpInsertActions(hooks: InsertHooks, excelRun: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> = (batch) => Excel.run(batch)): void {
  for (const action of INSERT_ACTIONS) {
    const button = byId(action.id, HTMLButtonElement);
    button.hidden = false;
    button.addEventListener("click", () => {
      void hooks.run(action.progress, action.what, async () => {
        button.disabled = true;
        try {
          hooks.show(await excelRun((context) => action.insert(context)));
        } finally {
          button.disabled = false;
        }
      });
    });
  }
}
