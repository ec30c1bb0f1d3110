#!/usr/bin/env node
/**
 * `npm run test:tz`: the engine, function, workbook and end-to-end tests again in a time zone west
 * of UTC (America/Los_Angeles), reusing the build of the run before. A Node script rather than
 * `KAISER_SKIP_BUILD=1 TZ=… jest …` in package.json, which Windows' shell cannot run.
 */
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");
const args = process.argv.slice(2);
const result = spawnSync(process.execPath, [jest, ...(args.length > 0 ? args : ["test/engine", "test/functions", "test/workbook", "test/e2e"])], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, KAISER_SKIP_BUILD: "1", TZ: "America/Los_Angeles" },
});
process.exit(result.status === null ? 1 : result.status);
