// The journey's entities as the diff sees them: which lists hold them, how each is keyed, and which
// of its keys are not plain fields (the key itself, child lists, a card's cell). When the model's
// entity table (forEachEntity) lands, this is the one place to build on it.
import type { Journey } from '../model/types';
import type { EntityKind, EntityValue } from './types';

/** The journey's own lists of entities, in document order. */
export const JOURNEY_LISTS = ['personas', 'stages', 'lanes', 'cards', 'curves', 'links', 'evidence'] as const;
export type JourneyList = (typeof JOURNEY_LISTS)[number];

export const KIND_OF_LIST: Record<JourneyList, EntityKind> = {
  personas: 'persona',
  stages: 'stage',
  lanes: 'lane',
  cards: 'card',
  curves: 'curve',
  links: 'link',
  evidence: 'evidence',
};

export const LIST_OF_KIND: Partial<Record<EntityKind, JourneyList>> = Object.fromEntries(Object.entries(KIND_OF_LIST).map(([l, k]) => [k, l as JourneyList]));

/** Keys of an entity that are not compared as fields. */
const NOT_FIELDS: Record<EntityKind, ReadonlySet<string>> = {
  journey: new Set(JOURNEY_LISTS),
  persona: new Set(['id']),
  stage: new Set(['id', 'steps']),
  step: new Set(['id']),
  lane: new Set(['id']),
  card: new Set(['id', 'laneId', 'stepId']),
  curve: new Set(['id', 'points']),
  point: new Set(['stepId']),
  link: new Set(['id']),
  evidence: new Set(['id']),
};

export const isField = (kind: EntityKind, key: string): boolean => !NOT_FIELDS[kind].has(key);

/** The child list an entity holds, dropped from its value in add and remove entries. */
export const CHILD_LIST: Partial<Record<EntityKind, 'steps' | 'points'>> = { stage: 'steps', curve: 'points' };

/** One list of entities: a journey list, a stage's steps or a curve's points. */
export interface EntityList {
  kind: EntityKind;
  /** The stage or curve id for steps and points. */
  parent?: string;
  items: readonly EntityValue[];
}

export const keyOf = (kind: EntityKind, item: EntityValue): string => String(kind === 'point' ? item.stepId : item.id);

/** Every list of entities in document order: the journey's lists, then each stage's steps and each curve's points. */
export function entityLists(j: Journey): EntityList[] {
  const lists: EntityList[] = JOURNEY_LISTS.map((l) => ({ kind: KIND_OF_LIST[l], items: j[l] as unknown as EntityValue[] }));
  for (const s of j.stages) lists.push({ kind: 'step', parent: s.id, items: s.steps as unknown as EntityValue[] });
  for (const c of j.curves) lists.push({ kind: 'point', parent: c.id, items: c.points as unknown as EntityValue[] });
  return lists;
}

/** A list's identity: its kind and, for steps and points, its stage or curve. */
export const listKey = (kind: EntityKind, parent: string | undefined): string => (parent === undefined ? kind : `${kind}\u0000${parent}`);

/** An entity's identity: points are keyed by their curve and step, everything else by kind and id. */
export const entityKey = (kind: EntityKind, id: string, parent: string | undefined): string => (kind === 'point' ? `point\u0000${parent ?? ''}\u0000${id}` : `${kind}\u0000${id}`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Deep equality of JSON values; the order of an object's keys does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k], b[k]));
}

/** A deep copy of a JSON value (own "__proto__" fields stay own fields: JSON.parse defines them). */
export const copyJson = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** Sets or (with undefined) removes a field; defineProperty, so a field named "__proto__" stays a field. */
export function setField(target: Record<string, unknown>, field: string, value: unknown): void {
  if (value === undefined) delete target[field];
  else Object.defineProperty(target, field, { value, enumerable: true, writable: true, configurable: true });
}

/** The entity without its child list, as add and remove entries hold it. */
export function valueOf(kind: EntityKind, item: EntityValue): EntityValue {
  const copy = copyJson(item);
  const child = CHILD_LIST[kind];
  if (child) delete copy[child];
  return copy;
}
