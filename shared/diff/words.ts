// A diff in plain words, one line per change a person would name: "Card “Slow checkout” moved
// from Doing › Browse to Pain points › Pay", "Stage “Buy” renamed to “Purchase”",
// "Mia – as-is at “Browse”: −1 → +1 (+2)". Steps added with their stage and points added with
// their curve are told with it, not one by one. Each line names the entity and, where it is in the
// newer journey, its JSON path, so the panel can offer "go to".
import { CURVE_KIND_LABELS, LANE_TYPE_LABELS } from '../model/labels';
import type { Journey, LaneType } from '../model/types';
import { entityFinder } from './apply';
import { JOURNEY_LISTS, KIND_OF_LIST, keyOf } from './entities';
import type { DiffEntry, EntityKind, EntityValue, JourneyDiff } from './types';

import { LINE_GROUPS, type LineGroup } from './types';

export { LINE_GROUPS, type LineGroup };

export const GROUP_TITLES: Record<LineGroup, string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  moved: 'Moved',
  reordered: 'Reordered',
  emotions: 'Emotions',
};

export interface DiffLine {
  group: LineGroup;
  text: string;
  kind: EntityKind;
  id: string;
  /** Where the entity is in the newer journey (absent for what was removed). */
  path?: string;
}

const QUOTE_LENGTH = 48;
const oneLine = (s: unknown) => String(s).replace(/\s+/g, ' ').trim();
/** At most n characters (code points, so no emoji or astral letter is cut in half), ending in "…" when cut. */
const short = (s: string, n = QUOTE_LENGTH) => {
  const chars = Array.from(s);
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
};
const q = (s: unknown) => `“${short(oneLine(s))}”`;
/**
 * The newer text quoted so that the quote shows what changed: when the first difference lies beyond
 * what `q` would show (a long card text edited near its end), the quote starts shortly before it.
 */
export function quoteChanged(before: unknown, after: unknown, n = QUOTE_LENGTH): string {
  const a = Array.from(oneLine(after));
  const b = Array.from(oneLine(before));
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  if (a.length <= n || same < n - 1) return q(after);
  const start = Math.min(same - 16, a.length - (n - 1));
  if (start + n - 1 >= a.length) return `“…${a.slice(start).join('')}”`;
  return `“…${a.slice(start, start + n - 2).join('')}…”`;
}
/** Emotion values with a real minus sign and an explicit plus. */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');
const round = (n: number) => Math.round(n * 100) / 100;

