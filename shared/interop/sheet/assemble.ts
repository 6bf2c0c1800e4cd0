// Entities → journey: gives every entity its id (an explicit id wins; otherwise one derived from
// names, see CSV-FORMAT.md "Stable ids"), resolves references by id or name, maps emotion values
// on another scale onto the journey's, builds the journey and validates it. Model problems are
// mapped back to the sheet row they came from.
import { DEFAULT_EMOTION_SCALE } from '../../model/schema';
import type { Card, Curve, EmotionScale, Evidence, Journey, Lane, Link, Persona, Stage, Step, View } from '../../model/types';
import { validateJourney } from '../../model/validate';
import { err, type Problem, type Result } from '../../result';
import { quote } from '../escape';
import { IdAllocator, nameKey, shortHash, slug } from '../ids';
import { COMMON_SCALES, describeMapping, detectScale, mapValue, scaleText, type SourceScale } from '../scale';
import type { CurveE, EvidenceE, RefList, Row } from './entities';
import type { LongReader } from './long-reader';

/** Reserves the explicit ids; a second use of one is a problem at its row. */
function reserveExplicit(r: LongReader, ids: IdAllocator): void {
  const claim = (id: string | undefined, row: Row) => {
    if (id !== undefined && !ids.reserve(id)) r.problem(row, 'id', `id ${quote(id)} is used by another row; ids must be unique`);
  };
  if (r.journeyId !== undefined) ids.reserve(r.journeyId);
  r.personas.all.forEach((p) => claim(p.id, p.row));
  r.stages.all.forEach((s) => {
    claim(s.id, s.row);
    s.steps.forEach((st) => claim(st.id, st.row));
  });
  r.lanes.all.forEach((l) => claim(l.id, l.row));
  r.evidence.forEach((e) => claim(e.id, e.row));
  r.cards.forEach((c) => claim(c.id, c.row));
  r.curves.all.forEach((c) => claim(c.id, c.row));
  r.links.forEach((l) => claim(l.id, l.row));
  r.views.forEach((v) => claim(v.id, v.row));
  r.stages.all.forEach((s) => s.metrics.forEach((m) => m.id !== undefined && claim(m.id, s.row)));
}

/** Gives every entity without an explicit id one derived from its names. */
function deriveIds(r: LongReader, ids: IdAllocator, title: string): { journeyId: string; personaIds: Map<unknown, string>; curveIds: Map<CurveE, string> } {
  let derived = 0;
  const derive = (base: string) => (derived++, ids.derive(base));
  const journeyId = r.journeyId ?? derive(`journey-${slug(title)}`);
  const personaIds = new Map<unknown, string>();
  for (const p of r.personas.all) personaIds.set(p, p.id ?? derive(`persona-${slug(p.name)}`));
  for (const s of r.stages.all) {
    s.finalId = s.id ?? derive(`stage-${slug(s.name)}`);
    for (const st of s.steps) st.finalId = st.id ?? derive(`step-${slug(s.name)}.${slug(st.name)}`);
  }
  for (const l of r.lanes.all) l.finalId = l.id ?? derive(`lane-${slug(l.label)}`);
  for (const e of r.evidence) e.finalId = e.id ?? derive(`evidence-${shortHash(`${e.value.url ?? ''}\n${e.value.source}\n${e.value.quote ?? ''}`)}`);
  for (const c of r.cards) c.finalId = c.id ?? derive(`card-${shortHash(`${c.step.finalId}\n${c.lane.finalId}\n${c.value.text}`)}`);
  for (const v of r.views) v.finalId = v.id ?? derive(`view-${slug(v.name)}`);
  const curveIds = new Map<CurveE, string>();
  for (const c of r.curves.all) curveIds.set(c, c.id ?? derive(`curve-${slug(c.persona.name, 20)}-${slug(c.name, 20)}`));
  if (derived > 1) r.notes.change(`${derived} ids were derived from names (the sheet has no id for them); see CSV-FORMAT.md "Stable ids"`);
  return { journeyId, personaIds, curveIds };
}

