// diffJourneys(a, b): what changed from journey a to journey b, entity by entity (./types.ts).
// Pure, and in steps that pause every few hundred entities (shared/steps.ts), so the plugin can
// compare two large journeys without holding Figma's main thread.
import type { Journey } from '../model/types';
import { drain, type Steps } from '../steps';
import { entityKey, entityLists, isField, keyOf, listKey, sameJson, valueOf, copyJson, type EntityList } from './entities';
import type { DiffEntry, EntityKind, EntityValue, JourneyDiff } from './types';

/** Entities compared between two pauses. */
const STEP = 200;

interface Placed {
  kind: EntityKind;
  id: string;
  parent: string | undefined;
  index: number;
  item: EntityValue;
}

function index(lists: EntityList[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const list of lists)
    list.items.forEach((item, i) => {
      const id = keyOf(list.kind, item);
      out.set(entityKey(list.kind, id, list.parent), { kind: list.kind, id, parent: list.parent, index: i, item });
    });
  return out;
}

const withParent = (parent: string | undefined) => (parent === undefined ? {} : { parent });

/** The field-level changes of an entity found in both journeys. */
function fieldChanges(kind: EntityKind, id: string, parent: string | undefined, a: EntityValue, b: EntityValue, out: DiffEntry[]): void {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const field of keys) {
    if (!isField(kind, field)) continue;
    const has = (o: EntityValue) => Object.prototype.hasOwnProperty.call(o, field) && o[field] !== undefined;
    const before = has(a) ? a[field] : undefined;
    const after = has(b) ? b[field] : undefined;
    if (sameJson(before, after)) continue;
    out.push({
      type: 'change',
      kind,
      id,
      ...withParent(parent),
      field,
      ...(before === undefined ? {} : { before: copyJson(before) }),
      ...(after === undefined ? {} : { after: copyJson(after) }),
    });
  }
}

/**
 * The fewest items to take out of `seq` so that what is left is increasing: the longest
 * increasing subsequence (patience sorting, n log n) is kept, the rest "moved".
 */
export function movedItems(ids: readonly string[], rank: (id: string) => number): string[] {
  const ranks = ids.map(rank);
  const tails: number[] = [];
  const prev = new Array<number>(ids.length).fill(-1);
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ranks[tails[mid] as number] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? (tails[tails.length - 1] as number) : -1; i >= 0; i = prev[i] as number) kept.add(i);
  return ids.filter((_, i) => !kept.has(i));
}

export const diffJourneys = (a: Journey, b: Journey): JourneyDiff => drain(diffSteps(a, b));

/** diffJourneys in steps that pause every STEP entities. */
export function* diffSteps(a: Journey, b: Journey): Steps<JourneyDiff> {
  const entries: DiffEntry[] = [];
  fieldChanges('journey', b.id, undefined, a as unknown as EntityValue, b as unknown as EntityValue, entries);
  const listsA = entityLists(a);
  const listsB = entityLists(b);
  const inA = index(listsA);
  yield;
  const inB = index(listsB);
  yield;
  // Steps are unique by id across stages, so a step found in another stage has moved there.
  const stepsA = new Map<string, Placed>();
  const stepsB = new Map<string, Placed>();
  for (const p of inA.values()) if (p.kind === 'step') stepsA.set(p.id, p);
  for (const p of inB.values()) if (p.kind === 'step') stepsB.set(p.id, p);
  let done = 0;
  const pause = () => ++done % STEP === 0;

  for (const list of listsA) {
    for (const item of list.items) {
      const id = keyOf(list.kind, item);
      const found = list.kind === 'step' ? stepsB.has(id) : inB.has(entityKey(list.kind, id, list.parent));
      if (!found) entries.push({ type: 'remove', kind: list.kind, id, ...withParent(list.parent), index: inA.get(entityKey(list.kind, id, list.parent))?.index ?? 0, value: valueOf(list.kind, item) });
      if (pause()) yield;
    }
  }
  for (const list of listsB) {
    for (const [i, item] of list.items.entries()) {
      const id = keyOf(list.kind, item);
      const old = list.kind === 'step' ? stepsA.get(id) : inA.get(entityKey(list.kind, id, list.parent));
      if (!old) entries.push({ type: 'add', kind: list.kind, id, ...withParent(list.parent), index: i, value: valueOf(list.kind, item) });
      else {
        if (list.kind === 'step' && old.parent !== list.parent) entries.push({ type: 'moveStep', kind: 'step', id, from: old.parent ?? '', to: list.parent ?? '', fromIndex: old.index, index: i });
        if (list.kind === 'card' && (old.item.laneId !== item.laneId || old.item.stepId !== item.stepId))
          entries.push({ type: 'moveCard', kind: 'card', id, from: { laneId: String(old.item.laneId), stepId: String(old.item.stepId) }, to: { laneId: String(item.laneId), stepId: String(item.stepId) } });
        // Steps are found by id wherever they are; only points need their curve.
        fieldChanges(list.kind, id, list.kind === 'point' ? list.parent : undefined, old.item, item, entries);
      }
      if (pause()) yield;
    }
  }

  // Order: within each list, the items in it before and after keep their relative order, or the list is reordered.
  const byKeyA = new Map(listsA.map((l) => [listKey(l.kind, l.parent), l]));
  for (const list of listsB) {
    const old = byKeyA.get(listKey(list.kind, list.parent));
    if (!old) continue;
    const idsA = old.items.map((it) => keyOf(list.kind, it));
    const idsB = list.items.map((it) => keyOf(list.kind, it));
    const setB = new Set(idsB);
    const setA = new Set(idsA);
    const stayedA = idsA.filter((id) => setB.has(id));
    const stayedB = idsB.filter((id) => setA.has(id));
    if (stayedA.every((id, i) => stayedB[i] === id)) continue;
    const rank = new Map(stayedA.map((id, i) => [id, i]));
    entries.push({ type: 'reorder', kind: list.kind, ...withParent(list.parent), before: idsA, after: idsB, moved: movedItems(stayedB, (id) => rank.get(id) ?? 0) });
    yield;
  }
  return { entries };
}

/** The entries that change something: a diff of equal journeys has none. */
export const isEmptyDiff = (d: JourneyDiff): boolean => d.entries.length === 0;