/** A field's value as a person reads it. */
function show(v: unknown): string {
  if (v === undefined) return '(empty)';
  if (typeof v === 'string') return q(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? q(v.join(', ')) : '(none)';
  if (Array.isArray(v)) return `${v.length} item${v.length === 1 ? '' : 's'}`;
  return short(JSON.stringify(v), 60);
}

/** A review stamp as a person reads it: "by Mia on 2026-11-01". */
function stampWords(v: unknown): string {
  const o = typeof v === 'object' && v !== null ? (v as { by?: unknown; at?: unknown }) : {};
  return `${typeof o.by === 'string' && o.by ? `by ${o.by} ` : ''}on ${typeof o.at === 'string' ? o.at.slice(0, 10) : '?'}`;
}

/** A change of a review stamp (`review`) or of the one kept after the content changed (`lastReview`, shared/review/stamps.ts). */
function reviewChange(field: 'review' | 'lastReview', before: unknown, after: unknown): string {
  if (field === 'review') {
    if (before === undefined) return `marked reviewed ${stampWords(after)}`;
    if (after === undefined) return `review ${stampWords(before)} cleared`;
    return `marked reviewed ${stampWords(after)} (was ${stampWords(before)})`;
  }
  if (before === undefined) return `changed since the review ${stampWords(after)}`;
  if (after === undefined) return `note of the earlier review ${stampWords(before)} removed`;
  return `changed since the review ${stampWords(after)} (was ${stampWords(before)})`;
}

const FIELD_WORDS: Record<string, string> = {
  text: 'text',
  reviewBy: 'review-by date',
  customPhase: 'custom phase',
  personaId: 'persona',
  emotionScale: 'emotion scale',
  from: 'start',
  to: 'end',
};
const fieldWord = (f: string) => FIELD_WORDS[f] ?? f.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** The field that names an entity: renaming it is told as a rename. */
const NAME_FIELD: Partial<Record<EntityKind, string>> = { journey: 'title', persona: 'name', stage: 'name', step: 'name', lane: 'label', card: 'text', curve: 'name', evidence: 'source' };

/** Names and paths of one journey's entities. */
class Names {
  private readonly find: ReturnType<typeof entityFinder>;
  private readonly paths = new Map<string, string>();
  private readonly stageOfStep = new Map<string, string>();

  constructor(readonly j: Journey) {
    this.find = entityFinder(j);
    for (const l of JOURNEY_LISTS) (j[l] as unknown as EntityValue[]).forEach((it, i) => this.paths.set(`${KIND_OF_LIST[l]}\u0000${keyOf(KIND_OF_LIST[l], it)}`, `${l}[${i}]`));
    j.stages.forEach((s, i) =>
      s.steps.forEach((st, k) => {
        this.paths.set(`step\u0000${st.id}`, `stages[${i}].steps[${k}]`);
        this.stageOfStep.set(st.id, s.id);
      }),
    );
    j.curves.forEach((c, i) => c.points.forEach((p, k) => this.paths.set(`point\u0000${c.id}\u0000${p.stepId}`, `curves[${i}].points[${k}]`)));
  }

  has(kind: EntityKind, id: string, parent?: string): boolean {
    return kind === 'journey' || this.find(kind, id, parent) !== undefined;
  }

  path(kind: EntityKind, id: string, parent?: string): string | undefined {
    if (kind === 'journey') return '';
    return this.paths.get(kind === 'point' ? `point\u0000${parent ?? ''}\u0000${id}` : `${kind}\u0000${id}`);
  }

  private text(kind: EntityKind, id: string): string | undefined {
    const e = this.find(kind, id, undefined);
    const field = NAME_FIELD[kind];
    const v = e && field ? e[field] : undefined;
    return typeof v === 'string' && v.trim() ? v : undefined;
  }

  plain(kind: EntityKind, id: string): string {
    return this.text(kind, id) ?? id;
  }

  laneType(laneId: string): LaneType | undefined {
    return this.find('lane', laneId, undefined)?.type as LaneType | undefined;
  }

  /** "Card “Slow checkout”", "Pain point “…”", "Stage “Buy”". */
  label(kind: EntityKind, id: string, value?: EntityValue, parent?: string): string {
    const e = value ?? this.find(kind, id, parent);
    switch (kind) {
      case 'journey':
        return 'Journey';
      case 'card': {
        const type = this.laneType(String(e?.laneId ?? ''));
        const word = type && type !== 'emotion' ? singular(LANE_TYPE_LABELS[type]) : 'Card';
        return `${word} ${q(e?.text ?? id)}`;
      }
      case 'curve':
        return `Curve ${q(this.curveName(id, e))}`;
      case 'point':
        return `${this.curveName(parent ?? '')} at ${q(this.plain('step', id))}`;
      case 'link':
        return `Link ${q(`${this.endName(String(e?.from ?? ''))} → ${this.endName(String(e?.to ?? ''))}`)}`;
      default: {
        const field = NAME_FIELD[kind];
        const v = e && field ? e[field] : undefined;
        return `${KIND_WORDS[kind]} ${q(typeof v === 'string' && v.trim() ? v : id)}`;
      }
    }
  }

  /** "Mia – As-is" */
  curveName(id: string, value?: EntityValue): string {
    const c = value ?? this.find('curve', id, undefined);
    if (!c) return id;
    const persona = this.plain('persona', String(c.personaId ?? ''));
    const name = typeof c.name === 'string' && c.name.trim() ? c.name : CURVE_KIND_LABELS[c.kind as keyof typeof CURVE_KIND_LABELS] ?? '';
    return `${persona} – ${name}`;
  }

  endName(id: string): string {
    if (this.find('step', id, undefined)) return this.plain('step', id);
    const card = this.find('card', id, undefined);
    return card ? short(String(card.text), 24) : id;
  }

  /** "Doing › Browse" */
  cell(laneId: string, stepId: string): string {
    return `${this.plain('lane', laneId)} › ${this.plain('step', stepId)}`;
  }

  stageOf(stepId: string): string | undefined {
    return this.stageOfStep.get(stepId);
  }
}

const KIND_WORDS: Record<EntityKind, string> = {
  journey: 'Journey',
  persona: 'Persona',
  stage: 'Stage',
  step: 'Step',
  lane: 'Lane',
  card: 'Card',
  curve: 'Curve',
  point: 'Point',
  link: 'Link',
  evidence: 'Evidence',
};
const PLURAL_WORDS: Record<EntityKind, string> = {
  journey: 'Journeys',
  persona: 'Personas',
  stage: 'Stages',
  step: 'Steps',
  lane: 'Lanes',
  card: 'Cards',
  curve: 'Curves',
  point: 'Points',
  link: 'Links',
  evidence: 'Evidence',
};

function singular(label: string): string {
  const map: Record<string, string> = { Actions: 'Action', Thoughts: 'Thought', Touchpoints: 'Touchpoint', 'Pain points': 'Pain point', Opportunities: 'Opportunity', Backstage: 'Backstage card', Metrics: 'Metric', Notes: 'Note' };
  return map[label] ?? 'Card';
}

const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
};

