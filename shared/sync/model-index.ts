// Lookups over the stored journey, built once per sync: a map of 2,000 cards has ~20,000 nodes,
// so no rule may search a list per item. The entities come from the journey index (one walk of the
// shape table, shared/model/journey-index.ts); this adds what only sync needs (drawn lanes, geometry).
import { emotionGeometry, type EmotionGeometry } from '../layout/emotion';
import { cellKey } from '../layout/keys';
import { entityById, indexJourney, type JourneyIndex } from '../model/journey-index';
import { isEntityKind } from '../model/entities';
import { METRICS } from '../layout/metrics';
import type { Card, Curve, Journey, Lane } from '../model/types';
import { visibleLanes, type StyleOptions } from '../style/options';

export interface ModelIndex {
  journey: Journey;
  /** Every entity by kind and id. */
  index: JourneyIndex;
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
  const visible = visibleLanes(j.lanes, style);
  const index = indexJourney(j);
  const pointValues = new Map<string, number>();
  for (const c of j.curves) for (const p of c.points) pointValues.set(pointId(c.id, p.stepId), p.value);
  return {
    journey: j,
    index,
    cards: index.byId.card,
    visibleLanes: visible,
    cardLanes: new Map(visible.filter((l) => l.type !== 'emotion').map((l) => [l.id, l])),
    emotionLanes: visible.filter((l) => l.type === 'emotion'),
    stepNames: new Map(index.steps.map((st) => [st.id, st.name] as const)),
    curves: index.byId.curve,
    pointValues,
    personaNames: new Map(j.personas.map((p) => [p.id, p.name])),
    emotion: emotionGeometry(j, METRICS[style.density].emotionHeight),
  };
}

/** The entity of a kind (a tag's) with an id, when the journey has it. */
export function entityOf(m: ModelIndex, kind: string, id: string): Record<string, unknown> | undefined {
  return isEntityKind(kind) ? (entityById(m.index, kind, id) as Record<string, unknown> | undefined) : undefined;
}

export const stepName = (m: ModelIndex, stepId: string): string => m.stepNames.get(stepId) ?? stepId;
export const laneLabel = (m: ModelIndex, laneId: string): string => m.cardLanes.get(laneId)?.label ?? laneId;

/** The lane and step of a cell id, when both are drawn as a cell of the grid. */
export function drawnCell(m: ModelIndex, cell: { laneId: string; stepId: string } | null): { laneId: string; stepId: string } | null {
  return cell && m.cardLanes.has(cell.laneId) && m.stepNames.has(cell.stepId) ? cell : null;
}

/** Whether a card's lane and step are drawn (a card in a hidden lane is not on the canvas). */
export const isCardDrawn = (m: ModelIndex, card: Card): boolean => m.cardLanes.has(card.laneId) && m.stepNames.has(card.stepId);
