/**
 * The bounds of reading a workbook file: every path through the reader stops at one of these, and
 * says which. The defaults sit well above real models: the ready model with 1,000,000 days of
 * DailyOutstandings is about 25 MB zipped, its sheet part about 90 MB inflated and 3,000,000 cells;
 * the defaults allow about three times that, and `kaiser-check --max-part-mb/--max-total-mb/
 * --max-cells/--max-file-mb` raise them.
 */

const MB = 1048576;

export interface ReadLimits {
  /** Bytes of the file itself (the zipped package). */
  readonly maxFileBytes: number;
  /** Bytes one part (one entry of the package) may inflate to. */
  readonly maxPartBytes: number;
  /** Bytes all parts together may inflate to. */
  readonly maxTotalBytes: number;
  /** Cells (values, formulas, formatted blanks) held across all sheets. */
  readonly maxCells: number;
  /** Entries of the package's central directory. */
  readonly maxEntries: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 512 * MB,
  maxPartBytes: 256 * MB,
  maxTotalBytes: 1024 * MB,
  maxCells: 8000000,
  maxEntries: 10000,
};

/** "256 MB", "1 GB", "1,000,000 cells": a limit as the user reads it. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * MB && bytes % (1024 * MB) === 0) return `${bytes / (1024 * MB)} GB`;
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
