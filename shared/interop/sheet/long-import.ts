// Rows of the long format (a header row naming columns, then one row per item) → journey.
import type { Journey } from '../../model/types';
import { err, type Problem, type Result } from '../../result';
import { RECORD_KINDS, columnForHeader, isCommentRecord, recordKind, type CsvColumn, type RecordKind } from '../csv-columns';
import { inferDateOrder } from '../dates';
import { oneOf, quote, unescapeCell } from '../escape';
import type { ReportNotes } from '../report';
import { assemble } from './assemble';
import type { Row } from './entities';
import { isBlankRow, type Grid, type GridRow } from './grid';
import * as rec from './long-records';
import { LongReader } from './long-reader';

/** Order in which record kinds are read, so a row may refer to one further down the sheet. */
const PASS: Record<RecordKind, number> = {
  journey: 0,
  scale: 0,
  persona: 0,
  stage: 0,
  evidence: 0,
  step: 1,
  lane: 1,
  curve: 1,
  metric: 2,
  card: 2,
  emotion: 2,
  link: 2,
  view: 1,
};

/** Known columns of a header row, by position; a column named twice is a problem. */
export function headerColumns(header: GridRow, problems: Problem[]): Array<CsvColumn | undefined> {
  const seen = new Map<CsvColumn, number>();
  return header.cells.map((h, i) => {
    const col = columnForHeader(unescapeCell(h));
    if (col && seen.has(col)) {
      problems.push({ path: `row ${header.n}, column "${col}"`, message: `appears twice (columns ${seen.get(col)! + 1} and ${i + 1}); keep one`, column: col, ...(header.line ? { line: header.line } : {}) });
      return undefined;
    }
    if (col) seen.set(col, i);
    return col;
  });
}

function dataRows(grid: Grid, headerIndex: number, columns: Array<CsvColumn | undefined>): Row[] {
  const rows: Row[] = [];
  for (let i = headerIndex + 1; i < grid.rows.length; i++) {
    const r = grid.rows[i]!;
    if (isBlankRow(r.cells)) continue;
    const cells = new Map<CsvColumn, string>();
    r.cells.forEach((c, k) => {
      const col = columns[k];
      if (col) cells.set(col, unescapeCell(c));
    });
    rows.push(r.line !== undefined ? { n: r.n, line: r.line, cells } : { n: r.n, cells });
  }
  return rows;
}

function dispatch(r: LongReader, row: Row, kind: RecordKind): void {
  const handlers: Record<RecordKind, (r: LongReader, row: Row) => void> = {
    journey: rec.journeyRow,
    scale: rec.scaleRow,
    persona: rec.personaRow,
    stage: rec.stageRow,
    evidence: rec.evidenceRow,
    step: rec.stepRow,
    lane: rec.laneRow,
    curve: rec.curveRow,
    metric: rec.metricRow,
    card: rec.cardRow,
    emotion: rec.emotionRow,
    link: rec.linkRow,
    view: rec.viewRow,
  };
  handlers[kind](r, row);
}

function fieldRow(r: LongReader, row: Row, kind: RecordKind, field: string): void {
  if (kind === 'persona') rec.personaField(r, row, field);
  else if (kind === 'stage') rec.stageField(r, row, field);
  else if (kind === 'lane') rec.laneField(r, row, field);
  else if (kind === 'view') rec.viewField(r, row, field);
  else r.problem(row, 'field', `${kind} rows have no fields; leave "field" empty`);
}

/** The record kind of every row; comment rows are left out, unknown kinds are problems. */
function recordKinds(r: LongReader, rows: Row[], hasRecord: boolean): Map<Row, RecordKind> {
  const kinds = new Map<Row, RecordKind>();
  for (const row of rows) {
    const cell = hasRecord ? (row.cells.get('record') ?? '') : '';
    if (isCommentRecord(cell)) continue;
    const kind = recordKind(cell);
    if (kind) kinds.set(row, kind);
    else r.problem(row, 'record', `${quote(cell.trim())} is not a record type; use one of ${oneOf(RECORD_KINDS)}`);
  }
  return kinds;
}

/** Date cells of the sheet, to learn whether its slash dates are MM/DD or DD/MM. */
function dateCells(rows: Row[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const d = row.cells.get('date');
    if (d) out.push(d);
    if (/^(updated|date|reviewby|review)$/.test((row.cells.get('field') ?? '').toLowerCase().replace(/[^a-z]/g, ''))) out.push(row.cells.get('value') ?? '');
  }
  return out;
}

/** Reads a long-format grid whose header row is at `headerIndex`. */
export function importLong(grid: Grid, headerIndex: number, notes: ReportNotes, fallbackTitle?: string): Result<Journey, Problem[]> {
  const r = new LongReader(notes);
  r.decimalComma = grid.decimalComma;
  const header = grid.rows[headerIndex]!;
  const columns = headerColumns(header, r.problems);
  if (r.problems.length) return err(r.finishProblems());
  const known = columns.filter((c): c is CsvColumn => c !== undefined);
  const hasRecord = known.includes('record');
  if (!hasRecord && !known.includes('text') && !known.includes('lane')) {
    r.problem(undefined, undefined, 'has neither a "record" column nor "stage", "step", "lane" and "text" columns; see the CSV format description');
    return err(r.finishProblems());
  }
  header.cells.forEach((h, i) => {
    if (!columns[i] && h.trim()) notes.skip(`column ${quote(h.trim())} is not a Journey Mapper column, so its cells were not imported`, { path: `row ${header.n}`, column: h.trim() });
  });
  const rows = dataRows(grid, headerIndex, columns);
  r.dateOrder = inferDateOrder(dateCells(rows));
  const kinds = recordKinds(r, rows, hasRecord);
  for (const pass of [0, 1, 2]) {
    for (const [row, kind] of kinds) {
      const field = r.cell(row, 'field');
      const isField = field !== '' && kind !== 'journey' && kind !== 'scale';
      if ((isField ? 2 : PASS[kind]) !== pass) continue;
      if (isField) fieldRow(r, row, kind, field);
      else dispatch(r, row, kind);
    }
  }
  if (r.problems.length) return err(r.finishProblems());
  if (r.stages.all.length === 0) {
    r.problem(undefined, undefined, 'has no stages: add stage rows, or card rows with stage, step, lane and text');
    return err(r.finishProblems());
  }
  return assemble(r, fallbackTitle);
}
