/**
 * Runs first in functions.js. Where the page is open without Office (a plain browser, where
 * office.js cannot load), there is no `CustomFunctions` global and the generated
 * `CustomFunctions.associate(...)` calls would throw; a no-op stands in so the page still works.
 */
const g = globalThis as { CustomFunctions?: { associate?: unknown } };
if (typeof g.CustomFunctions === "undefined") {
  g.CustomFunctions = { associate: () => undefined };
}
export {};
