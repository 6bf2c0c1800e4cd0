// Journey → rows of the long format (one row per item; see CSV-FORMAT.md). References name the
// item when the name is unambiguous and fall back to the id, so a sheet whose id column is deleted
// still imports. Text cells are escaped against formula injection; numbers are numbers.
import type { Journey } from '../../model/types';
import { CSV_COLUMNS, type CsvColumn } from '../csv-columns';
import { escapeCell } from '../escape';
import { nameKey } from '../ids';

type Cells = Partial<Record<CsvColumn, string | number | undefined>>;

/** How rows refer to entities: by name where unambiguous (sheets then import without ids), or by id. */
export type RefStyle = 'names' | 'ids';
let refStyle: RefStyle = 'names';

/** Chooses how rows refer to an entity: its name when that is unambiguous, else its id. */
function refPolicy<T>(items: readonly T[], idOf: (t: T) => string, nameOf: (t: T) => string, scopeOf: (t: T) => unknown = () => null) {
  if (refStyle === 'ids') return idOf;
  const ids = new Set(items.map(idOf));
  const counts = new Map<string, number>();
  const key = (t: T) => `${String(scopeOf(t) ?? '')}\u0000${nameKey(nameOf(t))}`;
  for (const t of items) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  return (t: T): string => {
    const name = nameOf(t);
    const usable = name.trim() === name && name !== '' && counts.get(key(t)) === 1 && !ids.has(name.trim());
    return usable ? name : idOf(t);
  };
}

/** Counts of names, to tell whether a name names exactly one thing. */
function nameCounts(names: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const n of names) m.set(nameKey(n), (m.get(nameKey(n)) ?? 0) + 1);
  return m;
}

class LongWriter {
  readonly rows: string[][] = [CSV_COLUMNS.slice()];
  constructor(private readonly decimalComma: boolean) {}

  add(record: string, cells: Cells): void {
    const num = (n: number) => (this.decimalComma ? String(n).replace('.', ',') : String(n));
    this.rows.push(
      CSV_COLUMNS.map((c) => {
        if (c === 'record') return record;
        const v = cells[c];
        if (v === undefined) return '';
        return typeof v === 'number' ? num(v) : escapeCell(v);
      }),
    );
  }
}

function journeyRows(w: LongWriter, j: Journey): void {
  w.add('journey', { field: 'id', value: j.id });
  w.add('journey', { field: 'title', value: j.title });
  if (j.description !== undefined) w.add('journey', { field: 'description', value: j.description });
  if (j.objective !== undefined) w.add('journey', { field: 'objective', value: j.objective });
  if (j.owner !== undefined) w.add('journey', { field: 'owner', value: j.owner });
  w.add('journey', { field: 'status', value: j.status });
  if (j.updated !== undefined) w.add('journey', { field: 'updated', value: j.updated });
  if (j.reviewBy !== undefined) w.add('journey', { field: 'review_by', value: j.reviewBy });
  for (const t of j.tags) w.add('journey', { field: 'tag', value: t });
  w.add('scale', { field: 'min', value: j.emotionScale.min });
  w.add('scale', { field: 'max', value: j.emotionScale.max });
  for (const l of j.emotionScale.labels) w.add('scale', { field: 'label', value: l.value, text: l.label });
}

/** Evidence cited by id, or by its source when exactly one evidence item has that source. */
function evidenceRefs(j: Journey): (ids: readonly string[]) => string | undefined {
  const sources = nameCounts(j.evidence.map((e) => e.source));
  const allIds = new Set(j.evidence.map((e) => e.id));
  const byId = new Map(j.evidence.map((e) => [e.id, e]));
  const ref = (id: string) => {
    const s = byId.get(id)?.source;
    return s !== undefined && s.trim() === s && s !== '' && !/[\r\n]/.test(s) && sources.get(nameKey(s)) === 1 && !allIds.has(s) ? s : id;
  };
  return (ids) => {
    if (ids.length === 0) return undefined;
    const refs = refStyle === 'ids' ? ids : ids.map(ref);
    return refs.some((r) => /[\s,;]/.test(r)) ? refs.join('\n') : refs.join(' ');
  };
}

