// The long format's record handlers: one function per record kind (journey, scale, persona,
// stage, metric, step, lane, evidence, card, curve, emotion, link), each reading one row into the
// reader's entities and reporting problems with the row and column. See CSV-FORMAT.md.
import {
  CHANNELS,
  CONFIDENCE_LEVELS,
  CURVE_KINDS,
  EVIDENCE_KINDS,
  JOURNEY_STATUSES,
  LANE_TYPES,
  LINK_KINDS,
  METRIC_DIRECTIONS,
  PRIORITIES,
  SLIDE_BOUNDS,
  VIEW_KINDS,
  WORK_STATUSES,
} from '../../model/schema';
import type { Card, Metric } from '../../model/types';
import {
  inferLaneType,
  readChannel,
  readConfidence,
  readDirection,
  readCurveKind,
  readEvidenceKind,
  readJourneyStatus,
  readLaneType,
  readLinkKind,
  readPhase,
  readViewKind,
  readPriority,
  readWorkStatus,
} from '../csv-columns';
import { oneOf, parseNumberCell, quote } from '../escape';
import { LIMITS } from '../../model/limits';
import { nameKey } from '../ids';
import { parseScaleHint } from '../scale';
import type { CardE, EvidenceE, EvidenceFields, LaneE, LinkE, PersonaE, PointE, Row, StageE, StepE, ViewE } from './entities';
import { laneTypeOf, type LongReader } from './long-reader';

/** A journey row without a field: text = title, owner, status, date = updated, note = description. */
function journeyMainRow(r: LongReader, row: Row): void {
  const title = r.opt(row, 'text');
  if (title !== undefined) setTitle(r, row, title.trim());
  const owner = r.opt(row, 'owner');
  if (owner !== undefined) r.owner = owner;
  const status = r.enumCell(row, 'status', readJourneyStatus, JOURNEY_STATUSES);
  if (status) r.status = status;
  const date = r.date(row, 'date', r.raw(row, 'date'));
  if (date !== undefined) r.updated = date;
  const note = r.opt(row, 'note');
  if (note !== undefined) r.description = note;
}

export function journeyRow(r: LongReader, row: Row): void {
  const field = r.cell(row, 'field');
  if (!field) return journeyMainRow(r, row);
  const value = r.opt(row, 'value') ?? r.opt(row, 'text');
  const key = field.toLowerCase().replace(/[^a-z]/g, '');
  switch (key) {
    case 'id':
      if (value !== undefined) r.journeyId = value.trim();
      return;
    case 'title':
    case 'name':
      if (value !== undefined) setTitle(r, row, value.trim());
      return;
    case 'description':
      r.description = value;
      return;
    case 'objective':
    case 'goal':
      r.objective = value;
      return;
    case 'owner':
      r.owner = value;
      return;
    case 'status': {
      if (value === undefined) return;
      const s = readJourneyStatus(value);
      if (!s) r.problem(row, 'value', `${quote(value)} is not one of ${oneOf(JOURNEY_STATUSES)}`);
      else r.status = s;
      return;
    }
    case 'updated':
    case 'date':
      r.updated = value === undefined ? undefined : r.date(row, r.opt(row, 'value') !== undefined ? 'value' : 'text', value);
      return;
    case 'reviewby':
    case 'review':
      r.reviewBy = value === undefined ? undefined : r.date(row, r.opt(row, 'value') !== undefined ? 'value' : 'text', value);
      return;
    case 'tag':
    case 'tags':
      if (value !== undefined) r.tags.push(value);
      return;
    default:
      r.problem(
        row,
        'field',
        `${quote(field)} is not a journey field; use one of "id", "title", "description", "objective", "owner", "status", "updated", "review_by", "tag"`,
      );
  }
}

export function setTitle(r: LongReader, row: Row, title: string): void {
  if (r.title !== undefined && r.titleRow && r.title !== title)
    r.problem(row, undefined, `gives a second journey title; the title is already ${quote(r.title)} (row ${r.titleRow.n})`);
  r.title = title;
  r.titleRow = row;
}

