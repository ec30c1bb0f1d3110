/**
 * Microsoft's own custom-functions runtime, run offline (RUNTIME.md): the unmodified
 * `@microsoft/office-js` `dist/custom-functions-runtime.js` in a Node `vm` context with an emulated
 * Excel host on the other side of its native bridge, and the add-in's built `dist/functions.js`
 * loaded after it, as Excel loads them.
 *
 * The host side does what Excel does before and after calling: answers the runtime's start-up
 * sync, sends invocations as `[invocationId, functionId, parameterValues, address, flags]` (a matrix
 * parameter as a 2-D array, an omitted argument as `null`, the list padded to the declared count,
 * error cells under the error-input flag), answers every sync with status 200, and decodes the
 * `SetInvocationArrayResults` the runtime sends back into what a cell would show.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

const root = path.resolve(__dirname, "../..");
export const OFFICE_DIST = path.join(root, "node_modules/@microsoft/office-js/dist");
const HOSTED = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/** Invocation flags (RUNTIME.md): 4 lets error values reach the function as inputs. */
export const ERRORS_ALLOWED = 4;

/** Wire error codes of a failed result (RUNTIME.md): 0, 2, 3 and 4 are generic failures Excel shows as #VALUE!. */
const WIRE_CODES: Record<number, string> = { 1: "#N/A", 5: "#DIV/0!", 6: "#NUM!", 7: "#VALUE!", 8: "#NULL!" };

/** What one cell shows: a value, or an error with the message Excel shows (only #VALUE! and #N/A keep one). */
export type Shown = number | string | boolean | null | { error: string; message?: string };

export interface Outcome {
  /** The cells of a successful result (a scalar result is one cell). */
  readonly cells?: Shown[][];
  /** A failed result (a thrown or rejected error): its code and message. */
  readonly failure?: { code: string; message: string };
  /** Characters of the `SetInvocationArrayResults` argument this result travelled in (shared with its batch). */
  readonly messageCharacters: number;
  /** The function's duration as the runtime reports it, in milliseconds. */
  readonly durationMs?: number;
}

interface ParameterMetadata {
  name: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  parameters: ParameterMetadata[];
}

/** An argument as a formula writes it: a value, a 2-D range, an error cell, or omitted. */
export type Argument = unknown;

/** An error cell in a range or as an argument, as Excel sends it under the error-input flag. */
export function errorInput(code: string): { type: string; code: string } {
  return { type: "CustomFunctionError", code };
}

export interface Runtime {
  readonly metadata: FunctionMetadata[];
  /** Calls one function as Excel would for `=KAISER.NAME(args…)`: the name is resolved case-insensitively. */
  call(name: string, ...args: Argument[]): Promise<Outcome>;
  /** Sends several invocations in one host message (as Excel batches a recalculation) and waits for all. */
  callMany(calls: readonly { name: string; args: Argument[]; flags?: number }[]): Promise<Outcome[]>;
  /** Every text the runtime sent to the host. */
  readonly sent: readonly string[];
  /** Clears the runtime's pending timers (its telemetry and retry loops), so the test process can exit. */
  close(): void;
}

interface ScriptElement {
  src?: string;
  id?: string;
  type?: string;
  readyState?: string;
  onload?: (() => void) | null;
  onerror?: (() => void) | null;
  onreadystatechange?: (() => void) | null;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
}

function scriptElement(src?: string): ScriptElement {
  const attributes: Record<string, string> = {};
  const element: ScriptElement = {
    src,
    setAttribute(name, value) {
      attributes[name] = value;
      if (name === "src") element.src = value;
    },
    getAttribute(name) {
      return attributes[name] ?? null;
    },
  };
  return element;
}

type Pending = { resolve: (o: Outcome) => void };

