/**
 * The switchable readings: where counsel and reviewers can reasonably read a clause two ways, the
 * add-in names each reading (the first choice is the one it applies unless told otherwise) and
 * lets a workbook or a formula choose another (Readings R-PPE-C-VALCO, R-PPE-C-GRAMERCY,
 * R-PPE-C-DEFER, R-TE-RECUR, R-TE-DAYS, R-TE-CARRY, R-EBITDA-DAYS-REMAINING, R-COMMITMENTFEE-BASIS,
 * R-AVAILABILITY, R-EXERCISE-BUSINESSDAY, R-AFFILIATE-DAYCOUNT, R-OPTION-RETIREMENT; README,
 * "Readings").
 *
 * A `Readings` value is an argument, never module state: every engine function whose result
 * depends on a switchable reading takes one as its last, optional parameter (absent: the defaults).
 * Ids and choice names never change; new choices are only added.
 */
import { valueError } from "./errors";

export interface ReadingChoice {
  /** Short, upper case: "CASH", "FIXED", "360". */
  readonly name: string;
  /** One line for a reviewer. */
  readonly text: string;
}

export interface SwitchableReading {
  readonly id: string;
  readonly section: string;
  /** The choices, the default first. */
  readonly choices: readonly ReadingChoice[];
}

/** Every switchable reading, in the README's order; each entry's first choice is the default. */
export const SWITCHABLE_READINGS = [
  {
    id: "R-AVAILABILITY",
    section: "1.1(e)",
    choices: [
      { name: "SIGNED", text: "Availability is returned signed: a negative figure is an overadvance." },
      { name: "FLOOR", text: "Availability is never below zero: an overadvance shows as no availability." },
    ],
  },
  {
    id: "R-COMMITMENTFEE-BASIS",
    section: "1.3",
    choices: [
      { name: "360", text: "The commitment fee accrues on actual days over a 360-day year." },
      { name: "365", text: "The commitment fee accrues on actual days over a 365-day year." },
    ],
  },
  {
    id: "R-TE-DAYS",
    section: "1.1(aa)",
    choices: [
      { name: "AFTER", text: "Only Business Days after 2004-08-31 count; earlier days do not start a run." },
      { name: "SPAN", text: "A consecutive run that completes after 2004-08-31 counts its Business Days on or before that date." },
    ],
  },
  {
    id: "R-TE-CARRY",
    section: "1.1(aa)",
    choices: [
      { name: "CARRY", text: "A Business Day missing from the series carries the previous Business Day's outstandings and Threshold." },
      { name: "REPORTED", text: "Only reported days count: a missing Business Day is not above the Threshold and breaks a run." },
    ],
  },
  {
    id: "R-TE-RECUR",
    section: "1.1(aa), 1.1(t)(b)",
    choices: [
      { name: "RESTART", text: "After each Threshold Event both counts start again from zero on the next Business Day." },
      { name: "RUN", text: "An unbroken run above the Threshold is one Threshold Event however long it lasts; counting starts again after the run breaks." },
    ],
  },
  {
    id: "R-PPE-C-DEFER",
    section: "1.1(t)(c)",
    choices: [
      { name: "REDUCED", text: "Clause (c) starts from the first clause (b) reduction that actually reduced the PPE Subcomponent." },
      { name: "FIRSTEVENT", text: "Clause (c) starts from the first Threshold Event, even one the $25,000,000 floor let reduce nothing." },
    ],
  },
  {
    id: "R-PPE-C-VALCO",
    section: "1.1(t)(c)(2)",
    choices: [
      { name: "CASH", text: "The $7,000,000 is reached only as VALCO Proceeds are received in cash." },
      { name: "FIXED", text: "The $7,000,000 applies in full on the consummation of the VALCO disposition (VALCOCLOSING); only the 50% part follows cash." },
    ],
  },
  {
    id: "R-PPE-C-GRAMERCY",
    section: "1.1(t)(c)(1)",
    choices: [
      { name: "CASH", text: "The greater of the KBC Allocable Amount and $3,000,000 is reached only as Gramercy/KJBC Proceeds are received in cash." },
      {
        name: "FIXED",
        text: "The greater of the KBC Allocable Amount and $3,000,000 applies in full on the Gramercy/KJBC disposition (GRAMERCYCLOSING) or a confirmed Subsidiary Plan for KBC (KBCPLAN); only the 50% part follows cash.",
      },
    ],
  },
  {
    id: "R-EBITDA-DAYS-REMAINING",
    section: "9.2.4",
    choices: [
      { name: "EXCLUSIVE", text: "The day of consummation is not a day remaining in the period (period end − date)." },
      { name: "INCLUSIVE", text: "The day of consummation is a day remaining in the period (period end − date + 1)." },
    ],
  },
  {
    id: "R-AFFILIATE-DAYCOUNT",
    section: "10.1.10(l)",
    choices: [
      { name: "365", text: "Deferred Affiliate Loan interest counts actual days over 365." },
      { name: "360", text: "Deferred Affiliate Loan interest counts actual days over 360." },
    ],
  },
  {
    id: "R-EXERCISE-BUSINESSDAY",
    section: "Grant letter ¶4",
    choices: [
      { name: "FED", text: "A business day is a weekday other than a Federal Reserve holiday (and the holidays listed)." },
      { name: "NYSE", text: "A business day is a New York Stock Exchange trading day: Good Friday closed, Columbus and Veterans Day open, special closings." },
    ],
  },
  {
    id: "R-OPTION-RETIREMENT",
    section: "Grant letter ¶5",
    choices: [
      { name: "EARLIER", text: "On retirement options last until the earlier of the third anniversary and the scheduled expiration." },
      { name: "THIRDANNIVERSARY", text: "On retirement options last until the third anniversary of retirement, even past the scheduled expiration." },
    ],
  },
] as const satisfies readonly SwitchableReading[];

