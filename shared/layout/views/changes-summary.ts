// What the Changes view (./changes.ts) says about two journeys, made where the diff runs: in the
// panel's iframe or in Node (the preview, tests), never in the sandbox, whose bundle carries no
// diff (test/bench/budgets.json, codeJsBytes). The plugin gets the summary with the newer journey
// (message showChanges) and only lays it out.
import { diffJourneys } from '../../diff/diff';
import type { JourneyDiff } from '../../diff/types';
import { countLines, describeDiff, summariseCounts } from '../../diff/words';
import type { Curve, Journey } from '../../model/types';
import { signed } from '../../model/text-codecs';
import type { StyleOptions } from '../../style/options';
import type { FrameSpec } from '../spec';
import { layoutChanges, q, type ChangeMark, type ChangesSummary } from './changes';

export interface ChangesOptions {
  /** How each side is named in the header ("version “Kick-off” (2026-11-30)", "the map"). */
  labels?: { from: string; to: string };
  /** As-is against to-be: the curve drawn faint (from the older journey) … */
  curveA?: string;
  /** … behind this curve of the newer journey. Both or neither. */
  curveB?: string;
  /** diffJourneys(older, newer), when the caller has it already. */
  diff?: JourneyDiff;
}

export interface ChangeMarks {
  cards: Map<string, ChangeMark>;
  steps: Map<string, ChangeMark>;
  stages: Map<string, ChangeMark>;
}

const FIELD_WORDS: Record<string, string> = { customPhase: 'phase', reviewBy: 'review-by date' };
const fieldWord = (f: string) => FIELD_WORDS[f] ?? f.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function stepPlace(j: Journey, stepId: string): string {
  for (const s of j.stages) {
    const step = s.steps.find((st) => st.id === stepId);
    if (step) return `${s.name} › ${step.name}`;
  }
  return stepId;
}
const laneName = (j: Journey, laneId: string) => j.lanes.find((l) => l.id === laneId)?.label ?? laneId;

/** What to mark where: from the diff's add, change and move entries of cards, steps and stages. */
export function changeMarks(diff: JourneyDiff, older: Journey): ChangeMarks {
  const marks: ChangeMarks = { cards: new Map(), steps: new Map(), stages: new Map() };
  const stageName = new Map(older.stages.map((s) => [s.id, s.name]));
  const get = (kind: 'card' | 'step' | 'stage', id: string): ChangeMark => {
    const map = kind === 'card' ? marks.cards : kind === 'step' ? marks.steps : marks.stages;
    return map.get(id) ?? map.set(id, {}).get(id)!;
  };
  for (const e of diff.entries) {
    if (e.type === 'reorder' || e.type === 'remove') continue;
    if (e.kind !== 'card' && e.kind !== 'step' && e.kind !== 'stage') continue;
    if (e.type === 'add') get(e.kind, e.id).added = true;
    else if (e.type === 'moveCard') {
      const lane = e.from.laneId !== e.to.laneId ? laneName(older, e.from.laneId) : '';
      const place = e.from.stepId !== e.to.stepId ? stepPlace(older, e.from.stepId) : '';
      get('card', e.id).movedFrom = lane && place ? `${lane} · ${place}` : lane ? `lane ${q(lane, 32)}` : place;
    } else if (e.type === 'moveStep') get('step', e.id).movedFrom = `stage ${q(stageName.get(e.from) ?? e.from, 32)}`;
    else if (e.type === 'change') {
      const mark = get(e.kind, e.id);
      mark.changed = [...(mark.changed ?? []), fieldWord(e.field)];
      if (e.field === (e.kind === 'card' ? 'text' : 'name') && typeof e.before === 'string') mark.was = e.before;
    }
  }
  return marks;
}

/** "Mia · As-is" */
const curveLabel = (j: Journey, c: Curve) => `${j.personas.find((p) => p.id === c.personaId)?.name ?? c.personaId} · ${c.name}`;

