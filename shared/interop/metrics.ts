// Analytics data into the map. A metrics sheet (exported from any analytics tool, or kept by hand)
// has one row per measurement: stage or step, metric, value, and optionally target, unit,
// direction, date, source. Each row is joined into the journey it is imported into: a row naming a
// step becomes (or updates) a card in the journey's metrics lane at that step; a row naming only a
// stage becomes (or updates) one of the stage's KPIs. Re-importing a newer file updates the values
// and keeps their dates; a row older than the value the map already has does not overwrite it.
// Rows naming a stage or step the journey does not have are listed in the report, never dropped.
import { LIMITS } from '../model/limits';
import type { Card, Journey, Lane, Metric, Stage, Step } from '../model/types';
import { validateJourney } from '../model/validate';
import { err, type Problem, type Result } from '../result';
import { readDirection } from './csv-columns';
import { parseDate, inferDateOrder } from './dates';
import { parseNumberCell, quote } from './escape';
import { IdAllocator, looseKey, nameKey, shortHash } from './ids';
import type { ReportNotes } from './report';
import { at, isBlankRow, type Grid, type GridRow } from './sheet/grid';

type Field = 'stage' | 'step' | 'metric' | 'value' | 'target' | 'unit' | 'direction' | 'date' | 'source';

const HEADERS: Record<string, Field> = {
  stage: 'stage',
  step: 'step',
  metric: 'metric',
  kpi: 'metric',
  name: 'metric',
  value: 'value',
  target: 'target',
  unit: 'unit',
  direction: 'direction',
  date: 'date',
  source: 'source',
};

const fieldOf = (header: string): Field | undefined => {
  const k = looseKey(header);
  return Object.prototype.hasOwnProperty.call(HEADERS, k) ? HEADERS[k] : undefined;
};

/** A metrics sheet names a metric and a value, and a stage or step, but no record, lane or text column. */
export function isMetricsSheet(grid: Grid): boolean {
  const header = grid.rows.find((r) => !isBlankRow(r.cells));
  if (!header) return false;
  const fields = new Set(header.cells.map(fieldOf));
  const keys = new Set(header.cells.map(looseKey));
  return fields.has('metric') && fields.has('value') && (fields.has('stage') || fields.has('step')) && !['record', 'lane', 'text', 'card'].some((k) => keys.has(k));
}

interface Measurement {
  row: GridRow;
  stage?: Stage;
  step?: Step;
  name: string;
  metric: NonNullable<Card['metric']>;
}

class MetricsReader {
  readonly problems: Problem[] = [];
  private readonly stages = new Map<string, Stage[]>();
  private readonly steps = new Map<string, Array<{ step: Step; stage: Stage }>>();

  constructor(
    readonly journey: Journey,
    readonly notes: ReportNotes,
    readonly columns: Array<Field | undefined>,
    readonly decimalComma: boolean,
    readonly dateOrder: ReturnType<typeof inferDateOrder>,
  ) {
    for (const s of journey.stages) {
      for (const k of [s.id, nameKey(s.name)]) this.stages.set(k, [...(this.stages.get(k) ?? []), s]);
      for (const st of s.steps) for (const k of [st.id, nameKey(st.name)]) this.steps.set(k, [...(this.steps.get(k) ?? []), { step: st, stage: s }]);
    }
  }

  cell(row: GridRow, f: Field): string {
    const i = this.columns.indexOf(f);
    return i < 0 ? '' : (row.cells[i] ?? '').trim();
  }

  num(row: GridRow, f: Field): number | undefined | null {
    const v = this.cell(row, f);
    if (v === '') return undefined;
    const n = parseNumberCell(v.replace(/[%\s]/g, ''), this.decimalComma);
    if (n === undefined) this.problems.push(at(row, f, `${quote(v)} is not a number`));
    return n ?? null;
  }