type Entry = (typeof SWITCHABLE_READINGS)[number];
export type ReadingId = Entry["id"];
/** The choice names of one reading. */
export type ChoiceOf<I extends ReadingId> = Extract<Entry, { id: I }>["choices"][number]["name"];

/** A choice per reading; a reading left out takes its default (the first choice). */
export type Readings = { readonly [I in ReadingId]?: ChoiceOf<I> };

/** The defaults: every reading at its first choice (an empty object means the same). */
export const DEFAULT_READINGS: Readings = {};

/** Texts longer than this, or more readings than this in one text, are refused (a bound on hostile input). */
export const MAX_READINGS_TEXT = 4000;

export const ReadingMessages = {
  unknownId: (id: string) => `unknown reading "${id}"; the switchable readings are ${SWITCHABLE_READINGS.map((r) => r.id).join(", ")}`,
  unknownChoice: (id: string, choice: string, choices: readonly string[]) => `reading ${id} has no choice "${choice}"; its choices are ${choices.join(", ")}`,
  syntax: (part: string) => `cannot read "${part}" as a reading: write ID=CHOICE, such as R-TE-RECUR=RUN, separated by semicolons`,
  twice: (id: string) => `reading ${id} is chosen twice`,
  tooLong: () => `the readings text is longer than ${MAX_READINGS_TEXT} characters`,
} as const;

/** The registry entry of a reading by id (case-insensitive), or undefined. */
export function switchableReading(id: string): SwitchableReading | undefined {
  const wanted = id.trim().toUpperCase();
  return SWITCHABLE_READINGS.find((r) => r.id === wanted);
}

/** The choice a `Readings` value makes for a reading: its own, else the default. */
export function choiceOf<I extends ReadingId>(readings: Readings | undefined, id: I): ChoiceOf<I> {
  const chosen = readings?.[id];
  if (chosen !== undefined) return chosen as ChoiceOf<I>;
  const entry = SWITCHABLE_READINGS.find((r) => r.id === id) as SwitchableReading;
  return entry.choices[0].name as ChoiceOf<I>;
}

/** The default choice of a reading. */
export function defaultChoice(id: ReadingId): string {
  return (SWITCHABLE_READINGS.find((r) => r.id === id) as SwitchableReading).choices[0].name;
}

/**
 * One reading and choice checked: the id and the choice, upper case, as a `Readings` entry.
 *
 * @throws EngineError (value) naming an unknown id or choice
 */
export function checkReading(id: string, choice: string): [ReadingId, string] {
  const entry = switchableReading(id);
  if (entry === undefined) throw valueError(ReadingMessages.unknownId(id.trim()));
  const name = choice.trim().toUpperCase();
  const names = entry.choices.map((c) => c.name);
  if (!names.includes(name)) throw valueError(ReadingMessages.unknownChoice(entry.id, choice.trim(), names));
  return [entry.id as ReadingId, name];
}

/**
 * Reads texts such as "R-PPE-C-VALCO=FIXED; R-TE-RECUR=RUN" (one or several; blank texts and
 * blank parts are skipped; ids and choices case-insensitive) into a `Readings` value. A reading
 * chosen at its default is kept (it changes nothing).
 *
 * @throws EngineError (value) naming an unknown id or choice, a part not ID=CHOICE, or a reading chosen twice
 * @example parseReadings("R-PPE-C-VALCO=FIXED; R-TE-RECUR=RUN") //=> { "R-PPE-C-VALCO": "FIXED", "R-TE-RECUR": "RUN" }
 */
export function parseReadings(texts: string | readonly string[]): Readings {
  const list = typeof texts === "string" ? [texts] : texts;
  const out: Record<string, string> = {};
  let length = 0;
  for (const text of list) {
    length += text.length;
    if (length > MAX_READINGS_TEXT) throw valueError(ReadingMessages.tooLong());
    for (const raw of text.split(/[;\n,]/)) {
      const part = raw.trim();
      if (part === "") continue;
      const eq = part.indexOf("=");
      if (eq <= 0) throw valueError(ReadingMessages.syntax(part));
      const [id, choice] = checkReading(part.slice(0, eq), part.slice(eq + 1));
      if (out[id] !== undefined) throw valueError(ReadingMessages.twice(id));
      out[id] = choice;
    }
  }
  return out as Readings;
}

/** The readings of a value that are not the default, as "ID=CHOICE" texts in the registry's order. */
export function nonDefaultReadings(readings: Readings | undefined): string[] {
  if (readings === undefined) return [];
  return SWITCHABLE_READINGS.filter((r) => {
    const chosen = readings[r.id];
    return chosen !== undefined && chosen !== r.choices[0].name;
  }).map((r) => `${r.id}=${readings[r.id] as string}`);
}

/** The same readings with one reading set to a choice. */
export function withReading(readings: Readings | undefined, id: ReadingId, choice: string): Readings {
  return { ...(readings ?? {}), [id]: choice } as Readings;
}