export function scaleRow(r: LongReader, row: Row): void {
  r.scaleGiven = true;
  const field = r.cell(row, 'field').toLowerCase();
  if (field === 'min' || field === 'max') {
    const n = r.num(row, 'value', { integer: true });
    if (n === undefined) {
      if (!r.cell(row, 'value')) r.problem(row, 'value', `is empty; give the scale's ${field}imum`);
      return;
    }
    if (field === 'min') r.scaleMin = n;
    else r.scaleMax = n;
    return;
  }
  if (field !== '' && field !== 'label') {
    r.problem(row, 'field', `${quote(field)} is not a scale field; use "min", "max" or "label"`);
    return;
  }
  const n = r.num(row, 'value');
  if (n === undefined) {
    if (!r.cell(row, 'value')) r.problem(row, 'value', 'is empty; a scale label needs the value it names');
    return;
  }
  r.scaleLabels.push({ value: n, label: r.raw(row, 'text') });
}

export function personaRow(r: LongReader, row: Row): void {
  const name = (r.cell(row, 'persona') || r.cell(row, 'text')).trim();
  if (!name) {
    r.problem(row, 'persona', 'is empty; name the persona');
    return;
  }
  const p: PersonaE = { id: r.idCell(row), name, row, goals: [], frustrations: [], evidence: r.evidenceRefs(row) };
  if (r.cell(row, 'persona')) p.summary = r.opt(row, 'text');
  r.personas.add(p);
}

export function personaField(r: LongReader, row: Row, field: string): void {
  const p = r.persona(row, 'persona', false);
  if (!p) return;
  const value = r.opt(row, 'value') ?? r.opt(row, 'text');
  switch (field.toLowerCase().replace(/[^a-z]/g, '')) {
    case 'segment':
      p.segment = value;
      return;
    case 'summary':
      p.summary = value;
      return;
    case 'goal':
    case 'goals':
      if (value !== undefined) p.goals.push(value);
      return;
    case 'frustration':
    case 'frustrations':
      if (value !== undefined) p.frustrations.push(value);
      return;
    case 'quote':
      p.quote = value;
      return;
    case 'evidence':
      if (value !== undefined && value.trim()) p.evidence.push({ raw: value.trim(), row });
      return;
    default:
      r.problem(row, 'field', `${quote(field)} is not a persona field; use one of "segment", "summary", "goal", "frustration", "quote", "evidence"`);
  }
}

export function stageRow(r: LongReader, row: Row): void {
  const name = r.cell(row, 'stage');
  if (!name) {
    r.problem(row, 'stage', 'is empty; name the stage');
    return;
  }
  const s: StageE = { id: r.idCell(row), name, row, metrics: [], steps: [] };
  readPhaseCell(r, row, s);
  s.description = r.opt(row, 'text');
  s.owner = r.opt(row, 'owner');
  r.stages.add(s);
}

export function readPhaseCell(r: LongReader, row: Row, s: StageE): void {
  const v = r.cell(row, 'phase');
  if (!v) return;
  const phase = readPhase(v);
  if (phase) s.phase = phase;
  else {
    // A phase of one's own ("Onboarding") is a custom phase.
    s.phase = 'custom';
    s.customPhase = v;
  }
}

export function stageField(r: LongReader, row: Row, field: string): void {
  const s = r.stage(row, false);
  if (!s) return;
  const value = r.opt(row, 'value') ?? r.opt(row, 'text');
  switch (field.toLowerCase().replace(/[^a-z]/g, '')) {
    case 'customphase':
      s.customPhase = value;
      return;
    case 'description':
      s.description = value;
      return;
    case 'owner':
      s.owner = value;
      return;
    default:
      r.problem(row, 'field', `${quote(field)} is not a stage field; use "custom_phase", "description" or "owner"`);
  }
}

