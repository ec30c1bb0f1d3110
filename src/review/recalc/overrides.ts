/** A scenario's inputs: the workbook's inputs with some named cells replaced. */
import { NamedCellName, NAMED_CELLS, OUTPUTS } from "../layout";
import { Kind, kindOf, readCell } from "./inputs";
import type { Located, ModelInputs } from "./types";

/** The field of `ModelInputs` each named cell of the contract fills. */
const INPUT_FIELD: Readonly<Record<NamedCellName, keyof ModelInputs>> = {
  AsOfDate: "asOfDate",
  ReceivablesComponent: "receivablesComponent",
  EligibleInventory: "eligibleInventory",
  NetRecoveryPercentage: "netRecoveryPercentage",
  OLVInPlaceValue: "olvInPlaceValue",
  RevolvingCommitmentAmount: "revolvingCommitmentAmount",
  RevolvingCreditOutstandings: "revolvingCreditOutstandings",
  KBCAllocableAmount: "kbcAllocableAmount",
};

/** The named inputs a scenario may override, by their contract names: every named cell of the contract. */
export const OVERRIDABLE_NAMES: readonly NamedCellName[] = NAMED_CELLS.map((e) => e.name as NamedCellName);

/** Lower-case contract name → the input's field and how the contract types it. */
const OVERRIDABLE: ReadonlyMap<string, [keyof ModelInputs, Kind]> = new Map(
  NAMED_CELLS.map((e) => [e.name.toLowerCase(), [INPUT_FIELD[e.name as NamedCellName], kindOf(e.type) as Kind]]),
);

/**
 * The inputs with some named cells replaced (a scenario), by contract name, case-insensitive:
 * `overrideInputs(inputs, { EligibleInventory: 150000000 })`. A null clears the input (blank).
 * The workbook's own outputs are dropped: they belong to the workbook's inputs, not the scenario's.
 *
 * @throws Error naming the key when it is not one of `OVERRIDABLE_NAMES`.
 */
export function overrideInputs(inputs: ModelInputs, overrides: Readonly<Partial<Record<string, number | null>>>): ModelInputs {
  const result: Record<string, unknown> = { ...inputs, outputs: Object.fromEntries(OUTPUTS.map((o) => [o.name, {}])) };
  for (const [key, raw] of Object.entries(overrides)) {
    if (raw === undefined) continue;
    const target = OVERRIDABLE.get(key.toLowerCase());
    if (target === undefined) throw new Error(`${key} is not a named input that a scenario can set (${OVERRIDABLE_NAMES.join(", ")})`);
    const [field, kind] = target;
    const previous = inputs[field] as Located<unknown>;
    const read = readCell(raw, kind);
    result[field] = read.blank ? { cell: previous.cell } : read.problem !== undefined ? { cell: previous.cell, problem: `${key} ${read.problem}` } : { cell: previous.cell, value: read.value };
  }
  return result as unknown as ModelInputs;
}
