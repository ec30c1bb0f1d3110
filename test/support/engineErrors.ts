/** Test helpers for engine errors. */
import { EngineError, ErrorKind } from "../../src/engine/errors";

/** The kind of the EngineError `f` throws ("value", "num", "na"), "not an EngineError" for anything else, or undefined when it returns. */
export function kindOf(f: () => unknown): ErrorKind | "not an EngineError" | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof EngineError ? e.kind : "not an EngineError";
  }
  return undefined;
}

/** The EngineError `f` throws; fails the test when it returns or throws something else. */
export function engineErrorOf(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw new Error(`expected an EngineError, got ${String(e)}`);
  }
  throw new Error("expected an error");
}
