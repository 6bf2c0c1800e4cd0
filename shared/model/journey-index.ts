// Lookups over a journey, built in one walk of the shape table (entities.ts): each entity by kind
// and id, the steps in order, the cards of each cell and the points of each curve. Whatever looks
// things up more than once builds one of these instead of searching a list per item (a map of
// 2,000 cards would otherwise cost millions of steps).
import { ENTITY_KINDS, forEachEntity, shapeOf, type AnyEntity, type EntityKind, type EntityTypes } from './entities';
import type { Card, CurvePoint, Journey, Stage, Step } from './types';
import { drain, type Steps } from '../steps';

export interface JourneyIndex {
  journey: Journey;
  /** Each entity that has an id, by kind and id (the first, when an id is used twice). */
  byId: { [K in EntityKind]: Map<string, EntityTypes[K]> };
  /** The first entity holding each id, whatever its kind. */
  owners: Map<string, AnyEntity>;
  /** Steps in the journey's order, with their stage and position. */
  steps: Step[];
  stageOfStep: Map<string, Stage>;
  stepOrder: Map<string, number>;
  /** The cards of each cell, by lane id then step id, in the journey's order. */
  cells: Map<string, Map<string, Card[]>>;
  /** Each curve's points, by curve id then step id. */
  points: Map<string, Map<string, CurvePoint>>;
}

const emptyById = () => Object.fromEntries(ENTITY_KINDS.map((k) => [k, new Map()])) as unknown as JourneyIndex['byId'];

export const indexJourney = (journey: Journey): JourneyIndex => drain(indexJourneySteps(journey));

/** Entities indexed between two pauses of indexJourneySteps. */
const ENTITIES_PER_STEP = 500;

/** indexJourney in steps: sync indexes the whole journey it applies an edit to (10k entities at 2,000 cards). */
export function* indexJourneySteps(journey: Journey): Steps<JourneyIndex> {
  const ix: JourneyIndex = { journey, byId: emptyById(), owners: new Map(), steps: [], stageOfStep: new Map(), stepOrder: new Map(), cells: new Map(), points: new Map() };
  const visits: [AnyEntity, AnyEntity | null][] = [];
  forEachEntity(journey, (e, _path, parent) => void visits.push([e, parent]));
  yield;
  for (let i = 0; i < visits.length; i++) {
    const [e, parent] = visits[i]!;
    const id = shapeOf(e.kind).id(e.item);
    if (id !== undefined) addEntity(ix, e, id);
    if (e.kind === 'step' && parent?.kind === 'stage') addStep(ix, e.item, parent.item);
    else if (e.kind === 'card') addCard(ix, e.item);
    else if (e.kind === 'point' && parent?.kind === 'curve') addPoint(ix, parent.item.id, e.item);
    if (i % ENTITIES_PER_STEP === ENTITIES_PER_STEP - 1) yield;
  }
  return ix;
}

function addEntity(ix: JourneyIndex, e: AnyEntity, id: string): void {
  const byKind = ix.byId[e.kind] as Map<string, unknown>;
  if (!byKind.has(id)) byKind.set(id, e.item);
  if (!ix.owners.has(id)) ix.owners.set(id, e);
}

function addStep(ix: JourneyIndex, step: Step, stage: Stage): void {
  if (!ix.stepOrder.has(step.id)) {
    ix.stepOrder.set(step.id, ix.steps.length);
    ix.stageOfStep.set(step.id, stage);
  }
  ix.steps.push(step);
}

/** Adds a card added to the journey after the index was built (sync's addCard). */
export function addCard(ix: JourneyIndex, card: Card): void {
  if (!ix.byId.card.has(card.id)) ix.byId.card.set(card.id, card);
  const cell = nested(ix.cells, card.laneId);
  const list = cell.get(card.stepId);
  if (list) list.push(card);
  else cell.set(card.stepId, [card]);
}

function addPoint(ix: JourneyIndex, curveId: string, point: CurvePoint): void {
  const points = nested(ix.points, curveId);
  if (!points.has(point.stepId)) points.set(point.stepId, point);
}

function nested<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map()));
  return inner;
}

/** The entity of a kind with an id. */
export function entityById<K extends EntityKind>(ix: JourneyIndex, kind: K, id: string): EntityTypes[K] | undefined {
  return ix.byId[kind].get(id);
}

/** The cards in a lane at a step, in the journey's order. */
export const cardsIn = (ix: JourneyIndex, laneId: string, stepId: string): readonly Card[] => ix.cells.get(laneId)?.get(stepId) ?? [];

/** A curve's point at a step. */
export const pointAt = (ix: JourneyIndex, curveId: string, stepId: string): CurvePoint | undefined => ix.points.get(curveId)?.get(stepId);
