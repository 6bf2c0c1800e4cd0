// Analytics data into the map. A metrics sheet (exported from any analytics tool, or kept by hand)
// has one row per measurement: stage and/or step, metric, value, and optionally target, unit,
// direction, date, source. It is joined into the journey it is imported into: a row naming a step
// becomes (or updates) a card of that name in the journey's metrics lane at that step; a row naming
// only a stage becomes (or updates) one of the stage's KPIs. Re-importing a newer file updates the
// values and keeps their dates; a row older than the value the map holds does not overwrite it.
// Rows naming a stage or step the journey does not have are listed in the report, never dropped.
import type { Card, Journey, Stage, Step } from '../model/types';
import { validateJourney } from '../model/validate';
import { err, type Problem, type Result } from '../result';
import { columnForHeader, readDirection } from './csv-columns';
import { inferDateOrder, parseDate } from './dates';
import { parseNumberCell, quote } from './escape';
import { IdAllocator, looseKey, nameKey, shortHash } from './ids';
import type { ReportNotes } from './report';
import { at, isBlankRow, type Grid, type GridRow } from './sheet/grid';

type Field = 'stage' | 'step' | 'metric' | 'value' | 'target' | 'unit' | 'direction' | 'date' | 'source';
const FIELDS: readonly string[] = ['stage', 'step', 'value', 'target', 'unit', 'direction', 'date', 'source'];

/** A header cell's field: the long format's columns, and metric / kpi / name for the metric's name. */
function fieldOf(header: string): Field | undefined {
  if (['metric', 'kpi', 'name', 'metricname'].includes(looseKey(header))) return 'metric';
  const c = columnForHeader(header);
  return c && FIELDS.includes(c) ? (c as Field) : undefined;
}

/** A metrics sheet names a metric and a value, and a stage or step, but no record, lane or text column. */
export function isMetricsSheet(grid: Grid): boolean {
  const header = grid.rows.find((r) => !isBlankRow(r.cells));
  const keys = new Set(header?.cells.map(looseKey));
  const fields = new Set(header?.cells.map(fieldOf));
  return fields.has('metric') && fields.has('value') && (fields.has('stage') || fields.has('step')) && !['record', 'lane', 'text'].some((k) => keys.has(k));
}

/** The one stage or step a cell names (by id or name), or a note saying why not. */
function finder<T extends { id: string; name: string }>(items: Array<{ item: T; stage: Stage }>) {
  return (ref: string, stage?: Stage): Array<{ item: T; stage: Stage }> => items.filter((x) => (x.item.id === ref || nameKey(x.item.name) === nameKey(ref)) && (!stage || x.stage === stage));
}

interface Row {
  row: GridRow;
  name: string;
  stage: Stage;
  step?: Step;
  metric: NonNullable<Card['metric']>;
}

function readRow(g: GridRow, cell: (f: Field) => string, j: Journey, grid: Grid, order: ReturnType<typeof inferDateOrder>, notes: ReportNotes, problems: Problem[]): Row | undefined {
  const name = cell('metric');
  const num = (f: Field) => {
    const v = cell(f).replace(/[%\s]/g, '');
    const n = v === '' ? undefined : parseNumberCell(v, grid.decimalComma);
    if (v !== '' && n === undefined) problems.push(at(g, f, `${quote(cell(f))} is not a number`));
    return n;
  };
  const value = num('value');
  const target = num('target');
  if (!name || value === undefined) return void notes.skip(`has no ${name ? 'value' : 'metric name'}, so it was not imported`, at(g, name ? 'value' : 'metric', ''));
  const stages = cell('stage') ? finder(j.stages.map((s) => ({ item: s, stage: s })))(cell('stage')) : [];
  if (cell('stage') && stages.length !== 1) return void notes.skip(`stage ${quote(cell('stage'))} is ${stages.length ? 'the name of several stages' : 'not in the journey'}, so this row was not imported`, at(g, 'stage', ''));
  const steps = cell('step') ? finder(j.stages.flatMap((s) => s.steps.map((st) => ({ item: st, stage: s }))))(cell('step'), stages[0]?.stage) : [];
  if (cell('step') && steps.length !== 1) return void notes.skip(`step ${quote(cell('step'))} is ${steps.length ? 'the name of several steps' : 'not in the journey'}, so this row was not imported`, at(g, 'step', ''));
  const metric: Row['metric'] = { value: value };
  if (target !== undefined) metric.target = target;
  if (cell('unit')) metric.unit = cell('unit').slice(0, 20);
  const direction = cell('direction') ? readDirection(cell('direction')) : undefined;
  if (direction) metric.direction = direction;
  else if (cell('direction')) problems.push(at(g, 'direction', `${quote(cell('direction'))} is not "higher" or "lower" (is better)`));
  const d = cell('date') ? parseDate(cell('date'), order) : undefined;
  if (d && 'iso' in d) metric.date = d.iso.slice(0, 10);
  else if (d) problems.push(at(g, 'date', d.problem));
  if (cell('source')) metric.source = cell('source').slice(0, 200);
  const place = steps[0] ?? stages[0]!;
  return steps[0] ? { row: g, name, stage: place.stage, step: steps[0].item, metric } : { row: g, name, stage: place.stage, metric };
}

