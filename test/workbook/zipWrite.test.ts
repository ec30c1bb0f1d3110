import * as fs from "fs";
import * as path from "path";
import { crc32 } from "../../src/workbook/zip";
import { readArchive, textEntry, writeArchive } from "../../src/workbook/zipWrite";
import { readEntryText, zipEntries } from "../../src/workbook/zip";

const MODEL = path.resolve(__dirname, "../../examples/amendment-model.xlsx");

describe("the ZIP rewriter", () => {
  it("computes CRC-32 as ZIP does [CLI]", () => {
    // The check value of CRC-32/ISO-HDLC for "123456789".
    expect(crc32(new TextEncoder().encode("123456789")).toString(16)).toBe("cbf43926");
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("copies every entry of a package byte for byte and adds a stored one the reader finds [CLI]", async () => {
    const source = new Uint8Array(fs.readFileSync(MODEL));
    const entries = readArchive(source);
    const added = textEntry("xl/extra.xml", "<x>é</x>");
    const out = writeArchive([...entries, added]);
    const again = readArchive(out);
    expect(again.map((e) => e.name)).toEqual([...entries.map((e) => e.name), "xl/extra.xml"]);
    entries.forEach((e, i) => {
      expect(Buffer.from(again[i].data).equals(Buffer.from(e.data))).toBe(true);
      expect([again[i].crc, again[i].size, again[i].method]).toEqual([e.crc, e.size, e.method]);
    });
    // The add-in's own reader (zip.ts) reads both the copied and the new entries.
    const listed = zipEntries(out);
    expect(await readEntryText(out, listed[listed.length - 1])).toBe("<x>é</x>");
    const workbook = listed.find((e) => e.name === "xl/workbook.xml");
    expect(await readEntryText(out, workbook as never)).toContain("<definedNames>");
  });

  it.each([
    ["no central directory", new Uint8Array(100), "no ZIP central directory"],
    ["a truncated archive", new Uint8Array(fs.readFileSync(MODEL)).subarray(0, 2000), "no ZIP central directory"],
  ])("refuses %s with a clear error [CLI]", (_what, bytes, message) => {
    expect(() => readArchive(bytes)).toThrow(message);
  });
});
