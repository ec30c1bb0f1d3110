/**
 * Progress on stderr for a workbook that takes more than a second: nothing for a quick check, so
 * the usual output stays clean; past the second, one line per stage ("reading", "checking", …)
 * and the time it took at the end. Never on stdout, so `--json` output stays one document.
 */

export interface ProgressOptions {
  /** Where the lines go (stderr). */
  readonly write: (line: string) => void;
  /** Quiet for this long; 1,000 ms by default. */
  readonly afterMs?: number;
  /** Clock in milliseconds; injectable for tests. */
  readonly now?: () => number;
}

export class Progress {
  private readonly write: (line: string) => void;
  private readonly afterMs: number;
  private readonly now: () => number;
  private readonly started: number;
  private current: string | undefined;
  private printedCurrent = false;
  private printedAny = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ProgressOptions) {
    this.write = options.write;
    this.afterMs = options.afterMs ?? 1000;
    this.now = options.now ?? (() => Date.now());
    this.started = this.now();
    // The timer fires while an asynchronous stage (reading the zip) leaves the event loop free;
    // synchronous stages are covered by the check in `stage`.
    this.timer = setTimeout(() => this.flush(), this.afterMs);
    this.timer.unref();
  }

  /** Starts a stage; printed now when the second has passed, or when the timer fires during it. */
  stage(text: string): void {
    this.current = text;
    this.printedCurrent = false;
    if (this.now() - this.started >= this.afterMs) this.flush();
  }

  /** Ends the run: stops the timer and, when anything was printed, says how long it took. */
  done(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.printedAny) this.write(`kaiser-check: done in ${this.elapsedSeconds()} s`);
  }

  private flush(): void {
    if (this.current === undefined || this.printedCurrent) return;
    this.printedCurrent = true;
    this.printedAny = true;
    this.write(`kaiser-check: ${this.current}… (${this.elapsedSeconds()} s)`);
  }

  private elapsedSeconds(): string {
    return ((this.now() - this.started) / 1000).toFixed(1);
  }
}
