// A sheet (from CSV or .xlsx) → journey: finds the header row and tells the long format (a row of
// column names, one row per item) from the wide grid (stages and steps across, lanes down).
import type { Journey } from '../../model/types';
import { err, type Problem, type Result } from '../../result';
import { columnForHeader } from '../csv-columns';
import type { ReportNotes } from '../report';
import { isBlankRow, type Grid } from './grid';
import { importLong } from './long-import';
import { importWide, looksWide } from './wide-import';

export interface GridImportOptions {
  /** Title when the sheet has none (e.g. the file name). */
  fallbackTitle?: string;
}

/** How many of a row's cells name a column of the long format. */
export function knownColumns(cells: readonly string[]): number {
  return new Set(cells.map((c) => columnForHeader(c)).filter((c) => c !== undefined)).size;
}

/** Reads a journey from a grid, or returns every problem with its row and column. Never throws. */
export function importGrid(grid: Grid, notes: ReportNotes, options: GridImportOptions = {}): Result<Journey, Problem[]> {
  const headerIndex = grid.rows.findIndex((r) => !isBlankRow(r.cells));
  if (headerIndex < 0) return err([{ path: '', message: 'is empty: it has no rows with anything in them' }]);
  const header = grid.rows[headerIndex]!;
  const second = grid.rows.slice(headerIndex + 1).find((r) => !isBlankRow(r.cells));
  const stepRow = /^steps?$/i.test((second?.cells[0] ?? '').trim());
  if (stepRow || (knownColumns(header.cells) < 2 && looksWide(grid, headerIndex))) {
    notes.layout = 'wide';
    return importWide(grid, headerIndex, notes, options.fallbackTitle);
  }
  notes.layout = 'long';
  if (knownColumns(header.cells) === 0)
    return err([
      {
        path: `row ${header.n}`,
        message:
          'does not start with a row of column names (such as stage, step, lane, text) nor with stages across the top (the wide grid); see the CSV format description',
        ...(header.line ? { line: header.line } : {}),
      },
    ]);
  return importLong(grid, headerIndex, notes, options.fallbackTitle);
}