export function metricRow(r: LongReader, row: Row): void {
  const s = r.stage(row, true);
  if (!s) return;
  const m: Metric = { name: r.raw(row, 'text') };
  const id = r.idCell(row);
  if (id !== undefined) m.id = id;
  const value = r.num(row, 'value');
  if (value !== undefined) m.value = value;
  const target = r.num(row, 'target');
  if (target !== undefined) m.target = target;
  const unit = r.opt(row, 'unit');
  if (unit !== undefined) m.unit = unit;
  s.metrics.push(Object.assign(m, measured(r, row)));
}

/** Direction, date and source of a measured value (metric rows, card metrics). */
export function measured(r: LongReader, row: Row): Pick<Metric, 'direction' | 'date' | 'source'> {
  const out: Pick<Metric, 'direction' | 'date' | 'source'> = {};
  const direction = r.enumCell(row, 'direction', readDirection, METRIC_DIRECTIONS);
  if (direction) out.direction = direction;
  const date = r.date(row, 'date', r.raw(row, 'date'));
  if (date !== undefined) out.date = date;
  const source = r.opt(row, 'source');
  if (source !== undefined) out.source = source;
  return out;
}

export function stepRow(r: LongReader, row: Row): void {
  if (!r.cell(row, 'step')) {
    r.problem(row, 'step', 'is empty; name the step');
    return;
  }
  const stage = r.stage(row, true);
  if (!stage) return;
  const s: StepE = { id: r.idCell(row), name: r.cell(row, 'step'), stage, row, description: r.opt(row, 'text') };
  stage.steps.push(s);
  r.steps.add(s);
}

export function laneRow(r: LongReader, row: Row): void {
  const label = r.cell(row, 'lane');
  if (!label) {
    r.problem(row, 'lane', 'is empty; name the lane');
    return;
  }
  const typeCell = r.cell(row, 'lane_type');
  const type = typeCell ? r.enumCell(row, 'lane_type', readLaneType, LANE_TYPES) : undefined;
  const l: LaneE = {
    id: r.idCell(row),
    label,
    type: type ?? laneTypeOf(label),
    typeGiven: type !== undefined,
    row,
  };
  if (r.cell(row, 'persona')) l.persona = r.persona(row, 'persona', true);
  r.lanes.add(l);
}

export function laneField(r: LongReader, row: Row, field: string): void {
  const l = r.lane(row, false);
  if (!l) return;
  const key = field.toLowerCase().replace(/[^a-z]/g, '');
  if (key === 'hidden') {
    const b = r.bool(row, 'value', r.raw(row, 'value'));
    if (b !== undefined) l.hidden = b;
  } else r.problem(row, 'field', `${quote(field)} is not a lane field; use "hidden"`);
}

export function evidenceRow(r: LongReader, row: Row): void {
  const url = r.opt(row, 'evidence_url')?.trim();
  const quoteText = r.opt(row, 'text');
  const kind = r.enumCell(row, 'kind', readEvidenceKind, EVIDENCE_KINDS) ?? (url ? 'link' : 'quote');
  const confidence = r.enumCell(row, 'confidence', readConfidence, CONFIDENCE_LEVELS) ?? 'assumed';
  const value: EvidenceFields = { kind, source: r.raw(row, 'source') || url || '', confidence };
  if (url !== undefined) value.url = url;
  if (quoteText !== undefined) value.quote = quoteText;
  const date = r.date(row, 'date', r.raw(row, 'date'));
  if (date !== undefined) value.date = date;
  const e: EvidenceE = { id: r.idCell(row), value, row };
  r.evidence.push(e);
  if (e.id !== undefined && !r.evidenceById.has(e.id)) r.evidenceById.set(e.id, e);
  if (url !== undefined && !r.evidenceByUrl.has(url)) r.evidenceByUrl.set(url, e);
}

