/** The bounded zip reader: entries checked for what a reader must trust, parts inflated within caps and CRC-checked. */
import { zipStored } from "../support/zipRewrite";
import { crc32, inflateBudget, inflateEntry, LimitError, readEntryText, zipEntries } from "../../src/workbook/zip";
import { WorkbookReadError } from "../../src/workbook/readError";
import { deflateRawSync } from "zlib";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("zip entries [layout]", () => {
  it("computes the zip CRC-32 of a known text", () => {
    // The check value of CRC-32 (ISO-HDLC): "123456789" → 0xCBF43926.
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
  });

  it.each([
    ["../../x", /part named "\.\.\/\.\.\/x"/],
    ["/etc/passwd", /part named "\/etc\/passwd"/],
    ["xl\\workbook.xml", /part named "xl\\\\workbook\.xml"/],
    ["xl/\u001b[2J.xml", /part named "xl\/\\u001b\[2J\.xml"/],
  ])("refuses a part named %j", (name, message) => {
    expect(() => zipEntries(zipStored([{ name, data: text("x") }]))).toThrow(message);
  });

  it("refuses two parts of one name, and more entries than the bound", () => {
    expect(() => zipEntries(zipStored([{ name: "a.xml", data: text("1") }, { name: "A.xml", data: text("2") }]))).toThrow(/two parts named "A\.xml"/);
    expect(() => zipEntries(zipStored([{ name: "a", data: text("1") }, { name: "b", data: text("2") }]), 1)).toThrow(/holds 2 parts, more than the limit of 1/);
  });

  it("reads a stored part and refuses one whose CRC-32 or size does not match", async () => {
    const zip = zipStored([{ name: "a.xml", data: text("<a/>") }]);
    expect(await readEntryText(zip, zipEntries(zip)[0])).toBe("<a/>");
    const [entry] = zipEntries(zip);
    await expect(readEntryText(zip, { ...entry, crc32: entry.crc32 ^ 1 })).rejects.toThrow('The part "a.xml" is corrupt: its checksum (CRC-32) does not match its contents.');
    await expect(readEntryText(zip, { ...entry, uncompressedSize: 3 })).rejects.toThrow('The part "a.xml" is corrupt: it inflates to 4 bytes, not the 3 its zip directory says.');
  });

  it("stops a deflated part at the part cap and all parts at the total cap, whatever the directory says", async () => {
    const big = new Uint8Array(4 * 1048576).fill(60);
    const raw = deflateRawSync(big);
    const zip = zipStored([{ name: "p.xml", data: raw }]);
    const [stored] = zipEntries(zip);
    const entry = { ...stored, method: 8, uncompressedSize: 10, crc32: 0 };
    const chunks: number[] = [];
    await expect(inflateEntry(zip, entry, inflateBudget({ maxPartBytes: 1048576, maxTotalBytes: 1 << 30 }), (c) => chunks.push(c.length))).rejects.toThrow(LimitError);
    expect(chunks.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1048576 + 65536);
    const budget = inflateBudget({ maxPartBytes: 1 << 30, maxTotalBytes: 2 * 1048576 });
    budget.used = 1048576;
    await expect(inflateEntry(zip, entry, budget, () => undefined)).rejects.toThrow(/inflate to more than 2 MB in all \(the limit\), reached in the part "p\.xml"/);
  });

  it("reports deflate data cut short as a corrupt part, naming it", async () => {
    const raw = deflateRawSync(new Uint8Array(100000).map((_, i) => i % 251)).subarray(0, 500);
    const zip = zipStored([{ name: "q.xml", data: raw }]);
    const [stored] = zipEntries(zip);
    const error = await inflateEntry(zip, { ...stored, method: 8, uncompressedSize: 100000 }, inflateBudget(), () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as Error).message).toBe('The part "q.xml" is corrupt: its compressed data is invalid or cut short (the file is damaged).');
  });
});
