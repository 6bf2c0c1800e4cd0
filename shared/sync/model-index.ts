// Lookups over the stored journey, built once per sync: a map of 2,000 cards has ~20,000 nodes,
// so no rule may search a list per item.
import { emotionGeometry, type EmotionGeometry } from '../layout/emotion';
import { cellKey, entityKey } from '../layout/keys';
import { METRICS } from '../layout/metrics';
import type { Card, Curve, Journey, Lane } from '../model/types';
import type { StyleOptions } from '../style/options';

export interface ModelIndex {
  journey: Journey;
  /** Every entity a text field can belong to, by entityKey(kind, id). */
  entities: Map<string, Record<string, unknown>>;
  cards: Map<string, Card>;
  /** Lanes drawn on the map, in the journey's order. */
  visibleLanes: Lane[];
  /** Lanes drawn as rows of cells (visible, not emotion). */
  cardLanes: Map<string, Lane>;
  /** Emotion lanes drawn on the map. */
  emotionLanes: Lane[];
  stepNames: Map<string, string>;
  curves: Map<string, Curve>;
  /** A curve's value at a step, by pointId(curveId, stepId). */
  pointValues: Map<string, number>;
  personaNames: Map<string, string>;
  emotion: EmotionGeometry;
}

export const pointId = (curveId: string, stepId: string): string => cellKey(curveId, stepId);

export function indexModel(j: Journey, style: StyleOptions): ModelIndex {
  const hidden = new Set(style.hiddenLanes);
  const visible = j.lanes.filter((l) => !l.hidden && !hidden.has(l.id));
  const pointValues = new Map<string, number>();
  for (const c of j.curves) for (const p of c.points) pointValues.set(pointId(c.id, p.stepId), p.value);
  return {
    journey: j,
    entities: entityIndex(j),
    cards: new Map(j.cards.map((c) => [c.id, c])),
    visibleLanes: visible,
    cardLanes: new Map(visible.filter((l) => l.type !== 'emotion').map((l) => [l.id, l])),
    emotionLanes: visible.filter((l) => l.type === 'emotion'),
    stepNames: new Map(j.stages.flatMap((s) => s.steps.map((st) => [st.id, st.name] as const))),
    curves: new Map(j.curves.map((c) => [c.id, c])),
    pointValues,
    personaNames: new Map(j.personas.map((p) => [p.id, p.name])),
    emotion: emotionGeometry(j, METRICS[style.density].emotionHeight),
  };
}

function entityIndex(j: Journey): Map<string, Record<string, unknown>> {
  const index = new Map<string, Record<string, unknown>>();
  const add = (kind: string, item: { id: string }) => index.set(entityKey(kind, item.id), item as unknown as Record<string, unknown>);
  add('journey', j);
  for (const p of j.personas) add('persona', p);
  for (const s of j.stages) {
    add('stage', s);
    for (const st of s.steps) add('step', st);
  }
  for (const l of j.lanes) add('lane', l);
  for (const c of j.cards) add('card', c);
  for (const l of j.links) add('link', l);
  return index;
}

export const stepName = (m: ModelIndex, stepId: string): string => m.stepNames.get(stepId) ?? stepId;
export const laneLabel = (m: ModelIndex, laneId: string): string => m.cardLanes.get(laneId)?.label ?? laneId;

/** The lane and step of a cell id, when both are drawn as a cell of the grid. */
export function drawnCell(m: ModelIndex, cell: { laneId: string; stepId: string } | null): { laneId: string; stepId: string } | null {
  return cell && m.cardLanes.has(cell.laneId) && m.stepNames.has(cell.stepId) ? cell : null;
}

/** Whether a card's lane and step are drawn (a card in a hidden lane is not on the canvas). */
export const isCardDrawn = (m: ModelIndex, card: Card): boolean => m.cardLanes.has(card.laneId) && m.stepNames.has(card.stepId);