/** Link ends by step name or card text when that names one thing, else by id. */
function linkEndRefs(j: Journey): (id: string) => string {
  const steps = j.stages.flatMap((s) => s.steps);
  const stepNames = nameCounts(steps.map((s) => s.name));
  const cardTexts = nameCounts(j.cards.map((c) => c.text));
  const ids = new Set<string>([...steps.map((s) => s.id), ...j.cards.map((c) => c.id)]);
  const names = new Map<string, string>();
  for (const s of steps) names.set(s.id, s.name);
  for (const c of j.cards) if (c.text.length <= 200) names.set(c.id, c.text);
  return (id) => {
    const n = refStyle === 'ids' ? undefined : names.get(id);
    if (n === undefined || n.trim() !== n || n === '' || ids.has(n)) return id;
    const k = nameKey(n);
    return (stepNames.get(k) ?? 0) + (cardTexts.get(k) ?? 0) === 1 ? n : id;
  };
}

interface Refs {
  persona: (id: string) => string;
  stepCells: (stepId: string) => Cells;
  evidence: (ids: readonly string[]) => string | undefined;
}

function personaRows(w: LongWriter, j: Journey, evidence: Refs['evidence']): Refs['persona'] {
  const personaRef = refPolicy(j.personas, (p) => p.id, (p) => p.name);
  const byId = new Map(j.personas.map((p) => [p.id, p]));
  for (const p of j.personas) {
    w.add('persona', { id: p.id, persona: p.name, text: p.summary, evidence: evidence(p.evidence) });
    const ref = personaRef(p);
    if (p.segment !== undefined) w.add('persona', { persona: ref, field: 'segment', value: p.segment });
    for (const g of p.goals) w.add('persona', { persona: ref, field: 'goal', value: g });
    for (const f of p.frustrations) w.add('persona', { persona: ref, field: 'frustration', value: f });
    if (p.quote !== undefined) w.add('persona', { persona: ref, field: 'quote', value: p.quote });
  }
  return (id) => {
    const p = byId.get(id);
    return p ? personaRef(p) : id;
  };
}

function stageRows(w: LongWriter, j: Journey): Refs['stepCells'] {
  const stageRef = refPolicy(j.stages, (s) => s.id, (s) => s.name);
  const allSteps = j.stages.flatMap((s) => s.steps.map((st) => ({ st, s })));
  const stepRefOf = refPolicy(allSteps, (x) => x.st.id, (x) => x.st.name, (x) => x.s.id);
  const stepById = new Map(allSteps.map((x) => [x.st.id, x]));
  for (const s of j.stages) {
    w.add('stage', { id: s.id, stage: s.name, phase: s.phase, text: s.description, owner: s.owner });
    if (s.customPhase !== undefined) w.add('stage', { stage: stageRef(s), field: 'custom_phase', value: s.customPhase });
    for (const m of s.metrics) w.add('metric', { id: m.id, stage: stageRef(s), text: m.name, value: m.value, target: m.target, unit: m.unit, ...metricExtras(m) });
  }
  for (const x of allSteps) w.add('step', { id: x.st.id, stage: stageRef(x.s), step: x.st.name, text: x.st.description });
  return (stepId) => {
    const x = stepById.get(stepId);
    return x ? { stage: stageRef(x.s), step: stepRefOf(x) } : { step: stepId };
  };
}

/** Direction, date and source of a measured metric (see metrics.ts), when the model has them. */
function metricExtras(m: object): Cells {
  const x = m as { direction?: string; date?: string; source?: string };
  const out: Cells = {};
  if (x.direction !== undefined) out.direction = x.direction;
  if (x.date !== undefined) out.date = x.date;
  if (x.source !== undefined) out.source = x.source;
  return out;
}

