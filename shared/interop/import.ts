// One entry point for every file or text the UI, the CLI or `npm run preview` is given: bytes (or
// text) in, a journey and an import report out. JSON (the native format, with envelope and
// migrations), CSV (the long format or the wide grid), .xlsx, Mermaid `journey`, and metrics
// sheets, which are joined into the journey passed as `into`.
import { loadJourneyText } from '../model/json-text';
import type { Journey } from '../model/types';
import { err, type Problem, type Result } from '../result';
import { decodeBytes } from './decode';
import { isMetricsSheet, joinMetrics } from './metrics';
import { importMermaid } from './mermaid';
import { ReportNotes, type ImportFormat, type ImportReport } from './report';
import { parseCsvGrid } from './sheet/csv-text';
import type { Grid } from './sheet/grid';
import { importGrid } from './sheet/import-grid';
import { checkInputSize, checkByteSize } from './size';
import { looksLikeXlsx, readXlsx } from './xlsx/read';

export type JourneyTextFormat = 'json' | 'csv' | 'mermaid';

const EXTENSIONS: Record<string, JourneyTextFormat> = {
  json: 'json',
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  txt: 'csv',
  mmd: 'mermaid',
  mermaid: 'mermaid',
  md: 'mermaid',
  markdown: 'mermaid',
};

const extensionOf = (fileName?: string) => (fileName ? /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() : undefined);

/**
 * The format of a text: by the file name's extension when it is one of .json, .csv/.tsv/.txt,
 * .mmd/.mermaid/.md; otherwise by content: `{` first → JSON; a first statement `journey` (after
 * blank lines, `%%` comments, `---` front matter or a ```mermaid fence) → Mermaid; else CSV.
 * A .txt file whose content is plainly JSON or Mermaid is read as that.
 */
export function detectFormat(text: string, fileName?: string): JourneyTextFormat {
  const ext = extensionOf(fileName);
  const byExt = ext && Object.prototype.hasOwnProperty.call(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
  if (byExt && ext !== 'txt') return byExt;
  const head = text.slice(0, 4096).replace(/^\ufeff/, '');
  if (/^\s*[{[]/.test(head)) return 'json';
  if (/^\s*(?:(?:%%[^\n]*|---[\s\S]*?\n---[^\n]*)\s*)*journey\b/i.test(head)) return 'mermaid';
  if (/^\s*(`{3,}|~{3,})[ \t]*mermaid/m.test(head) && /^\s*journey\b/im.test(head)) return 'mermaid';
  return 'csv';
}

/** The file name without folders and extension, as a title for formats that may lack one. */
function baseName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const name = fileName.split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '').trim();
  return name ? name.slice(0, 200) : undefined;
}

export interface ImportOptions {
  /** The file's name: picks the format by extension and gives a title to sheets without one. */
  fileName?: string;
  /** The journey a metrics sheet is joined into (the panel's draft, the CLI's --into file). */
  into?: Journey;
}

/** A journey (or every problem), with the report of what was imported, changed and left out. */
export type ImportResult = Result<Journey, Problem[]> & { report: ImportReport };

function finish(format: ImportFormat, notes: ReportNotes, r: Result<Journey, Problem[]>): ImportResult {
  return { ...r, report: notes.report(format, r.ok ? r.value : undefined) };
}

function sheet(grid: Grid, format: 'csv' | 'xlsx', notes: ReportNotes, options: ImportOptions): ImportResult {
  if (isMetricsSheet(grid)) {
    if (!options.into) return finish('metrics', notes, err([{ path: '', message: 'is a metrics sheet: import it into an open journey (on the command line, with --into journey.json)' }]));
    return finish('metrics', notes, joinMetrics(grid, options.into, notes));
  }
  const title = baseName(options.fileName);
  return finish(format, notes, importGrid(grid, notes, title ? { fallbackTitle: title } : {}));
}

function importText(text: string, notes: ReportNotes, options: ImportOptions): ImportResult {
  const format = detectFormat(text, options.fileName);
  const title = baseName(options.fileName);
  if (format === 'json') {
    const loaded = loadJourneyText(text.replace(/^\ufeff/, ''));
    return finish('json', notes, loaded.ok ? { ok: true, value: loaded.value.journey } : loaded);
  }
  if (format === 'mermaid') return finish('mermaid', notes, importMermaid(text, { notes, ...(title ? { fallbackTitle: title } : {}) }));
  const problems: Problem[] = [];
  const grid = parseCsvGrid(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, problems);
  return grid ? sheet(grid, 'csv', notes, options) : finish('csv', notes, err(problems));
}

/**
 * Reads a journey from a file's bytes (or from text): detects the encoding and the format, and
 * returns the journey or every problem found, always with the import report. Never throws.
 */
export function importJourney(input: Uint8Array | string, options: ImportOptions = {}): ImportResult {
  const notes = new ReportNotes();
  try {
    const tooBig = typeof input === 'string' ? checkInputSize(input) : checkByteSize(input.length);
    const ext = extensionOf(options.fileName) ?? '';
    if (tooBig) return finish(ext === 'xlsx' ? 'xlsx' : Object.prototype.hasOwnProperty.call(EXTENSIONS, ext) ? EXTENSIONS[ext]! : 'csv', notes, err([tooBig]));
    if (typeof input === 'string') return importText(input, notes, options);
    const ole = input[0] === 0xd0 && input[1] === 0xcf && input[2] === 0x11 && input[3] === 0xe0;
    if (looksLikeXlsx(input) || ole || ext === 'xlsx' || ext === 'xls') {
      const problems: Problem[] = [];
      const read = readXlsx(input, problems);
      if (!read) return finish('xlsx', notes, err(problems));
      for (const n of read.notes) notes.change(n);
      return sheet(read.grid, 'xlsx', notes, options);
    }
    const decoded = decodeBytes(input);
    notes.encoding = decoded.encoding;
    for (const n of decoded.notes) notes.change(n);
    return importText(decoded.text, notes, options);
  } catch (e) {
    return finish('json', notes, err([{ path: '', message: `could not be read: ${(e as Error)?.message ?? String(e)}` }]));
  }
}

/** Text in, journey or problems out (the report is dropped); kept for callers that only have text. */
export function importJourneyText(text: string, fileName?: string): Result<Journey, Problem[]> {
  const r = importJourney(text, fileName !== undefined ? { fileName } : {});
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
}
