#!/usr/bin/env node
/**
 * Sideloads manifest.xml into desktop Excel where Excel is installed, without any package:
 * - Windows: registers the manifest under HKCU\Software\Microsoft\Office\16.0\WEF\Developer;
 * - macOS: copies it into Excel's wef folder;
 * - elsewhere (Linux, CI): says how to use Excel on the web instead, and carries on.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const manifest = path.resolve(process.argv[2] || "manifest.xml");
const id = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(manifest, "utf8"))[1];

if (process.platform === "win32") {
  execFileSync("reg", ["add", "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer", "/v", id, "/t", "REG_SZ", "/d", manifest, "/f"], { stdio: "inherit" });
  console.log(`Sideloaded ${manifest}. Start Excel: the Home tab shows "Amendment Checks".`);
} else if (process.platform === "darwin") {
  const wef = path.join(os.homedir(), "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
  fs.mkdirSync(wef, { recursive: true });
  fs.copyFileSync(manifest, path.join(wef, `${id}.manifest.xml`));
  console.log(`Sideloaded into ${wef}. Restart Excel: the Home tab shows "Amendment Checks".`);
} else {
  console.log("Desktop Excel is not available on this system. Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, and choose manifest.xml.");
  console.log("Without Excel: open https://localhost:3000/taskpane.html in a browser to validate an .xlsx file, or use `npx kaiser-check <file.xlsx>`.");
}