/** As-is against to-be: per step where both have a value, better, worse or the same. */
function curveCounts(a: Curve, b: Curve): string {
  const av = new Map(a.points.map((p) => [p.stepId, p.value]));
  let better = 0;
  let worse = 0;
  let same = 0;
  let net = 0;
  for (const p of b.points) {
    const before = av.get(p.stepId);
    if (before === undefined) continue;
    if (p.value > before) better++;
    else if (p.value < before) worse++;
    else same++;
    net += p.value - before;
  }
  return `${better} step${better === 1 ? '' : 's'} better, ${worse} worse, ${same} the same (net ${signed(Math.round(net * 100) / 100)})`;
}

const ghostOf = (c: Curve, personaId: string): ChangesSummary['ghosts'][number] => ({ id: c.id, name: c.name, personaId, points: c.points.map((p) => ({ stepId: p.stepId, value: p.value })) });

/** The older curves to draw faint: those whose values changed or that are gone (an unchanged one would hide behind itself). */
function ghostsOf(older: Journey, newer: Journey): ChangesSummary['ghosts'] {
  const values = (c: Curve) => new Map(c.points.map((p) => [p.stepId, p.value]));
  const changed = (c: Curve) => {
    const now = newer.curves.find((n) => n.id === c.id);
    if (!now) return true;
    const a = values(c);
    const b = values(now);
    return a.size !== b.size || [...a].some(([step, v]) => b.get(step) !== v);
  };
  return older.curves.filter(changed).map((c) => ghostOf(c, c.personaId));
}

/** What the Changes view of `older` → `newer` says (see ./changes.ts). */
export function changesSummary(older: Journey, newer: Journey, opts: ChangesOptions = {}): ChangesSummary {
  const labels = opts.labels ?? { from: older.title, to: newer.title };
  const diff = opts.diff ?? diffJourneys(older, newer);
  const lines = describeDiff(diff, older, newer);
  const marks = changeMarks(diff, older);
  const list = (m: Map<string, ChangeMark>) => [...m].map(([id, mark]) => ({ id, mark }));
  const removed: ChangesSummary['removed'] = [
    ...diff.entries.flatMap((e) => (e.type === 'remove' && e.kind === 'card' ? [{ card: e.id, text: `${q(String(e.value.text ?? ''), 120)} was in ${laneName(older, String(e.value.laneId))} · ${stepPlace(older, String(e.value.stepId))}` }] : [])),
    ...lines.filter((l) => l.group === 'removed' && l.kind !== 'card').map((l) => ({ text: l.text })),
  ];
  const base = { cards: list(marks.cards), steps: list(marks.steps), stages: list(marks.stages), removed };
  const a = opts.curveA !== undefined ? older.curves.find((c) => c.id === opts.curveA) : undefined;
  const b = opts.curveB !== undefined ? newer.curves.find((c) => c.id === opts.curveB) : undefined;
  if (a && b)
    return {
      ...base,
      heading: `Changes from ${curveLabel(older, a)} to ${curveLabel(newer, b)}`,
      counts: `${curveLabel(newer, b)} against ${curveLabel(older, a)}: ${curveCounts(a, b)}.`,
      ghostWords: `Faint dotted curve with rings: ${curveLabel(older, a)}, drawn behind the curve it is compared with.`,
      ghosts: [ghostOf(a, b.personaId)],
      curves: true,
      ...(a.id !== b.id && newer.curves.some((c) => c.id === a.id) ? { hide: a.id } : {}),
    };
  return {
    ...base,
    heading: `Changes from ${labels.from} to ${labels.to}`,
    counts: `${summariseCounts(countLines(lines))}.`,
    ghostWords: `Faint dotted curves with rings: emotions in ${labels.from}, drawn behind the curves that changed.`,
    ghosts: ghostsOf(older, newer),
  };
}

/** The Changes view of `older` → `newer` in one call (tests, the preview's checks). */
export function layoutChangesView(older: Journey, newer: Journey, style: StyleOptions, opts: ChangesOptions = {}): FrameSpec {
  return layoutChanges(newer, style, changesSummary(older, newer, opts));
}
