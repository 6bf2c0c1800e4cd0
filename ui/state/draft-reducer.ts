// Every form edit of the journey draft, as one pure reducer: (journey, action) -> journey.
// Rules kept here so they are tested once:
//  - ids are stable; new items get ids unique across the whole journey (shared/model/ids.ts);
//  - removing something removes what hangs off it (a step's cards and curve points, a lane's
//    cards, links that pointed at removed steps or cards, a persona's curves), as the shape
//    table's references say (shared/model/remove.ts);
//  - a stage always keeps at least one step and the journey at least one stage (the schema
//    requires both), so those removals are no-ops and the UI disables them;
//  - unknown fields on loose objects survive every edit.
// Actions that change nothing return the same object, so callers can skip work.
import type {
  Card,
  Curve,
  Evidence,
  Journey,
  Lane,
  LaneType,
  Persona,
  Stage,
  Step,
} from '../../shared/model';
import { DEFAULT_EMOTION_SCALE } from '../../shared/model';
import type { CurveKind, JourneyStatus } from '../../shared/model/types';
import { CURVE_KIND_LABELS, LANE_TYPE_LABELS } from '../../shared/model/labels';
import { IdAllocator } from '../../shared/model/ids';
import { removeEntities } from '../../shared/model/remove';
import { move, moveBy } from './list-moves';
import { reduceMetric, type MetricAction } from './metric-actions';
import { patched } from './patch';
import { reduceView, withViewRefs, type ViewAction } from './view-actions';

export type { MetricAction, MetricPatch, MetricRef } from './metric-actions';
export type { ViewAction, ViewPatch } from './view-actions';

/** The first free `<prefix>-<n>` in the journey (ids are unique across it; shared/model/ids.ts). */
const newId = (j: Journey, prefix: string): string => IdAllocator.forJourney(j).numbered(prefix);

export type { CurveKind, JourneyStatus } from '../../shared/model/types';
export type MetaField = 'title' | 'description' | 'objective' | 'owner' | 'updated' | 'reviewBy';

type Patch<T, K extends keyof T = never> = { [P in Exclude<keyof T, 'id' | K>]?: T[P] | undefined };
export type PersonaPatch = Patch<Persona>;
export type StagePatch = Patch<Stage, 'steps' | 'metrics'>;
export type StepPatch = Patch<Step>;
export type LanePatch = Patch<Lane>;
export type CardPatch = Patch<Card, 'laneId' | 'stepId'>;
export type EvidencePatch = Patch<Evidence>;
export type NewEvidence = Pick<Evidence, 'kind' | 'source' | 'confidence'> & { url?: string; quote?: string; date?: string };

export type DraftAction =
  | { type: 'replace'; journey: Journey }
  | { type: 'setMeta'; field: MetaField; value: string }
  | { type: 'setStatus'; status: JourneyStatus }
  | { type: 'setTags'; tags: string[] }
  | { type: 'addPersona'; name?: string }
  | { type: 'updatePersona'; id: string; patch: PersonaPatch }
  | { type: 'movePersona'; id: string; by: number }
  | { type: 'removePersona'; id: string }
  | { type: 'addStage'; name?: string; afterId?: string }
  | { type: 'renameStage'; id: string; name: string }
  | { type: 'updateStage'; id: string; patch: StagePatch }
  | { type: 'moveStage'; id: string; by: number }
  | { type: 'removeStage'; id: string }
  | { type: 'addStep'; stageId: string; name?: string; afterId?: string }
  | { type: 'renameStep'; id: string; name: string }
  | { type: 'updateStep'; id: string; patch: StepPatch }
  | { type: 'moveStep'; id: string; by: number }
  | { type: 'moveStepTo'; id: string; stageId: string; index: number }
  | { type: 'removeStep'; id: string }
  | MetricAction
  | { type: 'addLane'; laneType: LaneType; label?: string; personaId?: string }
  | { type: 'updateLane'; id: string; patch: LanePatch }
  | { type: 'moveLane'; id: string; by: number }
  | { type: 'removeLane'; id: string }
  | { type: 'addCard'; laneId: string; stepId: string; text?: string }
  | { type: 'updateCard'; id: string; patch: CardPatch }
  | { type: 'moveCard'; id: string; by: number }
  | { type: 'moveCardTo'; id: string; laneId: string; stepId: string }
  | { type: 'removeCard'; id: string }
  | { type: 'addCurve'; personaId: string; kind: CurveKind; name?: string }
  | { type: 'updateCurve'; id: string; patch: { name?: string; kind?: CurveKind } }
  | { type: 'removeCurve'; id: string }
  | { type: 'setEmotion'; curveId: string; stepId: string; value: number | null }
  | { type: 'addEvidence'; item: NewEvidence; cardId?: string }
  | { type: 'updateEvidence'; id: string; patch: EvidencePatch }
  | { type: 'removeEvidence'; id: string }
  | { type: 'setCardEvidence'; cardId: string; evidenceId: string; attached: boolean }
  | ViewAction;

