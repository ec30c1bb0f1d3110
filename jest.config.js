/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  // The build test runs webpack once; browser and CLI tests need their own time on a 2-core machine.
  testTimeout: 120000,
  globalSetup: "<rootDir>/test/globalSetup.js",
  // office-addin-mock reads only the OfficeApp enum of office-addin-manifest, whose main module pulls
  // in an ES module that jest cannot load under Node 20; the enum's own file is plain CommonJS.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js" },
};
