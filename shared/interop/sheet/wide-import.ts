// The wide grid researchers keep: stages (and steps) across the top rows, one row per lane down
// the first column, cards in the cells (several cards in one cell are separated by a blank line),
// emotion rows of numbers ("Emotion · Anna", "Mood (1–10)"). See CSV-FORMAT.md "The wide grid".
import type { Journey } from '../../model/types';
import type { Result, Problem } from '../../result';
import { err } from '../../result';
import { inferLaneType, readCurveKind, readLaneType } from '../csv-columns';
import { parseNumberCell, quote, unescapeCell } from '../escape';
import type { ReportNotes } from '../report';
import { parseScaleHint, stripScaleHint } from '../scale';
import { assemble } from './assemble';
import type { LaneE, PersonaE, Row, StageE, StepE } from './entities';
import { at, columnLetters, isBlankRow, type Grid, type GridRow } from './grid';
import { LongReader } from './long-reader';

const STAGE_WORD = /^(stages?|phases?|journey stages?)$/i;
const STEP_WORD = /^(steps?|touch ?points? steps?|activities|tasks)$/i;
const EMOTION_WORDS = /^(emotions?|emotion curve|emotional journey|mood|sentiment|feelings?|satisfaction|score|rating)\b\s*(?:[·:|,–—-]\s*|\(\s*)?([\s\S]*?)\)?\s*$/i; // [\s\S]: a name may hold U+2028, which `.` skips