  /** Where the row's metric goes: a step (within the named stage, if any) or a stage. */
  place(row: GridRow): { stage?: Stage; step?: Step } | undefined {
    const stageRef = this.cell(row, 'stage');
    const stepRef = this.cell(row, 'step');
    const stages = stageRef ? (this.stages.get(stageRef) ?? this.stages.get(nameKey(stageRef)) ?? []) : [];
    if (stageRef && stages.length !== 1) {
      this.notes.skip(`stage ${quote(stageRef)} is ${stages.length ? 'the name of several stages; use its id' : 'not in the journey'}, so this row was not imported`, at(row, 'stage', ''));
      return undefined;
    }
    if (!stepRef) return stages[0] ? { stage: stages[0] } : undefined;
    const steps = (this.steps.get(stepRef) ?? this.steps.get(nameKey(stepRef)) ?? []).filter((x) => !stages[0] || x.stage === stages[0]);
    if (steps.length !== 1) {
      this.notes.skip(`step ${quote(stepRef)} is ${steps.length ? 'the name of several steps; add the stage or use its id' : 'not in the journey'}, so this row was not imported`, at(row, 'step', ''));
      return undefined;
    }
    return { stage: steps[0]!.stage, step: steps[0]!.step };
  }

  measurement(row: GridRow): Measurement | undefined {
    const name = this.cell(row, 'metric');
    if (!name) {
      this.notes.skip('has no metric name, so it was not imported', at(row, 'metric', ''));
      return undefined;
    }
    const value = this.num(row, 'value');
    const target = this.num(row, 'target');
    if (value === undefined) this.notes.skip(`metric ${quote(name)} has no value, so it was not imported`, at(row, 'value', ''));
    const place = this.place(row);
    if (value === undefined || value === null || target === null || !place) return undefined;
    const metric: Measurement['metric'] = { value };
    if (target !== undefined) metric.target = target;
    const unit = this.cell(row, 'unit');
    if (unit) metric.unit = unit.slice(0, 20);
    const dir = this.cell(row, 'direction');
    if (dir && readDirection(dir)) metric.direction = readDirection(dir)!;
    else if (dir) this.problems.push(at(row, 'direction', `${quote(dir)} is not "higher is better" or "lower is better"`));
    const dateText = this.cell(row, 'date');
    if (dateText) {
      const d = parseDate(dateText, this.dateOrder);
      if ('iso' in d) metric.date = d.iso.slice(0, 10);
      else this.problems.push(at(row, 'date', d.problem));
    }
    const source = this.cell(row, 'source');
    if (source) metric.source = source.slice(0, 200);
    return { row, ...place, name, metric };
  }
}

const keyOf = (m: Measurement) => `${m.step ? `step:${m.step.id}` : `stage:${m.stage!.id}`}\u0000${nameKey(m.name)}`;
const newer = (a?: string, b?: string) => (a ?? '') > (b ?? '');

/** One measurement per metric and place: the newest by date (the last row when undated). */
function newest(list: Measurement[], notes: ReportNotes): Measurement[] {
  const best = new Map<string, Measurement>();
  let older = 0;
  for (const m of list) {
    const k = keyOf(m);
    const had = best.get(k);
    if (had && newer(had.metric.date, m.metric.date)) older++;
    else {
      if (had) older++;
      best.set(k, m);
    }
  }
  if (older) notes.change(`${older} rows repeat a metric already in the sheet; for each metric the newest value (by date, else the last row) was used`);
  return [...best.values()];
}

function metricsLane(j: Journey, ids: IdAllocator, notes: ReportNotes): Lane {
  const lane = j.lanes.find((l) => l.type === 'metrics');
  if (lane) return lane;
  const made: Lane = { id: ids.derive('lane-metrics'), type: 'metrics', label: 'Metrics' };
  j.lanes.push(made);
  notes.change('a "Metrics" lane was added for the step metrics');
  return made;
}