/** Evidence references: an evidence id, else the source of exactly one evidence item. */
function evidenceResolver(r: LongReader) {
  const bySource = new Map<string, EvidenceE[]>();
  for (const e of r.evidence) {
    const k = nameKey(e.value.source);
    bySource.set(k, [...(bySource.get(k) ?? []), e]);
  }
  const known = (s: string) => r.evidenceById.has(s) || bySource.has(nameKey(s));
  // One reference per line; else the whole cell when it names one item; else ids split at spaces and commas.
  const split = (cell: string): string[] => {
    if (/[\r\n]/.test(cell)) return cell.split(/\r\n|\r|\n/).map((s) => s.trim()).filter(Boolean);
    return known(cell) ? [cell] : cell.split(/[\s,;]+/).filter(Boolean);
  };
  const one = (ref: string, row: Row, out: string[]) => {
    const e = r.evidenceById.get(ref);
    const named = bySource.get(nameKey(ref));
    if (e) out.push(e.finalId!);
    else if (named?.length === 1) out.push(named[0]!.finalId!);
    else if (named) r.problem(row, 'evidence', `${named.length} evidence rows have the source ${quote(ref)}; give them ids and cite the id`);
    else r.problem(row, 'evidence', `evidence ${quote(ref)} is not in the sheet; add an evidence row with that id or source`);
  };
  return (list: RefList): string[] => {
    const out: string[] = [];
    for (const ref of list) {
      if ('value' in ref) out.push(ref.finalId!);
      else for (const part of split(ref.raw)) one(part, ref.row, out);
    }
    return out;
  };
}

/** Link ends: a step or card id (explicit or derived), else the name of one step or the text of one card. */
function linkEndResolver(r: LongReader) {
  const endpoints = new Map<string, string>();
  const cardText = new Map<string, string[]>();
  for (const s of r.stages.all) for (const st of s.steps) endpoints.set(st.finalId!, st.finalId!);
  for (const c of r.cards) {
    endpoints.set(c.finalId!, c.finalId!);
    const k = nameKey(c.value.text);
    cardText.set(k, [...(cardText.get(k) ?? []), c.finalId!]);
  }
  return (row: Row, column: 'from' | 'to', ref: string): string | undefined => {
    const direct = endpoints.get(ref);
    if (direct) return direct;
    const step = r.steps.find(ref);
    const cards = cardText.get(nameKey(ref)) ?? [];
    if (step && step !== 'ambiguous' && cards.length === 0) return step.finalId;
    if (!step && cards.length === 1) return cards[0];
    r.problem(
      row,
      column,
      step || cards.length > 1 ? `several steps or cards are called ${quote(ref)}; use the id of the one you mean` : `${quote(ref)} is not the id of a step or card, nor the name of a step or the text of a card`,
    );
    return undefined;
  };
}

const copyScale = (s: EmotionScale): EmotionScale => ({ min: s.min, max: s.max, labels: s.labels.map((l) => ({ ...l })) });

/** The journey's scale: from scale rows, else from an emotion lane's label, else the default. */
function journeyScale(r: LongReader): EmotionScale {
  if (r.scaleGiven) {
    const values = r.scaleLabels.map((l) => l.value);
    return {
      min: r.scaleMin ?? (values.length ? Math.min(...values) : DEFAULT_EMOTION_SCALE.min),
      max: r.scaleMax ?? (values.length ? Math.max(...values) : DEFAULT_EMOTION_SCALE.max),
      labels: r.scaleLabels,
    };
  }
  const h = r.scaleHints[0];
  const agree = h && r.scaleHints.every((x) => x.min === h.min && x.max === h.max);
  if (h && agree && Number.isInteger(h.min) && Number.isInteger(h.max) && h.max - h.min <= 20) {
    if (h.min === DEFAULT_EMOTION_SCALE.min && h.max === DEFAULT_EMOTION_SCALE.max) return copyScale(DEFAULT_EMOTION_SCALE);
    r.notes.change(`the emotion scale is ${scaleText(h)}, as the lane label says`, { path: `row ${h.row.n}`, ...(h.row.line ? { line: h.row.line } : {}) });
    return { min: h.min, max: h.max, labels: [] };
  }
  return copyScale(DEFAULT_EMOTION_SCALE);
}

/** Two values for one step on one curve, named in words (the model's message would cite ids). */
function duplicatePoints(r: LongReader): void {
  for (const c of r.curves.all) {
    const seen = new Map<unknown, Row>();
    for (const p of c.points) {
      const first = seen.get(p.step);
      if (first) r.problem(p.row, (p.column ?? 'value') as 'value', `${c.persona.name}'s ${c.name} curve already has a value for step ${quote(p.step.name)} (row ${first.n}); give each step one value`);
      else seen.set(p.step, p.row);
    }
  }
}

