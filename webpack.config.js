/* Builds dist/: functions.js + functions.json (custom functions, metadata generated from JSDoc),
 * the help pages (help/), taskpane.html + taskpane.js (the pane, which in the shared runtime also
 * loads functions.js), and the manifest's assets. `npm start` serves a development build of the same
 * on https://localhost:3000 from memory, leaving dist/ as the production build made it. */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { sources, Compilation } = require("webpack");
const { HelpPagesPlugin } = require("./scripts/helpPages");

/**
 * Every custom-functions file: the .ts files directly in src/functions (helpers live in
 * src/functions/support), in the order the reference and the pane list them: the Borrowing Base
 * first, then the time tests, the covenant, the other documents; any new file after those.
 */
const FUNCTION_ORDER = ["borrowingBase", "fees", "terms", "businessDays", "thresholdEvent", "thresholdStatus", "ppeReduction", "appraisal", "minimumEbitda", "adjustedNetEarnings", "lenders", "baskets", "collateral", "consent", "kbc", "optionGrant", "alpart"];
const rank = (file) => {
  const i = FUNCTION_ORDER.indexOf(path.basename(file, ".ts"));
  return i === -1 ? FUNCTION_ORDER.length : i;
};
const functionFiles = fs
  .readdirSync(path.join(__dirname, "src/functions"))
  .filter((f) => f.endsWith(".ts"))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  .map((f) => `./src/functions/${f}`);

/**
 * Lets error values inside `any` arguments reach the functions (`allowErrorForDataTypeAny`), so
 * an error in one cell of a range gives an error in that element only (CONVENTIONS.md).
 * custom-functions-metadata does not emit this flag itself.
 */
class AllowErrorsInMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AllowErrorsInMetadata", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AllowErrorsInMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const metadata = JSON.parse(asset.source.source().toString());
        const updated = { allowErrorForDataTypeAny: true, ...metadata };
        compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(updated, null, 2)));
      });
    });
  }
}

/**
 * The https setting of the development server. Office loads an add-in only from an origin whose
 * certificate it trusts: `npx office-addin-dev-certs install` creates a localhost certificate and
 * trusts its authority (~/.office-addin-dev-certs), and the server presents that certificate. Without
 * it, webpack-dev-server makes a self-signed one of its own, which browsers and Office distrust.
 */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const options = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  return Object.values(options).every((f) => fs.existsSync(f)) ? { type: "https", options } : "https";
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    target: "web",
    entry: {
      functions: ["./src/functions/support/prelude.ts", ...functionFiles],
      // Shared runtime: the page loads functions.js first, so the pane takes decimal.js and the engine
      // from it (dependOn) instead of bundling them a second time. functions.js still loads alone
      // where the custom functions run without the pane (test/build/build.test.ts proves it).
      taskpane: { import: "./taskpane/taskpane.ts", dependOn: "functions" },
      // The pane's .xlsx reader runs in a Web Worker (taskpane/fileReader.ts starts it): a script of its own.
      xlsxWorker: "./taskpane/xlsxWorker.ts",
    },
    output: {
      // dist/ is what a user hosts: only the production build writes it. A development build (npm start
      // serves it from memory) would go to build/dev, never over dist/.
      path: path.resolve(__dirname, dev ? "build/dev" : "dist"),
      filename: "[name].js",
      // Lazy chunks (the office-js-helpers storage) are named after their webpackChunkName.
      chunkFilename: "[name].chunk.js",
      // Chunks sit beside the page that loads them. Set, not "auto": the webpack runtime now lives in
      // functions.js, which must also run where there is no document to find its own script tag.
      publicPath: "",
      globalObject: "globalThis",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } } }],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new AllowErrorsInMetadataPlugin(),
      // Tooltips of at most 255 characters in functions.json, the full text on dist/help/ pages (helpUrl).
      new HelpPagesPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        // Shared runtime: the pane's page also loads the custom functions, one JavaScript context for both.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "taskpane/taskpane.css", to: "taskpane.css" },
          { from: "taskpane/compat.js", to: "compat.js" },
          { from: "assets", to: "assets" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: httpsServer(),
      headers: { "Access-Control-Allow-Origin": "*" },
      // Everything served is the in-memory development build (functions, pane, help pages, assets, manifest).
      static: false,
      devMiddleware: { writeToDisk: false },
      client: false,
      hot: false,
      liveReload: false,
    },
  };
};