/** Applies one measurement; returns what happened, for the counts in the report. */
function apply(j: Journey, m: Measurement, lane: () => Lane, ids: IdAllocator, notes: ReportNotes): 'added' | 'updated' | 'kept' | 'full' {
  const keep = (existing: { date?: string }) => {
    notes.change(`kept the value of ${quote(m.name)} dated ${existing.date}: this row's value is older${m.metric.date ? ` (${m.metric.date})` : ' (undated)'}`, at(m.row, undefined, ''));
    return 'kept' as const;
  };
  if (m.step) {
    const l = lane();
    const card = j.cards.find((c) => c.laneId === l.id && c.stepId === m.step!.id && nameKey(c.text) === nameKey(m.name));
    if (card?.metric?.date && newer(card.metric.date, m.metric.date)) return keep(card.metric);
    if (card) {
      card.metric = { ...card.metric, ...m.metric };
      return 'updated';
    }
    if (j.cards.length >= LIMITS.cards) return 'full';
    j.cards.push({ id: ids.derive(`card-${shortHash(`${m.step.id}\n${l.id}\n${m.name}`)}`), laneId: l.id, stepId: m.step.id, text: m.name, metric: { ...m.metric }, evidence: [] });
    return 'added';
  }
  const stage = m.stage!;
  const metric = stage.metrics.find((x) => nameKey(x.name) === nameKey(m.name));
  if (metric?.date && newer(metric.date, m.metric.date)) return keep(metric);
  if (metric) {
    Object.assign(metric, m.metric);
    return 'updated';
  }
  if (stage.metrics.length >= LIMITS.metricsPerStage) return 'full';
  stage.metrics.push({ name: m.name.slice(0, 200), ...m.metric } as Metric);
  return 'added';
}

/** Joins a metrics sheet into a copy of `journey`. */
export function joinMetrics(grid: Grid, journey: Journey, notes: ReportNotes): Result<Journey, Problem[]> {
  const headerIndex = grid.rows.findIndex((r) => !isBlankRow(r.cells));
  const header = grid.rows[headerIndex]!;
  const columns = header.cells.map(fieldOf);
  const rows = grid.rows.slice(headerIndex + 1).filter((r) => !isBlankRow(r.cells));
  const dateCol = columns.indexOf('date');
  const order = inferDateOrder(dateCol < 0 ? [] : rows.map((r) => r.cells[dateCol] ?? ''));
  const j = structuredCopy(journey);
  const reader = new MetricsReader(j, notes, columns, grid.decimalComma, order);
  const list = rows.map((r) => reader.measurement(r)).filter((m): m is Measurement => m !== undefined);
  if (reader.problems.length) return err(reader.problems);
  const ids = new IdAllocator();
  for (const id of allIds(j)) ids.reserve(id);
  let laneMade: Lane | undefined;
  const lane = () => (laneMade ??= metricsLane(j, ids, notes));
  const counts = { added: 0, updated: 0, kept: 0, full: 0 };
  for (const m of newest(list, notes)) {
    const what = apply(j, m, lane, ids, notes);
    counts[what]++;
    if (what === 'full') notes.skip(`metric ${quote(m.name)} was not added: ${m.step ? `the journey already has ${LIMITS.cards} cards` : `stage ${quote(m.stage!.name)} already has ${LIMITS.metricsPerStage} metrics`}`, at(m.row, undefined, ''));
  }
  notes.change(`metrics: ${counts.added} added, ${counts.updated} updated${counts.kept ? `, ${counts.kept} kept (newer in the map)` : ''}`);
  const valid = validateJourney(j);
  return valid.ok ? valid : err(valid.error);
}

function structuredCopy(j: Journey): Journey {
  return JSON.parse(JSON.stringify(j)) as Journey;
}

function allIds(j: Journey): string[] {
  return [
    j.id,
    ...j.personas.map((p) => p.id),
    ...j.stages.flatMap((s) => [s.id, ...s.steps.map((st) => st.id), ...s.metrics.flatMap((m) => (m.id ? [m.id] : []))]),
    ...j.lanes.map((l) => l.id),
    ...j.cards.map((c) => c.id),
    ...j.curves.map((c) => c.id),
    ...j.links.map((l) => l.id),
    ...j.evidence.map((e) => e.id),
  ];
}