/** The emotion change of one point: before and after, either possibly absent. */
export interface EmotionDelta {
  curveId: string;
  stepId: string;
  before?: number;
  after?: number;
}

/** Every emotion value that changed, was set or was cleared, curve by curve. */
export function emotionDeltas(diff: JourneyDiff): EmotionDelta[] {
  const out: EmotionDelta[] = [];
  for (const e of diff.entries) {
    if (e.type === 'reorder' || e.type === 'moveCard' || e.type === 'moveStep' || e.kind !== 'point') continue;
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const d = (before: unknown, after: unknown): EmotionDelta => ({ curveId: e.parent ?? '', stepId: e.id, ...(num(before) === undefined ? {} : { before: num(before) }), ...(num(after) === undefined ? {} : { after: num(after) }) });
    if (e.type === 'change' && e.field === 'value') out.push(d(e.before, e.after));
    else if (e.type === 'add') out.push(d(undefined, e.value.value));
    else if (e.type === 'remove') out.push(d(e.value.value, undefined));
  }
  return out;
}

/** The diff in plain words, grouped (added, removed, changed, moved, reordered, emotions). */
export function describeDiff(diff: JourneyDiff, a: Journey, b: Journey): DiffLine[] {
  const older = new Names(a);
  const newer = new Names(b);
  const lines: DiffLine[] = [];
  const line = (group: LineGroup, kind: EntityKind, id: string, text: string, path?: string) => lines.push({ group, kind, id, text, ...(path === undefined ? {} : { path }) });
  const addedStages = idsOf(diff, 'add', 'stage');
  const removedStages = idsOf(diff, 'remove', 'stage');
  const addedCurves = idsOf(diff, 'add', 'curve');
  const removedCurves = idsOf(diff, 'remove', 'curve');
  const childrenOf = (type: 'add' | 'remove', kind: EntityKind, parent: string) => diff.entries.filter((e): e is AddOrRemove => e.type === type && e.kind === kind && e.parent === parent);

  for (const e of diff.entries) {
    switch (e.type) {
      case 'add': {
        if ((e.kind === 'step' && e.parent && addedStages.has(e.parent)) || (e.kind === 'point' && e.parent && addedCurves.has(e.parent))) break;
        if (e.kind === 'point') break; // told with the emotions
        let text = `${newer.label(e.kind, e.id, e.value)} added`;
        if (e.kind === 'card') text += ` in ${newer.cell(String(e.value.laneId), String(e.value.stepId))}`;
        if (e.kind === 'step') text += ` to stage ${q(newer.plain('stage', e.parent ?? ''))}`;
        if (e.kind === 'stage') {
          const steps = childrenOf('add', 'step', e.id).map((s) => q(s.value.name ?? s.id));
          if (steps.length) text += ` with ${steps.length} step${steps.length === 1 ? '' : 's'}: ${steps.join(', ')}`;
        }
        if (e.kind === 'curve') {
          const points = childrenOf('add', 'point', e.id).length;
          text += points ? ` with ${points} point${points === 1 ? '' : 's'}` : '';
        }
        line('added', e.kind, e.id, `${text}.`, newer.path(e.kind, e.id, e.parent));
        break;
      }
      case 'remove': {
        if ((e.kind === 'step' && e.parent && removedStages.has(e.parent)) || (e.kind === 'point' && e.parent && removedCurves.has(e.parent))) break;
        if (e.kind === 'point') break;
        let text = `${older.label(e.kind, e.id, e.value)} removed`;
        if (e.kind === 'card') text += ` from ${older.cell(String(e.value.laneId), String(e.value.stepId))}`;
        if (e.kind === 'step') text += ` from stage ${q(older.plain('stage', e.parent ?? ''))}`;
        if (e.kind === 'stage') {
          const steps = childrenOf('remove', 'step', e.id).length;
          if (steps) text += ` with its ${steps} step${steps === 1 ? '' : 's'}`;
        }
        line('removed', e.kind, e.id, `${text}.`);
        break;
      }
      case 'change': {
        if (e.kind === 'point' && e.field === 'value') break;
        const what = older.label(e.kind, e.id, undefined, e.parent);
        const path = newer.path(e.kind, e.id, e.parent);
        const at = path === undefined ? undefined : path ? `${path}.${e.field}` : e.field;
        if (e.field === 'review' || e.field === 'lastReview') {
          line('changed', e.kind, e.id, `${what}: ${reviewChange(e.field, e.before, e.after)}.`, at);
        } else if (NAME_FIELD[e.kind] === e.field && e.before !== undefined && e.after !== undefined) {
          const text = e.kind === 'card' ? `${what} now reads ${quoteChanged(e.before, e.after)}.` : e.kind === 'journey' ? `Journey renamed from ${q(e.before)} to ${quoteChanged(e.before, e.after)}.` : `${what} renamed to ${quoteChanged(e.before, e.after)}.`;
          line('changed', e.kind, e.id, text, at);
        } else if (e.before === undefined) line('changed', e.kind, e.id, `${what}: ${fieldWord(e.field)} set to ${show(e.after)}.`, at);
        else if (e.after === undefined) line('changed', e.kind, e.id, `${what}: ${fieldWord(e.field)} ${show(e.before)} removed.`, at);
        else line('changed', e.kind, e.id, `${what}: ${fieldWord(e.field)} ${show(e.before)} → ${show(e.after)}.`, at);
        break;
      }
      case 'moveCard':
        line('moved', 'card', e.id, `${newer.label('card', e.id)} moved from ${older.cell(e.from.laneId, e.from.stepId)} to ${newer.cell(e.to.laneId, e.to.stepId)}.`, newer.path('card', e.id));
        break;
      case 'moveStep':
        line('moved', 'step', e.id, `${newer.label('step', e.id)} moved from stage ${q(older.plain('stage', e.from))} to stage ${q(newer.plain('stage', e.to))}.`, newer.path('step', e.id));
        break;
      case 'reorder':
        lines.push(...reorderLines(e, older, newer));
        break;
    }
  }
  lines.push(...emotionLines(diff, older, newer));
  return LINE_GROUPS.flatMap((g) => lines.filter((l) => l.group === g));
}

