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

/** The cells of the first non-blank record, split at `d` outside quotes (a quoted cell may hold line breaks). */
function firstRecord(text: string, d: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === d) (cells.push(cell), (cell = ''));
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (cells.length || cell.trim()) break;
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/**
 * The delimiter that splits the first row into the most known column names; without any (a wide
 * grid has stage names there), the one papaparse finds most consistent over the first rows.
 */
export function detectDelimiter(text: string): Delimiter | undefined {
  if (text.trim() === '') return undefined;
  let best: Delimiter | undefined;
  let bestNames = 0;
  for (const d of DELIMITERS) {
    // A cell holding another delimiter is a whole row read with the wrong one: "Ṫ,{,,ò" is not the column "to".
    const cells = firstRecord(text, d).filter((c) => !DELIMITERS.some((other) => c.includes(other)));
    const names = new Set(cells.map((c) => columnForHeader(c.trim())).filter((c) => c !== undefined)).size;
    if (names > bestNames) [best, bestNames] = [d, names];
  }
  if (best) return best;
  // A wide grid's step row starts with "Steps" and a delimiter.
  const steps = /[\r\n]\s*"?steps?"?([,;\t])/i.exec(text.slice(0, 65_536));
  if (steps) return steps[1] as Delimiter;
  const guess = Papa.parse(text.slice(0, 65_536), { preview: 20, delimitersToGuess: [...DELIMITERS] }).meta.delimiter;
  return (DELIMITERS as readonly string[]).includes(guess) ? (guess as Delimiter) : ',';
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
