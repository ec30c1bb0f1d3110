/**
 * Builds once before every test file runs: dist/ (webpack production build: functions.js,
 * functions.json, taskpane.html) and build/ (tsc: the CLI, scripts and benches). Tests that need
 * the built add-in or the CLI read these; none builds on its own, so parallel workers never race
 * on dist/. Set KAISER_SKIP_BUILD=1 to reuse an existing build while iterating on one test file.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

module.exports = async () => {
  if (process.env.KAISER_SKIP_BUILD === "1") return;
  const root = path.resolve(__dirname, "..");
  const bin = (name) => path.join(root, "node_modules", ".bin", name);
  execFileSync(bin("webpack"), ["--mode", "production"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  // tsc never removes the output of a deleted source: a stale build/src/review/recalc.js would shadow
  // recalc/index.js for every require("../review/recalc"), so build/ starts empty.
  fs.rmSync(path.join(root, "build"), { recursive: true, force: true });
  execFileSync(bin("tsc"), ["-p", "tsconfig.build.json"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
};
