#!/usr/bin/env node
/* kaiser-check: checks an .xlsx against the Seventh Amendment's layout and recomputes its figures.
 * A thin wrapper around the compiled CLI (build/src/cli/main.js, written by `npm run build`). */
"use strict";
const path = require("path");

const compiled = path.join(__dirname, "..", "build", "src", "cli", "main.js");
let cli;
try {
  cli = require(compiled);
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes(compiled)) {
    process.stderr.write("kaiser-check: the CLI is not built yet; run `npm run build` first\n");
    process.exit(3);
  }
  throw e;
}
cli.run();