/** Maps emotion values that are on another scale onto the journey's, and says so once. */
function rescalePoints(r: LongReader, scale: EmotionScale): void {
  const points = r.curves.all.flatMap((c) => c.points);
  if (points.length === 0) return;
  const hint = r.scaleHints.find((h) => h.min !== scale.min || h.max !== scale.max);
  const from: SourceScale | undefined = hint ?? detectScale(points.map((p) => p.value), scale);
  if (!from) {
    for (const p of points)
      if (p.value < scale.min || p.value > scale.max)
        r.problem(p.row, (p.column ?? 'value') as 'value', `${p.value} is outside the emotion scale ${scaleText(scale)}, and no common scale (${COMMON_SCALES.map(scaleText).join(', ')}) holds all the values; add scale rows`);
    return;
  }
  for (const p of points) p.value = mapValue(p.value, from, scale);
  const rows = points.map((p) => p.row.n);
  const where = `rows ${Math.min(...rows)}–${Math.max(...rows)}`;
  const how = hint ? '' : `; to keep the numbers as they are, name the scale in the emotion lane's label, e.g. "Emotion (${scaleText(from)})"`;
  r.notes.change(`${points.length} emotion values are ${describeMapping(from, scale)}${how}`, { path: where });
}

function buildStages(r: LongReader): Stage[] {
  return r.stages.all.map((s) => {
    const steps = s.steps.map((st) => {
      const step: Step = { id: st.finalId!, name: st.name };
      if (st.description !== undefined) step.description = st.description;
      return step;
    });
    const out: Stage = { id: s.finalId!, name: s.name, metrics: s.metrics, steps };
    if (s.phase !== undefined) out.phase = s.phase;
    if (s.customPhase !== undefined) out.customPhase = s.customPhase;
    if (s.description !== undefined) out.description = s.description;
    if (s.owner !== undefined) out.owner = s.owner;
    if (steps.length === 0) r.problem(s.row, 'stage', `stage ${quote(s.name)} has no steps; add a step row or a card row for it`);
    return out;
  });
}

function buildLinks(r: LongReader, ids: IdAllocator): Link[] {
  const linkEnd = linkEndResolver(r);
  const links: Link[] = [];
  for (const l of r.links) {
    const from = linkEnd(l.row, 'from', l.from);
    const to = linkEnd(l.row, 'to', l.to);
    if (from === undefined || to === undefined) continue;
    const out: Link = { id: l.id ?? ids.derive(`link-${shortHash(`${from}\n${to}\n${l.kind}`)}`), from, to, kind: l.kind };
    if (l.label !== undefined) out.label = l.label;
    links.push(out);
  }
  return links;
}

/** Views, their persona, lane and stage references resolved by id or name. */
function buildViews(r: LongReader, personaIds: Map<unknown, string>): View[] {
  const resolve = <T extends { id?: string }>(registry: { find(ref: string): T | 'ambiguous' | undefined }, what: string, idOf: (t: T) => string) =>
    (refs: { raw: string; row: Row }[]): string[] =>
      refs.flatMap(({ raw, row }) => {
        const found = registry.find(raw);
        if (found === 'ambiguous') r.problem(row, 'value', `several ${what}s are called ${quote(raw)}; name the ${what} by its id`);
        else if (!found) r.problem(row, 'value', `${what} ${quote(raw)} is not in the sheet`);
        else return [idOf(found)];
        return [];
      });
  const personas = resolve(r.personas, 'persona', (p) => personaIds.get(p)!);
  const lanes = resolve(r.lanes, 'lane', (l) => l.finalId!);
  const stages = resolve(r.stages, 'stage', (s) => s.finalId!);
  return r.views.map((v) => {
    const options: View['options'] = { personas: personas(v.personas), lanes: lanes(v.lanes), stages: stages(v.stages) };
    if (v.top !== undefined) options.top = v.top;
    if (v.slide !== undefined) options.slide = v.slide;
    return { id: v.finalId!, kind: v.kind, name: v.name, options };
  });
}

