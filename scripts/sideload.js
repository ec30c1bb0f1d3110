#!/usr/bin/env node
/**
 * Sideloads manifest.xml into desktop Excel where Excel is installed, without any package:
 * - Windows: registers the manifest under HKCU\Software\Microsoft\Office\16.0\WEF\Developer;
 * - macOS: copies it into Excel's wef folder;
 * - elsewhere (Linux, CI): says how to use Excel on the web instead, and carries on.
 * With --remove (`npm stop`) it undoes exactly that: deletes the registry value or the copied file.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const remove = process.argv.includes("--remove");
const manifest = path.resolve(process.argv.slice(2).find((a) => a !== "--remove") || "manifest.xml");
const id = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(manifest, "utf8"))[1];
const wefMac = path.join(os.homedir(), "Library/Containers/com.microsoft.Excel/Data/Documents/wef");

if (remove) {
  if (process.platform === "win32") {
    try {
      execFileSync("reg", ["delete", "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer", "/v", id, "/f"], { stdio: "inherit" });
      console.log("Removed the sideloaded add-in. Restart Excel.");
    } catch {
      console.log("The add-in was not sideloaded (no registry value to remove).");
    }
  } else if (process.platform === "darwin") {
    fs.rmSync(path.join(wefMac, `${id}.manifest.xml`), { force: true });
    console.log("Removed the sideloaded add-in. Restart Excel.");
  } else {
    console.log("Nothing was sideloaded here. In Excel on the web, remove the add-in from Home > Add-ins > My Add-ins.");
  }
} else if (process.platform === "win32") {
  execFileSync("reg", ["add", "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer", "/v", id, "/t", "REG_SZ", "/d", manifest, "/f"], { stdio: "inherit" });
  console.log(`Sideloaded ${manifest}. Start Excel: the Home tab shows "Amendment Checks".`);
} else if (process.platform === "darwin") {
  fs.mkdirSync(wefMac, { recursive: true });
  fs.copyFileSync(manifest, path.join(wefMac, `${id}.manifest.xml`));
  console.log(`Sideloaded into ${wefMac}. Restart Excel: the Home tab shows "Amendment Checks".`);
} else {
  console.log("Desktop Excel is not available on this system. Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, and choose manifest.xml.");
  console.log("Without Excel: open https://localhost:3000/taskpane.html in a browser to validate an .xlsx file, or use `npx kaiser-check <file.xlsx>`.");
}
