// Problems in a designer's words: where (the field's label, the item's name: "Review by",
// "Mia – Sees Instagram ad") and what to do ("use a date like 2026-03-31"), one message per
// place. The model's messages are kept as they are and only reworded here, for the panel.
import type { Journey } from '../../shared/model';
import { forEachEntity, shapeOf } from '../../shared/model/entities';
import type { Problem } from '../../shared/result';
import { parsePath } from '../state/paths';

export interface WordedProblem {
  problem: Problem;
  /** The field or item, as the panel labels it. */
  place: string;
  /** What is wrong or what to do, starting in lower case after "place: ". */
  message: string;
}

const META_LABELS: Record<string, string> = {
  title: 'Title', description: 'Description', objective: 'Objective', owner: 'Owner', status: 'Status',
  updated: 'Updated', reviewBy: 'Review by', tags: 'Tags', emotionScale: 'Emotion scale', stages: 'Stages', lanes: 'Lanes', cards: 'Cards',
};
const FIELD_LABELS: Record<string, string> = {
  name: 'name', segment: 'segment', summary: 'summary', goals: 'goals', frustrations: 'frustrations', quote: 'quote',
  phase: 'funnel phase', customPhase: 'phase name', owner: 'owner', description: 'description', label: 'label', type: 'type',
  personaId: 'persona', laneId: 'lane', stepId: 'step', channel: 'channel', priority: 'priority', status: 'status',
  effort: 'effort', value: 'value', note: 'note', evidence: 'evidence', source: 'source', url: 'link', date: 'date', kind: 'kind', confidence: 'confidence',
};

/** A metric's fields as the metric editor labels them (ui/components/metric-editor.tsx). */
export const METRIC_LABELS: Record<string, string> = {
  name: 'Name', value: 'Value', target: 'Target', unit: 'Unit', direction: 'Better when', date: 'Measured on', source: 'Source',
};

const short = (s: string, n = 32) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Names for every id in the journey (the shape table's names), to replace ids quoted in messages. */
function namesById(j: Journey): Map<string, string> {
  const names = new Map<string, string>();
  forEachEntity(j, (e) => {
    if (e.kind === 'journey') return;
    const id = shapeOf(e.kind).id(e.item);
    const name = e.kind === 'card' ? short(e.item.text.trim() || 'empty card') : shapeOf(e.kind).name(e.item);
    if (id !== undefined && name !== undefined) names.set(id, name);
  });
  return names;
}

function stepPlace(j: Journey, stepId: string): string {
  for (const s of j.stages) {
    const st = s.steps.find((x) => x.id === stepId);
    if (st) return `${s.name} › ${st.name}`;
  }
  return stepId;
}

export function cardPlace(j: Journey, card: { laneId: string; stepId: string }): string {
  const lane = j.lanes.find((l) => l.id === card.laneId)?.label ?? card.laneId;
  return `${lane} at ${stepPlace(j, card.stepId)}`;
}

/** "Checkout › Conversion: Target", as the metric editor labels the field. */
const withMetricField = (item: string, field: unknown) => (typeof field === 'string' && METRIC_LABELS[field] ? `${item}: ${METRIC_LABELS[field]}` : item);

const withField = (item: string, field: unknown) => (typeof field === 'string' && FIELD_LABELS[field] ? `${item}, ${FIELD_LABELS[field]}` : item);

/** The field or item a problem's path points at, in the panel's words. */
export function placeOf(j: Journey, path: string): string {
  const [head, i, field, sub, subField] = parsePath(path);
  if (typeof head !== 'string') return 'Journey';
  const at = typeof i === 'number' ? i : -1;
  switch (head) {
    case 'personas': {
      const p = j.personas[at];
      return p ? withField(p.name || 'Unnamed persona', field === 'name' ? undefined : field) : 'Personas';
    }
    case 'stages': {
      const s = j.stages[at];
      if (!s) return 'Stages';
      const st = field === 'steps' && typeof sub === 'number' ? s.steps[sub] : undefined;
      const mt = field === 'metrics' && typeof sub === 'number' ? s.metrics[sub] : undefined;
      if (mt) return withMetricField(`${s.name} › ${mt.name || 'unnamed metric'}`, subField === 'name' ? undefined : subField);
      return st ? `${s.name} › ${st.name || 'unnamed step'}` : withField(`Stage “${s.name}”`, field === 'name' ? undefined : field);
    }
    case 'lanes': {
      const l = j.lanes[at];
      return l ? withField(`Lane “${l.label}”`, field === 'label' ? undefined : field) : 'Lanes';
    }
    case 'cards': {
      const c = j.cards[at];
      if (!c) return 'Cards';
      const name = c.text.trim() ? `Card “${short(c.text.trim())}”` : `Empty card in ${cardPlace(j, c)}`;
      if (field === 'metric') return withMetricField(`${name}, metric`, sub);
      return withField(name, field === 'text' ? undefined : field);
    }
    case 'curves': {
      const c = j.curves[at];
      if (!c) return 'Emotion curves';
      const point = field === 'points' && typeof sub === 'number' ? c.points[sub] : undefined;
      const persona = j.personas.find((p) => p.id === c.personaId)?.name ?? c.name;
      return point ? `${persona} – ${stepPlace(j, point.stepId).split(' › ').pop()}` : `Curve “${c.name}”`;
    }
    case 'evidence': {
      const e = j.evidence[at];
      return e ? withField(`Evidence “${short(e.source)}”`, field === 'source' ? undefined : field) : 'Evidence';
    }
    default:
      return META_LABELS[head] ?? path;
  }
}

const REWORDS: [RegExp, string][] = [
  [/^is not a date like (\S+)$/, 'use a date like $1'],
  [/^is not a real calendar date$/, 'that day is not on the calendar; use a date like 2026-03-31'],
  [/^is empty; give the journey a title$/, 'give the journey a title'],
  [/^is longer than (\d+) characters$/, 'shorten it to $1 characters'],
  [/^is not a web link \(https:\/\/…\)$/, 'use a web link that starts with https://'],
  [/^is empty; write its text or remove it$/, 'write its text or remove the card'],
  [/^must be 1 to 5$/, 'pick a value from 1 to 5'],
  [/^must be a number, not .*$/, 'use a number like 4.2'],
  [/^.* has (-?[\d.]+) at step "[^"]*", outside the emotion scale (-?\d+) to (-?\d+)$/, '$1 is outside the scale $2 to $3'],
];

/** The model's message reworded: known sentences in the panel's words, ids replaced by names. */
export function wordsOf(j: Journey, message: string): string {
  for (const [re, to] of REWORDS) if (re.test(message)) return message.replace(re, to);
  const names = namesById(j);
  return message.replace(/"([^"]+)"/g, (quoted, ref: string) => (names.has(ref) ? `“${names.get(ref)}”` : quoted));
}

/** One worded problem per place (the first one found), in the order the model reported them. */
export function wordProblems(j: Journey, problems: readonly Problem[]): WordedProblem[] {
  const seen = new Set<string>();
  const out: WordedProblem[] = [];
  for (const problem of problems) {
    const key = problem.path || `line ${problem.line ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ problem, place: problem.path ? placeOf(j, problem.path) : problem.line !== undefined ? `Line ${problem.line}` : 'Journey', message: wordsOf(j, problem.message) });
  }
  return out;
}

/** "Use a date like 2026-03-31": a message that stands under its field. */
export const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);
