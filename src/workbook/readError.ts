/**
 * The one error a workbook reader throws for a file it cannot read (not an .xlsx, encrypted,
 * corrupt): its message is one line for the user. Kept apart from the reader so the task pane can
 * recognise it without loading exceljs until a file is opened.
 */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}
