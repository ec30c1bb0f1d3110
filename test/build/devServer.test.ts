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

  it("falls back to a certificate of its own when office-addin-dev-certs has not been installed", () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-home-"));
    expect(withHome(home, () => config({}, { mode: "development" })).devServer.server).toBe("https");
  });
});