export function cardRow(r: LongReader, row: Row): void {
  const hasLane = r.cell(row, 'lane') !== '';
  const hasText = r.raw(row, 'text').trim() !== '';
  const step = r.step(row, true);
  if (!step) return;
  // A row with a stage and step but no lane and no text only adds the step (keeps empty steps).
  if (!hasLane && !hasText) return;
  const lane = r.lane(row, true);
  if (!lane) return;
  if (lane.type === 'emotion') {
    emotionInLane(r, row, step, lane);
    return;
  }
  const value: CardE['value'] = { text: r.raw(row, 'text') };
  const channel = r.enumCell(row, 'channel', readChannel, CHANNELS);
  if (channel) value.channel = channel;
  const owner = r.opt(row, 'owner');
  if (owner !== undefined) value.owner = owner;
  const priority = r.enumCell(row, 'priority', readPriority, PRIORITIES);
  if (priority) value.priority = priority;
  const status = r.enumCell(row, 'status', readWorkStatus, WORK_STATUSES);
  if (status) value.status = status;
  const effort = r.num(row, 'effort', { integer: true });
  if (effort !== undefined) value.effort = effort;
  const impact = r.num(row, 'impact', { integer: true });
  if (impact !== undefined) value.value = impact;
  const metricValue = r.num(row, 'value');
  const target = r.num(row, 'target');
  const unit = r.opt(row, 'unit');
  if (metricValue !== undefined) {
    const metric: NonNullable<Card['metric']> = { value: metricValue };
    if (target !== undefined) metric.target = target;
    if (unit !== undefined) metric.unit = unit;
    value.metric = Object.assign(metric, measured(r, row));
  } else if (target !== undefined || unit !== undefined) {
    r.problem(row, 'value', 'is empty, but the card has a target or unit; give the measured value');
  }
  const note = r.opt(row, 'note');
  if (note !== undefined) value.note = note;
  r.cards.push({ id: r.idCell(row), step, lane, value, evidence: r.evidenceRefs(row), row });
}

/** A card row in an emotion lane: its text is the persona's as-is value at that step. */
export function emotionInLane(r: LongReader, row: Row, step: StepE, lane: LaneE): void {
  const text = r.cell(row, 'text') || r.cell(row, 'value');
  const n = parseNumberCell(text, r.decimalComma);
  if (n === undefined) {
    r.problem(row, 'text', `lane ${quote(lane.label)} is an emotion lane, so its cells must be numbers on the emotion scale; ${quote(text)} is not a number`);
    return;
  }
  const hint = parseScaleHint(lane.label);
  if (hint && !r.scaleHints.some((h) => h.row === lane.row)) r.scaleHints.push({ ...hint, row: lane.row });
  let persona: PersonaE | undefined = lane.persona;
  if (!persona && r.cell(row, 'persona')) persona = r.persona(row, 'persona', true);
  if (!persona && r.personas.all.length === 1) persona = r.personas.all[0];
  if (!persona) {
    if (r.personas.all.length > 1) {
      r.problem(row, 'persona', 'is empty; with several personas, say whose emotion this is');
      return;
    }
    persona = { name: 'Customer', row, goals: [], frustrations: [], evidence: [] };
    r.personas.add(persona);
  }
  const curve = r.curve(row, persona, true);
  if (!curve) return;
  const point: PointE = { step, value: n, row, column: r.cell(row, 'text') ? 'text' : 'value' };
  const note = r.opt(row, 'note');
  if (note !== undefined) point.note = note;
  curve.points.push(point);
}

export function curveRow(r: LongReader, row: Row): void {
  const persona = r.persona(row, 'persona', true);
  if (!persona) return;
  const name = r.cell(row, 'curve') || 'As-is';
  const kind = r.enumCell(row, 'kind', readCurveKind, CURVE_KINDS) ?? readCurveKind(name) ?? 'other';
  r.curves.add({ id: r.idCell(row), persona, name, kind, points: [], row });
}

export function emotionRow(r: LongReader, row: Row): void {
  const persona = r.persona(row, 'persona', true);
  const step = r.step(row, true);
  const value = r.num(row, 'value');
  if (value === undefined && !r.cell(row, 'value')) r.problem(row, 'value', 'is empty; give the emotion value');
  if (!persona || !step || value === undefined) return;
  const curve = r.curve(row, persona, true);
  if (!curve) return;
  const point: PointE = { step, value, row };
  const note = r.opt(row, 'note');
  if (note !== undefined) point.note = note;
  curve.points.push(point);
}