function laneAndCardRows(w: LongWriter, j: Journey, refs: Refs): void {
  const laneRef = refPolicy(j.lanes, (l) => l.id, (l) => l.label);
  const laneById = new Map(j.lanes.map((l) => [l.id, l]));
  for (const l of j.lanes) {
    w.add('lane', { id: l.id, lane: l.label, lane_type: l.type, persona: l.personaId !== undefined ? refs.persona(l.personaId) : undefined });
    if (l.hidden !== undefined) w.add('lane', { lane: laneRef(l), field: 'hidden', value: String(l.hidden) });
  }
  for (const e of j.evidence) w.add('evidence', { id: e.id, kind: e.kind, source: e.source, evidence_url: e.url, confidence: e.confidence, text: e.quote, date: e.date });
  for (const c of j.cards) {
    const lane = laneById.get(c.laneId);
    w.add('card', {
      id: c.id,
      ...refs.stepCells(c.stepId),
      lane: lane ? laneRef(lane) : c.laneId,
      text: c.text,
      owner: c.owner,
      priority: c.priority,
      status: c.status,
      channel: c.channel,
      effort: c.effort,
      impact: c.value,
      value: c.metric?.value,
      target: c.metric?.target,
      unit: c.metric?.unit,
      ...(c.metric ? metricExtras(c.metric) : {}),
      evidence: refs.evidence(c.evidence),
      note: c.note,
    });
  }
}

function curveAndLinkRows(w: LongWriter, j: Journey, refs: Refs): void {
  const curveRef = refPolicy(j.curves, (c) => c.id, (c) => c.name, (c) => c.personaId);
  for (const c of j.curves) w.add('curve', { id: c.id, persona: refs.persona(c.personaId), curve: c.name, kind: c.kind });
  for (const c of j.curves)
    for (const p of c.points) w.add('emotion', { persona: refs.persona(c.personaId), curve: curveRef(c), ...refs.stepCells(p.stepId), value: p.value, note: p.note });
  const end = linkEndRefs(j);
  for (const l of j.links) w.add('link', { id: l.id, from: end(l.from), to: end(l.to), kind: l.kind, text: l.label });
}

/** Each view: a row with its id, kind and name, then one row per option, naming the view by its id. */
function viewRows(w: LongWriter, j: Journey, refs: Refs): void {
  const laneRef = refPolicy(j.lanes, (l) => l.id, (l) => l.label);
  const stageRef = refPolicy(j.stages, (s) => s.id, (s) => s.name);
  const lanes = new Map(j.lanes.map((l) => [l.id, l]));
  const stages = new Map(j.stages.map((s) => [s.id, s]));
  const ref = <T>(items: Map<string, T>, policy: (t: T) => string) => (id: string) => {
    const item = items.get(id);
    return item ? policy(item) : id;
  };
  const viewRef = refPolicy(j.views, (v) => v.id, (v) => v.name);
  for (const v of j.views) {
    w.add('view', { id: v.id, kind: v.kind, text: v.name });
    // Option rows name their view twice: by id, and in the text column (name, or id) for a sheet whose id column was deleted.
    const of = { id: v.id, text: viewRef(v) };
    for (const p of v.options.personas) w.add('view', { ...of, field: 'persona', value: refs.persona(p) });
    for (const l of v.options.lanes) w.add('view', { ...of, field: 'lane', value: ref(lanes, laneRef)(l) });
    for (const s of v.options.stages) w.add('view', { ...of, field: 'stage', value: ref(stages, stageRef)(s) });
    if (v.options.top !== undefined) w.add('view', { ...of, field: 'top', value: v.options.top });
    if (v.options.slide !== undefined) w.add('view', { ...of, field: 'slide', value: `${v.options.slide.width}x${v.options.slide.height}` });
  }
}

/**
 * The journey as rows of the long format, the header first. References use names by default; with
 * `ids` they use ids only (the sheet is then never larger than the JSON by more than a few bytes
 * per row, which keeps a journey at the size limit importable; see size.ts).
 */
export function longRows(journey: Journey, decimalComma = false, refs: RefStyle = 'names'): string[][] {
  refStyle = refs;
  try {
    return writeRows(journey, decimalComma);
  } finally {
    refStyle = 'names';
  }
}

function writeRows(journey: Journey, decimalComma: boolean): string[][] {
  const w = new LongWriter(decimalComma);
  journeyRows(w, journey);
  const evidence = evidenceRefs(journey);
  const persona = personaRows(w, journey, evidence);
  const stepCells = stageRows(w, journey);
  const refs: Refs = { persona, stepCells, evidence };
  laneAndCardRows(w, journey, refs);
  curveAndLinkRows(w, journey, refs);
  viewRows(w, journey, refs);
  return w.rows;
}
