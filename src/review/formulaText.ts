/**
 * Text that Excel would take for a formula. A cell value or a CSV field that starts with =, +, -, @,
 * a tab or a carriage return is entered as a formula when Excel opens the CSV, and when office.js
 * sets it as a range's value. Text the user typed (a scenario's name) is made inert before it is
 * written anywhere Excel will read it (CSV injection; OWASP "CSV Injection").
 */

/** What makes Excel read a value as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * `text` with a leading apostrophe when Excel would otherwise run it as a formula: Excel keeps the
 * apostrophe as the cell's quote prefix and shows the text as typed; the CLI's scenarios reader
 * drops it again (`withoutInertMark`).
 *
 * @example inertText("=1+1") //=> "'=1+1"
 * @example inertText("Low inventory") //=> "Low inventory"
 */
export function inertText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text `inertText` was given: a leading apostrophe before a formula-like text is dropped. */
export function withoutInertMark(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
