// CSV import and export in the Journey Mapper formats (the long format, one row per item, and the
// wide grid; see CSV-FORMAT.md). The work is split by job: sheet/csv-text.ts (text ↔ rows),
// sheet/import-grid.ts (rows → journey), sheet/long-export.ts and sheet/wide-export.ts
// (journey → rows), escape.ts (cells). Pure: used by the UI, the CLI and `npm run preview`.
import type { Journey } from '../model/types';
import { err, type Problem, type Result } from '../result';
import { ReportNotes } from './report';
import { parseCsvGrid, writeCsv, type Delimiter } from './sheet/csv-text';
import { importGrid } from './sheet/import-grid';
import { longRows } from './sheet/long-export';
import { wideRows, type WideExport } from './sheet/wide-export';
import { checkInputSize, MAX_INPUT_BYTES } from './size';

export { escapeCell, unescapeCell, parseNumberCell } from './escape';
export { detectDelimiter, MAX_CSV_ROWS, type Delimiter } from './sheet/csv-text';
export { MAX_PROBLEMS } from './sheet/long-reader';

export interface CsvImportOptions {
  /** Title when the sheet has none (e.g. the file name). Default "Untitled journey". */
  fallbackTitle?: string;
  /** Collects what the import changed or left out (the import report). */
  notes?: ReportNotes;
}

/**
 * Reads a CSV sheet (the long format with a `record` column, a sheet of card rows, or the wide
 * grid). Returns a validated journey or every problem found, each located by row and column.
 * Never throws.
 */
export function importCsv(text: string, options: CsvImportOptions = {}): Result<Journey, Problem[]> {
  try {
    const tooBig = checkInputSize(text);
    if (tooBig) return err([tooBig]);
    const problems: Problem[] = [];
    const grid = parseCsvGrid(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, problems);
    if (!grid) return err(problems);
    const notes = options.notes ?? new ReportNotes();
    return importGrid(grid, notes, options.fallbackTitle !== undefined ? { fallbackTitle: options.fallbackTitle } : {});
  } catch (e) {
    return err([{ path: '', message: `could not be read as CSV: ${(e as Error)?.message ?? String(e)}` }]);
  }
}

export interface CsvExportOptions {
  /** "," (default), ";" for European Excel, or "\t". */
  delimiter?: Delimiter;
  /** Write numbers with a decimal comma ("1,5"). Default: on when the delimiter is ";". */
  decimalComma?: boolean;
  /** Start with a UTF-8 byte order mark so Excel reads accents right. Default true. */
  bom?: boolean;
}

/**
 * Writes a journey as CSV in the full long format. `importCsv(exportCsv(j))` gives `j` back for
 * every valid journey whose optional text fields are absent rather than blank (a blank cell reads
 * as "absent") and that carries no fields beyond the model's.
 */
export function exportCsv(journey: Journey, options: CsvExportOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const decimalComma = options.decimalComma ?? delimiter === ';';
  const text = writeCsv(longRows(journey, decimalComma), { delimiter, bom: options.bom ?? true });
  // Names repeated on every row can make a sheet of a journey near the size limit larger than
  // the import limit; then rows refer by id, which keeps it within (see size.ts).
  if (!checkInputSize(text, MAX_INPUT_BYTES - 4096)) return text;
  return writeCsv(longRows(journey, decimalComma, 'ids'), { delimiter, bom: options.bom ?? true });
}

/** Writes the journey as the wide grid (steps across, lanes down); `lost` says what it cannot hold. */
export function exportWideCsv(journey: Journey, options: CsvExportOptions = {}): WideExport<string> {
  const delimiter = options.delimiter ?? ',';
  const wide = wideRows(journey, options.decimalComma ?? delimiter === ';');
  return { data: writeCsv(wide.data, { delimiter, bom: options.bom ?? true }), lost: wide.lost };
}
