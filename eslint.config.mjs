import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import sdl from "@microsoft/eslint-plugin-sdl";
import layers from "./eslint-rules/layers.cjs";

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "examples/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      // Office JS rules: no sync in loops, load before read, no navigational load, no office.js context misuse.
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-office-initialize": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  // Who may import whom (ARCHITECTURE.md): engine <- review <- workbook <- pane and CLI; functions -> engine.
  { files: ["src/**/*.ts", "taskpane/**/*.ts"], plugins: { kaiser: layers }, rules: { "kaiser/layers": "error" } },
  // Secure development lifecycle rules: no unsafe HTML sinks, no eval, no insecure URLs.
  ...sdl.configs.recommended,
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
