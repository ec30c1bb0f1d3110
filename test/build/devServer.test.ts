/**
 * `npm start` serves dist/ on https://localhost:3000. Office loads an add-in only from an origin whose
 * certificate it trusts, so the development server presents the certificate that
 * `npx office-addin-dev-certs install` creates and trusts (~/.office-addin-dev-certs), when it is there.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the os module itself (a namespace import's properties cannot be spied on)
const osModule = require("os") as typeof os;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's own CommonJS config
const config = require("../../webpack.config.js") as (env: unknown, argv: { mode: string }) => { devServer: { port: number; server: unknown } };

function withHome<T>(home: string, fn: () => T): T {
  const spy = jest.spyOn(osModule, "homedir").mockReturnValue(home);
  try {
    return fn();
  } finally {
    spy.mockRestore();
  }
}

describe("the development server", () => {
  it("serves https on port 3000 with the trusted localhost certificate of office-addin-dev-certs", () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-home-"));
    const certs = path.join(home, ".office-addin-dev-certs");
    fs.mkdirSync(certs);
    for (const file of ["localhost.key", "localhost.crt", "ca.crt"]) fs.writeFileSync(path.join(certs, file), file);
    const { devServer } = withHome(home, () => config({}, { mode: "development" }));
    expect(devServer.port).toBe(3000);
    expect(devServer.server).toEqual({
      type: "https",
      options: { key: path.join(certs, "localhost.key"), cert: path.join(certs, "localhost.crt"), ca: path.join(certs, "ca.crt") },
    });
  });

  it("never writes a development build into dist/ (npm start serves it from memory) [issue 12, item 8]", () => {
    const dev = config({}, { mode: "development" }) as unknown as { output: { path: string }; devServer: { static: unknown; devMiddleware: { writeToDisk: boolean } } };
    expect(dev.output.path).not.toBe(path.resolve(__dirname, "../../dist"));
    expect(dev.devServer.static).toBe(false);
    expect(dev.devServer.devMiddleware.writeToDisk).toBe(false);
    const production = config({}, { mode: "production" }) as unknown as { output: { path: string } };
    expect(production.output.path).toBe(path.resolve(__dirname, "../../dist"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json's scripts
    const scripts = (require("../../package.json") as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).not.toMatch(/webpack --mode development &&/);
    expect(scripts.stop).toBe("node scripts/sideload.js --remove manifest.xml");
    // No POSIX-only syntax (VAR=x cmd, &&-free env tricks) that Windows' shell cannot run.
    for (const [name, script] of Object.entries(scripts)) expect([name, /(^|\s)[A-Z_]+=\S+\s/.test(script)]).toEqual([name, false]);
  });

  it("falls back to a certificate of its own when office-addin-dev-certs has not been installed", () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-home-"));
    expect(withHome(home, () => config({}, { mode: "development" })).devServer.server).toBe("https");
  });
});