/** Joins a metrics sheet into a copy of `journey`; the report counts what was added and updated. */
export function joinMetrics(grid: Grid, journey: Journey, notes: ReportNotes): Result<Journey, Problem[]> {
  const headerIndex = grid.rows.findIndex((r) => !isBlankRow(r.cells));
  const columns = grid.rows[headerIndex]!.cells.map(fieldOf);
  const rows = grid.rows.slice(headerIndex + 1).filter((r) => !isBlankRow(r.cells));
  const col = (g: GridRow) => (f: Field) => (g.cells[columns.indexOf(f)] ?? '').trim();
  const order = inferDateOrder(rows.map((g) => col(g)('date')));
  const j = JSON.parse(JSON.stringify(journey)) as Journey;
  const problems: Problem[] = [];
  const read = rows.map((g) => readRow(g, col(g), j, grid, order, notes, problems)).filter((r): r is Row => r !== undefined);
  if (problems.length) return err(problems);
  const ids = new IdAllocator();
  for (const id of JSON.stringify(j).match(/"id":"[^"]*"/g) ?? []) ids.reserve(id.slice(6, -1));
  let lane = j.lanes.find((l) => l.type === 'metrics');
  const counts = { added: 0, updated: 0, kept: 0 };
  for (const m of read) {
    if (m.step && !lane) {
      lane = { id: ids.derive('lane-metrics'), type: 'metrics', label: 'Metrics' };
      j.lanes.push(lane);
    }
    const laneId = lane?.id;
    const card = m.step && j.cards.find((c) => c.laneId === laneId && c.stepId === m.step!.id && nameKey(c.text) === nameKey(m.name));
    const kpi = !m.step && m.stage.metrics.find((x) => nameKey(x.name) === nameKey(m.name));
    const had = card ? card.metric : kpi || undefined;
    if (had?.date && had.date > (m.metric.date ?? '')) {
      counts.kept++;
      notes.change(`kept the value of ${quote(m.name)} dated ${had.date}: this row's is older`, at(m.row, undefined, ''));
    } else if (card) (card.metric = { ...card.metric, ...m.metric }), counts.updated++;
    else if (kpi) Object.assign(kpi, m.metric), counts.updated++;
    else if (m.step) j.cards.push({ id: ids.derive(`card-${shortHash(`${m.step.id}\n${laneId}\n${m.name}`)}`), laneId: laneId!, stepId: m.step.id, text: m.name, metric: { ...m.metric }, evidence: [] }), counts.added++;
    else m.stage.metrics.push({ name: m.name.slice(0, 200), ...m.metric }), counts.added++;
  }
  notes.change(`metrics: ${counts.added} added, ${counts.updated} updated${counts.kept ? `, ${counts.kept} kept (newer in the map)` : ''}`);
  const valid = validateJourney(j);
  return valid.ok ? valid : err(valid.error);
}
