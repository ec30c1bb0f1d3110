/**
 * The pane's two insert buttons, with stand-ins for the page and for Excel: shown in Excel, each
 * runs its insert through the pane's exclusive runner and shows the result; a refusal is shown as
 * it is, and the button is usable again afterwards.
 */
import { INSERT_ACTIONS, setUpInsertActions } from "../../taskpane/insertActions";
import type { InsertResult } from "../../src/workbook/insertModel";
import { insertModel } from "../../src/workbook/insertModel";
import { emptyState, fakeContext, FakeState } from "../support/fakeExcel";

type Global = { document?: unknown; HTMLButtonElement?: unknown };
const g = globalThis as Global;

class FakeButton {
  hidden = true;
  disabled = false;
  private listener?: () => void;
  addEventListener(_type: string, listener: () => void): void {
    this.listener = listener;
  }
  click(): void {
    this.listener?.();
  }
}

let buttons: Record<string, FakeButton>;

beforeEach(() => {
  buttons = { "insert-dashboard": new FakeButton(), "insert-certificate": new FakeButton() };
  g.HTMLButtonElement = FakeButton;
  g.document = { getElementById: (id: string) => buttons[id] ?? null };
});

afterEach(() => {
  delete g.document;
  delete g.HTMLButtonElement;
});

async function clickAndWait(state: FakeState, id: string): Promise<{ shown: InsertResult[]; runs: string[] }> {
  const shown: InsertResult[] = [];
  const runs: string[] = [];
  let pending: Promise<void> = Promise.resolve();
  setUpInsertActions(
    {
      run: (progress, _what, action) => {
        runs.push(progress);
        pending = action();
        return pending;
      },
      show: (r) => shown.push(r),
    },
    (batch) => batch(fakeContext(state).context),
  );
  buttons[id].click();
  await pending;
  return { shown, runs };
}

describe("the pane's insert buttons", () => {
  it("shows both buttons, labelled in the page, when set up in Excel [layout]", () => {
    setUpInsertActions({ run: () => Promise.resolve(), show: () => undefined }, () => Promise.reject(new Error("not called")));
    expect(INSERT_ACTIONS.map((a) => [a.id, buttons[a.id].hidden])).toEqual([
      ["insert-dashboard", false],
      ["insert-certificate", false],
    ]);
  });

  it.each([
    ["insert-dashboard", "Inserting the dashboard…", "KAISER Dashboard"],
    ["insert-certificate", "Inserting the Borrowing Base Certificate…", "Borrowing Base Certificate"],
  ])("%s adds its sheet to a workbook holding the model and shows what it added [1.1(f)]", async (id, progress, sheet) => {
    const state = emptyState();
    await insertModel(fakeContext(state).context);
    const { shown, runs } = await clickAndWait(state, id);
    expect(runs).toEqual([progress]);
    expect(shown).toHaveLength(1);
    expect(shown[0].inserted).toBe(true);
    expect(shown[0].message).toContain(`Added the sheet "${sheet}"`);
    expect(state.sheets.map((s) => s.name)).toContain(sheet);
    expect(buttons[id].disabled).toBe(false);
  });

  it("shows the refusal for a workbook without the model, naming the first missing input [layout]", async () => {
    const state = emptyState();
    const { shown } = await clickAndWait(state, "insert-certificate");
    expect(shown).toEqual([
      { inserted: false, message: "Nothing was changed: the Borrowing Base Certificate needs the name AsOfDate, which the workbook does not have. Insert model adds a model with every input, or press Validate to see what is missing." },
    ]);
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