/** A new curve is named after its kind, in the words the panel and the map use. */
export const CURVE_NAMES: Record<CurveKind, string> = CURVE_KIND_LABELS;

function mapById<T extends { id: string }>(list: readonly T[], id: string, fn: (item: T) => T): T[] | null {
  let hit = false;
  const out = list.map((x) => {
    if (x.id !== id) return x;
    hit = true;
    return fn(x);
  });
  return hit ? out : null;
}

export function stepOrder(j: Journey): string[] {
  return j.stages.flatMap((s) => s.steps.map((st) => st.id));
}

function findStep(j: Journey, stepId: string): { stage: number; step: number } | null {
  for (let i = 0; i < j.stages.length; i++) {
    const k = j.stages[i]!.steps.findIndex((st) => st.id === stepId);
    if (k >= 0) return { stage: i, step: k };
  }
  return null;
}

function withStages(j: Journey, stages: Stage[]): Journey {
  return { ...j, stages };
}

const optionalText = (value: string) => (value.trim() === '' ? undefined : value);

function patchStage(j: Journey, id: string, patch: StagePatch): Journey {
  const stages = mapById(j.stages, id, (s) => patched(s, patch));
  return stages ? withStages(j, stages) : j;
}

function patchStep(j: Journey, id: string, patch: StepPatch): Journey {
  let hit = false;
  const stages = j.stages.map((s) => {
    const steps = mapById(s.steps, id, (st) => patched(st, patch));
    if (!steps) return s;
    hit = true;
    return { ...s, steps };
  });
  return hit ? withStages(j, stages) : j;
}

type Handler<K extends DraftAction['type']> = (j: Journey, action: Extract<DraftAction, { type: K }>) => Journey;

