import * as fs from "fs";
import { endSession, loadFile, openPane, Session, startSession } from "../support/paneBrowser";
let session: Session;
beforeAll(async () => { session = await startSession(); }, 300000);
afterAll(() => endSession(session));
it("explores", async () => {
  for (const width of [350, 175]) {
    const pane = await openPane(session, { width });
    await loadFile(pane, "broken-model.xlsx", fs.readFileSync(`examples/broken-model.xlsx`));
    const wide = await pane.page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${(e.textContent ?? "").slice(0, 60)}`).slice(0, 15));
    console.log(width, wide.join("\n"));
    await pane.close();
  }
});
