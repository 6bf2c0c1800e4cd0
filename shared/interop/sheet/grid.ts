// A sheet as the importers see it, whether it came from CSV text or an .xlsx workbook: rows of
// cell texts, each row numbered as the spreadsheet numbers it (and, for CSV, the text line where
// it starts, which differs when cells hold line breaks).
import type { Problem } from '../../result';

export interface GridRow {
  /** Row number as a spreadsheet shows it (1-based). */
  n: number;
  /** 1-based line in the text where the row starts (CSV), undefined for workbooks. */
  line?: number;
  cells: string[];
}

export interface Grid {
  rows: GridRow[];
  /** Numbers may be written with a decimal comma ("1,5"): CSV with ";" or tab delimiters. */
  decimalComma: boolean;
  /** Where the grid came from, for messages. */
  source: 'csv' | 'xlsx';
}

export const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A problem located at a row (and optionally a named or lettered column). */
export function at(row: GridRow | undefined, column: string | undefined, message: string): Problem {
  const path = row ? (column ? `row ${row.n}, column "${column}"` : `row ${row.n}`) : column ? `column "${column}"` : '';
  const p: Problem = { path, message };
  if (row?.line !== undefined) p.line = row.line;
  if (column !== undefined) p.column = column;
  return p;
}