function buildEntities(r: LongReader, ids: IdAllocator, derived: ReturnType<typeof deriveIds>) {
  const refs = evidenceResolver(r);
  const personas: Persona[] = r.personas.all.map((p) => {
    const out: Persona = { id: derived.personaIds.get(p)!, name: p.name, goals: p.goals, frustrations: p.frustrations, evidence: refs(p.evidence) };
    if (p.segment !== undefined) out.segment = p.segment;
    if (p.summary !== undefined) out.summary = p.summary;
    if (p.quote !== undefined) out.quote = p.quote;
    return out;
  });
  const lanes: Lane[] = r.lanes.all.map((l) => {
    const out: Lane = { id: l.finalId!, type: l.type, label: l.label };
    if (l.persona) out.personaId = derived.personaIds.get(l.persona)!;
    if (l.hidden !== undefined) out.hidden = l.hidden;
    return out;
  });
  const cards: Card[] = r.cards.map((c) => ({ id: c.finalId!, laneId: c.lane.finalId!, stepId: c.step.finalId!, ...c.value, evidence: refs(c.evidence) }));
  const curves: Curve[] = r.curves.all.map((c) => ({
    id: derived.curveIds.get(c)!,
    personaId: derived.personaIds.get(c.persona)!,
    name: c.name,
    kind: c.kind,
    points: c.points.map((p) => (p.note !== undefined ? { stepId: p.step.finalId!, value: p.value, note: p.note } : { stepId: p.step.finalId!, value: p.value })),
  }));
  const evidence: Evidence[] = r.evidence.map((e) => ({ id: e.finalId!, ...e.value }));
  return { personas, stages: buildStages(r), lanes, cards, curves, links: buildLinks(r, ids), evidence, views: buildViews(r, derived.personaIds) };
}

/** Gives every entity its id, builds the journey and validates it. */
export function assemble(r: LongReader, fallbackTitle: string | undefined): Result<Journey, Problem[]> {
  const ids = new IdAllocator();
  reserveExplicit(r, ids);
  if (r.problems.length) return err(r.finishProblems());
  const title = r.title || fallbackTitle?.trim() || 'Untitled journey';
  if (!r.title) r.notes.change(`the sheet has no title, so the journey is called ${quote(title)}`);
  const derived = deriveIds(r, ids, title);
  const emotionScale = journeyScale(r);
  duplicatePoints(r);
  rescalePoints(r, emotionScale);
  const entities = buildEntities(r, ids, derived);
  if (r.problems.length) return err(r.finishProblems());
  const journey: Record<string, unknown> = { id: derived.journeyId, title, status: r.status ?? 'draft', tags: r.tags, emotionScale, ...entities };
  if (r.description !== undefined) journey.description = r.description;
  if (r.objective !== undefined) journey.objective = r.objective;
  if (r.owner !== undefined) journey.owner = r.owner;
  if (r.updated !== undefined) journey.updated = r.updated;
  if (r.reviewBy !== undefined) journey.reviewBy = r.reviewBy;
  const valid = validateJourney(journey);
  if (valid.ok) return valid;
  return err(valid.error.map((p) => locate(p, r)));
}

/** The sheet row a validation problem's path points at, e.g. `cards[3].laneId` → the card's row. */
function rowOf(path: string, r: LongReader): Row | undefined {
  const m = /^(personas|lanes|cards|curves|links|evidence|stages|views)\[(\d+)\](?:\.(steps|points)\[(\d+)\])?/.exec(path);
  if (!m) return undefined;
  const i = Number(m[2]);
  const k = m[4] === undefined ? undefined : Number(m[4]);
  switch (m[1]) {
    case 'personas':
      return r.personas.all[i]?.row;
    case 'lanes':
      return r.lanes.all[i]?.row;
    case 'cards':
      return r.cards[i]?.row;
    case 'curves': {
      const c = r.curves.all[i];
      return k !== undefined ? (c?.points[k]?.row ?? c?.row) : c?.row;
    }
    case 'links':
      return r.links[i]?.row;
    case 'evidence':
      return r.evidence[i]?.row;
    case 'views':
      return r.views[i]?.row;
    default: {
      const s = r.stages.all[i];
      return k !== undefined && m[3] === 'steps' ? (s?.steps[k]?.row ?? s?.row) : s?.row;
    }
  }
}

/** Adds the sheet row to a validation problem: `row 12: …` (the model path is not shown). */
function locate(p: Problem, r: LongReader): Problem {
  const row = rowOf(p.path, r);
  if (!row) return p;
  const out: Problem = { path: `row ${row.n}`, message: p.message };
  if (row.line !== undefined) out.line = row.line;
  return out;
}