/** Starts the runtime, waits for its start-up handshake, and loads dist/functions.js. */
export async function startRuntime(options: { requirementSets?: Record<string, string> } = {}): Promise<Runtime> {
  const metadata = (JSON.parse(fs.readFileSync(path.join(root, "dist/functions.json"), "utf8")) as { functions: FunctionMetadata[] }).functions;
  const byName = new Map(metadata.map((f) => [f.name.toUpperCase(), f]));
  const sent: string[] = [];
  const pending = new Map<number, Pending>();
  let nextInvocation = 1;
  let handshake: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (handshake = resolve));

  const runtimeTag = scriptElement(`${HOSTED}custom-functions-runtime.js`);
  const loaded: ScriptElement[] = [];
  const load = (element: ScriptElement): void => {
    const rel = (element.src ?? "").slice(HOSTED.length);
    const file = path.join(OFFICE_DIST, rel);
    if (!(element.src ?? "").startsWith(HOSTED) || !fs.existsSync(file)) {
      element.onerror?.();
      return;
    }
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: rel });
    element.readyState = "loaded";
    element.onload?.();
    element.onreadystatechange?.();
  };
  const head = {
    appendChild(element: ScriptElement) {
      loaded.push(element);
      setTimeout(() => load(element), 0);
      return element;
    },
  };
  const document = {
    readyState: "complete",
    title: "",
    referrer: "",
    cookie: "",
    hasFocus: () => true,
    getElementsByTagName: (tag: string) => (tag.toLowerCase() === "script" ? [runtimeTag, ...loaded] : tag.toLowerCase() === "head" ? [head] : []),
    createElement: () => scriptElement(),
    addEventListener: () => undefined,
    querySelector: () => null,
    head,
  };
  const requirementSets = options.requirementSets ?? { CustomFunctions: "1.9", CustomFunctionsRuntime: "1.4", ExcelApi: "1.12", SharedRuntime: "1.1" };
  const controlContext = {
    GetAppType: () => 1, // OSF.AppName.Excel
    GetSolutionRef: () => "kaiser",
    GetAppVersionMajor: () => 16,
    GetAppVersionMinor: () => 1,
    GetAppUILocale: () => "en-us",
    GetAppDataLocale: () => "en-us",
    GetDocUrl: () => "",
    GetAppCapabilities: () => 1,
    GetActivationMode: () => 0,
    GetControlIntegrationLevel: () => 0,
    GetSolutionToken: () => "",
    GetCorrelationId: () => "kaiser-test",
    GetInstanceId: () => "kaiser-test",
    GetHostFullVersion: () => "16.0.18000.20000",
    GetSupportedMatrix: () => JSON.stringify(requirementSets),
  };
  const bridge: { sendMessageToHost: (text: string) => void; onMessageFromHost?: (text: string) => void } = {
    sendMessageToHost: (text) => {
      sent.push(text);
      setTimeout(() => answer(text), 0);
    },
  };
  const storage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
  // The runtime's timers, tracked so that close() can clear them.
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const intervals = new Set<ReturnType<typeof setInterval>>();
  const timeout = (fn: () => void, ms?: number): ReturnType<typeof setTimeout> => {
    const handle = setTimeout(() => {
      timers.delete(handle);
      fn();
    }, ms);
    timers.add(handle);
    return handle;
  };
  const interval = (fn: () => void, ms?: number): ReturnType<typeof setInterval> => {
    const handle = setInterval(fn, ms);
    intervals.add(handle);
    return handle;
  };
  const context = vm.createContext({
    document,
    navigator: { userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Excel/16.0" },
    location: { href: "https://localhost:3000/taskpane.html", protocol: "https:", hostname: "localhost", host: "localhost:3000", origin: "https://localhost:3000", search: "", hash: "" },
    history: {},
    name: "",
    external: { GetHostInfo: () => "excel|win32|16.01|en-us|kaiser-test|||2", GetContext: () => controlContext },
    _richApiNativeBridge: bridge,
    sessionStorage: storage,
    localStorage: storage,
    performance,
    setTimeout: timeout,
    clearTimeout: (h: ReturnType<typeof setTimeout>) => {
      timers.delete(h);
      clearTimeout(h);
    },
    setInterval: interval,
    clearInterval: (h: ReturnType<typeof setInterval>) => {
      intervals.delete(h);
      clearInterval(h);
    },
    console: { log: () => undefined, warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  });
  vm.runInContext("window = this; self = this; top = this; parent = this;", context);

  /** The host: answers every request with 200; takes the results out of SetInvocationArrayResults. */
  function answer(text: string): void {
    const request = JSON.parse(text) as { id: number; message?: { body?: { Actions?: { Id: number; ActionType: number; Name: string; ArgumentInfo?: { Arguments?: unknown[] } }[] } } };
    const actions = request.message?.body?.Actions ?? [];
    const results: { ActionId: number; Value: unknown }[] = [];
    for (const action of actions) {
      if (action.ActionType !== 3) continue;
      if (action.Name === "_GetEnabledFeatures") results.push({ ActionId: action.Id, Value: [] });
      else results.push({ ActionId: action.Id, Value: null });
      if (action.Name === "_SetOsfControlContainerReadyForCustomFunctions") setTimeout(handshake, 0);
      if (action.Name === "SetInvocationArrayResults") {
        const argument = (action.ArgumentInfo?.Arguments ?? [])[0] as unknown[][];
        const characters = JSON.stringify(argument).length;
        for (const entry of argument) settle(entry, characters);
      }
    }
    bridge.onMessageFromHost?.(JSON.stringify({ id: request.id, type: 2, message: { statusCode: 200, headers: {}, body: { Results: results } } }));
  }

  function settle(entry: unknown[], characters: number): void {
    const id = entry[0] as number;
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (entry[1] === true) {
      const outbound = entry[3] as number[] | undefined;
      waiting.resolve({ cells: shownCells(entry[2]), messageCharacters: characters, durationMs: outbound?.[0] });
    } else {
      const outbound = entry[4] as number[] | undefined;
      waiting.resolve({ failure: { code: WIRE_CODES[entry[3] as number] ?? "#VALUE!", message: String(entry[2] ?? "") }, messageCharacters: characters, durationMs: outbound?.[0] });
    }
  }

  vm.runInContext(fs.readFileSync(path.join(OFFICE_DIST, "custom-functions-runtime.js"), "utf8"), context, { filename: "custom-functions-runtime.js" });
  await withTimeout(ready, 10000, "the runtime's start-up handshake");
  vm.runInContext(fs.readFileSync(path.join(root, "dist/functions.js"), "utf8"), context, { filename: "functions.js" });

  function invocation(name: string, args: Argument[], flags: number): { id: number; message: unknown[] } {
    // Excel resolves the name case-insensitively; the wire carries the metadata id.
    const fn = byName.get(name.replace(/^=?KAISER\./i, "").toUpperCase());
    if (!fn) throw new Error(`#NAME? — no function ${name}`);
    const required = fn.parameters.filter((p) => !p.optional).length;
    if (args.length < required) throw new Error(`Excel refuses =KAISER.${fn.name} with ${args.length} arguments: it needs ${required}`);
    const values = fn.parameters.map((p, i) => {
      const a = i < args.length ? args[i] : undefined;
      if (a === undefined) return null;
      // Excel wraps a single value given to a matrix parameter as a 1×1 range.
      return p.dimensionality === "matrix" && !Array.isArray(a) ? [[a]] : a;
    });
    const id = nextInvocation++;
    return { id, message: [id, fn.id, values, `Sheet1!A${id}`, flags] };
  }

  function callMany(calls: readonly { name: string; args: Argument[]; flags?: number }[]): Promise<Outcome[]> {
    const invocations = calls.map((c) => invocation(c.name, c.args, c.flags ?? ERRORS_ALLOWED));
    const outcomes = invocations.map(({ id }) => new Promise<Outcome>((resolve) => pending.set(id, { resolve })));
    const entries = invocations.map(({ id, message }) => [1, 1000, "kaiser", JSON.stringify(message), id]);
    bridge.onMessageFromHost?.(JSON.stringify({ type: 3, message: { entries } }));
    return withTimeout(Promise.all(outcomes), 60000, "results from the runtime");
  }

  return {
    metadata,
    sent,
    close: () => {
      for (const h of timers) clearTimeout(h);
      for (const h of intervals) clearInterval(h);
      timers.clear();
      intervals.clear();
    },
    callMany,
    call: async (name, ...args) => (await callMany([{ name, args }]))[0],
  };
}

function shownCell(value: unknown): Shown {
  if (value === null || typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  const v = value as { valueType?: string; type?: string; code?: string; message?: string };
  if (v.valueType === "CustomFunctionError" || v.type === "Error") return v.message === undefined ? { error: String(v.code) } : { error: String(v.code), message: v.message };
  throw new Error(`Excel would not show ${JSON.stringify(value)} as a value`);
}

function shownCells(value: unknown): Shown[][] {
  if (Array.isArray(value)) return value.map((row: unknown[]) => row.map(shownCell));
  return [[shownCell(value)]];
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
