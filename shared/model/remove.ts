// Removing entities from a journey, and what hangs off them, as the shape table's references say
// (entities.ts, RefSpec.onRemove): a step takes its cards, its curve points and the links to it;
// a card takes its links; a persona takes its curves and leaves its lanes to everyone; evidence
// leaves the lists that cite it. The panel's editor and sync's deletions both remove through here.
import { CHILD_KINDS, ENTITIES, itemsOf, shapeOf, type AnyEntity, type EntityKind, type RefSpec } from './entities';
import type { Journey } from './types';

type Gone = Map<EntityKind, Set<string>>;

/**
 * The journey without the entities of `kind` with these ids, nor anything removed with them.
 * Immutable: a list or an entity with nothing removed or changed in it keeps its identity, and a
 * journey with nothing to remove is returned as it is.
 */
export function removeEntities(j: Journey, kind: EntityKind, ids: Iterable<string>): Journey {
  const gone: Gone = new Map([[kind, new Set(ids)]]);
  collect({ kind: 'journey', item: j }, gone, false);
  return rebuild({ kind: 'journey', item: j }, gone) as Journey;
}

const isGone = (gone: Gone, kind: EntityKind, id: string | undefined) => id !== undefined && (gone.get(kind)?.has(id) ?? false);

const namesGone = (ref: RefSpec, value: unknown, gone: Gone) => typeof value === 'string' && ref.to.some((k) => isGone(gone, k, value));

/**
 * Marks what goes with what is gone, in one pass in document order: an entity goes with its
 * parent, or when a `remove` reference names something gone. Every such reference names a kind
 * earlier in the table (test/shared/entities.test.ts), so one pass finds them all.
 */
function collect(e: AnyEntity, gone: Gone, parentGone: boolean): void {
  const shape = shapeOf(e.kind);
  const id = shape.id(e.item);
  const item = e.item as Record<string, unknown>;
  const goes = parentGone || isGone(gone, e.kind, id) || Object.entries(shape.refs).some(([field, ref]) => ref.onRemove === 'remove' && namesGone(ref, item[field], gone));
  if (goes && id !== undefined) {
    const set = gone.get(e.kind) ?? new Set<string>();
    set.add(id);
    gone.set(e.kind, set);
  }
  for (const kind of CHILD_KINDS[e.kind]) for (const child of itemsOf(e.item, kind)) collect({ kind, item: child } as AnyEntity, gone, goes);
}

function survives(e: AnyEntity, gone: Gone): boolean {
  const shape = shapeOf(e.kind);
  if (isGone(gone, e.kind, shape.id(e.item))) return false;
  const item = e.item as Record<string, unknown>;
  return !Object.entries(shape.refs).some(([field, ref]) => ref.onRemove === 'remove' && namesGone(ref, item[field], gone));
}

/** The entity with its gone children left out and its `unset` and `drop` references to gone entities cleared. */
function rebuild(e: AnyEntity, gone: Gone): object {
  let out: Record<string, unknown> | null = null;
  const item = e.item as Record<string, unknown>;
  const edit = () => (out ??= { ...item });
  for (const [field, ref] of Object.entries(shapeOf(e.kind).refs)) {
    const value = item[field];
    if (ref.onRemove === 'unset' && namesGone(ref, value, gone)) delete edit()[field];
    else if (ref.onRemove === 'drop' && Array.isArray(value) && value.some((v) => namesGone(ref, v, gone))) edit()[field] = value.filter((v) => !namesGone(ref, v, gone));
  }
  for (const kind of CHILD_KINDS[e.kind]) {
    const items = itemsOf(e.item, kind);
    const kept = items.filter((child) => survives({ kind, item: child } as AnyEntity, gone)).map((child) => rebuild({ kind, item: child } as AnyEntity, gone));
    if (kept.length !== items.length || kept.some((k, i) => k !== items[i])) edit()[ENTITIES[kind].home!.list] = kept;
  }
  return out ?? e.item;
}
