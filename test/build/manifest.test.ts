/**
 * The manifest, checked offline (office-addin-manifest's online validator cannot be reached here):
 * parsed with xml2js and tested for what the add-in must declare.
 */
import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";

const manifestPath = path.resolve(__dirname, "../../manifest.xml");
const ORIGIN = "https://localhost:3000";

/* eslint-disable @typescript-eslint/no-explicit-any -- xml2js gives untyped trees */
async function tree(): Promise<any> {
  return parseStringPromise(fs.readFileSync(manifestPath, "utf8"));
}

function resources(root: any): Map<string, string> {
  const res = root.OfficeApp.VersionOverrides[0].Resources[0];
  const map = new Map<string, string>();
  for (const group of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
    const items = res[group]?.[0]?.[group === "bt:Images" ? "bt:Image" : group === "bt:Urls" ? "bt:Url" : "bt:String"] ?? [];
    for (const item of items) map.set(item.$.id, item.$.DefaultValue);
  }
  return map;
}

describe("manifest.xml", () => {
  it("is an Excel task pane add-in with a stable id, its name and ReadWriteDocument permission", async () => {
    const app = (await tree()).OfficeApp;
    expect(app.Id[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app.$["xsi:type"]).toBe("TaskPaneApp");
    expect(app.Hosts[0].Host.map((h: any) => h.$.Name)).toEqual(["Workbook"]);
    expect(app.Permissions[0]).toBe("ReadWriteDocument");
    expect(app.DisplayName[0].$.DefaultValue).toBe("Kaiser Seventh Amendment");
    expect(app.DefaultSettings[0].SourceLocation[0].$.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
    expect(app.AppDomains[0].AppDomain).toEqual([ORIGIN]);
  });

  it("declares the custom functions extension point with the KAISER namespace and the built files", async () => {
    const root = await tree();
    const host = root.OfficeApp.VersionOverrides[0].Hosts[0].Host[0];
    const cf = host.AllFormFactors[0].ExtensionPoint.find((e: any) => e.$["xsi:type"] === "CustomFunctions");
    const res = resources(root);
    expect(res.get(cf.Namespace[0].$.resid)).toBe("KAISER");
    expect(res.get(cf.Script[0].SourceLocation[0].$.resid)).toBe(`${ORIGIN}/functions.js`);
    expect(res.get(cf.Metadata[0].SourceLocation[0].$.resid)).toBe(`${ORIGIN}/functions.json`);
    expect(res.get(cf.Page[0].SourceLocation[0].$.resid)).toBe(`${ORIGIN}/taskpane.html`);
  });

  it("runs the pane and the functions in one shared runtime", async () => {
    const root = await tree();
    const sets = root.OfficeApp.Requirements[0].Sets[0].Set.map((s: any) => s.$.Name);
    expect(sets).toContain("SharedRuntime");
    const host = root.OfficeApp.VersionOverrides[0].Hosts[0].Host[0];
    const runtime = host.Runtimes[0].Runtime[0].$;
    expect(runtime.lifetime).toBe("long");
    const cf = host.AllFormFactors[0].ExtensionPoint.find((e: any) => e.$["xsi:type"] === "CustomFunctions");
    expect(cf.Page[0].SourceLocation[0].$.resid).toBe(runtime.resid);
  });

  it("has a ribbon button that opens the task pane in the shared runtime", async () => {
    const root = await tree();
    const host = root.OfficeApp.VersionOverrides[0].Hosts[0].Host[0];
    const surface = host.DesktopFormFactor[0].ExtensionPoint.find((e: any) => e.$["xsi:type"] === "PrimaryCommandSurface");
    const control = surface.OfficeTab[0].Group[0].Control[0];
    expect(control.$["xsi:type"]).toBe("Button");
    const action = control.Action[0];
    expect(action.$["xsi:type"]).toBe("ShowTaskpane");
    expect(action.SourceLocation[0].$.resid).toBe(host.Runtimes[0].Runtime[0].$.resid);
  });

  it("points every URL at the development origin, and every icon at a file the build copies", async () => {
    const root = await tree();
    for (const [id, value] of resources(root)) {
      if (/^https?:/.test(value)) {
        expect(`${id} ${value}`).toMatch(new RegExp(`^${id} ${ORIGIN}/`));
        // Every file the manifest names is one the production build writes into dist/.
        expect(fs.existsSync(path.resolve(__dirname, "../../dist", value.slice(ORIGIN.length + 1)))).toBe(true);
      }
    }
  });
});

describe("manifest.xml's requirement sets (issue 12, item 5)", () => {
  it("declares SharedRuntime 1.1 and ExcelApi 1.8 for the add-in, CustomFunctionsRuntime 1.2 for the functions, the sets the pane checks at start", async () => {
    const root = await tree();
    const base = root.OfficeApp.Requirements[0].Sets[0].Set.map((s: any) => `${s.$.Name} ${s.$.MinVersion}`);
    expect(base).toEqual(["SharedRuntime 1.1", "ExcelApi 1.8"]);
    const overrides = root.OfficeApp.VersionOverrides[0].Requirements[0]["bt:Sets"][0]["bt:Set"].map((s: any) => `${s.$.Name} ${s.$.MinVersion}`);
    expect(overrides).toEqual(["CustomFunctionsRuntime 1.2"]);
    const { REQUIREMENT_SETS } = await import("../../taskpane/office");
    const checked = REQUIREMENT_SETS.map(([n, v]) => `${n} ${v}`);
    expect(checked).toEqual(expect.arrayContaining(["ExcelApi 1.8", "CustomFunctionsRuntime 1.2"]));
  });
});