/** How each action changes the draft; each returns the same journey when it changes nothing. */
const HANDLERS: { [K in DraftAction['type']]: Handler<K> } = {
  addView: reduceView,
  updateView: reduceView,
  moveView: reduceView,
  removeView: reduceView,
  replace(j, action) {
    return action.journey;
  },
  setMeta(j, action) {
    const value = action.field === 'title' ? action.value : optionalText(action.value);
    return patched(j, { [action.field]: value });
  },
  setStatus(j, action) {
    return { ...j, status: action.status };
  },
  setTags(j, action) {
    return { ...j, tags: action.tags.map((t) => t.trim()).filter(Boolean) };
  },
  // Personas
  addPersona(j, action) {
    const id = newId(j, 'persona');
    const persona: Persona = { id, name: action.name ?? `Persona ${j.personas.length + 1}`, goals: [], frustrations: [], evidence: [] };
    return { ...j, personas: [...j.personas, persona] };
  },
  updatePersona(j, action) {
    const personas = mapById(j.personas, action.id, (p) => patched(p, action.patch));
    return personas ? { ...j, personas } : j;
  },
  movePersona(j, action) {
    const personas = moveBy(j.personas, action.id, action.by);
    return personas === j.personas ? j : { ...j, personas: [...personas] };
  },
  removePersona(j, action) {
    // Its curves go; a lane scoped to it becomes a lane about everyone, and its cards stay.
    return removeEntities(j, 'persona', [action.id]);
  },
  // Stages
  addStage(j, action) {
    const ids = IdAllocator.forJourney(j);
    const stage: Stage = {
      id: ids.numbered('stage'),
      name: action.name ?? `Stage ${j.stages.length + 1}`,
      metrics: [],
      steps: [{ id: ids.numbered('step'), name: 'Step 1' }],
    };
    const at = action.afterId ? j.stages.findIndex((s) => s.id === action.afterId) + 1 : j.stages.length;
    const stages = [...j.stages];
    stages.splice(at <= 0 ? j.stages.length : at, 0, stage);
    return withStages(j, stages);
  },
  renameStage: (j, action) => patchStage(j, action.id, { name: action.name }),
  updateStage: (j, action) => patchStage(j, action.id, action.patch),
  moveStage(j, action) {
    const stages = moveBy(j.stages, action.id, action.by);
    return stages === j.stages ? j : withStages(j, [...stages]);
  },
  removeStage(j, action) {
    if (j.stages.length <= 1) return j;
    return removeEntities(j, 'stage', [action.id]);
  },
  // Steps
  addStep(j, action) {
    const i = j.stages.findIndex((s) => s.id === action.stageId);
    const stage = j.stages[i];
    if (!stage) return j;
    const step: Step = { id: newId(j, 'step'), name: action.name ?? `Step ${stage.steps.length + 1}` };
    const at = action.afterId ? stage.steps.findIndex((st) => st.id === action.afterId) + 1 : stage.steps.length;
    const steps = [...stage.steps];
    steps.splice(at <= 0 ? steps.length : at, 0, step);
    const stages = [...j.stages];
    stages[i] = { ...stage, steps };
    return withStages(j, stages);
  },
  renameStep: (j, action) => patchStep(j, action.id, { name: action.name }),
  updateStep: (j, action) => patchStep(j, action.id, action.patch),
  moveStep(j, action) {
    const at = findStep(j, action.id);
    if (!at || action.by === 0) return j;
    const stage = j.stages[at.stage]!;
    const target = at.step + action.by;
    if (target >= 0 && target < stage.steps.length) {
      return reduceMoveStepTo(j, action.id, stage.id, target);
    }
    // Past the edge of its stage: into the neighbouring stage (end of the previous, start of the next).
    const neighbour = j.stages[at.stage + Math.sign(action.by)];
    if (!neighbour) return j;
    return reduceMoveStepTo(j, action.id, neighbour.id, action.by < 0 ? neighbour.steps.length : 0);
  },
  moveStepTo(j, action) {
    return reduceMoveStepTo(j, action.id, action.stageId, action.index);
  },
  removeStep(j, action) {
    const at = findStep(j, action.id);
    if (!at || j.stages[at.stage]!.steps.length <= 1) return j;
    return removeEntities(j, 'step', [action.id]);
  },
  // Stage metrics (metric-actions.ts)
  addMetric: reduceMetric,
  updateMetric: reduceMetric,
  removeMetric: reduceMetric,
  // Lanes
  addLane(j, action) {
    const lane: Lane = {
      id: newId(j, 'lane'),
      type: action.laneType,
      label: action.label ?? LANE_TYPE_LABELS[action.laneType],
    };
    if (action.personaId) lane.personaId = action.personaId;
    return { ...j, lanes: [...j.lanes, lane] };
  },
  updateLane(j, action) {
    const lanes = mapById(j.lanes, action.id, (l) => patched(l, action.patch));
    return lanes ? { ...j, lanes } : j;
  },
  moveLane(j, action) {
    const lanes = moveBy(j.lanes, action.id, action.by);
    return lanes === j.lanes ? j : { ...j, lanes: [...lanes] };
  },
  removeLane(j, action) {
    return removeEntities(j, 'lane', [action.id]);
  },
  // Cards. Their order in `cards` is their order within a cell.
  addCard(j, action) {
    const card: Card = { id: newId(j, 'card'), laneId: action.laneId, stepId: action.stepId, text: action.text ?? '', evidence: [] };
    return { ...j, cards: [...j.cards, card] };
  },
  updateCard(j, action) {
    const cards = mapById(j.cards, action.id, (c) => patched(c, action.patch));
    return cards ? { ...j, cards } : j;
  },
  moveCard(j, action) {
    const from = j.cards.findIndex((c) => c.id === action.id);
    const card = j.cards[from];
    if (!card || action.by === 0) return j;
    // Neighbours in the same cell, in order; swap places with the one `by` positions away.
    const cell = j.cards
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.laneId === card.laneId && c.stepId === card.stepId);
    const pos = cell.findIndex(({ i }) => i === from);
    const other = cell[Math.max(0, Math.min(cell.length - 1, pos + action.by))];
    if (!other || other.i === from) return j;
    const cards = [...j.cards];
    cards[from] = other.c;
    cards[other.i] = card;
    return { ...j, cards };
  },
  moveCardTo(j, action) {
    const card = j.cards.find((c) => c.id === action.id);
    if (!card || (card.laneId === action.laneId && card.stepId === action.stepId)) return j;
    return { ...j, cards: [...j.cards.filter((c) => c.id !== action.id), { ...card, laneId: action.laneId, stepId: action.stepId }] };
  },
  removeCard(j, action) {
    return removeEntities(j, 'card', [action.id]);
  },
  // Emotion curves
  addCurve(j, action) {
    if (!j.personas.some((p) => p.id === action.personaId)) return j;
    const curve: Curve = {
      id: newId(j, 'curve'),
      personaId: action.personaId,
      name: action.name ?? CURVE_NAMES[action.kind],
      kind: action.kind,
      points: [],
    };
    return { ...j, curves: [...j.curves, curve] };
  },
  updateCurve(j, action) {
    const curves = mapById(j.curves, action.id, (c) => patched(c, action.patch));
    return curves ? { ...j, curves } : j;
  },
  removeCurve(j, action) {
    return removeEntities(j, 'curve', [action.id]);
  },
  setEmotion(j, action) {
    const order = stepOrder(j);
    if (!order.includes(action.stepId)) return j;
    const curves = mapById(j.curves, action.curveId, (c) => {
      const rest = c.points.filter((p) => p.stepId !== action.stepId);
      if (action.value === null) return { ...c, points: rest };
      const old = c.points.find((p) => p.stepId === action.stepId);
      const value = Math.max(j.emotionScale.min, Math.min(j.emotionScale.max, action.value));
      const points = [...rest, { ...old, stepId: action.stepId, value }];
      // Keep points in step order so the JSON reads left to right.
      points.sort((a, b) => order.indexOf(a.stepId) - order.indexOf(b.stepId));
      return { ...c, points };
    });
    return curves ? { ...j, curves } : j;
  },
  // Evidence
  addEvidence(j, action) {
    const id = newId(j, 'evidence');
    const item: Evidence = { ...action.item, id };
    const next: Journey = { ...j, evidence: [...j.evidence, item] };
    return action.cardId ? draftReducer(next, { type: 'setCardEvidence', cardId: action.cardId, evidenceId: id, attached: true }) : next;
  },
  updateEvidence(j, action) {
    const evidence = mapById(j.evidence, action.id, (e) => patched(e, action.patch));
    return evidence ? { ...j, evidence } : j;
  },
  removeEvidence(j, action) {
    return removeEntities(j, 'evidence', [action.id]);
  },
  setCardEvidence(j, action) {
    const cards = mapById(j.cards, action.cardId, (c) => {
      const has = c.evidence.includes(action.evidenceId);
      if (has === action.attached) return c;
      return { ...c, evidence: action.attached ? [...c.evidence, action.evidenceId] : c.evidence.filter((e) => e !== action.evidenceId) };
    });
    return cards ? { ...j, cards } : j;
  },
};