export function linkRow(r: LongReader, row: Row): void {
  const from = r.cell(row, 'from');
  const to = r.cell(row, 'to');
  if (!from) r.problem(row, 'from', 'is empty; give the step or card the link starts at');
  if (!to) r.problem(row, 'to', 'is empty; give the step or card the link ends at');
  if (!from || !to) return;
  const kind = r.enumCell(row, 'kind', readLinkKind, LINK_KINDS) ?? 'flow';
  const l: LinkE = { id: r.idCell(row), from, to, kind, row };
  const label = r.opt(row, 'text');
  if (label !== undefined) l.label = label;
  r.links.push(l);
}

/** A view: id, kind and name (text); its options are field rows naming the view by its id. */
export function viewRow(r: LongReader, row: Row): void {
  const kind = r.enumCell(row, 'kind', readViewKind, VIEW_KINDS);
  if (!r.cell(row, 'kind')) r.problem(row, 'kind', `is empty; give the view's kind, one of ${oneOf(VIEW_KINDS)}`);
  const name = r.cell(row, 'text');
  if (!name) r.problem(row, 'text', "is empty; give the view's name");
  if (!kind || !name) return;
  const id = r.idCell(row);
  if (id !== undefined && r.views.some((v) => v.id === id)) return r.problem(row, 'id', `view ${quote(id)} has two rows without a field; give its options in rows with a field`);
  r.views.push({ ...(id !== undefined ? { id } : {}), kind, name, personas: [], lanes: [], stages: [], row });
}

/** The view an option row is about: by its id (the id column), else by its name or id in the text column. */
function viewOf(r: LongReader, row: Row): ViewE | undefined {
  const id = r.idCell(row);
  const ref = id ?? r.cell(row, 'text');
  const column = id !== undefined ? 'id' : 'text';
  if (!ref) return void r.problem(row, 'text', "is empty; a view's option row names the view (its name, or its id in the id column)");
  const byId = r.views.find((v) => v.id === ref);
  if (byId) return byId;
  const named = id === undefined ? r.views.filter((v) => nameKey(v.name) === nameKey(ref)) : [];
  if (named.length === 1) return named[0];
  r.problem(row, column, named.length ? `several views are called ${quote(ref)}; name the view by its id` : `view ${quote(ref)} has no row of its own (with kind and name)`);
  return undefined;
}

/** A view's option: persona, lane or stage (one per row, by id or name), top or slide (like 1920x1080). */
export function viewField(r: LongReader, row: Row, field: string): void {
  const view = viewOf(r, row);
  if (!view) return;
  const value = r.cell(row, 'value');
  const key = field.toLowerCase().replace(/[^a-z]/g, '');
  const list = ({ persona: view.personas, personas: view.personas, lane: view.lanes, lanes: view.lanes, stage: view.stages, stages: view.stages } as Record<string, { raw: string; row: Row }[]>)[key];
  if (list) {
    if (!value) return r.problem(row, 'value', `is empty; give the ${key.replace(/s$/, '')} the view shows`);
    list.push({ raw: value, row });
  } else if (key === 'top') {
    const n = r.num(row, 'value', { integer: true });
    if (n !== undefined && (n < 1 || n > LIMITS.viewTop)) return r.problem(row, 'value', `top is ${n}; a view lists 1 to ${LIMITS.viewTop} pain points and opportunities`);
    if (n !== undefined) view.top = n;
  } else if (key === 'slide') {
    const m = /^\s*(\d+)\s*[x×X*]\s*(\d+)\s*$/.exec(value);
    const size = m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
    const within = (n: number) => n >= SLIDE_BOUNDS.min && n <= SLIDE_BOUNDS.max;
    if (!size || !within(size.width) || !within(size.height))
      return r.problem(row, 'value', `slide ${quote(value)} is not a slide size like 1920x1080 (${SLIDE_BOUNDS.min} to ${SLIDE_BOUNDS.max} px a side)`);
    view.slide = size;
  } else r.problem(row, 'field', `${quote(field)} is not a view field; use "persona", "lane", "stage", "top" or "slide"`);
}
