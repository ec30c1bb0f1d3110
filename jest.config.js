/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  // The build test runs webpack once; browser and CLI tests need their own time on a 2-core machine.
  testTimeout: 120000,
  globalSetup: "<rootDir>/test/globalSetup.js",
};
