// Every id in a journey, and new ids that never clash with one. Ids are unique across the whole
// journey (validate.ts), so whatever adds an entity (the panel's editor, sync) allocates here.
// test/sync/ids.test.ts walks the zod schema and fails when an entity with an `id` is missing.
import { LIMITS } from './limits';
import type { Journey } from './types';

/** Visits every id in document order, the journey's own first; `path` names its place, for messages. */
export function forEachId(j: Journey, visit: (id: string, path: () => string) => void): void {
  visit(j.id, () => '(journey)');
  j.personas.forEach((p, i) => visit(p.id, () => `personas[${i}]`));
  j.stages.forEach((s, i) => {
    visit(s.id, () => `stages[${i}]`);
    s.steps.forEach((st, k) => visit(st.id, () => `stages[${i}].steps[${k}]`));
    s.metrics.forEach((m, k) => {
      if (m.id !== undefined) visit(m.id, () => `stages[${i}].metrics[${k}]`);
    });
  });
  j.lanes.forEach((l, i) => visit(l.id, () => `lanes[${i}]`));
  j.cards.forEach((c, i) => visit(c.id, () => `cards[${i}]`));
  j.curves.forEach((c, i) => visit(c.id, () => `curves[${i}]`));
  j.links.forEach((l, i) => visit(l.id, () => `links[${i}]`));
  j.evidence.forEach((e, i) => visit(e.id, () => `evidence[${i}]`));
  j.views.forEach((v, i) => visit(v.id, () => `views[${i}]`));
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

  constructor(private readonly taken: Set<string>) {}

  static forJourney(j: Journey): IdAllocator {
    return new IdAllocator(allIds(j));
  }

  /** `base` itself when free, else `base-2`, `base-3`… (the base is cleaned first). */
  claim(raw: string): string {
    const base = idBase(raw);
    return this.taken.has(base) ? this.numbered(base, 2) : this.take(base);
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
