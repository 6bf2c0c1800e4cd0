// Journeys in .xlsx workbooks: the same long format and wide grid as CSV, on one sheet.
import type { Journey } from '../../model/types';
import { err, type Problem, type Result } from '../../result';
import type { ReportNotes } from '../report';
import { importGrid } from '../sheet/import-grid';
import { longRows } from '../sheet/long-export';
import { wideRows, type WideExport } from '../sheet/wide-export';
import { CSV_COLUMNS } from '../csv-columns';
import { MAX_INPUT_BYTES } from '../size';
import { readXlsx } from './read';
import { writeXlsx, type XlsxCell } from './write';

export { readXlsx, looksLikeXlsx, MAX_PART_BYTES } from './read';
export { writeXlsx, type XlsxCell } from './write';

/** Reads a journey from the first sheet of a workbook; notes go to the import report. */
export function importXlsx(bytes: Uint8Array, notes: ReportNotes, options: { fallbackTitle?: string } = {}): Result<Journey, Problem[]> {
  try {
    const problems: Problem[] = [];
    const read = readXlsx(bytes, problems);
    if (!read) return err(problems);
    for (const n of read.notes) notes.change(n);
    return importGrid(read.grid, notes, options);
  } catch (e) {
    return err([{ path: '', message: `could not be read as an .xlsx workbook: ${(e as Error)?.message ?? String(e)}` }]);
  }
}

const NUMERIC = new Set(['value', 'target', 'effort', 'impact']);
const asNumber = (s: string): XlsxCell => (s !== '' && String(Number(s)) === s ? Number(s) : s);

export type SheetLayout = 'long' | 'wide';

/** The journey as a workbook in the long format (default) or the wide grid. */
export function exportXlsx(journey: Journey, layout: SheetLayout = 'long'): WideExport<Uint8Array> {
  if (layout === 'wide') {
    const wide = wideRows(journey);
    const rows = wide.data.map((r, i) => (i < 2 ? r : r.map((c, k) => (k > 0 && /^Emotion/.test(r[0]!) ? asNumber(c) : c))));
    return { data: writeXlsx(rows, { sheetName: 'Journey', headerRows: 2 }), lost: wide.lost };
  }
  const numbers = (rows: string[][]) => rows.map((r, i) => (i === 0 ? r : r.map((c, k): XlsxCell => (NUMERIC.has(CSV_COLUMNS[k]!) ? asNumber(c) : c))));
  const data = writeXlsx(numbers(longRows(journey)), { sheetName: 'Journey', headerRows: 1 });
  // As for CSV: names repeated on every row could make a journey at the size limit too large to import.
  if (data.length <= MAX_INPUT_BYTES - 4096) return { data, lost: [] };
  return { data: writeXlsx(numbers(longRows(journey, false, 'ids')), { sheetName: 'Journey', headerRows: 1 }), lost: [] };
}