/** A grid is wide when its first row names stages across and later rows are labelled in column A. */
export function looksWide(grid: Grid, headerIndex: number): boolean {
  const header = grid.rows[headerIndex]!;
  if (!header.cells.slice(1).some((c) => c.trim() !== '')) return false;
  // The step row says "Steps", or at least one row label names a lane type ("Pain points",
  // "Doing", "Emotion"), so that a sheet of numbers is not taken for a journey.
  const second = grid.rows.slice(headerIndex + 1).find((r) => !isBlankRow(r.cells));
  if (second && STEP_WORD.test((second.cells[0] ?? '').trim())) return true;
  return grid.rows.slice(headerIndex + 1).some((r) => {
    const label = stripScaleHint((r.cells[0] ?? '').trim());
    return label !== '' && (inferLaneType(label) !== 'text' || EMOTION_WORDS.test(label) && readLaneType(label.split(/[\s·:|,(]/)[0]!) === 'emotion');
  });
}

const toRow = (g: GridRow): Row => (g.line !== undefined ? { n: g.n, line: g.line, cells: new Map() } : { n: g.n, cells: new Map() });

interface Column {
  index: number;
  step: StepE;
}

/** The steps, one per used column, from the stage row and the optional step row below it. */
function readColumns(r: LongReader, stageRow: GridRow, stepRow: GridRow | undefined, lastColumn: number): Column[] {
  const columns: Column[] = [];
  let stage: StageE | undefined;
  for (let c = 1; c <= lastColumn; c++) {
    const stageName = (stageRow.cells[c] ?? '').trim();
    if (stageName) {
      stage = { name: stageName, row: toRow(stageRow), metrics: [], steps: [] };
      r.stages.add(stage);
    }
    const stepName = (stepRow?.cells[c] ?? '').trim();
    if (!stage) {
      if (stepName) r.problems.push(at(stepRow, columnLetters(c), `step ${quote(stepName)} has no stage above it; name the stage in row ${stageRow.n}`));
      continue;
    }
    const step: StepE = { name: stepName || stage.name, stage, row: toRow(stepRow ?? stageRow) };
    stage.steps.push(step);
    r.steps.add(step);
    columns.push({ index: c, step });
  }
  return columns;
}

interface EmotionLabel {
  persona: string;
  curve: string;
}

/** "Emotion · Anna · To-be" → Anna's To-be curve ("Feelings" and "Score" rows only when they hold numbers). */
function emotionLabel(label: string, cells: string[], decimalComma: boolean): EmotionLabel | undefined {
  const m = EMOTION_WORDS.exec(stripScaleHint(label));
  const filled = cells.filter((c) => c.trim() !== '');
  const numeric = filled.length > 0 && filled.every((c) => parseNumberCell(c, decimalComma) !== undefined);
  if (!m || !(readLaneType(m[1]!) === 'emotion' || numeric)) return undefined;
  const rest = m[2]!.trim();
  const [persona = '', curve = ''] = rest.split(/\s*[·|,]\s*|\s+[–—-]\s+/);
  return { persona: persona.replace(/'s$/i, '').trim(), curve: curve.trim() || 'As-is' };
}

function emotionRow(r: LongReader, g: GridRow, label: string, e: EmotionLabel, columns: Column[]): void {
  const row = toRow(g);
  const hint = parseScaleHint(label);
  if (hint) r.scaleHints.push({ ...hint, row });
  if (!r.lanes.all.some((l) => l.type === 'emotion')) r.lanes.add({ label: 'Emotion', type: 'emotion', typeGiven: true, row });
  const name = e.persona || 'Customer';
  let persona = r.personas.find(name);
  if (persona === 'ambiguous' || !persona) {
    persona = { name, row, goals: [], frustrations: [], evidence: [] } as PersonaE;
    r.personas.add(persona);
  }
  const p = persona;
  let curve = r.curves.find(e.curve, (c) => c.persona === p);
  if (curve === 'ambiguous' || !curve) {
    curve = { name: e.curve, kind: readCurveKind(e.curve) ?? 'other', persona: p, points: [], row };
    r.curves.add(curve);
  }
  for (const col of columns) {
    const text = (g.cells[col.index] ?? '').trim();
    if (text === '') continue;
    const value = parseNumberCell(text, r.decimalComma);
    if (value === undefined) r.problems.push(at(g, columnLetters(col.index), `${quote(text)} is not a number; row ${quote(label)} holds emotion scores`));
    else curve.points.push({ step: col.step, value, row, column: columnLetters(col.index) });
  }
}

function cardRow(r: LongReader, g: GridRow, label: string, columns: Column[]): void {
  const row = toRow(g);
  let lane = r.lanes.find(label);
  if (lane === 'ambiguous' || !lane) {
    lane = { label, type: inferLaneType(label), typeGiven: false, row } as LaneE;
    r.lanes.add(lane);
  }
  for (const col of columns) {
    const cell = unescapeCell(g.cells[col.index] ?? '');
    for (const text of cell.split(/\r?\n[ \t]*\r?\n/)) {
      const t = text.replace(/^\s*\n|\n\s*$/g, '').trim();
      if (t) r.cards.push({ step: col.step, lane, value: { text: t }, evidence: [], row });
    }
  }
}

function lastUsedColumn(rows: GridRow[]): number {
  let last = 0;
  for (const g of rows) for (let c = g.cells.length - 1; c > last; c--) if ((g.cells[c] ?? '').trim() !== '') last = c;
  return last;
}

/** Reads a wide grid whose stage row is at `headerIndex`. */
export function importWide(grid: Grid, headerIndex: number, notes: ReportNotes, fallbackTitle?: string): Result<Journey, Problem[]> {
  const r = new LongReader(notes);
  r.decimalComma = grid.decimalComma;
  const rows = grid.rows.slice(headerIndex).filter((g) => !isBlankRow(g.cells));
  const stageRow = rows[0]!;
  const corner = (stageRow.cells[0] ?? '').trim();
  if (corner && !STAGE_WORD.test(corner)) r.title = corner;
  const second = rows[1];
  const secondLabel = (second?.cells[0] ?? '').trim();
  const stepRow = second && (secondLabel === '' || STEP_WORD.test(secondLabel)) ? second : undefined;
  const columns = readColumns(r, stageRow, stepRow, lastUsedColumn(rows));
  for (const g of rows.slice(stepRow ? 2 : 1)) {
    const label = (g.cells[0] ?? '').trim();
    if (!label) {
      r.problems.push(at(g, 'A', 'is empty; name the lane this row is (e.g. "Pain points") in the first column'));
      continue;
    }
    const e = emotionLabel(label, columns.map((c) => g.cells[c.index] ?? ''), r.decimalComma);
    if (e) emotionRow(r, g, label, e, columns);
    else cardRow(r, g, label, columns);
  }
  if (r.problems.length) return err(r.finishProblems());
  if (r.stages.all.length === 0) return err([at(stageRow, undefined, 'names no stages; put the stage names across the first row')]);
  return assemble(r, fallbackTitle);
}
