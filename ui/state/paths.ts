// From a problem's path (`cards[3].laneId`) to the form control that edits it. Controls get
// ids built by fieldId() from the *entity id* and field, so they survive reordering; the path's
// index is resolved against the current journey. A problem with no control (links, the emotion
// scale) returns no candidates and the panel selects it in the JSON text instead.
import type { Journey, Stage } from '../../shared/model';

export type FieldKind = 'meta' | 'persona' | 'stage' | 'step' | 'metric' | 'lane' | 'card' | 'curve' | 'evidence' | 'view';

export function fieldId(kind: FieldKind, id: string, field: string, extra?: string): string {
  return `jm-${kind}-${id}-${field}${extra === undefined ? '' : `-${extra}`}`;
}

/** The fields of a metric the panel edits (a stage's metric has a name too; a card's is named by its text). */
export const METRIC_FIELDS = ['name', 'value', 'target', 'unit', 'direction', 'date', 'source'] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

/** A stage metric's control: by its id, or by its place in the stage for a metric without one. */
export function metricFieldId(stage: Stage, index: number, field: MetricField): string {
  const id = stage.metrics[index]?.id;
  return id === undefined ? fieldId('stage', stage.id, 'metric', `${index}-${field}`) : fieldId('metric', id, field);
}

/** A card metric's control (`metric.value`, not the card's 1–5 `value`). */
export const cardMetricFieldId = (cardId: string, field: Exclude<MetricField, 'name'>) => fieldId('card', cardId, `metric.${field}`);

export type PathSegment = string | number;

/** `cards[3].laneId` → ['cards', 3, 'laneId']. */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

const META = ['title', 'description', 'objective', 'owner', 'status', 'updated', 'reviewBy', 'tags'];
const PERSONA = ['name', 'segment', 'summary', 'goals', 'frustrations', 'quote'];
const STAGE = ['name', 'phase', 'description', 'owner'];
const LANE = ['type', 'label', 'personaId', 'hidden'];
const CARD = ['text', 'laneId', 'stepId', 'channel', 'owner', 'priority', 'status', 'effort', 'value', 'evidence', 'note'];
const EVIDENCE = ['kind', 'source', 'url', 'confidence', 'quote', 'date'];

const pick = (fields: string[], field: PathSegment | undefined, fallback: string) =>
  typeof field === 'string' && fields.includes(field) ? field : fallback;

const isMetricField = (f: PathSegment | undefined): f is MetricField => METRIC_FIELDS.some((x) => x === f);

/** Candidate control ids for a problem path, most specific first. */
export function controlIdsForPath(j: Journey, path: string): string[] {
  const [head, index, field, sub, subField] = parsePath(path);
  if (typeof head !== 'string') return [];
  if (META.includes(head)) return [fieldId('meta', 'journey', head)];
  const i = typeof index === 'number' ? index : -1;
  switch (head) {
    case 'personas': {
      const p = j.personas[i];
      return p ? [fieldId('persona', p.id, pick(PERSONA, field, 'name'))] : [];
    }
    case 'stages': {
      const s = j.stages[i] ?? (index === undefined ? j.stages[0] : undefined);
      if (!s) return [];
      if (field === 'steps' && typeof sub === 'number') {
        const st = s.steps[sub];
        if (st) return [fieldId('step', st.id, subField === 'description' ? 'description' : 'name'), fieldId('stage', s.id, 'name')];
      }
      if (field === 'metrics' && typeof sub === 'number' && s.metrics[sub]) {
        return [metricFieldId(s, sub, isMetricField(subField) ? subField : 'name'), metricFieldId(s, sub, 'name'), fieldId('stage', s.id, 'name')];
      }
      return [fieldId('stage', s.id, pick(STAGE, field, 'name'))];
    }
    case 'lanes': {
      const l = j.lanes[i];
      return l ? [fieldId('lane', l.id, pick(LANE, field, 'label'))] : [];
    }
    case 'cards': {
      const c = j.cards[i];
      if (c && field === 'metric') return [cardMetricFieldId(c.id, isMetricField(sub) && sub !== 'name' ? sub : 'value'), fieldId('card', c.id, 'text')];
      return c ? [fieldId('card', c.id, pick(CARD, field, 'text')), fieldId('card', c.id, 'text')] : [];
    }
    case 'curves': {
      const c = j.curves[i];
      if (!c) return [];
      const point = field === 'points' && typeof sub === 'number' ? c.points[sub] : undefined;
      return point ? [fieldId('curve', c.id, 'point', point.stepId), fieldId('curve', c.id, 'name')] : [fieldId('curve', c.id, 'name')];
    }
    case 'evidence': {
      const e = j.evidence[i];
      return e ? [fieldId('evidence', e.id, pick(EVIDENCE, field, 'source'))] : [];
    }
    case 'views': {
      const v = j.views?.[i];
      if (!v) return [];
      // The panel edits a view's name, kind, persona and top N; other options point at its name.
      const option = field === 'options' && (sub === 'personas' || sub === 'top') ? `options.${sub}` : undefined;
      return [fieldId('view', v.id, option ?? (field === 'kind' ? 'kind' : 'name')), fieldId('view', v.id, 'name')];
    }
    default:
      return [];
  }
}
