// Every id in a journey, and new ids that never clash with one. Ids are unique across the whole
// journey (validate.ts), so whatever adds an entity (the panel's editor, sync, the importers)
// allocates here. The walk is the shape table's (entities.ts); test/sync/ids.test.ts walks the zod
// schema and fails when an entity with an `id` is missing from it.
import { forEachEntity, shapeOf } from './entities';
import { LIMITS } from './limits';
import type { Journey } from './types';

/** Visits every id in document order, the journey's own first; `path` names its place, for messages. */
export function forEachId(j: Journey, visit: (id: string, path: () => string) => void): void {
  forEachEntity(j, (e, path) => {
    const id = shapeOf(e.kind).id(e.item);
    if (id !== undefined) visit(id, path);
  });
}

export function allIds(j: Journey): Set<string> {
  const ids = new Set<string>();
  forEachId(j, (id) => ids.add(id));
  return ids;
}

/** Room left after a base for a `-<n>` suffix, so an allocated id stays within the id limit. */
const BASE_LENGTH = LIMITS.idLength - 8;

/** A base made of the id alphabet (letters, digits, `_ . : -`), short enough for a suffix. */
export function idBase(raw: string): string {
  return raw.replace(/[^A-Za-z0-9_.:-]/g, '-').slice(0, BASE_LENGTH) || 'id';
}

/**
 * Hands out ids that are not taken, adding each to the taken set. Keeps a counter per base, so
 * allocating many ids from one base costs one step each, not a search from the start every time.
 */
export class IdAllocator {
  private readonly counters = new Map<string, number>();

  constructor(private readonly taken: Set<string> = new Set()) {}

  static forJourney(j: Journey): IdAllocator {
    return new IdAllocator(allIds(j));
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  /** Marks an id as taken (an importer's explicit ids, before any is derived). False if it already was. */
  reserve(id: string): boolean {
    if (this.taken.has(id)) return false;
    this.taken.add(id);
    return true;
  }

  /** `base` itself when free, else `base-2`, `base-3`… (the base is used as it is). */
  derive(base: string): string {
    return this.taken.has(base) ? this.numbered(base, 2) : this.take(base);
  }

  /** derive() from a base cleaned to the id alphabet and length first. */
  claim(raw: string): string {
    return this.derive(idBase(raw));
  }

  /** The first free `prefix-<n>`, counting from `first`. */
  numbered(prefix: string, first = 1): string {
    const counter = `${first} ${prefix}`;
    let n = this.counters.get(counter) ?? first;
    while (this.taken.has(`${prefix}-${n}`)) n++;
    this.counters.set(counter, n + 1);
    return this.take(`${prefix}-${n}`);
  }

  private take(id: string): string {
    this.taken.add(id);
    return id;
  }
}
