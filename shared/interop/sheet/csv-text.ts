// CSV text ↔ rows. Parsing is papaparse's (it copes with what Excel, Numbers, Sheets and
// LibreOffice write); this file picks the delimiter, numbers rows and lines, and writes rows back.
import Papa from 'papaparse/papaparse.min.js';
import type { StepResult } from 'papaparse/papaparse.min.js';
import type { Problem } from '../../result';
import { columnForHeader } from '../csv-columns';
import { at, type Grid, type GridRow } from './grid';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** More data rows than any valid journey needs (cards + evidence + links + points, with room). */
export const MAX_CSV_ROWS = 50_000;

/** The first line that is not blank (a loop: a regex over megabytes of newlines blows the stack). */
function firstNonBlankLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(start, end);
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}

/**
 * The delimiter that splits the first row into the most known column names; without any (a wide
 * grid has stage names there), the one that occurs most in that row; "," when none does.
 */
export function detectDelimiter(text: string): Delimiter | undefined {
  const header = firstNonBlankLine(text.length > 1_000_000 ? text.slice(0, 1_000_000) : text);
  if (header === '') return undefined;
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const parts = header.split(d);
    const names = new Set(parts.map((c) => columnForHeader(c.trim().replace(/^"|"$/g, ''))).filter((c) => c !== undefined)).size;
    const score = names * 10_000 + Math.min(parts.length - 1, 9_999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Splits CSV text into rows. Problems (unclosed quotes, too many rows) go to `problems`. */
export function parseCsvGrid(text: string, problems: Problem[]): Grid | undefined {
  const delimiter = detectDelimiter(text);
  if (!delimiter) {
    problems.push({ path: '', message: 'is empty: it has no rows' });
    return undefined;
  }
  const rows: GridRow[] = [];
  let line = 1;
  let pos = 0;
  let tooMany = false;
  const errors: Problem[] = [];
  Papa.parse(text, {
    delimiter,
    step: (res: StepResult, parser) => {
      if (rows.length >= MAX_CSV_ROWS + 1) {
        tooMany = true;
        parser.abort();
        return;
      }
      const row: GridRow = { n: rows.length + 1, line, cells: res.data };
      rows.push(row);
      for (const e of res.errors) errors.push(at(row, undefined, /quote/i.test(e.message) ? UNCLOSED_QUOTE : e.message));
      const cursor = res.meta.cursor;
      for (let i = pos; i < cursor && i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      }
      pos = cursor;
    },
  });
  if (tooMany) {
    problems.push({ path: '', message: `has more than ${MAX_CSV_ROWS} rows; no journey needs that many (split it up)` });
    return undefined;
  }
  if (errors.length) {
    problems.push(...errors);
    return undefined;
  }
  return { rows, decimalComma: delimiter !== ',', source: 'csv' };
}

const UNCLOSED_QUOTE =
  'has a quote mark (") that is not closed or is misplaced; a cell with quotes must be wrapped in quotes and each inner quote doubled ("")';

export interface CsvWriteOptions {
  /** "," (default), ";" for European Excel, or "\t". */
  delimiter?: Delimiter;
  /** Start with a UTF-8 byte order mark so Excel reads accents right. Default true. */
  bom?: boolean;
}

/** Rows as CSV text: CRLF line ends, cells quoted when they must be. */
export function writeCsv(rows: string[][], options: CsvWriteOptions = {}): string {
  const body = Papa.unparse(rows, { delimiter: options.delimiter ?? ',', newline: '\r\n' });
  return (options.bom ?? true ? '\ufeff' : '') + body + '\r\n';
}