function reorderLines(e: Extract<DiffEntry, { type: 'reorder' }>, older: Names, newer: Names): DiffLine[] {
  const out: DiffLine[] = [];
  if (e.kind === 'point') {
    out.push({ group: 'reordered', kind: 'curve', id: e.parent ?? '', text: `Points of ${q(newer.curveName(e.parent ?? ''))} are stored in another order (the map shows no difference).` });
    return out;
  }
  if (e.kind === 'card') {
    // Cards are drawn in list order inside their cell: a reorder shows where two cards that share a cell swapped.
    const cellsOf = (n: Names) => new Map(n.j.cards.map((c) => [c.id, `${c.laneId}\u0000${c.stepId}`]));
    const cellsA = cellsOf(older);
    const cellsB = cellsOf(newer);
    const cellOf = (n: Names, id: string) => (n === older ? cellsA : cellsB).get(id) ?? '';
    const before = new Set(e.before);
    const stayed = new Set(e.after.filter((id) => before.has(id) && cellOf(older, id) === cellOf(newer, id)));
    const cells = new Map<string, { before: string[]; after: string[] }>();
    const put = (id: string, n: Names, side: 'before' | 'after') => {
      const k = cellOf(n, id);
      const c = cells.get(k) ?? cells.set(k, { before: [], after: [] }).get(k)!;
      c[side].push(id);
    };
    for (const id of e.before) if (stayed.has(id)) put(id, older, 'before');
    for (const id of e.after) if (stayed.has(id)) put(id, newer, 'after');
    let shown = 0;
    const movedSet = new Set(e.moved);
    for (const [k, c] of cells) {
      if (c.before.every((id, i) => c.after[i] === id)) continue;
      const [laneId = '', stepId = ''] = k.split('\u0000');
      const moved = c.after.filter((id) => movedSet.has(id));
      const names = (moved.length ? moved : c.after).slice(0, 3).map((id) => q(newer.plain('card', id)));
      out.push({ group: 'reordered', kind: 'card', id: moved[0] ?? c.after[0] ?? '', text: `Cards in ${newer.cell(laneId, stepId)} reordered: ${names.join(', ')} moved.`, ...pathOf(newer, 'card', moved[0] ?? c.after[0]) });
      shown++;
    }
    if (!shown) out.push({ group: 'reordered', kind: 'card', id: '', text: 'Cards are stored in another order (the map shows no difference).' });
    return out;
  }
  const where = e.kind === 'step' ? ` of stage ${q(newer.plain('stage', e.parent ?? ''))}` : '';
  const moved = e.moved.slice(0, 3).map((id) => `${q(newer.plain(e.kind, id))} (now ${ordinal(e.after.indexOf(id) + 1)} of ${e.after.length})`);
  out.push({ group: 'reordered', kind: e.kind, id: e.moved[0] ?? '', text: `${PLURAL_WORDS[e.kind]}${where} reordered: ${moved.join(', ')}${e.moved.length > 3 ? ` and ${e.moved.length - 3} more` : ''} moved.`, ...pathOf(newer, e.kind, e.moved[0], e.parent) });
  return out;
}