export function draftReducer(j: Journey, action: DraftAction): Journey {
  const next = (HANDLERS[action.type] as (j: Journey, action: DraftAction) => Journey)(j, action);
  return next === j ? j : withViewRefs(next);
}

function reduceMoveStepTo(j: Journey, stepId: string, stageId: string, index: number): Journey {
  const at = findStep(j, stepId);
  const toStage = j.stages.findIndex((s) => s.id === stageId);
  if (!at || toStage < 0) return j;
  const fromStage = j.stages[at.stage]!;
  if (toStage === at.stage) {
    const clamped = Math.max(0, Math.min(fromStage.steps.length - 1, index));
    if (clamped === at.step) return j;
    const stages = [...j.stages];
    stages[at.stage] = { ...fromStage, steps: move(fromStage.steps, at.step, clamped) };
    return withStages(j, stages);
  }
  // Leaving a stage with no steps would make the journey invalid.
  if (fromStage.steps.length <= 1) return j;
  const step = fromStage.steps[at.step]!;
  const target = j.stages[toStage]!;
  const steps = [...target.steps];
  steps.splice(Math.max(0, Math.min(index, steps.length)), 0, step);
  const stages = [...j.stages];
  stages[at.stage] = { ...fromStage, steps: fromStage.steps.filter((st) => st.id !== stepId) };
  stages[toStage] = { ...target, steps };
  return withStages(j, stages);
}

/** A fresh journey for "New": one stage, one step, one persona and the most used lanes. */
export function newJourney(): Journey {
  return {
    id: 'journey-1',
    title: 'Untitled journey',
    status: 'draft',
    tags: [],
    emotionScale: { ...DEFAULT_EMOTION_SCALE, labels: DEFAULT_EMOTION_SCALE.labels.map((l) => ({ ...l })) },
    personas: [{ id: 'persona-1', name: 'Customer', goals: [], frustrations: [], evidence: [] }],
    stages: [{ id: 'stage-1', name: 'Discover', metrics: [], steps: [{ id: 'step-1', name: 'First step' }] }],
    lanes: [
      { id: 'lane-1', type: 'actions', label: 'Actions' },
      { id: 'lane-2', type: 'emotion', label: 'Emotion' },
      { id: 'lane-3', type: 'painPoints', label: 'Pain points' },
    ],
    cards: [],
    curves: [{ id: 'curve-1', personaId: 'persona-1', name: 'As-is', kind: 'as-is', points: [] }],
    links: [],
    evidence: [],
    views: [],
  };
}
