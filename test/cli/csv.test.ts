/** The scenarios file as Excel saves it: encodings, delimiters, and the fields of each row. */
import { CsvError, decodeCsv, detectDelimiter, parseCsv } from "../../src/cli/csv";
import { parseScenarios } from "../../src/cli/scenarios";
import { serial } from "../../src/engine/dates";

/** Windows-1252 bytes of a text whose only non-ASCII characters are listed here (as Excel's "CSV (Comma delimited)" writes them). */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { "–": 0x96, "€": 0x80, ä: 0xe4, ö: 0xf6, ü: 0xfc, é: 0xe9 };
  return Uint8Array.from([...text].map((ch) => high[ch] ?? ch.charCodeAt(0)));
}
const utf8 = (text: string, bom = false): Uint8Array => Uint8Array.from([...(bom ? [0xef, 0xbb, 0xbf] : []), ...Buffer.from(text, "utf8")]);
const utf16le = (text: string): Uint8Array => Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);

/** The same three scenarios, as Excel writes them in each locale and format ("Save As"). */
const EN_US = 'Scenario,EligibleInventory,NetRecoveryPercentage,AsOfDate\r\nSensitivity – low inventory,"$100,000,000",72%,10/31/2004\r\nCafé,"150,000,000",,11/30/2004\r\n';
const DE_DE = "Scenario;EligibleInventory;NetRecoveryPercentage;AsOfDate\r\nSensitivität – Lagerbestand;100.000.000;72 %;31.10.2004\r\nBewertung;150.000.000,50;0,725;30.11.2004\r\n";
const UNICODE_TEXT = "Scenario\tEligibleInventory\tNetRecoveryPercentage\tAsOfDate\r\nSensitivity – low inventory\t$100,000,000\t72%\t10/31/2004\r\nCafé\t150,000,000\t\t11/30/2004\r\n";

describe("decodeCsv: the encodings Excel saves [CLI]", () => {
  it.each([
    ["UTF-8 without a byte-order mark", utf8(EN_US), "UTF-8"],
    ["CSV UTF-8 (with a byte-order mark)", utf8(EN_US, true), "UTF-8 with BOM"],
    ["Unicode Text (UTF-16 LE)", utf16le(EN_US), "UTF-16 LE"],
    ["CSV (Comma delimited), Windows-1252", cp1252(EN_US), "Windows-1252"],
  ])("reads %s [CLI]", (_what, bytes, encoding) => {
    expect(decodeCsv(bytes)).toEqual({ text: EN_US, encoding });
  });

  it("maps Windows-1252's 0x80..0x9F to their characters (€, en dash, curly quotes) [CLI]", () => {
    expect(decodeCsv(Uint8Array.from([0x80, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94])).text).toBe("€ – “x”");
  });

  it("refuses a UTF-16 file cut short, and one with a UTF-8 mark that is not UTF-8 [CLI]", () => {
    expect(() => decodeCsv(Uint8Array.from([0xff, 0xfe, 0x41]))).toThrow(CsvError);
    expect(() => decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, 0xe4]))).toThrow("not valid UTF-8");
  });
});

describe("detectDelimiter and parseCsv [CLI]", () => {
  it.each([
    [EN_US, ","],
    [DE_DE, ";"],
    [UNICODE_TEXT, "\t"],
    ["EligibleInventory\n1\n", ","],
    ['"a;b",c\n', ","],
  ])("finds the delimiter of %j as %j [CLI]", (text, delimiter) => {
    expect(detectDelimiter(text).delimiter).toBe(delimiter);
  });

  it("honours Excel's sep= first line, and counts lines from it [CLI]", () => {
    const rows = parseCsv("sep=;\r\nScenario;EligibleInventory\r\nx;1,5\r\n");
    expect(rows).toEqual([
      { line: 2, fields: ["Scenario", "EligibleInventory"] },
      { line: 3, fields: ["x", "1,5"] },
    ]);
    expect(() => parseCsv("sep=|\na|b\n")).toThrow("not a comma, semicolon or tab");
  });

  it("splits semicolon and tab files, quotes kept whole [CLI]", () => {
    expect(parseCsv(DE_DE)[1].fields).toEqual(["Sensitivität – Lagerbestand", "100.000.000", "72 %", "31.10.2004"]);
    expect(parseCsv('a\tb\n"x\ty"\tz\n')[1].fields).toEqual(["x\ty", "z"]);
  });
});

describe("parseScenarios over files as Excel writes them [CLI]", () => {
  const expected = [
    {
      name: "Sensitivity – low inventory",
      line: 2,
      overrides: [
        { name: "EligibleInventory", value: 100000000 },
        { name: "NetRecoveryPercentage", value: 0.72 },
        { name: "AsOfDate", value: serial(2004, 10, 31) },
      ],
    },
    {
      name: "Café",
      line: 3,
      overrides: [
        { name: "EligibleInventory", value: 150000000 },
        { name: "AsOfDate", value: serial(2004, 11, 30) },
      ],
    },
  ];

  it.each([
    ["en-US CSV (Comma delimited), Windows-1252", cp1252(EN_US)],
    ["en-US CSV UTF-8", utf8(EN_US, true)],
    ["en-US Unicode Text", utf16le(UNICODE_TEXT)],
  ])("reads %s [CLI]", (_what, bytes) => {
    expect(parseScenarios(decodeCsv(bytes).text)).toEqual(expected);
  });

  it("reads de-DE CSV (semicolon, decimal comma, day-first dates with --date-order dmy) [CLI]", () => {
    const scenarios = parseScenarios(decodeCsv(cp1252(DE_DE)).text, { dateOrder: "dmy" });
    expect(scenarios.map((s) => [s.name, s.overrides.map((o) => o.value)])).toEqual([
      ["Sensitivität – Lagerbestand", [100000000, 0.72, serial(2004, 10, 31)]],
      ["Bewertung", [150000000.5, 0.725, serial(2004, 11, 30)]],
    ]);
  });

  it("reads de-DE Unicode Text (tab) with --decimal comma [CLI]", () => {
    const text = "Scenario\tEligibleInventory\tNetRecoveryPercentage\r\nx\t150.000.000,50\t0,725\r\n";
    expect(parseScenarios(decodeCsv(utf16le(text)).text, { decimal: "," })[0].overrides.map((o) => o.value)).toEqual([150000000.5, 0.725]);
  });

  it.each([
    ["a de-DE file read month first", DE_DE, {}, 'row 2, column AsOfDate: "31.10.2004" is not a date read as month/day/year: there is no month 31; a day-first file needs --date-order dmy'],
    ["an en-US file read day first", EN_US, { dateOrder: "dmy" }, 'row 2, column AsOfDate: "10/31/2004" is not a date read as day/month/year: there is no month 31'],
    ["a day that does not exist", "AsOfDate\n2/30/2005\n", {}, 'row 2, column AsOfDate: "2/30/2005" is not a date read as month/day/year: 2005-02 has no day 30'],
    ["a point decimal in a semicolon file", "Scenario;NetRecoveryPercentage\nx;0.72\n", {}, 'row 2, column NetRecoveryPercentage: "0.72" is not a fraction (0,72) or a percentage (72 %); this file\'s decimal mark is "," (--decimal point reads ".")'],
    ["text for an amount", "Scenario,EligibleInventory\nx,lots\n", {}, 'row 2, column EligibleInventory: "lots" is not a number in US dollars'],
  ] as const)("names row, column and value for %s [CLI]", (_what, text, options, message) => {
    expect(() => parseScenarios(text, options)).toThrow(CsvError);
    expect(() => parseScenarios(text, options)).toThrow(message);
  });
});