type AddOrRemove = Extract<DiffEntry, { type: 'add' | 'remove' }>;

/** Ids of the entities of a kind that a diff adds or removes. */
const idsOf = (diff: JourneyDiff, type: 'add' | 'remove', kind: EntityKind) => new Set(diff.entries.filter((e): e is AddOrRemove => e.type === type && e.kind === kind).map((e) => e.id));

const pathOf = (n: Names, kind: EntityKind, id: string | undefined, parent?: string) => {
  const p = id === undefined ? undefined : n.path(kind, id, parent);
  return p === undefined ? {} : { path: p };
};

function emotionLines(diff: JourneyDiff, older: Names, newer: Names): DiffLine[] {
  const out: DiffLine[] = [];
  const byCurve = new Map<string, EmotionDelta[]>();
  const addedCurves = idsOf(diff, 'add', 'curve');
  const removedCurves = idsOf(diff, 'remove', 'curve');
  for (const d of emotionDeltas(diff)) {
    if (addedCurves.has(d.curveId) || removedCurves.has(d.curveId)) continue;
    (byCurve.get(d.curveId) ?? byCurve.set(d.curveId, []).get(d.curveId)!).push(d);
  }
  for (const [curveId, deltas] of byCurve) {
    const names = newer.has('curve', curveId) ? newer : older;
    for (const d of deltas) {
      const step = q((newer.has('step', d.stepId) ? newer : older).plain('step', d.stepId));
      const at = `${names.curveName(curveId)} at ${step}`;
      const text =
        d.before === undefined ? `${at}: set to ${signed(d.after ?? 0)}.` : d.after === undefined ? `${at}: ${signed(d.before)} cleared.` : `${at}: ${signed(d.before)} → ${signed(d.after)} (${signed(round(d.after - d.before))}).`;
      out.push({ group: 'emotions', kind: 'point', id: d.stepId, text, ...pathOf(newer, 'point', d.stepId, curveId) });
    }
    const both = deltas.filter((d) => d.before !== undefined && d.after !== undefined);
    if (both.length > 1) {
      const up = both.filter((d) => (d.after ?? 0) > (d.before ?? 0)).length;
      const down = both.filter((d) => (d.after ?? 0) < (d.before ?? 0)).length;
      const net = round(both.reduce((s, d) => s + (d.after ?? 0) - (d.before ?? 0), 0));
      out.push({ group: 'emotions', kind: 'curve', id: curveId, text: `${names.curveName(curveId)}: ${up} step${up === 1 ? '' : 's'} better, ${down} worse (net ${signed(net)}).`, ...pathOf(newer, 'curve', curveId) });
    }
  }
  return out;
}

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
  moved: number;
  reordered: number;
  emotions: number;
}

/** How many lines of each group: the summary the panel and the changelog show first. */
export function countLines(lines: readonly DiffLine[]): DiffCounts {
  const c: DiffCounts = { added: 0, removed: 0, changed: 0, moved: 0, reordered: 0, emotions: 0 };
  for (const l of lines) c[l.group]++;
  return c;
}

/** "3 added, 1 removed, 2 changed" (groups with none are left out); "No changes." when empty. */
export function summariseCounts(c: DiffCounts): string {
  const parts = LINE_GROUPS.filter((g) => c[g] > 0).map((g) => `${c[g]} ${g === 'emotions' ? `emotion change${c[g] === 1 ? '' : 's'}` : g}`);
  return parts.length ? parts.join(', ') : 'No changes';
}
