// Applying a diff to a journey, and reversing a diff. applyDiff(a, diffJourneys(a, b)) equals b and
// applyDiff(b, reverseDiff(diffJourneys(a, b))) equals a (test/diff/diff.property.test.ts), up to
// the order of keys inside an object, which JSON readers ignore.
//
// Each list is rebuilt the same way: the items that stay (in their old order), then new and
// moved-in items inserted at their new index from the lowest up, then, if the diff says the list
// was reordered, the whole list put in its new order. Field changes and card moves come last.
import type { Journey } from '../model/types';
import { CHILD_LIST, copyJson, JOURNEY_LISTS, KIND_OF_LIST, keyOf, listKey, setField } from './entities';
import type { DiffEntry, EntityKind, EntityValue, JourneyDiff } from './types';

type Insert = { index: number; item: EntityValue };

function rebuild(kind: EntityKind, old: readonly EntityValue[], leaving: ReadonlySet<string>, inserts: Insert[], order: string[] | undefined): EntityValue[] {
  const list = old.filter((it) => !leaving.has(keyOf(kind, it)));
  for (const ins of [...inserts].sort((x, y) => x.index - y.index)) list.splice(Math.min(ins.index, list.length), 0, ins.item);
  if (!order) return list;
  const at = new Map(order.map((id, i) => [id, i]));
  return list.map((it, i) => ({ it, i })).sort((x, y) => (at.get(keyOf(kind, x.it)) ?? order.length + x.i) - (at.get(keyOf(kind, y.it)) ?? order.length + y.i)).map((x) => x.it);
}

const withChild = (kind: EntityKind, value: EntityValue): EntityValue => {
  const item = copyJson(value);
  const child = CHILD_LIST[kind];
  if (child) item[child] = [];
  return item;
};

/** The journey `diff` leads to from `journey` (a copy; the input is not changed). */
export function applyDiff(journey: Journey, diff: JourneyDiff): Journey {
  const j = copyJson(journey) as unknown as Record<string, unknown> & Journey;
  const leaving = new Map<string, Set<string>>();
  const inserts = new Map<string, Insert[]>();
  const orders = new Map<string, string[]>();
  const leave = (lk: string, id: string) => (leaving.get(lk) ?? leaving.set(lk, new Set()).get(lk)!).add(id);
  const insert = (lk: string, ins: Insert) => (inserts.get(lk) ?? inserts.set(lk, []).get(lk)!).push(ins);
  const stepsById = new Map<string, EntityValue>();
  for (const s of j.stages) for (const st of s.steps) stepsById.set(st.id, st as unknown as EntityValue);

  for (const e of diff.entries) {
    if (e.type === 'remove') leave(listKey(e.kind, e.parent), e.id);
    else if (e.type === 'add') insert(listKey(e.kind, e.parent), { index: e.index, item: withChild(e.kind, e.value) });
    else if (e.type === 'moveStep') {
      leave(listKey('step', e.from), e.id);
      const step = stepsById.get(e.id);
      if (step) insert(listKey('step', e.to), { index: e.index, item: step });
    } else if (e.type === 'reorder') orders.set(listKey(e.kind, e.parent), e.after);
  }
  const none = new Set<string>();
  for (const l of JOURNEY_LISTS) {
    const kind = KIND_OF_LIST[l];
    const lk = listKey(kind, undefined);
    j[l] = rebuild(kind, j[l] as unknown as EntityValue[], leaving.get(lk) ?? none, inserts.get(lk) ?? [], orders.get(lk)) as never;
  }
  for (const s of j.stages) {
    const lk = listKey('step', s.id);
    s.steps = rebuild('step', s.steps as unknown as EntityValue[], leaving.get(lk) ?? none, inserts.get(lk) ?? [], orders.get(lk)) as never;
  }
  for (const c of j.curves) {
    const lk = listKey('point', c.id);
    c.points = rebuild('point', c.points as unknown as EntityValue[], leaving.get(lk) ?? none, inserts.get(lk) ?? [], orders.get(lk)) as never;
  }

  const find = entityFinder(j);
  for (const e of diff.entries) {
    if (e.type === 'change') {
      const target = find(e.kind, e.id, e.parent);
      if (target) setField(target, e.field, copyJson(e.after));
    } else if (e.type === 'moveCard') {
      const card = find('card', e.id, undefined);
      if (card) {
        card.laneId = e.to.laneId;
        card.stepId = e.to.stepId;
      }
    }
  }
  return j;
}

/** Finds an entity of a journey by kind and id (points by curve and step). */
export function entityFinder(j: Journey): (kind: EntityKind, id: string, parent: string | undefined) => EntityValue | undefined {
  const maps = new Map<string, EntityValue>();
  const put = (kind: EntityKind, id: string, parent: string | undefined, item: unknown) => maps.set(kind === 'point' ? `point\u0000${parent ?? ''}\u0000${id}` : `${kind}\u0000${id}`, item as EntityValue);
  for (const l of JOURNEY_LISTS) for (const item of j[l] as unknown as EntityValue[]) put(KIND_OF_LIST[l], keyOf(KIND_OF_LIST[l], item), undefined, item);
  for (const s of j.stages) for (const st of s.steps) put('step', st.id, s.id, st);
  for (const c of j.curves) for (const p of c.points) put('point', p.stepId, c.id, p);
  return (kind, id, parent) => (kind === 'journey' ? (j as unknown as EntityValue) : maps.get(kind === 'point' ? `point\u0000${parent ?? ''}\u0000${id}` : `${kind}\u0000${id}`));
}

function reverseEntry(e: DiffEntry): DiffEntry {
  switch (e.type) {
    case 'add':
      return { ...e, type: 'remove' };
    case 'remove':
      return { ...e, type: 'add' };
    case 'change': {
      const { before, after, ...rest } = e;
      return { ...rest, ...(after === undefined ? {} : { before: after }), ...(before === undefined ? {} : { after: before }) };
    }
    case 'moveCard':
      return { ...e, from: e.to, to: e.from };
    case 'moveStep':
      return { ...e, from: e.to, to: e.from, fromIndex: e.index, index: e.fromIndex };
    case 'reorder':
      return { ...e, before: e.after, after: e.before };
  }
}

/** The diff that undoes `diff`: applied to the newer journey, it gives the older one. */
export function reverseDiff(diff: JourneyDiff): JourneyDiff {
  return { entries: diff.entries.map(reverseEntry) };
}
